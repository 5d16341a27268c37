-- A session's readable number ("phiên số 1 234"), shown in the audit log beside each entry made in
-- it: the session's id is a hash of the cookie's token, not something to show or to search by.
-- Must run unchanged on PostgreSQL 15 and PGlite.
CREATE SEQUENCE session_number_seq;
ALTER TABLE session ADD COLUMN number bigint NOT NULL DEFAULT nextval('session_number_seq');
-- Nullable: entries made outside a session (jobs, the system, failed sign-ins) and before this
-- migration have none. Part of an entry's hash when present (audit.hash.ts), so it cannot be altered.
ALTER TABLE audit_log ADD COLUMN session_no bigint;
CREATE INDEX audit_log_session_idx ON audit_log (session_no) WHERE session_no IS NOT NULL;
