CREATE TABLE `grade_month_rollup` (
	`programme_id` integer NOT NULL,
	`region_code` text NOT NULL,
	`theme_id` integer NOT NULL,
	`month` text NOT NULL,
	`days` integer NOT NULL,
	`attendance` integer NOT NULL,
	`responses` integer NOT NULL,
	`surveyed_attendance` integer NOT NULL,
	`surveyed_responses` integer NOT NULL,
	`over100_events` integer NOT NULL,
	`graded_events` integer NOT NULL,
	`n` integer NOT NULL,
	`sum` real NOT NULL,
	`sum_sq` real NOT NULL,
	`event_n_sq` integer NOT NULL,
	`event_n_mean_sq_int` integer NOT NULL,
	`event_n_mean_sq_frac` integer NOT NULL,
	`demo_events` integer NOT NULL,
	PRIMARY KEY(`programme_id`, `region_code`, `theme_id`, `month`)
);
--> statement-breakpoint
CREATE INDEX `event_published_idx` ON `event` (`id`) WHERE "event"."reported_grade_mean" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `survey_unanswered_idx` ON `survey` (`closes_at`) WHERE "survey"."response_count" = 0 AND "survey"."archived_at" IS NULL;--> statement-breakpoint
-- Hand-written (issue 18): grade_month_rollup follows every day's survey sums (migrations 0004,
-- 0005: response_count, grade_n, grade_sum, grade_sum_sq) and the day's own fields inside the
-- database, on every write path (submissions, deletions, retention, imports, edits of a day), in
-- the writing transaction. A day adds its contribution to the row of its (programme, region,
-- theme, month) unless it is cancelled; a change takes the old contribution off and adds the new.
-- The expressions are those of src/queries/grade-sums.ts (DAY), which reads the same
-- sums per day for the partial months at the ends of a date filter. Published days count as days
-- but their answers never enter a pool; the clock-dependent part of the response rate (a day with
-- no answers yet whose survey has closed) is read live (survey_unanswered_idx).
INSERT INTO `grade_month_rollup` (`programme_id`, `region_code`, `theme_id`, `month`, `days`, `attendance`, `responses`, `surveyed_attendance`, `surveyed_responses`, `over100_events`, `graded_events`, `n`, `sum`, `sum_sq`, `event_n_sq`, `event_n_mean_sq_int`, `event_n_mean_sq_frac`, `demo_events`)
SELECT e.`programme_id`,
  ifnull(e.`region_code`, ''),
  ifnull(e.`theme_id`, 0),
  substr(e.`date`, 1, 7),
  sum(1),
  sum(ifnull(e.`attendance`, 0)),
  sum(s.`response_count`),
  sum((CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (s.`response_count` > 0 OR s.`archived_at` IS NOT NULL)) AND s.`response_count` <= e.`attendance` THEN e.`attendance` ELSE 0 END)),
  sum((CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (s.`response_count` > 0 OR s.`archived_at` IS NOT NULL)) AND s.`response_count` <= e.`attendance` THEN s.`response_count` ELSE 0 END)),
  sum((CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (s.`response_count` > 0 OR s.`archived_at` IS NOT NULL)) AND s.`response_count` > e.`attendance` THEN 1 ELSE 0 END)),
  sum((CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN 1 ELSE 0 END)),
  sum((CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_n` ELSE 0 END)),
  sum((CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_sum` ELSE 0 END)),
  sum((CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_sum_sq` ELSE 0 END)),
  sum((CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_n` * s.`grade_n` ELSE 0 END)),
  sum(ifnull(CAST((CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN s.`grade_sum` * s.`grade_sum` / s.`grade_n` END) AS INTEGER), 0)) + (sum(ifnull(CAST(((CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN s.`grade_sum` * s.`grade_sum` / s.`grade_n` END) - CAST((CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN s.`grade_sum` * s.`grade_sum` / s.`grade_n` END) AS INTEGER)) * 4503599627370496.0 AS INTEGER), 0)) >> 52),
  sum(ifnull(CAST(((CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN s.`grade_sum` * s.`grade_sum` / s.`grade_n` END) - CAST((CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN s.`grade_sum` * s.`grade_sum` / s.`grade_n` END) AS INTEGER)) * 4503599627370496.0 AS INTEGER), 0)) & 4503599627370495,
  sum(e.`is_demo`)
FROM `event` e JOIN `survey` s ON s.`event_id` = e.`id`
WHERE e.`cancelled_at` IS NULL
GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
CREATE TRIGGER `grade_month_rollup_after_survey_insert` AFTER INSERT ON `survey` BEGIN
  INSERT INTO `grade_month_rollup` (`programme_id`, `region_code`, `theme_id`, `month`, `days`, `attendance`, `responses`, `surveyed_attendance`, `surveyed_responses`, `over100_events`, `graded_events`, `n`, `sum`, `sum_sq`, `event_n_sq`, `event_n_mean_sq_int`, `event_n_mean_sq_frac`, `demo_events`)
  SELECT e.`programme_id`,
    ifnull(e.`region_code`, ''),
    ifnull(e.`theme_id`, 0),
    substr(e.`date`, 1, 7),
    1,
    ifnull(e.`attendance`, 0),
    s.`response_count`,
    (CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (s.`response_count` > 0 OR s.`archived_at` IS NOT NULL)) AND s.`response_count` <= e.`attendance` THEN e.`attendance` ELSE 0 END),
    (CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (s.`response_count` > 0 OR s.`archived_at` IS NOT NULL)) AND s.`response_count` <= e.`attendance` THEN s.`response_count` ELSE 0 END),
    (CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (s.`response_count` > 0 OR s.`archived_at` IS NOT NULL)) AND s.`response_count` > e.`attendance` THEN 1 ELSE 0 END),
    (CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN 1 ELSE 0 END),
    (CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_n` ELSE 0 END),
    (CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_sum` ELSE 0 END),
    (CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_sum_sq` ELSE 0 END),
    (CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_n` * s.`grade_n` ELSE 0 END),
    ifnull(CAST((CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN s.`grade_sum` * s.`grade_sum` / s.`grade_n` END) AS INTEGER), 0),
    ifnull(CAST(((CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN s.`grade_sum` * s.`grade_sum` / s.`grade_n` END) - CAST((CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN s.`grade_sum` * s.`grade_sum` / s.`grade_n` END) AS INTEGER)) * 4503599627370496.0 AS INTEGER), 0),
    e.`is_demo`
  FROM `event` e, `survey` s
  WHERE e.`id` = NEW.`event_id` AND s.`id` = NEW.`id` AND e.`cancelled_at` IS NULL
  ON CONFLICT (`programme_id`, `region_code`, `theme_id`, `month`) DO UPDATE SET
    `days` = `days` + excluded.`days`,
    `attendance` = `attendance` + excluded.`attendance`,
    `responses` = `responses` + excluded.`responses`,
    `surveyed_attendance` = `surveyed_attendance` + excluded.`surveyed_attendance`,
    `surveyed_responses` = `surveyed_responses` + excluded.`surveyed_responses`,
    `over100_events` = `over100_events` + excluded.`over100_events`,
    `graded_events` = `graded_events` + excluded.`graded_events`,
    `n` = `n` + excluded.`n`,
    `sum` = `sum` + excluded.`sum`,
    `sum_sq` = `sum_sq` + excluded.`sum_sq`,
    `event_n_sq` = `event_n_sq` + excluded.`event_n_sq`,
    `demo_events` = `demo_events` + excluded.`demo_events`,
    `event_n_mean_sq_int` = `event_n_mean_sq_int` + excluded.`event_n_mean_sq_int` + ((`event_n_mean_sq_frac` + excluded.`event_n_mean_sq_frac`) >> 52),
    `event_n_mean_sq_frac` = (`event_n_mean_sq_frac` + excluded.`event_n_mean_sq_frac`) & 4503599627370495;
END;
--> statement-breakpoint
-- One day's sums changed (an answer stored or deleted, retention archived it): one upsert of the
-- difference. Two triggers, each on its own columns, so a statement that sets the response count
-- (migrations/0004) or the grade sums (0005) compiles and runs only the half it needs.
CREATE TRIGGER `grade_month_rollup_after_survey_rate_update` AFTER UPDATE OF `response_count`, `archived_at` ON `survey`
WHEN OLD.`event_id` = NEW.`event_id` BEGIN
  INSERT INTO `grade_month_rollup` (`programme_id`, `region_code`, `theme_id`, `month`, `days`, `attendance`, `responses`, `surveyed_attendance`, `surveyed_responses`, `over100_events`, `graded_events`, `n`, `sum`, `sum_sq`, `event_n_sq`, `event_n_mean_sq_int`, `event_n_mean_sq_frac`, `demo_events`)
  SELECT e.`programme_id`,
    ifnull(e.`region_code`, ''),
    ifnull(e.`theme_id`, 0),
    substr(e.`date`, 1, 7),
    0,
    0,
    NEW.`response_count` - OLD.`response_count`,
    (CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (NEW.`response_count` > 0 OR NEW.`archived_at` IS NOT NULL)) AND NEW.`response_count` <= e.`attendance` THEN e.`attendance` ELSE 0 END) - (CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (OLD.`response_count` > 0 OR OLD.`archived_at` IS NOT NULL)) AND OLD.`response_count` <= e.`attendance` THEN e.`attendance` ELSE 0 END),
    (CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (NEW.`response_count` > 0 OR NEW.`archived_at` IS NOT NULL)) AND NEW.`response_count` <= e.`attendance` THEN NEW.`response_count` ELSE 0 END) - (CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (OLD.`response_count` > 0 OR OLD.`archived_at` IS NOT NULL)) AND OLD.`response_count` <= e.`attendance` THEN OLD.`response_count` ELSE 0 END),
    (CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (NEW.`response_count` > 0 OR NEW.`archived_at` IS NOT NULL)) AND NEW.`response_count` > e.`attendance` THEN 1 ELSE 0 END) - (CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (OLD.`response_count` > 0 OR OLD.`archived_at` IS NOT NULL)) AND OLD.`response_count` > e.`attendance` THEN 1 ELSE 0 END),
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0
  FROM `event` e
  WHERE e.`id` = NEW.`event_id` AND e.`cancelled_at` IS NULL
  ON CONFLICT (`programme_id`, `region_code`, `theme_id`, `month`) DO UPDATE SET
    `responses` = `responses` + excluded.`responses`,
    `surveyed_attendance` = `surveyed_attendance` + excluded.`surveyed_attendance`,
    `surveyed_responses` = `surveyed_responses` + excluded.`surveyed_responses`,
    `over100_events` = `over100_events` + excluded.`over100_events`;
END;
--> statement-breakpoint
CREATE TRIGGER `grade_month_rollup_after_survey_grade_update` AFTER UPDATE OF `grade_n`, `grade_sum`, `grade_sum_sq` ON `survey`
WHEN OLD.`event_id` = NEW.`event_id` BEGIN
  INSERT INTO `grade_month_rollup` (`programme_id`, `region_code`, `theme_id`, `month`, `days`, `attendance`, `responses`, `surveyed_attendance`, `surveyed_responses`, `over100_events`, `graded_events`, `n`, `sum`, `sum_sq`, `event_n_sq`, `event_n_mean_sq_int`, `event_n_mean_sq_frac`, `demo_events`)
  SELECT e.`programme_id`,
    ifnull(e.`region_code`, ''),
    ifnull(e.`theme_id`, 0),
    substr(e.`date`, 1, 7),
    0,
    0,
    0,
    0,
    0,
    0,
    (CASE WHEN e.`reported_grade_mean` IS NULL AND NEW.`grade_n` > 0 THEN 1 ELSE 0 END) - (CASE WHEN e.`reported_grade_mean` IS NULL AND OLD.`grade_n` > 0 THEN 1 ELSE 0 END),
    (CASE WHEN e.`reported_grade_mean` IS NULL THEN NEW.`grade_n` ELSE 0 END) - (CASE WHEN e.`reported_grade_mean` IS NULL THEN OLD.`grade_n` ELSE 0 END),
    (CASE WHEN e.`reported_grade_mean` IS NULL THEN NEW.`grade_sum` ELSE 0 END) - (CASE WHEN e.`reported_grade_mean` IS NULL THEN OLD.`grade_sum` ELSE 0 END),
    (CASE WHEN e.`reported_grade_mean` IS NULL THEN NEW.`grade_sum_sq` ELSE 0 END) - (CASE WHEN e.`reported_grade_mean` IS NULL THEN OLD.`grade_sum_sq` ELSE 0 END),
    (CASE WHEN e.`reported_grade_mean` IS NULL THEN NEW.`grade_n` * NEW.`grade_n` ELSE 0 END) - (CASE WHEN e.`reported_grade_mean` IS NULL THEN OLD.`grade_n` * OLD.`grade_n` ELSE 0 END),
    ifnull(CAST((CASE WHEN e.`reported_grade_mean` IS NULL AND NEW.`grade_n` > 0 THEN NEW.`grade_sum` * NEW.`grade_sum` / NEW.`grade_n` END) AS INTEGER), 0) - ifnull(CAST((CASE WHEN e.`reported_grade_mean` IS NULL AND OLD.`grade_n` > 0 THEN OLD.`grade_sum` * OLD.`grade_sum` / OLD.`grade_n` END) AS INTEGER), 0),
    ifnull(CAST(((CASE WHEN e.`reported_grade_mean` IS NULL AND NEW.`grade_n` > 0 THEN NEW.`grade_sum` * NEW.`grade_sum` / NEW.`grade_n` END) - CAST((CASE WHEN e.`reported_grade_mean` IS NULL AND NEW.`grade_n` > 0 THEN NEW.`grade_sum` * NEW.`grade_sum` / NEW.`grade_n` END) AS INTEGER)) * 4503599627370496.0 AS INTEGER), 0) - ifnull(CAST(((CASE WHEN e.`reported_grade_mean` IS NULL AND OLD.`grade_n` > 0 THEN OLD.`grade_sum` * OLD.`grade_sum` / OLD.`grade_n` END) - CAST((CASE WHEN e.`reported_grade_mean` IS NULL AND OLD.`grade_n` > 0 THEN OLD.`grade_sum` * OLD.`grade_sum` / OLD.`grade_n` END) AS INTEGER)) * 4503599627370496.0 AS INTEGER), 0),
    0
  FROM `event` e
  WHERE e.`id` = NEW.`event_id` AND e.`cancelled_at` IS NULL
  ON CONFLICT (`programme_id`, `region_code`, `theme_id`, `month`) DO UPDATE SET
    `graded_events` = `graded_events` + excluded.`graded_events`,
    `n` = `n` + excluded.`n`,
    `sum` = `sum` + excluded.`sum`,
    `sum_sq` = `sum_sq` + excluded.`sum_sq`,
    `event_n_sq` = `event_n_sq` + excluded.`event_n_sq`,
    `event_n_mean_sq_int` = `event_n_mean_sq_int` + excluded.`event_n_mean_sq_int` + ((`event_n_mean_sq_frac` + excluded.`event_n_mean_sq_frac`) >> 52),
    `event_n_mean_sq_frac` = (`event_n_mean_sq_frac` + excluded.`event_n_mean_sq_frac`) & 4503599627370495;
END;
--> statement-breakpoint
CREATE TRIGGER `grade_month_rollup_after_survey_move` AFTER UPDATE OF `event_id` ON `survey`
WHEN OLD.`event_id` <> NEW.`event_id` BEGIN
  INSERT INTO `grade_month_rollup` (`programme_id`, `region_code`, `theme_id`, `month`, `days`, `attendance`, `responses`, `surveyed_attendance`, `surveyed_responses`, `over100_events`, `graded_events`, `n`, `sum`, `sum_sq`, `event_n_sq`, `event_n_mean_sq_int`, `event_n_mean_sq_frac`, `demo_events`)
  SELECT e.`programme_id`,
    ifnull(e.`region_code`, ''),
    ifnull(e.`theme_id`, 0),
    substr(e.`date`, 1, 7),
    -1 * 1,
    -1 * ifnull(e.`attendance`, 0),
    -1 * s.`response_count`,
    -1 * (CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (s.`response_count` > 0 OR s.`archived_at` IS NOT NULL)) AND s.`response_count` <= e.`attendance` THEN e.`attendance` ELSE 0 END),
    -1 * (CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (s.`response_count` > 0 OR s.`archived_at` IS NOT NULL)) AND s.`response_count` <= e.`attendance` THEN s.`response_count` ELSE 0 END),
    -1 * (CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (s.`response_count` > 0 OR s.`archived_at` IS NOT NULL)) AND s.`response_count` > e.`attendance` THEN 1 ELSE 0 END),
    -1 * (CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN 1 ELSE 0 END),
    -1 * (CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_n` ELSE 0 END),
    -1 * (CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_sum` ELSE 0 END),
    -1 * (CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_sum_sq` ELSE 0 END),
    -1 * (CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_n` * s.`grade_n` ELSE 0 END),
    -1 * ifnull(CAST((CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN s.`grade_sum` * s.`grade_sum` / s.`grade_n` END) AS INTEGER), 0),
    -1 * ifnull(CAST(((CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN s.`grade_sum` * s.`grade_sum` / s.`grade_n` END) - CAST((CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN s.`grade_sum` * s.`grade_sum` / s.`grade_n` END) AS INTEGER)) * 4503599627370496.0 AS INTEGER), 0),
    -1 * e.`is_demo`
  FROM `event` e, (SELECT OLD.`response_count` AS `response_count`, OLD.`grade_n` AS `grade_n`, OLD.`grade_sum` AS `grade_sum`, OLD.`grade_sum_sq` AS `grade_sum_sq`, OLD.`archived_at` AS `archived_at`) s
  WHERE e.`id` = OLD.`event_id` AND e.`cancelled_at` IS NULL
  ON CONFLICT (`programme_id`, `region_code`, `theme_id`, `month`) DO UPDATE SET
    `days` = `days` + excluded.`days`,
    `attendance` = `attendance` + excluded.`attendance`,
    `responses` = `responses` + excluded.`responses`,
    `surveyed_attendance` = `surveyed_attendance` + excluded.`surveyed_attendance`,
    `surveyed_responses` = `surveyed_responses` + excluded.`surveyed_responses`,
    `over100_events` = `over100_events` + excluded.`over100_events`,
    `graded_events` = `graded_events` + excluded.`graded_events`,
    `n` = `n` + excluded.`n`,
    `sum` = `sum` + excluded.`sum`,
    `sum_sq` = `sum_sq` + excluded.`sum_sq`,
    `event_n_sq` = `event_n_sq` + excluded.`event_n_sq`,
    `demo_events` = `demo_events` + excluded.`demo_events`,
    `event_n_mean_sq_int` = `event_n_mean_sq_int` + excluded.`event_n_mean_sq_int` + ((`event_n_mean_sq_frac` + excluded.`event_n_mean_sq_frac`) >> 52),
    `event_n_mean_sq_frac` = (`event_n_mean_sq_frac` + excluded.`event_n_mean_sq_frac`) & 4503599627370495;
  INSERT INTO `grade_month_rollup` (`programme_id`, `region_code`, `theme_id`, `month`, `days`, `attendance`, `responses`, `surveyed_attendance`, `surveyed_responses`, `over100_events`, `graded_events`, `n`, `sum`, `sum_sq`, `event_n_sq`, `event_n_mean_sq_int`, `event_n_mean_sq_frac`, `demo_events`)
  SELECT e.`programme_id`,
    ifnull(e.`region_code`, ''),
    ifnull(e.`theme_id`, 0),
    substr(e.`date`, 1, 7),
    1,
    ifnull(e.`attendance`, 0),
    s.`response_count`,
    (CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (s.`response_count` > 0 OR s.`archived_at` IS NOT NULL)) AND s.`response_count` <= e.`attendance` THEN e.`attendance` ELSE 0 END),
    (CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (s.`response_count` > 0 OR s.`archived_at` IS NOT NULL)) AND s.`response_count` <= e.`attendance` THEN s.`response_count` ELSE 0 END),
    (CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (s.`response_count` > 0 OR s.`archived_at` IS NOT NULL)) AND s.`response_count` > e.`attendance` THEN 1 ELSE 0 END),
    (CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN 1 ELSE 0 END),
    (CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_n` ELSE 0 END),
    (CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_sum` ELSE 0 END),
    (CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_sum_sq` ELSE 0 END),
    (CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_n` * s.`grade_n` ELSE 0 END),
    ifnull(CAST((CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN s.`grade_sum` * s.`grade_sum` / s.`grade_n` END) AS INTEGER), 0),
    ifnull(CAST(((CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN s.`grade_sum` * s.`grade_sum` / s.`grade_n` END) - CAST((CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN s.`grade_sum` * s.`grade_sum` / s.`grade_n` END) AS INTEGER)) * 4503599627370496.0 AS INTEGER), 0),
    e.`is_demo`
  FROM `event` e, (SELECT NEW.`response_count` AS `response_count`, NEW.`grade_n` AS `grade_n`, NEW.`grade_sum` AS `grade_sum`, NEW.`grade_sum_sq` AS `grade_sum_sq`, NEW.`archived_at` AS `archived_at`) s
  WHERE e.`id` = NEW.`event_id` AND e.`cancelled_at` IS NULL
  ON CONFLICT (`programme_id`, `region_code`, `theme_id`, `month`) DO UPDATE SET
    `days` = `days` + excluded.`days`,
    `attendance` = `attendance` + excluded.`attendance`,
    `responses` = `responses` + excluded.`responses`,
    `surveyed_attendance` = `surveyed_attendance` + excluded.`surveyed_attendance`,
    `surveyed_responses` = `surveyed_responses` + excluded.`surveyed_responses`,
    `over100_events` = `over100_events` + excluded.`over100_events`,
    `graded_events` = `graded_events` + excluded.`graded_events`,
    `n` = `n` + excluded.`n`,
    `sum` = `sum` + excluded.`sum`,
    `sum_sq` = `sum_sq` + excluded.`sum_sq`,
    `event_n_sq` = `event_n_sq` + excluded.`event_n_sq`,
    `demo_events` = `demo_events` + excluded.`demo_events`,
    `event_n_mean_sq_int` = `event_n_mean_sq_int` + excluded.`event_n_mean_sq_int` + ((`event_n_mean_sq_frac` + excluded.`event_n_mean_sq_frac`) >> 52),
    `event_n_mean_sq_frac` = (`event_n_mean_sq_frac` + excluded.`event_n_mean_sq_frac`) & 4503599627370495;
END;
--> statement-breakpoint
-- (A day deleted with its survey: the trigger below deletes the survey while the day still exists.)
CREATE TRIGGER `grade_month_rollup_after_survey_delete` AFTER DELETE ON `survey` BEGIN
  INSERT INTO `grade_month_rollup` (`programme_id`, `region_code`, `theme_id`, `month`, `days`, `attendance`, `responses`, `surveyed_attendance`, `surveyed_responses`, `over100_events`, `graded_events`, `n`, `sum`, `sum_sq`, `event_n_sq`, `event_n_mean_sq_int`, `event_n_mean_sq_frac`, `demo_events`)
  SELECT e.`programme_id`,
    ifnull(e.`region_code`, ''),
    ifnull(e.`theme_id`, 0),
    substr(e.`date`, 1, 7),
    -1 * 1,
    -1 * ifnull(e.`attendance`, 0),
    -1 * s.`response_count`,
    -1 * (CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (s.`response_count` > 0 OR s.`archived_at` IS NOT NULL)) AND s.`response_count` <= e.`attendance` THEN e.`attendance` ELSE 0 END),
    -1 * (CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (s.`response_count` > 0 OR s.`archived_at` IS NOT NULL)) AND s.`response_count` <= e.`attendance` THEN s.`response_count` ELSE 0 END),
    -1 * (CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (s.`response_count` > 0 OR s.`archived_at` IS NOT NULL)) AND s.`response_count` > e.`attendance` THEN 1 ELSE 0 END),
    -1 * (CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN 1 ELSE 0 END),
    -1 * (CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_n` ELSE 0 END),
    -1 * (CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_sum` ELSE 0 END),
    -1 * (CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_sum_sq` ELSE 0 END),
    -1 * (CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_n` * s.`grade_n` ELSE 0 END),
    -1 * ifnull(CAST((CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN s.`grade_sum` * s.`grade_sum` / s.`grade_n` END) AS INTEGER), 0),
    -1 * ifnull(CAST(((CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN s.`grade_sum` * s.`grade_sum` / s.`grade_n` END) - CAST((CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN s.`grade_sum` * s.`grade_sum` / s.`grade_n` END) AS INTEGER)) * 4503599627370496.0 AS INTEGER), 0),
    -1 * e.`is_demo`
  FROM `event` e, (SELECT OLD.`response_count` AS `response_count`, OLD.`grade_n` AS `grade_n`, OLD.`grade_sum` AS `grade_sum`, OLD.`grade_sum_sq` AS `grade_sum_sq`, OLD.`archived_at` AS `archived_at`) s
  WHERE e.`id` = OLD.`event_id` AND e.`cancelled_at` IS NULL
  ON CONFLICT (`programme_id`, `region_code`, `theme_id`, `month`) DO UPDATE SET
    `days` = `days` + excluded.`days`,
    `attendance` = `attendance` + excluded.`attendance`,
    `responses` = `responses` + excluded.`responses`,
    `surveyed_attendance` = `surveyed_attendance` + excluded.`surveyed_attendance`,
    `surveyed_responses` = `surveyed_responses` + excluded.`surveyed_responses`,
    `over100_events` = `over100_events` + excluded.`over100_events`,
    `graded_events` = `graded_events` + excluded.`graded_events`,
    `n` = `n` + excluded.`n`,
    `sum` = `sum` + excluded.`sum`,
    `sum_sq` = `sum_sq` + excluded.`sum_sq`,
    `event_n_sq` = `event_n_sq` + excluded.`event_n_sq`,
    `demo_events` = `demo_events` + excluded.`demo_events`,
    `event_n_mean_sq_int` = `event_n_mean_sq_int` + excluded.`event_n_mean_sq_int` + ((`event_n_mean_sq_frac` + excluded.`event_n_mean_sq_frac`) >> 52),
    `event_n_mean_sq_frac` = (`event_n_mean_sq_frac` + excluded.`event_n_mean_sq_frac`) & 4503599627370495;
END;
--> statement-breakpoint
-- A deleted day's survey goes first, so the survey trigger above still finds the day's key
-- (a cascade would delete it after the day row is gone).
CREATE TRIGGER `grade_month_rollup_before_event_delete` BEFORE DELETE ON `event` BEGIN
  DELETE FROM `survey` WHERE `event_id` = OLD.`id`;
END;
--> statement-breakpoint
-- A day's region, theme, programme, date, head count, published figure, demo flag or cancellation changed.
CREATE TRIGGER `grade_month_rollup_after_event_update` AFTER UPDATE OF `programme_id`, `region_code`, `theme_id`, `date`, `attendance`, `reported_grade_mean`, `is_demo`, `cancelled_at` ON `event` BEGIN
  INSERT INTO `grade_month_rollup` (`programme_id`, `region_code`, `theme_id`, `month`, `days`, `attendance`, `responses`, `surveyed_attendance`, `surveyed_responses`, `over100_events`, `graded_events`, `n`, `sum`, `sum_sq`, `event_n_sq`, `event_n_mean_sq_int`, `event_n_mean_sq_frac`, `demo_events`)
  SELECT e.`programme_id`,
    ifnull(e.`region_code`, ''),
    ifnull(e.`theme_id`, 0),
    substr(e.`date`, 1, 7),
    -1 * 1,
    -1 * ifnull(e.`attendance`, 0),
    -1 * s.`response_count`,
    -1 * (CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (s.`response_count` > 0 OR s.`archived_at` IS NOT NULL)) AND s.`response_count` <= e.`attendance` THEN e.`attendance` ELSE 0 END),
    -1 * (CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (s.`response_count` > 0 OR s.`archived_at` IS NOT NULL)) AND s.`response_count` <= e.`attendance` THEN s.`response_count` ELSE 0 END),
    -1 * (CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (s.`response_count` > 0 OR s.`archived_at` IS NOT NULL)) AND s.`response_count` > e.`attendance` THEN 1 ELSE 0 END),
    -1 * (CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN 1 ELSE 0 END),
    -1 * (CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_n` ELSE 0 END),
    -1 * (CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_sum` ELSE 0 END),
    -1 * (CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_sum_sq` ELSE 0 END),
    -1 * (CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_n` * s.`grade_n` ELSE 0 END),
    -1 * ifnull(CAST((CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN s.`grade_sum` * s.`grade_sum` / s.`grade_n` END) AS INTEGER), 0),
    -1 * ifnull(CAST(((CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN s.`grade_sum` * s.`grade_sum` / s.`grade_n` END) - CAST((CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN s.`grade_sum` * s.`grade_sum` / s.`grade_n` END) AS INTEGER)) * 4503599627370496.0 AS INTEGER), 0),
    -1 * e.`is_demo`
  FROM (SELECT OLD.`programme_id` AS `programme_id`, OLD.`region_code` AS `region_code`, OLD.`theme_id` AS `theme_id`, OLD.`date` AS `date`, OLD.`attendance` AS `attendance`, OLD.`reported_grade_mean` AS `reported_grade_mean`, OLD.`is_demo` AS `is_demo`, OLD.`cancelled_at` AS `cancelled_at`) e, `survey` s
  WHERE s.`event_id` = OLD.`id` AND e.`cancelled_at` IS NULL
  ON CONFLICT (`programme_id`, `region_code`, `theme_id`, `month`) DO UPDATE SET
    `days` = `days` + excluded.`days`,
    `attendance` = `attendance` + excluded.`attendance`,
    `responses` = `responses` + excluded.`responses`,
    `surveyed_attendance` = `surveyed_attendance` + excluded.`surveyed_attendance`,
    `surveyed_responses` = `surveyed_responses` + excluded.`surveyed_responses`,
    `over100_events` = `over100_events` + excluded.`over100_events`,
    `graded_events` = `graded_events` + excluded.`graded_events`,
    `n` = `n` + excluded.`n`,
    `sum` = `sum` + excluded.`sum`,
    `sum_sq` = `sum_sq` + excluded.`sum_sq`,
    `event_n_sq` = `event_n_sq` + excluded.`event_n_sq`,
    `demo_events` = `demo_events` + excluded.`demo_events`,
    `event_n_mean_sq_int` = `event_n_mean_sq_int` + excluded.`event_n_mean_sq_int` + ((`event_n_mean_sq_frac` + excluded.`event_n_mean_sq_frac`) >> 52),
    `event_n_mean_sq_frac` = (`event_n_mean_sq_frac` + excluded.`event_n_mean_sq_frac`) & 4503599627370495;
  INSERT INTO `grade_month_rollup` (`programme_id`, `region_code`, `theme_id`, `month`, `days`, `attendance`, `responses`, `surveyed_attendance`, `surveyed_responses`, `over100_events`, `graded_events`, `n`, `sum`, `sum_sq`, `event_n_sq`, `event_n_mean_sq_int`, `event_n_mean_sq_frac`, `demo_events`)
  SELECT e.`programme_id`,
    ifnull(e.`region_code`, ''),
    ifnull(e.`theme_id`, 0),
    substr(e.`date`, 1, 7),
    1,
    ifnull(e.`attendance`, 0),
    s.`response_count`,
    (CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (s.`response_count` > 0 OR s.`archived_at` IS NOT NULL)) AND s.`response_count` <= e.`attendance` THEN e.`attendance` ELSE 0 END),
    (CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (s.`response_count` > 0 OR s.`archived_at` IS NOT NULL)) AND s.`response_count` <= e.`attendance` THEN s.`response_count` ELSE 0 END),
    (CASE WHEN (e.`reported_grade_mean` IS NULL AND ifnull(e.`attendance`, 0) > 0 AND (s.`response_count` > 0 OR s.`archived_at` IS NOT NULL)) AND s.`response_count` > e.`attendance` THEN 1 ELSE 0 END),
    (CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN 1 ELSE 0 END),
    (CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_n` ELSE 0 END),
    (CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_sum` ELSE 0 END),
    (CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_sum_sq` ELSE 0 END),
    (CASE WHEN e.`reported_grade_mean` IS NULL THEN s.`grade_n` * s.`grade_n` ELSE 0 END),
    ifnull(CAST((CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN s.`grade_sum` * s.`grade_sum` / s.`grade_n` END) AS INTEGER), 0),
    ifnull(CAST(((CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN s.`grade_sum` * s.`grade_sum` / s.`grade_n` END) - CAST((CASE WHEN e.`reported_grade_mean` IS NULL AND s.`grade_n` > 0 THEN s.`grade_sum` * s.`grade_sum` / s.`grade_n` END) AS INTEGER)) * 4503599627370496.0 AS INTEGER), 0),
    e.`is_demo`
  FROM (SELECT NEW.`programme_id` AS `programme_id`, NEW.`region_code` AS `region_code`, NEW.`theme_id` AS `theme_id`, NEW.`date` AS `date`, NEW.`attendance` AS `attendance`, NEW.`reported_grade_mean` AS `reported_grade_mean`, NEW.`is_demo` AS `is_demo`, NEW.`cancelled_at` AS `cancelled_at`) e, `survey` s
  WHERE s.`event_id` = NEW.`id` AND e.`cancelled_at` IS NULL
  ON CONFLICT (`programme_id`, `region_code`, `theme_id`, `month`) DO UPDATE SET
    `days` = `days` + excluded.`days`,
    `attendance` = `attendance` + excluded.`attendance`,
    `responses` = `responses` + excluded.`responses`,
    `surveyed_attendance` = `surveyed_attendance` + excluded.`surveyed_attendance`,
    `surveyed_responses` = `surveyed_responses` + excluded.`surveyed_responses`,
    `over100_events` = `over100_events` + excluded.`over100_events`,
    `graded_events` = `graded_events` + excluded.`graded_events`,
    `n` = `n` + excluded.`n`,
    `sum` = `sum` + excluded.`sum`,
    `sum_sq` = `sum_sq` + excluded.`sum_sq`,
    `event_n_sq` = `event_n_sq` + excluded.`event_n_sq`,
    `demo_events` = `demo_events` + excluded.`demo_events`,
    `event_n_mean_sq_int` = `event_n_mean_sq_int` + excluded.`event_n_mean_sq_int` + ((`event_n_mean_sq_frac` + excluded.`event_n_mean_sq_frac`) >> 52),
    `event_n_mean_sq_frac` = (`event_n_mean_sq_frac` + excluded.`event_n_mean_sq_frac`) & 4503599627370495;
END;
--> statement-breakpoint
-- A row whose last day left holds only zeros: remove it, so a key exists exactly when it has days.
CREATE TRIGGER `grade_month_rollup_drop_empty` AFTER UPDATE ON `grade_month_rollup` WHEN NEW.`days` = 0 BEGIN
  DELETE FROM `grade_month_rollup` WHERE `programme_id` = NEW.`programme_id` AND `region_code` = NEW.`region_code` AND `theme_id` = NEW.`theme_id` AND `month` = NEW.`month`;
END;
