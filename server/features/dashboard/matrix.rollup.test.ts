import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedAccount, seedDirective, seedPerson, seedUnit, userFor, type SeededUnit } from '../../db/seed/builders.ts'
import { writeAfterQuery } from '../../../test/interleave.ts'
import { createTestApp, type TestApp } from '../../../test/app.ts'
import { matrixCoverage } from './matrix.coverage.ts'
import { directiveMatrix } from './matrix.service.ts'
import { aggregateRows, rowsById, type RowAggregate, type RowUnit } from './matrix.queries.ts'
import { rollMatrices, rollupAnswers, rollupRows, rollupState } from './matrix.rollup.ts'

// The rollups kept by migration 0005's triggers must give exactly what the live queries compute
// from the source rows, after any mix of writes, unit moves, people changes and daily rolls.

let t: TestApp
const BASE = '2026-03-01'
const day = (iso: string, n: number) => new Date(Date.parse(iso + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10)

// A deterministic generator (mulberry32) so a failure replays the same way.
function rng(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let x = Math.imul(a ^ (a >>> 15), 1 | a)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296
  }
}

let units: SeededUnit[] = []
let directive: { id: number; requirementIds: number[] }
let addressees: number[] = []
const people: number[] = []

beforeAll(async () => {
  t = await createTestApp()
  const root = await seedUnit(t.db, { name: 'Bộ' })
  units = [root]
  for (let i = 0; i < 3; i++) {
    const a = await seedUnit(t.db, { parent: root, name: `Khối ${i}` })
    units.push(a)
    for (let j = 0; j < 2; j++) {
      const b = await seedUnit(t.db, { parent: a, name: `Đơn vị ${i}.${j}`, kind: 'subunit' })
      units.push(b)
      if (j === 0) units.push(await seedUnit(t.db, { parent: b, name: `Tổ ${i}.${j}`, kind: 'subunit' }))
    }
  }
  // Every unit but one second-level unit is an addressee: rows without addressees must vanish too.
  addressees = units.filter((u, i) => i !== 2).map((u) => u.id)
  directive = await seedDirective(t.db, { ownerUnitId: root.id, unitIds: addressees, requirements: 3, ackDueDate: day(BASE, 5) })
  for (const u of units) for (let i = 0; i < 3; i++) people.push((await seedPerson(t.db, { unitId: u.id })).id)
})
afterAll(() => t.close())

async function randomWrites(r: () => number, n: number, today: string) {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]
  for (let i = 0; i < n; i++) {
    const op = r()
    const unitId = pick(addressees)
    if (op < 0.35) {
      await t.db.query('INSERT INTO unit_plan (directive_id, unit_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [directive.id, unitId])
      const [p] = await t.db.query<{ id: number }>('SELECT id FROM unit_plan WHERE directive_id = $1 AND unit_id = $2', [directive.id, unitId])
      const status = pick(['notStarted', 'inProgress', 'done', 'blocked'])
      const due = day(BASE, Math.floor(r() * 30))
      await t.db.query(
        `INSERT INTO plan_action (plan_id, directive_id, unit_id, requirement_id, title, due_date, effective_due_date, status, completed_on)
         VALUES ($1,$2,$3,$4,'Việc',$5,$5,$6,$7)`,
        [p.id, directive.id, unitId, pick(directive.requirementIds), due, status, status === 'done' ? day(BASE, Math.floor(r() * 25)) : null],
      )
    } else if (op < 0.55) {
      const [a] = await t.db.query<{ id: number }>('SELECT id FROM plan_action WHERE directive_id = $1 ORDER BY random() LIMIT 1', [directive.id])
      if (!a) continue
      const status = pick(['notStarted', 'inProgress', 'done'])
      await t.db.query('UPDATE plan_action SET status = $2, completed_on = $3, effective_due_date = effective_due_date + $4::int WHERE id = $1', [
        a.id, status, status === 'done' ? day(BASE, Math.floor(r() * 25)) : null, Math.floor(r() * 10) - 3,
      ])
    } else if (op < 0.6) {
      await t.db.query('DELETE FROM plan_action WHERE id = (SELECT id FROM plan_action WHERE directive_id = $1 ORDER BY random() LIMIT 1)', [directive.id])
    } else if (op < 0.7) {
      const at = r() < 0.8 ? `${day(BASE, Math.floor(r() * 12))}T09:00:00Z` : null
      await t.db.query('UPDATE directive_addressee SET acknowledged_at = $3, ack_due_date = $4 WHERE directive_id = $1 AND unit_id = $2', [
        directive.id, unitId, at, day(BASE, Math.floor(r() * 12)),
      ])
    } else if (op < 0.8) {
      const [s] = await t.db.query<{ id: number }>(
        `INSERT INTO dissemination_session (directive_id, unit_id, held_on, form, title) VALUES ($1, $2, $3, 'meeting', 'Hội nghị') RETURNING id`,
        [directive.id, unitId, today],
      )
      const who = people.filter(() => r() < 0.3)
      if (who.length) await t.db.query('INSERT INTO session_attendance (session_id, directive_id, person_id) SELECT $1, $2, unnest($3::int[])', [s.id, directive.id, who])
    } else if (op < 0.85) {
      await t.db.query('INSERT INTO receipt_confirmation (directive_id, person_id, confirmed_at) VALUES ($1, $2, now()) ON CONFLICT DO NOTHING', [directive.id, pick(people)])
    } else if (op < 0.9) {
      await t.db.query('DELETE FROM session_attendance WHERE (session_id, person_id) = (SELECT session_id, person_id FROM session_attendance ORDER BY random() LIMIT 1)')
    } else if (op < 0.95) {
      // People join, leave and move between units.
      const sub = r()
      if (sub < 0.3) people.push((await seedPerson(t.db, { unitId: pick(units).id })).id)
      else if (sub < 0.6) await t.db.query('UPDATE person SET is_active = NOT is_active WHERE id = $1', [pick(people)])
      else await t.db.query('UPDATE person SET unit_id = $2 WHERE id = $1', [pick(people), pick(units).id])
    } else {
      await moveRandomSubtree(r)
    }
  }
}

/** Moves a unit (with everything under it) under another unit that is not inside it. */
async function moveRandomSubtree(r: () => number) {
  const rows = await t.db.query<{ id: number; path: string }>('SELECT id, path::text AS path FROM unit WHERE id = ANY($1::int[]) AND parent_id IS NOT NULL', [units.map((u) => u.id)])
  const moving = rows[Math.floor(r() * rows.length)]
  const targets = await t.db.query<{ id: number; path: string }>(
    'SELECT id, path::text AS path FROM unit WHERE id = ANY($1::int[]) AND NOT path <@ $2::ltree', [units.map((u) => u.id), moving.path],
  )
  const to = targets[Math.floor(r() * targets.length)]
  await t.db.transaction(async (tx) => {
    await tx.query('UPDATE unit SET parent_id = $2 WHERE id = $1', [moving.id, to.id])
    await tx.query('UPDATE unit SET path = $2::ltree || subpath(path, nlevel($1::ltree) - 1) WHERE path <@ $1::ltree', [moving.path, to.path])
  })
}

const allRows = (): Promise<RowUnit[]> => rowsById(t.db, units.map((u) => u.id))

/** What the screen shows of a row, with coverage rounded (a ratio of the same integers). */
function shape(m: Map<number, RowAggregate>, coverage: Map<number, number | null>) {
  const out: Record<number, unknown> = {}
  for (const [id, a] of [...m.entries()].sort((x, y) => x[0] - y[0])) {
    const { coverage: _c, cells, ...rest } = a
    out[id] = { ...rest, cells: Object.fromEntries(cells), coverage: coverage.get(id) == null ? null : Math.round(coverage.get(id)! * 1e9) }
  }
  return out
}

async function compare(asOf: string) {
  const rows = await allRows()
  for (const aggregate of [true, false]) {
    const state = await rollupState(t.db, directive.id)
    if (!rollupAnswers(state, asOf)) continue
    const fromRollup = (await rollupRows(t.db, directive.id, asOf, rows, directive.requirementIds, aggregate))!
    expect(fromRollup).not.toBeNull()
    const live = await aggregateRows(t.db, directive.id, asOf, [units[0].path], rows, directive.requirementIds, aggregate)
    const shown = rows.filter((r) => live.has(r.id))
    const liveCoverage = await matrixCoverage(t.db, directive.id, shown, aggregate)
    const rollupCoverage = new Map([...fromRollup].map(([id, a]) => [id, a.coverage ?? null]))
    expect(shape(fromRollup, rollupCoverage), `${aggregate ? 'subtree' : 'own unit'} rows as of ${asOf}`).toEqual(shape(live, liveCoverage))
  }
}

describe('matrix rollups', () => {
  it('equal the live figures after random writes, moves and rolls, on every day from the rollup day on', async () => {
    const r = rng(1946)
    let today = BASE
    let compared = 0
    for (let round = 0; round < 8; round++) {
      await randomWrites(r, 25, today)
      for (const d of [today, day(today, 1), day(today, 7), day(today, 40)]) {
        await compare(d)
        compared++
      }
      today = day(today, 3 + Math.floor(r() * 5))
      // Half the rounds roll the figures to the new day, as the daily job does.
      if (round % 2 === 0) expect(await rollMatrices(t.db, today)).toBeGreaterThan(0)
    }
    expect(compared).toBe(32)
    const [s] = await t.db.query<{ as_of: string }>('SELECT as_of FROM matrix_rollup_state WHERE directive_id = $1', [directive.id])
    expect(s.as_of > BASE).toBe(true)
  })

  it('answers only from its own day on, and from the latest completion on', async () => {
    await rollMatrices(t.db, '2026-05-01')
    const state = await rollupState(t.db, directive.id)
    expect(state.asOf).toBe('2026-05-01')
    expect(rollupAnswers(state, '2026-04-30')).toBe(false)
    expect(rollupAnswers(state, '2026-05-01')).toBe(true)
    expect(rollupAnswers({ asOf: '-infinity', maxCompletedOn: '2026-03-10' }, '2026-03-09')).toBe(false)
    expect(rollupAnswers({ asOf: '-infinity', maxCompletedOn: '2026-03-10' }, '2026-03-10')).toBe(true)
  })

  it('a rebuild from the source rows gives the figures the triggers kept', async () => {
    const snapshot = async () => ({
      cells: await t.db.query('SELECT * FROM matrix_cell WHERE directive_id = $1 ORDER BY unit_id, requirement_id', [directive.id]),
      subtree: await t.db.query('SELECT * FROM matrix_subtree_cell WHERE directive_id = $1 AND (c_planned, c_progress, c_overdue, c_done_late, c_done_on_time, a_open, a_done_late, a_done_on_time) <> (0,0,0,0,0,0,0,0) ORDER BY unit_id, requirement_id', [directive.id]),
      units: await t.db.query('SELECT * FROM matrix_unit WHERE directive_id = $1 ORDER BY unit_id', [directive.id]),
      subtreeUnits: await t.db.query('SELECT * FROM matrix_subtree_unit WHERE directive_id = $1 AND addressees > 0 ORDER BY unit_id', [directive.id]),
    })
    const kept = await snapshot()
    expect(kept.cells.length).toBeGreaterThan(5)
    await t.db.transaction((tx) => tx.query('SELECT matrix_rebuild($1)', [directive.id]))
    expect(await snapshot()).toEqual(kept)
  })

  it('a view read while the day rolls counts each deadline passed since the rollup day once', async () => {
    // A directive of its own, never rolled: its rollups answer from "-infinity", every deadline passed since added on reading.
    const d = await seedDirective(t.db, { ownerUnitId: units[0].id, unitIds: [units[1].id, units[3].id], requirements: 2, ackDueDate: day(BASE, 2) })
    for (const [i, unitId] of [units[1].id, units[3].id].entries()) {
      await t.db.query('INSERT INTO unit_plan (directive_id, unit_id) VALUES ($1, $2)', [d.id, unitId])
      const [p] = await t.db.query<{ id: number }>('SELECT id FROM unit_plan WHERE directive_id = $1 AND unit_id = $2', [d.id, unitId])
      for (let k = 0; k < 2 + i; k++) {
        await t.db.query(
          `INSERT INTO plan_action (plan_id, directive_id, unit_id, requirement_id, title, due_date, effective_due_date, status) VALUES ($1,$2,$3,$4,'Việc',$5,$5,'inProgress')`,
          [p.id, d.id, unitId, d.requirementIds[k % 2], day(BASE, 3 + k)],
        )
      }
    }
    const asOf = day(BASE, 20)
    const account = await seedAccount(t.db, { username: 'board.roll', password: 'Mat-khau-dai-1', roles: [{ role: 'board', unitId: units[0].id }] })
    const user = await userFor(t.db, account.id)
    const opts = { depth: 1, asOf, flat: true, sort: 'overdue' as const, overdueOnly: false }
    const overdue = (m: Awaited<ReturnType<typeof directiveMatrix>>) => Object.fromEntries(m.rows.map((r) => [r.unitId, r.actionCounts.overdue]))
    const before = overdue(await directiveMatrix(t.db, user, d.id, opts, matrixCoverage))
    expect(before).toEqual({ [units[1].id]: 2, [units[3].id]: 3 })

    // The daily roll commits right after the view has read the rollup day, before it reads the sums.
    const rollingDb = writeAfterQuery(t.db, /FROM matrix_rollup_state WHERE directive_id = \$1\s*$/, async () => expect(await rollMatrices(t.db, asOf)).toBeGreaterThan(0))
    const during = overdue(await directiveMatrix(rollingDb, user, d.id, opts, matrixCoverage))
    expect(rollingDb.wrote()).toBe(true)
    expect(during).toEqual(before)
    expect(overdue(await directiveMatrix(t.db, user, d.id, opts, matrixCoverage))).toEqual(before)
  })
})
