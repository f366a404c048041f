ALTER TABLE `programme` ADD `survey_close_days` integer DEFAULT 14;--> statement-breakpoint
ALTER TABLE `survey` ADD `archived_at` integer;--> statement-breakpoint
-- Retention deletes an old day's answers but keeps its figures: a survey marked archived keeps its
-- response count, per-value tallies and grade sums when its responses go, so the triggers of
-- migrations 0002, 0004 and 0005 that count a deleted response off now skip archived surveys.
DROP TRIGGER `answer_tally_before_response_delete`;
--> statement-breakpoint
CREATE TRIGGER `answer_tally_before_response_delete` BEFORE DELETE ON `response`
WHEN (SELECT `archived_at` FROM `survey` WHERE `id` = OLD.`survey_id`) IS NULL BEGIN
  UPDATE `answer_tally` SET `count` = `count` - 1
  WHERE `survey_id` = OLD.`survey_id`
    AND EXISTS (SELECT 1 FROM `answer` `a` WHERE `a`.`response_id` = OLD.`id`
                AND `a`.`question_id` = `answer_tally`.`question_id` AND `a`.`num_value` = `answer_tally`.`value`);
END;
--> statement-breakpoint
DROP TRIGGER `survey_grade_sums_before_response_delete`;
--> statement-breakpoint
CREATE TRIGGER `survey_grade_sums_before_response_delete` BEFORE DELETE ON `response`
WHEN (SELECT `archived_at` FROM `survey` WHERE `id` = OLD.`survey_id`) IS NULL BEGIN
  UPDATE `survey` SET
    `grade_n` = `grade_n` - (SELECT count(*) FROM `answer` `a` JOIN `question` `q` ON `q`.`id` = `a`.`question_id` WHERE `a`.`response_id` = OLD.`id` AND `q`.`key` = 'grade' AND `a`.`num_value` IS NOT NULL),
    `grade_sum` = `grade_sum` - coalesce((SELECT sum(`a`.`num_value`) FROM `answer` `a` JOIN `question` `q` ON `q`.`id` = `a`.`question_id` WHERE `a`.`response_id` = OLD.`id` AND `q`.`key` = 'grade'), 0),
    `grade_sum_sq` = `grade_sum_sq` - coalesce((SELECT sum(`a`.`num_value` * `a`.`num_value`) FROM `answer` `a` JOIN `question` `q` ON `q`.`id` = `a`.`question_id` WHERE `a`.`response_id` = OLD.`id` AND `q`.`key` = 'grade'), 0)
  WHERE `id` = OLD.`survey_id`;
END;
--> statement-breakpoint
DROP TRIGGER `survey_response_count_after_delete`;
--> statement-breakpoint
CREATE TRIGGER `survey_response_count_after_delete` AFTER DELETE ON `response`
WHEN (SELECT `archived_at` FROM `survey` WHERE `id` = OLD.`survey_id`) IS NULL BEGIN
  UPDATE `survey` SET `response_count` = `response_count` - 1 WHERE `id` = OLD.`survey_id`;
END;
