import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDirective, seedPerson, seedUnit } from '../../db/seed/builders.ts'
import { rng } from '../../db/seed/names.ts'
import { createTestApp, seedFixture, type Fixture, type TestApp } from '../../../test/app.ts'
import { loadDemoDissemination } from './dissemination.demo.ts'
import { coverageByUnit } from './dissemination.queries.ts'

let t: TestApp
let f: Fixture
let units: { id: number; peopleIds: number[] }[]

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  units = []
  for (let i = 0; i < 24; i++) {
    const u = await seedUnit(t.db, { parent: f.root, code: `DEMO${i}` })
    const peopleIds: number[] = []
    for (let p = 0; p < 12; p++) peopleIds.push((await seedPerson(t.db, { unitId: u.id })).id)
    units.push({ id: u.id, peopleIds })
  }
})
afterAll(() => t.close())

const load = async (seed: number) => {
  const d = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: units.map((u) => u.id), requirements: 9 })
  const result = await t.db.transaction((tx) => loadDemoDissemination(tx, { directiveId: d.id, units, now: new Date('2026-03-20T08:00:00Z'), rng: rng(seed) }))
  return { d, result, coverage: await coverageByUnit(t.db, d.id, units.map((u) => u.id)) }
}

describe('demo dissemination', () => {
  it('should leave some units nearly done, some half way and some silent, with a few receipts', async () => {
    const { d, result, coverage } = await load(1946)
    const c = coverage.map((r) => r.coverage)
    expect(c.filter((x) => x >= 0.9).length).toBeGreaterThan(2)
    expect(c.filter((x) => x > 0.1 && x < 0.9).length).toBeGreaterThan(2)
    expect(c.filter((x) => x === 0).length).toBeGreaterThan(0)
    expect(result.sessions).toBeGreaterThan(10)
    expect(result.receipts).toBeGreaterThan(0)
    // Every session is dated after the directive (2024-03-15), before today, and covers requirements 1 and 2.
    const bad = await t.db.query(
      `SELECT s.id FROM dissemination_session s WHERE s.directive_id = $1 AND (s.held_on <= '2024-03-15' OR s.held_on >= '2026-03-20'
         OR (SELECT count(*) FROM session_requirement sr WHERE sr.session_id = s.id AND sr.requirement_id = ANY($2::int[])) < 2)`,
      [d.id, d.requirementIds.slice(0, 2)],
    )
    expect(bad).toEqual([])
  })

  it('should give the same spread for the same seed', async () => {
    const a = await load(7)
    const b = await load(7)
    expect(b.result).toEqual(a.result)
    expect(b.coverage.map((r) => r.reached)).toEqual(a.coverage.map((r) => r.reached))
  })
})
