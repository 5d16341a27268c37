-- The leaders' matrix from precomputed figures: per (directive, unit, requirement) the cell's facts,
-- per (directive, unit) the addressee's facts, and both summed over every unit's subtree. Statement
-- triggers on the source tables keep them exact inside the writing transaction, so a matrix view
-- reads one row per (row, requirement) instead of grouping every action and every person.
--
-- Timeliness depends on the day: an open action is overdue once its deadline has passed. The
-- rollups hold the classes as of one day per directive (matrix_rollup_state.as_of, '-infinity'
-- until the daily job rolls it forward); a view on a later day adds the few items whose deadline
-- fell in between (matrix.rollup.ts). Views of an earlier day use the live queries.
-- Must run unchanged on PostgreSQL 15 and PGlite: nothing newer than 15.

CREATE TABLE matrix_rollup_state (
  directive_id integer PRIMARY KEY REFERENCES directive(id) ON DELETE CASCADE,
  as_of date NOT NULL DEFAULT '-infinity',
  -- The latest completion date counted: a view of an earlier day must not count it as done.
  max_completed_on date
);

-- One row per (directive, unit, requirement) that has actions.
CREATE TABLE matrix_cell (
  -- No foreign key: its check on every upsert cost more than the rest; matrix_forget_directive cleans up.
  directive_id integer NOT NULL,
  unit_id integer NOT NULL,
  requirement_id integer NOT NULL,
  n integer NOT NULL,
  n_done integer NOT NULL,
  n_late integer NOT NULL,
  n_not_started integer NOT NULL,
  -- Open actions whose deadline is before the state's as_of.
  n_open_past integer NOT NULL,
  min_open_due date,
  PRIMARY KEY (directive_id, unit_id, requirement_id)
);
CREATE INDEX matrix_cell_open_due_idx ON matrix_cell (directive_id, min_open_due) WHERE min_open_due IS NOT NULL;

-- Sums over the unit's subtree (the unit included): cells (addressee units) by class and actions.
CREATE TABLE matrix_subtree_cell (
  -- No foreign key: its check on every upsert cost more than the rest; matrix_forget_directive cleans up.
  directive_id integer NOT NULL,
  unit_id integer NOT NULL,
  requirement_id integer NOT NULL,
  c_planned integer NOT NULL DEFAULT 0,
  c_progress integer NOT NULL DEFAULT 0,
  c_overdue integer NOT NULL DEFAULT 0,
  c_done_late integer NOT NULL DEFAULT 0,
  c_done_on_time integer NOT NULL DEFAULT 0,
  a_done_on_time integer NOT NULL DEFAULT 0,
  a_done_late integer NOT NULL DEFAULT 0,
  a_open integer NOT NULL DEFAULT 0,
  a_overdue integer NOT NULL DEFAULT 0,
  PRIMARY KEY (directive_id, unit_id, requirement_id)
);

-- One row per addressee.
CREATE TABLE matrix_unit (
  -- No foreign key: its check on every upsert cost more than the rest; matrix_forget_directive cleans up.
  directive_id integer NOT NULL,
  unit_id integer NOT NULL,
  ack_due_date date NOT NULL,
  acknowledged_at timestamptz,
  -- Acknowledged after its deadline, or not acknowledged and its deadline before as_of.
  ack_late integer NOT NULL,
  active_people integer NOT NULL,
  reached integer NOT NULL,
  PRIMARY KEY (directive_id, unit_id)
);
CREATE INDEX matrix_unit_ack_due_idx ON matrix_unit (directive_id, ack_due_date) WHERE acknowledged_at IS NULL;

CREATE TABLE matrix_subtree_unit (
  -- No foreign key: its check on every upsert cost more than the rest; matrix_forget_directive cleans up.
  directive_id integer NOT NULL,
  unit_id integer NOT NULL,
  addressees integer NOT NULL DEFAULT 0,
  acknowledged integer NOT NULL DEFAULT 0,
  ack_late integer NOT NULL DEFAULT 0,
  max_ack_at timestamptz,
  active_people integer NOT NULL DEFAULT 0,
  reached integer NOT NULL DEFAULT 0,
  PRIMARY KEY (directive_id, unit_id)
);

-- A counter that every change able to alter a matrix view moves forward, inside the writing
-- transaction: a server may keep a computed view, and answer "not modified", while it has not
-- moved (matrix.cache.ts). It moves under the audit chain's lock, like the rollups, so every
-- writer takes the two in the same order.
CREATE TABLE matrix_epoch (
  id integer PRIMARY KEY CHECK (id = 1),
  n bigint NOT NULL
);
INSERT INTO matrix_epoch (id, n) VALUES (1, 1);

CREATE FUNCTION matrix_epoch_next() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(19461503);
  UPDATE matrix_epoch SET n = n + 1 WHERE id = 1;
END
$$;

-- The same rules as contract/timeliness.ts classifyCell, for a cell as of the state's day.
CREATE FUNCTION matrix_cell_class(n integer, n_done integer, n_late integer, n_not_started integer, n_open_past integer)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN n = 0 THEN NULL
              WHEN n_open_past > 0 THEN 'overdue'
              WHEN n_done = n THEN CASE WHEN n_late > 0 THEN 'done_late' ELSE 'done_on_time' END
              WHEN n_not_started = n THEN 'planned'
              ELSE 'in_progress_on_time' END
$$;

-- Ancestors of a unit, itself included: its path is the ids from the root.
CREATE FUNCTION unit_lineage(p ltree) RETURNS integer[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT string_to_array(p::text, '.')::integer[]
$$;

-- Recomputes the given cells from their actions and adds the difference to every ancestor's sums.
-- It runs under the audit chain's lock: every audited write takes it anyway, so it adds no waiting,
-- and two transactions never both apply a difference computed from the same old figures.
CREATE FUNCTION matrix_refresh_cells(d_ids integer[], u_ids integer[], r_ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(d_ids), 0) = 0 THEN RETURN; END IF;
  PERFORM matrix_epoch_next();
  INSERT INTO matrix_rollup_state (directive_id) SELECT DISTINCT d FROM unnest(d_ids) AS d ORDER BY 1 ON CONFLICT DO NOTHING;
  UPDATE matrix_rollup_state s SET max_completed_on = x.m
  FROM (SELECT a.directive_id, max(a.completed_on) AS m
        FROM (SELECT DISTINCT d, u, r FROM unnest(d_ids, u_ids, r_ids) AS k(d, u, r)) k
        JOIN plan_action a ON a.directive_id = k.d AND a.unit_id = k.u AND a.requirement_id = k.r
        GROUP BY a.directive_id) x
  WHERE s.directive_id = x.directive_id AND x.m > coalesce(s.max_completed_on, '-infinity');

  WITH keys AS (SELECT DISTINCT d AS directive_id, u AS unit_id, r AS requirement_id FROM unnest(d_ids, u_ids, r_ids) AS k(d, u, r)),
  fresh AS (
    SELECT k.directive_id, k.unit_id, k.requirement_id,
      count(a.id)::int AS n,
      count(a.id) FILTER (WHERE a.status = 'done')::int AS n_done,
      count(a.id) FILTER (WHERE a.status = 'done' AND a.completed_on > a.effective_due_date)::int AS n_late,
      count(a.id) FILTER (WHERE a.status = 'notStarted')::int AS n_not_started,
      count(a.id) FILTER (WHERE a.status <> 'done' AND a.effective_due_date < s.as_of)::int AS n_open_past,
      min(a.effective_due_date) FILTER (WHERE a.status <> 'done') AS min_open_due
    FROM keys k JOIN matrix_rollup_state s ON s.directive_id = k.directive_id
    LEFT JOIN plan_action a ON a.directive_id = k.directive_id AND a.unit_id = k.unit_id AND a.requirement_id = k.requirement_id
    GROUP BY k.directive_id, k.unit_id, k.requirement_id
  ),
  old AS (SELECT c.* FROM matrix_cell c JOIN keys k USING (directive_id, unit_id, requirement_id)),
  change AS (
    SELECT 1 AS sign, directive_id, unit_id, requirement_id, n, n_done, n_late, n_open_past,
      matrix_cell_class(n, n_done, n_late, n_not_started, n_open_past) AS cls FROM fresh WHERE n > 0
    UNION ALL
    SELECT -1, directive_id, unit_id, requirement_id, n, n_done, n_late, n_open_past,
      matrix_cell_class(n, n_done, n_late, n_not_started, n_open_past) FROM old
  ),
  delta AS (
    SELECT c.directive_id, anc.id AS unit_id, c.requirement_id,
      sum(c.sign * (c.cls = 'planned')::int)::int AS c_planned,
      sum(c.sign * (c.cls = 'in_progress_on_time')::int)::int AS c_progress,
      sum(c.sign * (c.cls = 'overdue')::int)::int AS c_overdue,
      sum(c.sign * (c.cls = 'done_late')::int)::int AS c_done_late,
      sum(c.sign * (c.cls = 'done_on_time')::int)::int AS c_done_on_time,
      sum(c.sign * (c.n_done - c.n_late))::int AS a_done_on_time,
      sum(c.sign * c.n_late)::int AS a_done_late,
      sum(c.sign * (c.n - c.n_done))::int AS a_open,
      sum(c.sign * c.n_open_past)::int AS a_overdue
    FROM change c JOIN unit u ON u.id = c.unit_id CROSS JOIN LATERAL unnest(unit_lineage(u.path)) AS anc(id)
    GROUP BY c.directive_id, anc.id, c.requirement_id
  ),
  applied AS (
    INSERT INTO matrix_subtree_cell AS t
    SELECT * FROM delta
    WHERE (c_planned, c_progress, c_overdue, c_done_late, c_done_on_time, a_done_on_time, a_done_late, a_open, a_overdue) <> (0, 0, 0, 0, 0, 0, 0, 0, 0)
    ORDER BY directive_id, unit_id, requirement_id
    ON CONFLICT (directive_id, unit_id, requirement_id) DO UPDATE SET
      c_planned = t.c_planned + excluded.c_planned, c_progress = t.c_progress + excluded.c_progress,
      c_overdue = t.c_overdue + excluded.c_overdue, c_done_late = t.c_done_late + excluded.c_done_late,
      c_done_on_time = t.c_done_on_time + excluded.c_done_on_time, a_done_on_time = t.a_done_on_time + excluded.a_done_on_time,
      a_done_late = t.a_done_late + excluded.a_done_late, a_open = t.a_open + excluded.a_open, a_overdue = t.a_overdue + excluded.a_overdue
    RETURNING 1
  ),
  emptied AS (
    DELETE FROM matrix_cell c USING fresh f
    WHERE f.n = 0 AND c.directive_id = f.directive_id AND c.unit_id = f.unit_id AND c.requirement_id = f.requirement_id
    RETURNING 1
  )
  INSERT INTO matrix_cell AS t (directive_id, unit_id, requirement_id, n, n_done, n_late, n_not_started, n_open_past, min_open_due)
  SELECT directive_id, unit_id, requirement_id, n, n_done, n_late, n_not_started, n_open_past, min_open_due FROM fresh WHERE n > 0
  ON CONFLICT (directive_id, unit_id, requirement_id) DO UPDATE SET
    n = excluded.n, n_done = excluded.n_done, n_late = excluded.n_late, n_not_started = excluded.n_not_started,
    n_open_past = excluded.n_open_past, min_open_due = excluded.min_open_due;
END
$$;

-- Recomputes the given addressees (acknowledgement, active people, people reached) and adds the
-- difference to every ancestor's sums. A (directive, unit) that is no longer an addressee is removed.
-- recount = false keeps the people counts (an acknowledgement or a deadline changed, no one moved).
CREATE FUNCTION matrix_refresh_units(d_ids integer[], u_ids integer[], recount boolean DEFAULT true) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  unacked_d integer[];
  unacked_u integer[];
  unacked_at timestamptz[];
BEGIN
  IF coalesce(cardinality(d_ids), 0) = 0 THEN RETURN; END IF;
  PERFORM matrix_epoch_next();
  INSERT INTO matrix_rollup_state (directive_id) SELECT DISTINCT d FROM unnest(d_ids) AS d ORDER BY 1 ON CONFLICT DO NOTHING;
  -- Acknowledgements taken back (rare): their ancestors' latest acknowledgement is recomputed below.
  SELECT array_agg(m.directive_id), array_agg(m.unit_id), array_agg(m.acknowledged_at) INTO unacked_d, unacked_u, unacked_at
  FROM (SELECT DISTINCT d, u FROM unnest(d_ids, u_ids) AS k(d, u)) k
  JOIN matrix_unit m ON m.directive_id = k.d AND m.unit_id = k.u
  LEFT JOIN directive_addressee da ON da.directive_id = k.d AND da.unit_id = k.u
  WHERE m.acknowledged_at IS NOT NULL AND m.acknowledged_at IS DISTINCT FROM da.acknowledged_at;

  WITH keys AS (SELECT DISTINCT d AS directive_id, u AS unit_id FROM unnest(d_ids, u_ids) AS k(d, u)),
  fresh AS (
    SELECT k.directive_id, k.unit_id, da.ack_due_date, da.acknowledged_at,
      ((da.acknowledged_at IS NOT NULL AND da.acknowledged_at::date > da.ack_due_date)
        OR (da.acknowledged_at IS NULL AND da.ack_due_date < s.as_of))::int AS ack_late,
      CASE WHEN recount OR m0.unit_id IS NULL THEN
        (SELECT count(*) FROM person p WHERE p.unit_id = k.unit_id AND p.is_active)::int ELSE m0.active_people END AS active_people,
      CASE WHEN recount OR m0.unit_id IS NULL THEN
        (SELECT count(*) FROM person p WHERE p.unit_id = k.unit_id AND p.is_active
           AND (EXISTS (SELECT 1 FROM session_attendance a WHERE a.directive_id = k.directive_id AND a.person_id = p.id)
                OR EXISTS (SELECT 1 FROM receipt_confirmation r WHERE r.directive_id = k.directive_id AND r.person_id = p.id)))::int
        ELSE m0.reached END AS reached
    FROM keys k JOIN directive_addressee da ON da.directive_id = k.directive_id AND da.unit_id = k.unit_id
    JOIN matrix_rollup_state s ON s.directive_id = k.directive_id
    LEFT JOIN matrix_unit m0 ON m0.directive_id = k.directive_id AND m0.unit_id = k.unit_id
  ),
  old AS (SELECT m.* FROM matrix_unit m JOIN keys k USING (directive_id, unit_id)),
  change AS (
    SELECT 1 AS sign, directive_id, unit_id, acknowledged_at, ack_late, active_people, reached FROM fresh
    UNION ALL
    SELECT -1, directive_id, unit_id, acknowledged_at, ack_late, active_people, reached FROM old
  ),
  delta AS (
    SELECT c.directive_id, anc.id AS unit_id,
      sum(c.sign)::int AS addressees,
      sum(c.sign * (c.acknowledged_at IS NOT NULL)::int)::int AS acknowledged,
      sum(c.sign * c.ack_late)::int AS ack_late,
      max(c.acknowledged_at) FILTER (WHERE c.sign = 1) AS max_ack_at,
      sum(c.sign * c.active_people)::int AS active_people,
      sum(c.sign * c.reached)::int AS reached
    FROM change c JOIN unit u ON u.id = c.unit_id CROSS JOIN LATERAL unnest(unit_lineage(u.path)) AS anc(id)
    GROUP BY c.directive_id, anc.id
  ),
  applied AS (
    INSERT INTO matrix_subtree_unit AS t (directive_id, unit_id, addressees, acknowledged, ack_late, max_ack_at, active_people, reached)
    SELECT directive_id, unit_id, addressees, acknowledged, ack_late, max_ack_at, active_people, reached FROM delta
    WHERE (addressees, acknowledged, ack_late, active_people, reached) <> (0, 0, 0, 0, 0) OR max_ack_at IS NOT NULL
    ORDER BY directive_id, unit_id
    ON CONFLICT (directive_id, unit_id) DO UPDATE SET
      addressees = t.addressees + excluded.addressees, acknowledged = t.acknowledged + excluded.acknowledged,
      ack_late = t.ack_late + excluded.ack_late, max_ack_at = greatest(t.max_ack_at, excluded.max_ack_at),
      active_people = t.active_people + excluded.active_people, reached = t.reached + excluded.reached
    RETURNING 1
  ),
  removed AS (
    DELETE FROM matrix_unit m USING keys k
    WHERE m.directive_id = k.directive_id AND m.unit_id = k.unit_id
      AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.directive_id = k.directive_id AND f.unit_id = k.unit_id)
    RETURNING 1
  )
  INSERT INTO matrix_unit AS t (directive_id, unit_id, ack_due_date, acknowledged_at, ack_late, active_people, reached)
  SELECT directive_id, unit_id, ack_due_date, acknowledged_at, ack_late, active_people, reached FROM fresh
  ON CONFLICT (directive_id, unit_id) DO UPDATE SET
    ack_due_date = excluded.ack_due_date, acknowledged_at = excluded.acknowledged_at, ack_late = excluded.ack_late,
    active_people = excluded.active_people, reached = excluded.reached;

  -- Only where the acknowledgement taken back was the latest one.
  IF unacked_d IS NOT NULL THEN
    UPDATE matrix_subtree_unit t SET max_ack_at = (
      SELECT max(m.acknowledged_at) FROM unit au JOIN unit u ON u.path <@ au.path
      JOIN matrix_unit m ON m.directive_id = t.directive_id AND m.unit_id = u.id
      WHERE au.id = t.unit_id)
    FROM (SELECT k.d, anc.id AS unit_id, max(k.at) AS at FROM unnest(unacked_d, unacked_u, unacked_at) AS k(d, u, at)
          JOIN unit u ON u.id = k.u CROSS JOIN LATERAL unnest(unit_lineage(u.path)) AS anc(id) GROUP BY k.d, anc.id) a
    WHERE t.directive_id = a.d AND t.unit_id = a.unit_id AND (t.max_ack_at IS NULL OR t.max_ack_at <= a.at);
  END IF;
END
$$;

-- Rebuilds a directive's subtree sums from its cells and addressees: after units move.
CREATE FUNCTION matrix_resum(d integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM matrix_epoch_next();
  DELETE FROM matrix_subtree_cell WHERE directive_id = d;
  DELETE FROM matrix_subtree_unit WHERE directive_id = d;
  INSERT INTO matrix_subtree_cell
  SELECT c.directive_id, anc.id, c.requirement_id,
    count(*) FILTER (WHERE x.cls = 'planned')::int, count(*) FILTER (WHERE x.cls = 'in_progress_on_time')::int,
    count(*) FILTER (WHERE x.cls = 'overdue')::int, count(*) FILTER (WHERE x.cls = 'done_late')::int,
    count(*) FILTER (WHERE x.cls = 'done_on_time')::int,
    sum(c.n_done - c.n_late)::int, sum(c.n_late)::int, sum(c.n - c.n_done)::int, sum(c.n_open_past)::int
  FROM matrix_cell c
  CROSS JOIN LATERAL (SELECT matrix_cell_class(c.n, c.n_done, c.n_late, c.n_not_started, c.n_open_past) AS cls) x
  JOIN unit u ON u.id = c.unit_id CROSS JOIN LATERAL unnest(unit_lineage(u.path)) AS anc(id)
  WHERE c.directive_id = d
  GROUP BY c.directive_id, anc.id, c.requirement_id;
  INSERT INTO matrix_subtree_unit
  SELECT m.directive_id, anc.id, count(*)::int, count(m.acknowledged_at)::int, sum(m.ack_late)::int, max(m.acknowledged_at),
    sum(m.active_people)::int, sum(m.reached)::int
  FROM matrix_unit m JOIN unit u ON u.id = m.unit_id CROSS JOIN LATERAL unnest(unit_lineage(u.path)) AS anc(id)
  WHERE m.directive_id = d
  GROUP BY m.directive_id, anc.id;
END
$$;

-- Rebuilds everything of one directive from its source rows (after a bulk load with triggers off).
CREATE FUNCTION matrix_rebuild(d integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(19461503);
  DELETE FROM matrix_cell WHERE directive_id = d;
  DELETE FROM matrix_unit WHERE directive_id = d;
  DELETE FROM matrix_subtree_cell WHERE directive_id = d;
  DELETE FROM matrix_subtree_unit WHERE directive_id = d;
  PERFORM matrix_refresh_cells(array_agg(k.directive_id), array_agg(k.unit_id), array_agg(k.requirement_id))
  FROM (SELECT DISTINCT directive_id, unit_id, requirement_id FROM plan_action WHERE directive_id = d) k;
  PERFORM matrix_refresh_units(array_agg(directive_id), array_agg(unit_id)) FROM directive_addressee WHERE directive_id = d;
END
$$;

-- Moves a directive's day forward: items whose deadline fell before `to` become overdue in the sums.
CREATE FUNCTION matrix_roll(d integer, to_day date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  from_day date;
BEGIN
  PERFORM pg_advisory_xact_lock(19461503);
  INSERT INTO matrix_rollup_state (directive_id) VALUES (d) ON CONFLICT DO NOTHING;
  SELECT as_of INTO from_day FROM matrix_rollup_state WHERE directive_id = d FOR UPDATE;
  IF to_day <= from_day THEN RETURN; END IF;
  PERFORM matrix_epoch_next();
  UPDATE matrix_rollup_state SET as_of = to_day WHERE directive_id = d;
  PERFORM matrix_refresh_cells(array_agg(k.directive_id), array_agg(k.unit_id), array_agg(k.requirement_id))
  FROM (SELECT DISTINCT directive_id, unit_id, requirement_id FROM plan_action
        WHERE directive_id = d AND status <> 'done' AND effective_due_date >= from_day AND effective_due_date < to_day) k;
  PERFORM matrix_refresh_units(array_agg(directive_id), array_agg(unit_id), false) FROM matrix_unit
  WHERE directive_id = d AND acknowledged_at IS NULL AND ack_due_date >= from_day AND ack_due_date < to_day;
END
$$;

-- ---- triggers: one per table and event (a trigger with transition tables has one event)

CREATE FUNCTION matrix_on_action() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM matrix_refresh_cells(array_agg(directive_id), array_agg(unit_id), array_agg(requirement_id)) FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM matrix_refresh_cells(array_agg(directive_id), array_agg(unit_id), array_agg(requirement_id)) FROM old_rows;
  ELSE
    PERFORM matrix_refresh_cells(array_agg(k.directive_id), array_agg(k.unit_id), array_agg(k.requirement_id))
    FROM (SELECT n.directive_id, n.unit_id, n.requirement_id FROM new_rows n JOIN old_rows o ON o.id = n.id
          WHERE (n.status, n.completed_on, n.effective_due_date, n.unit_id, n.requirement_id, n.directive_id)
                IS DISTINCT FROM (o.status, o.completed_on, o.effective_due_date, o.unit_id, o.requirement_id, o.directive_id)
          UNION SELECT o.directive_id, o.unit_id, o.requirement_id FROM new_rows n JOIN old_rows o ON o.id = n.id
          WHERE (n.unit_id, n.requirement_id, n.directive_id) IS DISTINCT FROM (o.unit_id, o.requirement_id, o.directive_id)) k;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER matrix_action_insert AFTER INSERT ON plan_action REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION matrix_on_action();
CREATE TRIGGER matrix_action_update AFTER UPDATE ON plan_action REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION matrix_on_action();
CREATE TRIGGER matrix_action_delete AFTER DELETE ON plan_action REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION matrix_on_action();

CREATE FUNCTION matrix_on_addressee() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM matrix_refresh_units(array_agg(directive_id), array_agg(unit_id)) FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM matrix_refresh_units(array_agg(directive_id), array_agg(unit_id)) FROM old_rows;
  ELSE
    PERFORM matrix_refresh_units(array_agg(k.directive_id), array_agg(k.unit_id), false)
    FROM (SELECT n.directive_id, n.unit_id FROM new_rows n JOIN old_rows o ON o.directive_id = n.directive_id AND o.unit_id = n.unit_id
          WHERE (n.acknowledged_at, n.ack_due_date) IS DISTINCT FROM (o.acknowledged_at, o.ack_due_date)) k;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER matrix_addressee_insert AFTER INSERT ON directive_addressee REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION matrix_on_addressee();
CREATE TRIGGER matrix_addressee_update AFTER UPDATE ON directive_addressee REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION matrix_on_addressee();
CREATE TRIGGER matrix_addressee_delete AFTER DELETE ON directive_addressee REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION matrix_on_addressee();

-- Attendance and receipts change the people reached of the person's unit (for addressees only).
CREATE FUNCTION matrix_on_reach() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM matrix_refresh_units(array_agg(k.directive_id), array_agg(k.unit_id))
    FROM (SELECT DISTINCT r.directive_id, p.unit_id FROM new_rows r JOIN person p ON p.id = r.person_id
          JOIN directive_addressee da ON da.directive_id = r.directive_id AND da.unit_id = p.unit_id) k;
  ELSE
    PERFORM matrix_refresh_units(array_agg(k.directive_id), array_agg(k.unit_id))
    FROM (SELECT DISTINCT r.directive_id, p.unit_id FROM old_rows r JOIN person p ON p.id = r.person_id
          JOIN directive_addressee da ON da.directive_id = r.directive_id AND da.unit_id = p.unit_id) k;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER matrix_attendance_insert AFTER INSERT ON session_attendance REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION matrix_on_reach();
CREATE TRIGGER matrix_attendance_delete AFTER DELETE ON session_attendance REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION matrix_on_reach();
CREATE TRIGGER matrix_receipt_insert AFTER INSERT ON receipt_confirmation REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION matrix_on_reach();
CREATE TRIGGER matrix_receipt_delete AFTER DELETE ON receipt_confirmation REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION matrix_on_reach();

-- A person joining, leaving, moving or (de)activated changes the counts of every directive
-- addressed to the units involved.
CREATE FUNCTION matrix_on_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM matrix_refresh_units(array_agg(da.directive_id), array_agg(da.unit_id))
    FROM directive_addressee da WHERE da.unit_id IN (SELECT unit_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM matrix_refresh_units(array_agg(da.directive_id), array_agg(da.unit_id))
    FROM directive_addressee da WHERE da.unit_id IN (SELECT unit_id FROM old_rows);
  ELSE
    PERFORM matrix_refresh_units(array_agg(da.directive_id), array_agg(da.unit_id))
    FROM directive_addressee da WHERE da.unit_id IN (
      SELECT x.unit_id FROM new_rows n JOIN old_rows o ON o.id = n.id
      CROSS JOIN LATERAL (VALUES (n.unit_id), (o.unit_id)) AS x(unit_id)
      WHERE (n.unit_id, n.is_active) IS DISTINCT FROM (o.unit_id, o.is_active));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER matrix_person_insert AFTER INSERT ON person REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION matrix_on_person();
CREATE TRIGGER matrix_person_update AFTER UPDATE ON person REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION matrix_on_person();
CREATE TRIGGER matrix_person_delete AFTER DELETE ON person REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION matrix_on_person();

-- Units moving change whose subtree a figure belongs to: the sums of the directives involved are rebuilt.
CREATE FUNCTION matrix_on_unit_move() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  d integer;
BEGIN
  FOR d IN
    SELECT DISTINCT m.directive_id FROM new_rows n JOIN old_rows o ON o.id = n.id
    JOIN matrix_unit m ON m.unit_id = n.id
    WHERE n.path <> o.path ORDER BY 1
  LOOP
    PERFORM matrix_resum(d);
  END LOOP;
  RETURN NULL;
END
$$;
CREATE TRIGGER matrix_unit_move AFTER UPDATE ON unit REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION matrix_on_unit_move();

-- The other tables a matrix view reads: units, requirements, plans, report periods and reports.
CREATE FUNCTION matrix_on_view_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM matrix_epoch_next();
  RETURN NULL;
END
$$;
CREATE TRIGGER matrix_view_unit AFTER INSERT OR UPDATE OR DELETE ON unit FOR EACH STATEMENT EXECUTE FUNCTION matrix_on_view_change();
CREATE TRIGGER matrix_view_requirement AFTER INSERT OR UPDATE OR DELETE ON requirement FOR EACH STATEMENT EXECUTE FUNCTION matrix_on_view_change();
CREATE TRIGGER matrix_view_unit_plan AFTER INSERT OR UPDATE OR DELETE ON unit_plan FOR EACH STATEMENT EXECUTE FUNCTION matrix_on_view_change();
CREATE TRIGGER matrix_view_report_period AFTER INSERT OR UPDATE OR DELETE ON report_period FOR EACH STATEMENT EXECUTE FUNCTION matrix_on_view_change();
CREATE TRIGGER matrix_view_report_period_directive AFTER INSERT OR UPDATE OR DELETE ON report_period_directive FOR EACH STATEMENT EXECUTE FUNCTION matrix_on_view_change();
CREATE TRIGGER matrix_view_report_period_unit AFTER INSERT OR UPDATE OR DELETE ON report_period_unit FOR EACH STATEMENT EXECUTE FUNCTION matrix_on_view_change();
CREATE TRIGGER matrix_view_unit_report AFTER INSERT OR UPDATE OR DELETE ON unit_report FOR EACH STATEMENT EXECUTE FUNCTION matrix_on_view_change();

-- A deleted directive (a draft) takes its figures with it.
CREATE FUNCTION matrix_forget_directive() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM matrix_cell WHERE directive_id IN (SELECT id FROM old_rows);
  DELETE FROM matrix_subtree_cell WHERE directive_id IN (SELECT id FROM old_rows);
  DELETE FROM matrix_unit WHERE directive_id IN (SELECT id FROM old_rows);
  DELETE FROM matrix_subtree_unit WHERE directive_id IN (SELECT id FROM old_rows);
  RETURN NULL;
END
$$;
CREATE TRIGGER matrix_directive_delete AFTER DELETE ON directive REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION matrix_forget_directive();

-- Figures of the directives that already exist.
SELECT matrix_rebuild(id) FROM directive ORDER BY id;
