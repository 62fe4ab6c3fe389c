ALTER TABLE `connections` ADD `withdraw_confirmed_at` integer;--> statement-breakpoint
ALTER TABLE `connections` ADD `withdraw_confirmed_fingerprint` text;