CREATE TABLE `presenter_display` (
	`event_id` integer PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `event`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `presenter_display_token_uq` ON `presenter_display` (`token_hash`);--> statement-breakpoint
CREATE TABLE `survey_alias` (
	`alias` text PRIMARY KEY NOT NULL,
	`survey_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`retired_at` integer,
	FOREIGN KEY (`survey_id`) REFERENCES `survey`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `survey_alias_survey_idx` ON `survey_alias` (`survey_id`);