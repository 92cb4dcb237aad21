-- True after an owner reset the account's MFA: the user signs in with the password alone once and
-- must enrol a new authenticator before using the console; enrolment clears it.
ALTER TABLE platform_users ADD COLUMN mfa_enrolment_required boolean NOT NULL DEFAULT false;
