-- The time step of the last TOTP code accepted for each user (RFC 6238 §5.2): a code is accepted
-- only for a later step, so a code seen once can never sign in again, not even within its window.
-- Null until the first code is accepted.
ALTER TABLE platform_users ADD COLUMN totp_last_step bigint;
