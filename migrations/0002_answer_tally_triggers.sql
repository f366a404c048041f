-- Keep answer_tally (per survey, question and value counts) equal to the raw answers inside the
-- database itself, so every write path (submission, deletion of a day's responses, retention
-- clean-up) keeps the rollup right without the application remembering to.
CREATE TRIGGER `answer_tally_after_insert` AFTER INSERT ON `answer` WHEN NEW.`num_value` IS NOT NULL BEGIN
  INSERT INTO `answer_tally` (`survey_id`, `question_id`, `value`, `count`)
    SELECT `r`.`survey_id`, NEW.`question_id`, NEW.`num_value`, 1 FROM `response` `r` WHERE `r`.`id` = NEW.`response_id`
  ON CONFLICT (`survey_id`, `question_id`, `value`) DO UPDATE SET `count` = `count` + 1;
END;
--> statement-breakpoint
-- A single answer removed while its response stays.
CREATE TRIGGER `answer_tally_after_delete` AFTER DELETE ON `answer` WHEN OLD.`num_value` IS NOT NULL BEGIN
  UPDATE `answer_tally` SET `count` = `count` - 1
  WHERE `survey_id` = (SELECT `survey_id` FROM `response` WHERE `id` = OLD.`response_id`)
    AND `question_id` = OLD.`question_id` AND `value` = OLD.`num_value`;
END;
--> statement-breakpoint
-- A whole response removed: its answers go by cascade after the response row is gone, when the
-- trigger above can no longer find the survey, so count them off here first.
CREATE TRIGGER `answer_tally_before_response_delete` BEFORE DELETE ON `response` BEGIN
  UPDATE `answer_tally` SET `count` = `count` - 1
  WHERE `survey_id` = OLD.`survey_id`
    AND EXISTS (SELECT 1 FROM `answer` `a` WHERE `a`.`response_id` = OLD.`id`
                AND `a`.`question_id` = `answer_tally`.`question_id` AND `a`.`num_value` = `answer_tally`.`value`);
END;
