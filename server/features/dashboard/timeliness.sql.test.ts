import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TIMELINESS, classifyAction, classifyCell, type ActionTiming } from '../../../contract/timeliness.ts'
import { pick, rng } from '../../db/seed/names.ts'
import { seedDirective, seedUnit, type SeededUnit } from '../../db/seed/builders.ts'
import type { Db } from '../../db/types.ts'
import { createTestDb } from '../../../test/db.ts'
import { aggregateRows, flatRows } from './matrix.queries.ts'

// Timeliness is one rule written twice: contract/timeliness.ts (classifyAction, classifyCell) and
// SQL (action_timeliness of migration 0006, matrix_cell_class of 0005), which the live matrix,
// report figures and overdue reminders use. This pins the two equal: every action case, and random
// cells through the live matrix query.

const STATUSES: ActionTiming['status'][] = ['notStarted', 'inProgress', 'done', 'blocked']
const AS_OF = '2026-03-20'
const day = (n: number, from = AS_OF) => new Date(Date.parse(from + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10)
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)

let db: Db
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(() => db.close())

describe('action_timeliness (SQL) and classifyAction (TS)', () => {
  it('agree on every status × deadline before / on / after the day × completion before / on / after each, or none', async () => {
    // Deadlines two days either side of the day and completions four days either side reach every
    // order of (completion, deadline, day), equal ones included.
    const cases = STATUSES.flatMap((status) => range(-2, 2).flatMap((due) => [null, ...range(-4, 4)].map((done) => ({
      status, effectiveDueDate: day(due), completedOn: done === null ? null : day(done),
    }))))
    const sql = await db.query<{ cls: string }>(
      `SELECT action_timeliness(x.status, x.completed_on, x.due, $2::date) AS cls
       FROM json_to_recordset($1::json) AS x(i int, status text, completed_on date, due date) ORDER BY x.i`,
      [JSON.stringify(cases.map((c, i) => ({ i, status: c.status, completed_on: c.completedOn, due: c.effectiveDueDate }))), AS_OF],
    )
    const label = (c: ActionTiming, cls: string) => `${c.status} due ${c.effectiveDueDate} completed ${c.completedOn ?? '-'} → ${cls}`
    expect(cases.map((c, i) => label(c, sql[i].cls))).toEqual(cases.map((c) => label(c, classifyAction(c, AS_OF))))
    expect(new Set(sql.map((r) => r.cls))).toEqual(new Set(TIMELINESS))
  })
})

describe('the live matrix cells (action_timeliness + matrix_cell_class) and classifyCell', () => {
  let units: SeededUnit[]
  let directive: { id: number; requirementIds: number[] }
  let root: SeededUnit

  beforeAll(async () => {
    root = await seedUnit(db, { name: 'Bộ' })
    units = []
    for (let i = 0; i < 12; i++) units.push(await seedUnit(db, { parent: root, name: `Đơn vị ${i}` }))
    directive = await seedDirective(db, { ownerUnitId: root.id, unitIds: units.map((u) => u.id), requirements: 8 })
    for (const u of units) await db.query('INSERT INTO unit_plan (directive_id, unit_id) VALUES ($1, $2)', [directive.id, u.id])
  })

  /** Replaces the directive's actions with 0–4 random ones per cell; returns them by cell. */
  async function randomActions(r: () => number): Promise<Map<string, ActionTiming[]>> {
    const cells = new Map<string, ActionTiming[]>()
    const rows: { unit_id: number; requirement_id: number; due_date: string; due: string; status: string; completed_on: string | null }[] = []
    for (const u of units) {
      for (const requirementId of directive.requirementIds) {
        const actions: ActionTiming[] = []
        for (let k = Math.floor(r() * 5); k > 0; k--) {
          const status = pick(r, STATUSES)
          const due = day(Math.floor(r() * 13) - 6)
          const a: ActionTiming = { status, effectiveDueDate: due, completedOn: status === 'done' ? day(Math.floor(r() * 9) - 4, due) : null }
          actions.push(a)
          // The original deadline differs from the one in force: only the latter counts.
          rows.push({ unit_id: u.id, requirement_id: requirementId, due_date: day(-Math.floor(r() * 4), due), due, status, completed_on: a.completedOn })
        }
        cells.set(`${u.id}:${requirementId}`, actions)
      }
    }
    await db.query('DELETE FROM plan_action WHERE directive_id = $1', [directive.id])
    await db.query(
      `INSERT INTO plan_action (plan_id, directive_id, unit_id, requirement_id, title, due_date, effective_due_date, status, completed_on)
       SELECT p.id, $1, x.unit_id, x.requirement_id, 'Việc', x.due_date, x.due, x.status, x.completed_on
       FROM json_to_recordset($2::json) AS x(unit_id int, requirement_id int, due_date date, due date, status text, completed_on date)
       JOIN unit_plan p ON p.directive_id = $1 AND p.unit_id = x.unit_id`,
      [directive.id, JSON.stringify(rows)],
    )
    return cells
  }

  it('agree on random sets of actions, on days before, during and after their deadlines', async () => {
    const r = rng(2026)
    const rowUnits = await flatRows(db, directive.id, [root.path])
    expect(rowUnits).toHaveLength(units.length)
    const seen = new Set<string>()
    let compared = 0
    for (let round = 0; round < 8; round++) {
      const cells = await randomActions(r)
      for (const asOf of [day(-7), day(Math.floor(r() * 11) - 5), day(Math.floor(r() * 11) - 5), day(7)]) {
        const live = await aggregateRows(db, directive.id, asOf, [root.path], rowUnits, directive.requirementIds, false)
        const sqlSide: Record<string, unknown> = {}
        const tsSide: Record<string, unknown> = {}
        for (const u of units) {
          const row = live.get(u.id)!
          const tsActions = { done_on_time: 0, done_late: 0, in_progress_on_time: 0, overdue: 0 }
          for (const requirementId of directive.requirementIds) {
            const key = `${u.id}:${requirementId}`
            const actions = cells.get(key)!
            const status = classifyCell(actions, asOf)
            for (const a of actions) tsActions[classifyAction(a, asOf)]++
            sqlSide[`${key} ${JSON.stringify(actions)} on ${asOf}`] = row.cells.get(requirementId)
            tsSide[`${key} ${JSON.stringify(actions)} on ${asOf}`] = { [status]: 1 }
            seen.add(status)
            compared++
          }
          sqlSide[`${u.id} actions on ${asOf}`] = row.actions
          tsSide[`${u.id} actions on ${asOf}`] = tsActions
        }
        expect(sqlSide).toEqual(tsSide)
      }
    }
    expect(compared).toBe(8 * 4 * units.length * directive.requirementIds.length)
    expect([...seen].sort()).toEqual(['done_late', 'done_on_time', 'in_progress_on_time', 'none', 'overdue', 'planned'])
  })
})
