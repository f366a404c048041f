ALTER TABLE `event` ADD `reported_grade_distribution_json` text;--> statement-breakpoint
ALTER TABLE `event` ADD `reported_source` text;--> statement-breakpoint
-- The two Keski-Pohjanmaa days seeded from the published LAPE-Akatemia reports are real figures:
-- label them with their source and never as demo (databases seeded before this migration).
UPDATE `event` SET `is_demo` = 0, `reported_source` = 'LAPE-Akatemia 2019, Keski-Pohjanmaa: julkaistu raportti akatemiapäivästä 4.9.2019 (47 osallistujaa, keskiarvo 8,5)'
  WHERE `region_code` = '16' AND `date` = '2019-09-04' AND `reported_grade_mean` = 8.5 AND `reported_source` IS NULL;--> statement-breakpoint
UPDATE `event` SET `is_demo` = 0, `reported_source` = 'LAPE-Akatemia 2019, Keski-Pohjanmaa: julkaistu raportti akatemiapäivästä 6.11.2019 (59 osallistujaa, keskiarvo 8,0)'
  WHERE `region_code` = '16' AND `date` = '2019-11-06' AND `reported_grade_mean` = 8.0 AND `reported_source` IS NULL;--> statement-breakpoint
-- A day with a published result takes no more answers: close the surveys of days published so far.
UPDATE `survey` SET `closes_at` = coalesce(`closes_at`, CAST(unixepoch('subsec') * 1000 AS INTEGER))
  WHERE `event_id` IN (SELECT `id` FROM `event` WHERE `reported_grade_mean` IS NOT NULL);
