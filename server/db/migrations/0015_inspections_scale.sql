-- The corrective-actions list pages a scope's actions open first, soonest due first
-- (corrective-actions.queries.ts listCorrective: ORDER BY status = 'closed', effective_due_date, id).
-- With this index in that order, a page of the whole ministry (~10,000 actions at 5,000 units) is
-- read from the index's start and stops after the page, instead of joining and sorting every action
-- (measured on PostgreSQL at 5,000 units: the page query 21 ms → see bench/README.md).
-- Must run unchanged on PostgreSQL 15 and PGlite: nothing newer than 15.
CREATE INDEX corrective_action_page_idx ON corrective_action ((status = 'closed'), effective_due_date, id);
