-- The committee's overview keeps each computed page (per scope, `under` and day) for as long as
-- nothing it reads has changed, as the matrix keeps its views (0005): a counter that every write to
-- a table the overview's indicators read moves forward inside the writing transaction
-- (overview.cache.ts). Dissemination coverage reads the matrix's rollups, whose changes move
-- matrix_epoch: the cache key holds both counters.
--
-- Statement triggers, so a bulk write moves the counter once. The counter's row is taken under the
-- audit chain's lock, as matrix_epoch_next does, so every writer takes the two in the same order
-- (a writer that audits first and then writes a watched table cannot deadlock with one that does
-- the reverse). BEFORE the statement: the lock comes before the rows the statement locks, so a
-- writer that never audits (a job rolling figures) cannot hold rows that an audited writer, already
-- holding the lock, waits for. The counter moving before the change is as good as after: both are
-- in the writing transaction and visible only when it commits.
CREATE TABLE overview_epoch (
  id integer PRIMARY KEY CHECK (id = 1),
  n bigint NOT NULL
);
INSERT INTO overview_epoch (id, n) VALUES (1, 1);

CREATE FUNCTION overview_epoch_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(19461503);
  UPDATE overview_epoch SET n = n + 1 WHERE id = 1;
  RETURN NULL;
END
$$;

-- Every table an indicator's source, the trend or the drill-down reads (overview.queries.ts
-- WATCHED; overview.cache.test.ts fails when one of them has no trigger). The service does not
-- cache while any of them is unwatched, so a table a later migration adds is safe before its
-- trigger is.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'unit', 'directive', 'directive_addressee', 'readiness_unit', 'channel', 'channel_admin', 'security_incident', 'conf_case',
    'inspection_plan', 'inspection_plan_item', 'inspection_plan_item_unit', 'inspection', 'inspection_unit', 'corrective_action',
    'checklist_assignment', 'report_period', 'report_period_unit', 'unit_report', 'indicator_snapshot'
  ] LOOP
    IF to_regclass(t) IS NOT NULL THEN
      EXECUTE format('CREATE TRIGGER overview_epoch_move BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION overview_epoch_move()', t);
    END IF;
  END LOOP;
END
$$;

-- A case list newest first (cases.queries.ts listCasesFor) walks this index and keeps the cases on
-- the caller's list by a probe each, so a page of 100 reads ~100 cases instead of sorting every
-- case on the list (a board officer is on thousands).
CREATE INDEX conf_case_newest_idx ON conf_case (opened_on DESC, id DESC);
