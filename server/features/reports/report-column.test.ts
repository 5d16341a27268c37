import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app.ts'
import { seedDirective, seedUnit, type SeededUnit } from '../../db/seed/builders.ts'
import { reportColumn } from './report-column.ts'

// The dashboard's report column in one read: every open period covering the directive, soonest
// deadline first, each row's status or its subtree's counts, from the units under the rows only.

let t: TestApp
let dirId = 0
let a: SeededUnit, a1: SeededUnit, b: SeededUnit, c: SeededUnit
const periods: Record<string, number> = {}

beforeAll(async () => {
  t = await createTestApp()
  const root = await seedUnit(t.db, { name: 'Bộ' })
  a = await seedUnit(t.db, { parent: root, name: 'Vụ A' })
  a1 = await seedUnit(t.db, { parent: a, name: 'Phòng A1' })
  b = await seedUnit(t.db, { parent: root, name: 'Vụ B' })
  c = await seedUnit(t.db, { parent: root, name: 'Vụ C' })
  const d = await seedDirective(t.db, { ownerUnitId: root.id, unitIds: [a.id, a1.id, b.id, c.id], requirements: 1 })
  const other = await seedDirective(t.db, { ownerUnitId: root.id, unitIds: [a.id], requirements: 1 })
  dirId = d.id
  const period = async (key: string, deadline: string, status: string, directiveId: number, unitIds: number[]) => {
    const [p] = await t.db.query<{ id: number }>(
      `INSERT INTO report_period (owner_unit_id, scope_unit_id, title, kind, deadline, status) VALUES ($1, $1, $2, 'adhoc', $3, $4) RETURNING id`,
      [root.id, `Kỳ ${key}`, deadline, status],
    )
    await t.db.query('INSERT INTO report_period_directive (period_id, directive_id) VALUES ($1, $2)', [p.id, directiveId])
    for (const u of unitIds) await t.db.query('INSERT INTO report_period_unit (period_id, unit_id) VALUES ($1, $2)', [p.id, u])
    periods[key] = p.id
  }
  // Created latest deadline first: the column orders them by deadline, not by id.
  await period('later', '2026-06-30', 'open', d.id, [a.id, a1.id, b.id])
  await period('sooner', '2026-03-31', 'open', d.id, [c.id])
  await period('closed', '2026-01-31', 'closed', d.id, [a.id, b.id])
  await period('other directive', '2026-02-28', 'open', other.id, [a.id])
  await t.db.query(`INSERT INTO unit_report (period_id, unit_id, status, submitted_versions) VALUES ($1, $2, 'accepted', 1)`, [periods.later, a1.id])
})
afterAll(() => t.close())

describe('report column', () => {
  it('lists each open period of the directive by deadline, with each row’s status or its subtree’s counts', async () => {
    const rows = [{ id: a.id, path: a.path, isAggregate: true }, { id: b.id, path: b.path, isAggregate: false }]
    const column = await reportColumn(t.db, dirId, Promise.resolve(rows), '2026-04-15', [a.path, b.path])
    // The sooner period's only unit (C) is outside the rows: the period is still a column, with nothing counted.
    expect(column.get(a.id)).toEqual([
      { periodId: periods.sooner, title: 'Kỳ sooner', deadline: '2026-03-31', status: null, counts: {} },
      { periodId: periods.later, title: 'Kỳ later', deadline: '2026-06-30', status: null, counts: { notDue: 1, accepted: 1 } },
    ])
    expect(column.get(b.id)).toEqual([
      { periodId: periods.sooner, title: 'Kỳ sooner', deadline: '2026-03-31', status: null, counts: {} },
      { periodId: periods.later, title: 'Kỳ later', deadline: '2026-06-30', status: 'notDue', counts: { notDue: 1 } },
    ])
  })

  it('reads nothing outside the rows’ subtrees, and a unit past the deadline with nothing submitted is late', async () => {
    const rows = [{ id: c.id, path: c.path, isAggregate: false }]
    const column = await reportColumn(t.db, dirId, rows, '2026-04-15', [c.path])
    expect(column.get(c.id)!.map((p) => [p.periodId, p.status, p.counts])).toEqual([[periods.sooner, 'late', { late: 1 }], [periods.later, null, {}]])
    expect(await reportColumn(t.db, dirId, [], '2026-04-15', [])).toEqual(new Map())
  })
})
