CREATE TABLE `answer` (
	`response_id` text NOT NULL,
	`question_id` integer NOT NULL,
	`num_value` real,
	`text_value` text,
	PRIMARY KEY(`response_id`, `question_id`),
	FOREIGN KEY (`response_id`) REFERENCES `response`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `answer_tally` (
	`survey_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`value` real NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`survey_id`, `question_id`, `value`),
	FOREIGN KEY (`survey_id`) REFERENCES `survey`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`programme_id` integer NOT NULL,
	`region_code` text,
	`date` text NOT NULL,
	`theme_id` integer,
	`title` text NOT NULL,
	`location` text,
	`attendance` integer,
	`reported_grade_mean` real,
	`reported_grade_n` integer,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`programme_id`) REFERENCES `programme`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_code`) REFERENCES `region`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`theme_id`) REFERENCES `theme`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `event_region_date_idx` ON `event` (`region_code`,`date`);--> statement-breakpoint
CREATE INDEX `event_programme_date_idx` ON `event` (`programme_id`,`date`);--> statement-breakpoint
CREATE INDEX `event_theme_idx` ON `event` (`theme_id`);--> statement-breakpoint
CREATE TABLE `programme` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`starts_on` text,
	`ends_on` text,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `question` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`set_id` integer NOT NULL,
	`position` integer NOT NULL,
	`key` text NOT NULL,
	`kind` text NOT NULL,
	`scale_min` real,
	`scale_max` real,
	`scale_step` real,
	`required` integer DEFAULT false NOT NULL,
	`max_length` integer,
	`text_fi` text NOT NULL,
	`text_sv` text NOT NULL,
	`text_en` text NOT NULL,
	`options_json` text,
	FOREIGN KEY (`set_id`) REFERENCES `question_set`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `question_set_key_uq` ON `question` (`set_id`,`key`);--> statement-breakpoint
CREATE TABLE `question_set` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`version` integer NOT NULL,
	`is_core` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `question_set_name_version_uq` ON `question_set` (`name`,`version`);--> statement-breakpoint
CREATE TABLE `region` (
	`code` text PRIMARY KEY NOT NULL,
	`name_fi` text NOT NULL,
	`name_sv` text NOT NULL,
	`name_en` text NOT NULL,
	`bilingual` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `response` (
	`id` text PRIMARY KEY NOT NULL,
	`survey_id` integer NOT NULL,
	`submitted_at` integer NOT NULL,
	`lang` text NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `survey`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `response_survey_submitted_idx` ON `response` (`survey_id`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `survey` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`slug` text NOT NULL,
	`question_set_id` integer NOT NULL,
	`opens_at` integer,
	`closes_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `event`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_set_id`) REFERENCES `question_set`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_slug_uq` ON `survey` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `survey_event_uq` ON `survey` (`event_id`);--> statement-breakpoint
CREATE TABLE `theme` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`programme_id` integer NOT NULL,
	`name_fi` text NOT NULL,
	`name_sv` text NOT NULL,
	`name_en` text NOT NULL,
	FOREIGN KEY (`programme_id`) REFERENCES `programme`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `theme_programme_idx` ON `theme` (`programme_id`);