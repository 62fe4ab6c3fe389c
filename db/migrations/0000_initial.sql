CREATE TABLE `connections` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`exchange` text NOT NULL,
	`name` text NOT NULL,
	`market` text NOT NULL,
	`masked_key` text NOT NULL,
	`key_fingerprint` text NOT NULL,
	`seal_key_id` text NOT NULL,
	`sealed_api_key` text NOT NULL,
	`sealed_secret` text NOT NULL,
	`sealed_passphrase` text,
	`status` text DEFAULT 'untested' NOT NULL,
	`consecutive_failures` integer DEFAULT 0 NOT NULL,
	`last_tested_at` integer,
	`last_report` text,
	`status_changed_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `connections_user_name` ON `connections` (`user_id`,`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `connections_key_fingerprint` ON `connections` (`key_fingerprint`);--> statement-breakpoint
CREATE INDEX `connections_seal_key` ON `connections` (`seal_key_id`);--> statement-breakpoint
CREATE INDEX `connections_due` ON `connections` (`last_tested_at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`connection_id` text,
	`idempotency_key` text NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`connection_id`) REFERENCES `connections`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_idempotency` ON `outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `test_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`connection_id` text NOT NULL,
	`tested_at` integer NOT NULL,
	`source` text NOT NULL,
	`verdict` text NOT NULL,
	`transient` integer NOT NULL,
	`codes` text NOT NULL,
	`report` text NOT NULL,
	`duration_ms` integer NOT NULL,
	FOREIGN KEY (`connection_id`) REFERENCES `connections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `test_results_connection` ON `test_results` (`connection_id`,`tested_at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY NOT NULL,
	`language` text,
	`notifications` integer DEFAULT true NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
