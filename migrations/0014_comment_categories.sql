CREATE TABLE `comment_category` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name_fi` text NOT NULL,
	`name_sv` text NOT NULL,
	`name_en` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `comment_tag` (
	`response_id` text NOT NULL,
	`question_id` integer NOT NULL,
	`category_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`response_id`, `question_id`, `category_id`),
	FOREIGN KEY (`category_id`) REFERENCES `comment_category`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`response_id`,`question_id`) REFERENCES `answer`(`response_id`,`question_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `comment_tag_category_idx` ON `comment_tag` (`category_id`);