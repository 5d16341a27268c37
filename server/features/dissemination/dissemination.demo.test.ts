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
  // Twenty units acknowledged in January, a day apart; the last four never did.
  await t.db.query(
    `UPDATE directive_addressee a SET acknowledged_at = timestamptz '2026-01-10 09:00+07' + (x.i || ' days')::interval
     FROM unnest($2::int[]) WITH ORDINALITY AS x(unit_id, i) WHERE a.directive_id = $1 AND a.unit_id = x.unit_id`,
    [d.id, units.slice(0, 20).map((u) => u.id)],
  )
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
    // Every session is held after its unit acknowledged the directive, before today, recorded after it
    // was held in office hours (Vietnam time), and covers requirements 1 and 2.
    const bad = await t.db.query(
      `SELECT s.id FROM dissemination_session s JOIN directive_addressee a ON a.directive_id = s.directive_id AND a.unit_id = s.unit_id
       WHERE s.directive_id = $1 AND (a.acknowledged_at IS NULL OR s.held_on <= (a.acknowledged_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date OR s.held_on >= '2026-03-20'
         OR s.created_at::date < s.held_on OR extract(hour FROM s.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh') NOT BETWEEN 8 AND 16
         OR (SELECT count(*) FROM session_requirement sr WHERE sr.session_id = s.id AND sr.requirement_id = ANY($2::int[])) < 2)`,
      [d.id, d.requirementIds.slice(0, 2)],
    )
    expect(bad).toEqual([])
    const silent = await t.db.query('SELECT 1 FROM dissemination_session WHERE directive_id = $1 AND unit_id = ANY($2::int[])', [d.id, units.slice(20).map((u) => u.id)])
    expect(silent).toEqual([])
  })

  it('should give the same spread for the same seed', async () => {
    const a = await load(7)
    const b = await load(7)
    expect(b.result).toEqual(a.result)
    expect(b.coverage.map((r) => r.reached)).toEqual(a.coverage.map((r) => r.reached))
  })
})
