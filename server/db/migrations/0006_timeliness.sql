-- An action's timeliness class on a day: the rule of contract/timeliness.ts classifyAction, in the
-- one place SQL takes it from (the live matrix, report figures, overdue reminders), so the two can
-- be pinned equal by a test (server/features/dashboard/timeliness.sql.test.ts).
-- Done counts from its completion day on; a deadline day itself is still on time.
-- A cell's class from its counts stays matrix_cell_class (0005).
-- Must run unchanged on PostgreSQL 15 and PGlite: nothing newer than 15.

-- LANGUAGE sql with one expression: the planner inlines it, so a query pays no function call per row.
CREATE FUNCTION action_timeliness(status text, completed_on date, effective_due_date date, as_of date)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN status = 'done' AND completed_on <= as_of
              THEN CASE WHEN completed_on <= effective_due_date THEN 'done_on_time' ELSE 'done_late' END
              WHEN as_of > effective_due_date THEN 'overdue'
              ELSE 'in_progress_on_time' END
$$;
