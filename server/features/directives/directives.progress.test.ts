import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app.ts'
import { seedDirective, seedUnit } from '../../db/seed/builders.ts'
import { writeAfterQuery } from '../../../test/interleave.ts'
import { rollMatrices } from '../dashboard/matrix.rollup.ts'
import { scopesCoverAll } from '../units/units.service.ts'
import { directiveProgress, progressFromRollups, progressScanned } from './directives.queries.ts'

// A directive's progress (the directive list, the board's home page) comes from the matrix rollups
// where they answer the day; the daily roll must not make a reading count a deadline twice.

let t: TestApp
const BASE = '2026-03-01'
const day = (n: number) => new Date(Date.parse(BASE + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10)
let directiveId = 0
let scope = ''
let branch = ''

beforeAll(async () => {
  t = await createTestApp()
  const root = await seedUnit(t.db, { name: 'Bộ' })
  const a = await seedUnit(t.db, { parent: root, name: 'Vụ A' })
  const b = await seedUnit(t.db, { parent: root, name: 'Vụ B' })
  scope = root.path
  branch = b.path
  const d = await seedDirective(t.db, { ownerUnitId: root.id, unitIds: [a.id, b.id], requirements: 2, ackDueDate: day(2) })
  directiveId = d.id
  for (const [i, unitId] of [a.id, b.id].entries()) {
    const [p] = await t.db.query<{ id: number }>('INSERT INTO unit_plan (directive_id, unit_id) VALUES ($1, $2) RETURNING id', [d.id, unitId])
    for (let k = 0; k < 2 + i; k++) {
      await t.db.query(
        `INSERT INTO plan_action (plan_id, directive_id, unit_id, requirement_id, title, due_date, effective_due_date, status) VALUES ($1,$2,$3,$4,'Việc',$5,$5,'inProgress')`,
        [p.id, d.id, unitId, d.requirementIds[k % 2], day(3 + k)],
      )
    }
  }
  // The rollups' day, before the deadlines: reading later adds the deadlines passed since.
  expect(await rollMatrices(t.db, day(1))).toBe(1)
})
afterAll(() => t.close())

describe('directive progress from the rollups', () => {
  it('counts each deadline passed since the rollup day once, also when the day rolls while it reads', async () => {
    const asOf = day(20)
    const scanned = await progressScanned(t.db, [directiveId], [scope], asOf)
    expect(scanned.get(directiveId)!.overdueActions).toBe(5)
    // Read from the rollups (their day is before the deadlines), not scanned.
    expect(await progressFromRollups(t.db, [directiveId], [scope], asOf)).toEqual(scanned)
    expect(await directiveProgress(t.db, [directiveId], [scope], asOf)).toEqual(scanned)

    // The daily roll commits right after the rollup day was read, before the sums are.
    const rollingDb = writeAfterQuery(t.db, /FROM matrix_rollup_state WHERE directive_id = ANY/, async () => expect(await rollMatrices(t.db, asOf)).toBe(1))
    expect(await directiveProgress(rollingDb, [directiveId], [scope], asOf)).toEqual(scanned)
    expect(rollingDb.wrote()).toBe(true)
    // Still from the rollups, now as of the new day.
    expect(await progressFromRollups(t.db, [directiveId], [scope], asOf)).toEqual(scanned)
    // A day before the rollups' own is not theirs to answer: left to the scan.
    expect((await progressFromRollups(t.db, [directiveId], [scope], day(10))).size).toBe(0)
    expect(await directiveProgress(t.db, [directiveId], [scope], day(10))).toEqual(await progressScanned(t.db, [directiveId], [scope], day(10)))
    expect(await directiveProgress(t.db, [directiveId], [scope], asOf)).toEqual(scanned)
  })

  it('counts only the units in scope when the scope is not the whole tree', async () => {
    const asOf = day(20)
    expect(await scopesCoverAll(t.db, [scope])).toBe(true)
    expect(await scopesCoverAll(t.db, [branch])).toBe(false)
    const scanned = await progressScanned(t.db, [directiveId], [branch], asOf)
    // Vụ B alone: one addressee, its three actions overdue.
    expect(scanned.get(directiveId)).toMatchObject({ addressees: 1, overdueActions: 3 })
    expect(await progressFromRollups(t.db, [directiveId], [branch], asOf)).toEqual(scanned)
  })
})
