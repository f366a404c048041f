CREATE TABLE `area` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name_fi` text NOT NULL,
	`name_sv` text NOT NULL,
	`name_en` text NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`source` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `area_region` (
	`region_code` text PRIMARY KEY NOT NULL,
	`area_id` integer NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `region`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `area`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `area_region_area_idx` ON `area_region` (`area_id`);--> statement-breakpoint
ALTER TABLE `user` ADD `area_id` integer REFERENCES area(id) ON DELETE SET NULL;