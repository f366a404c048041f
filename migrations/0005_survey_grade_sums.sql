ALTER TABLE `survey` ADD `grade_n` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `survey` ADD `grade_sum` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `survey` ADD `grade_sum_sq` real DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Backfill from the answers already stored.
UPDATE `survey` SET
  `grade_n` = (SELECT count(*) FROM `answer` `a` JOIN `response` `r` ON `r`.`id` = `a`.`response_id` JOIN `question` `q` ON `q`.`id` = `a`.`question_id`
               WHERE `r`.`survey_id` = `survey`.`id` AND `q`.`key` = 'grade' AND `a`.`num_value` IS NOT NULL),
  `grade_sum` = coalesce((SELECT sum(`a`.`num_value`) FROM `answer` `a` JOIN `response` `r` ON `r`.`id` = `a`.`response_id` JOIN `question` `q` ON `q`.`id` = `a`.`question_id`
               WHERE `r`.`survey_id` = `survey`.`id` AND `q`.`key` = 'grade'), 0),
  `grade_sum_sq` = coalesce((SELECT sum(`a`.`num_value` * `a`.`num_value`) FROM `answer` `a` JOIN `response` `r` ON `r`.`id` = `a`.`response_id` JOIN `question` `q` ON `q`.`id` = `a`.`question_id`
               WHERE `r`.`survey_id` = `survey`.`id` AND `q`.`key` = 'grade'), 0);
--> statement-breakpoint
-- Kept inside the database on every write path, like answer_tally (migrations/0002).
CREATE TRIGGER `survey_grade_sums_after_insert` AFTER INSERT ON `answer`
WHEN NEW.`num_value` IS NOT NULL AND (SELECT `key` FROM `question` WHERE `id` = NEW.`question_id`) = 'grade' BEGIN
  UPDATE `survey` SET `grade_n` = `grade_n` + 1, `grade_sum` = `grade_sum` + NEW.`num_value`, `grade_sum_sq` = `grade_sum_sq` + NEW.`num_value` * NEW.`num_value`
  WHERE `id` = (SELECT `survey_id` FROM `response` WHERE `id` = NEW.`response_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `survey_grade_sums_after_delete` AFTER DELETE ON `answer`
WHEN OLD.`num_value` IS NOT NULL AND (SELECT `key` FROM `question` WHERE `id` = OLD.`question_id`) = 'grade' BEGIN
  UPDATE `survey` SET `grade_n` = `grade_n` - 1, `grade_sum` = `grade_sum` - OLD.`num_value`, `grade_sum_sq` = `grade_sum_sq` - OLD.`num_value` * OLD.`num_value`
  WHERE `id` = (SELECT `survey_id` FROM `response` WHERE `id` = OLD.`response_id`);
END;
--> statement-breakpoint
-- A whole response: its answers go by cascade once the response row is gone, so count them off first.
CREATE TRIGGER `survey_grade_sums_before_response_delete` BEFORE DELETE ON `response` BEGIN
  UPDATE `survey` SET
    `grade_n` = `grade_n` - (SELECT count(*) FROM `answer` `a` JOIN `question` `q` ON `q`.`id` = `a`.`question_id` WHERE `a`.`response_id` = OLD.`id` AND `q`.`key` = 'grade' AND `a`.`num_value` IS NOT NULL),
    `grade_sum` = `grade_sum` - coalesce((SELECT sum(`a`.`num_value`) FROM `answer` `a` JOIN `question` `q` ON `q`.`id` = `a`.`question_id` WHERE `a`.`response_id` = OLD.`id` AND `q`.`key` = 'grade'), 0),
    `grade_sum_sq` = `grade_sum_sq` - coalesce((SELECT sum(`a`.`num_value` * `a`.`num_value`) FROM `answer` `a` JOIN `question` `q` ON `q`.`id` = `a`.`question_id` WHERE `a`.`response_id` = OLD.`id` AND `q`.`key` = 'grade'), 0)
  WHERE `id` = OLD.`survey_id`;
END;
