CREATE TABLE `platform_audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`token_id` text,
	`connection_id` text,
	`outcome` text NOT NULL,
	`http_status` integer NOT NULL,
	`remote_address` text
);
--> statement-breakpoint
CREATE INDEX `platform_audit_connection` ON `platform_audit` (`connection_id`,`at`);--> statement-breakpoint
CREATE INDEX `platform_audit_token` ON `platform_audit` (`token_id`,`at`);--> statement-breakpoint
CREATE TABLE `platform_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`connection_id` text NOT NULL,
	`user_id` integer NOT NULL,
	`exchange` text NOT NULL,
	`status` text NOT NULL,
	`paused` integer NOT NULL,
	`dedupe_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`push_status` text,
	`push_attempts` integer DEFAULT 0 NOT NULL,
	`push_next_at` integer,
	`push_error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `platform_events_dedupe` ON `platform_events` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `platform_events_push` ON `platform_events` (`push_status`,`id`);--> statement-breakpoint
CREATE TABLE `service_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`scopes` text NOT NULL,
	`digest` text NOT NULL,
	`digest_key_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_tokens_live_name` ON `service_tokens` (`name`) WHERE "service_tokens"."revoked_at" IS NULL;--> statement-breakpoint
ALTER TABLE `connections` ADD `paused_at` integer;--> statement-breakpoint
ALTER TABLE `connections` ADD `last_credential_read_at` integer;