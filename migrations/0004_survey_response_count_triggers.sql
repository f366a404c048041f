-- survey.response_count follows the response rows inside the database, on every write path, so
-- lists and dashboards read one number per day instead of counting responses.
UPDATE `survey` SET `response_count` = (SELECT count(*) FROM `response` WHERE `response`.`survey_id` = `survey`.`id`);
--> statement-breakpoint
CREATE TRIGGER `survey_response_count_after_insert` AFTER INSERT ON `response` BEGIN
  UPDATE `survey` SET `response_count` = `response_count` + 1 WHERE `id` = NEW.`survey_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `survey_response_count_after_delete` AFTER DELETE ON `response` BEGIN
  UPDATE `survey` SET `response_count` = `response_count` - 1 WHERE `id` = OLD.`survey_id`;
END;
