-- True while an account still has a password it did not choose (the bootstrap owner's one-time
-- password); sign-in and /me report it until the user changes the password.
ALTER TABLE platform_users ADD COLUMN password_change_required boolean NOT NULL DEFAULT false;
