CREATE TABLE `test_response` (
	`id` text PRIMARY KEY NOT NULL,
	`survey_id` integer NOT NULL,
	`submitted_at` integer NOT NULL,
	`lang` text NOT NULL,
	`answers_json` text NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `survey`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `test_response_survey_idx` ON `test_response` (`survey_id`);