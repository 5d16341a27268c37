-- The audit log against truncation and removal (features/audit/audit.anchor.ts, audit.verify.ts).

-- TRUNCATE fires no row trigger: refuse it as UPDATE and DELETE are refused.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- From here on an entry's id is the previous entry's plus one (recordAudit takes it under its
-- lock), so a gap after this id is an entry removed. Gaps before it are writes rolled back while
-- ids came from a sequence.
CREATE TABLE audit_log_gapless (after_id bigint NOT NULL);
INSERT INTO audit_log_gapless (after_id) SELECT coalesce(max(id), 0) FROM audit_log;
