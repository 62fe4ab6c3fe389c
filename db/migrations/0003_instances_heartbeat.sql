CREATE TABLE `instances` (
	`id` text PRIMARY KEY NOT NULL,
	`role` text NOT NULL,
	`pid` integer NOT NULL,
	`host` text NOT NULL,
	`seal_key_id` text NOT NULL,
	`started_at` integer NOT NULL,
	`heartbeat_at` integer NOT NULL
);
