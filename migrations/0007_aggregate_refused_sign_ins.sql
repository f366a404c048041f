ALTER TABLE `audit_log` ADD `count` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `aggregate_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `audit_log_aggregate_key_idx` ON `audit_log` (`aggregate_key`);--> statement-breakpoint
-- Emails typed at refused sign-ins that match no account were kept in clear, for ever: forget them.
UPDATE `audit_log` SET `actor` = NULL WHERE `action` IN ('login_failed', 'login_rate_limited') AND `user_id` IS NULL;
