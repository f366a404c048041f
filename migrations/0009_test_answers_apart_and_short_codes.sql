CREATE TABLE `test_response` (
	`id` text PRIMARY KEY NOT NULL,
	`survey_id` integer NOT NULL,
	`submitted_at` integer NOT NULL,
	`lang` text NOT NULL,
	`answers_json` text NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `survey`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `test_response_survey_idx` ON `test_response` (`survey_id`);--> statement-breakpoint
ALTER TABLE `survey` ADD `short_code` text;--> statement-breakpoint
CREATE UNIQUE INDEX `survey_short_code_uq` ON `survey` (`short_code`);--> statement-breakpoint
-- Hand-written (issue 16): every survey gets a short code however it is made (the app, the demo
-- seed, bulk loads), from Crockford's base32 alphabet (no I, L, O, U); existing surveys get one now.
CREATE TRIGGER `survey_short_code_after_insert` AFTER INSERT ON `survey` WHEN NEW.`short_code` IS NULL BEGIN
  UPDATE `survey` SET `short_code` = substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + (abs(random()) % 32), 1) || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + (abs(random()) % 32), 1) || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + (abs(random()) % 32), 1) || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + (abs(random()) % 32), 1) || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + (abs(random()) % 32), 1) || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + (abs(random()) % 32), 1) WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
UPDATE `survey` SET `short_code` = substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + (abs(random()) % 32), 1) || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + (abs(random()) % 32), 1) || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + (abs(random()) % 32), 1) || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + (abs(random()) % 32), 1) || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + (abs(random()) % 32), 1) || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + (abs(random()) % 32), 1) WHERE `short_code` IS NULL;
