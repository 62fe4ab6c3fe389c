DROP INDEX `connections_key_fingerprint`;--> statement-breakpoint
ALTER TABLE `connections` ADD `proven_at` integer;--> statement-breakpoint
ALTER TABLE `connections` ADD `auth_failures` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `connections` ADD `monitor_paused_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `connections_key_fingerprint` ON `connections` (`key_fingerprint`) WHERE "connections"."proven_at" IS NOT NULL;