-- True while a staff member still has a password they did not choose: the first administrator's
-- one-time password from the operator's Secret, or after an administrator reset theirs. The API
-- refuses everything but the password change, and the web app sends them to its password page,
-- until they choose their own.
ALTER TABLE staff_users ADD COLUMN password_change_required boolean NOT NULL DEFAULT false;
