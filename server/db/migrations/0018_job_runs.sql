-- Every run of a scheduled job (server/jobs.ts), by whichever runner ran it: PostgreSQL's job queue
-- (pg-boss, several processes, each job once) or the embedded in-process scheduler. The admin's
-- job view (GET /api/v1/admin/jobs) reads this table, so it looks the same in both modes.
-- state: running → completed | failed (will be retried) | dead (retries used up: dead-letter).
CREATE TABLE job_run (
  id bigserial PRIMARY KEY,
  job text NOT NULL,
  runner text NOT NULL CHECK (runner IN ('queue', 'scheduler')),
  queue_job_id text,
  attempt int NOT NULL DEFAULT 1,
  state text NOT NULL CHECK (state IN ('running', 'completed', 'failed', 'dead')),
  process text NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  result jsonb,
  error text
);
CREATE INDEX job_run_started ON job_run (started_at DESC, id DESC);
CREATE INDEX job_run_job ON job_run (job, started_at DESC);
