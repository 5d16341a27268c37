// The overview's kept pages (overview.cache.ts, migration 0013): after a write to any table an
// indicator reads, the next request shows the change, equal to the figures computed live; without
// a write, a kept page is served without computing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedChannel, seedChecklistAssignment, seedChecklistTemplate, seedDirective, seedIncident, seedPerson, userFor } from '../../db/seed/builders.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'
import { overviewCache } from './overview.cache.ts'
import { WATCHED, unwatchedTables } from './overview.queries.ts'
import { committeeOverview, overviewDepsOf, snapshotIndicators } from './overview.service.ts'

let t: TestApp
let f: Fixture
let committee: Session
let user: CurrentUser
let ids: { directive: number; channel: number; incident: number; assignment: number; period: number; board: number; person: number }
const TODAY = '2026-03-20'
const at = (day: string) => `${day}T03:00:00Z`

type Line = { key: string; value: number | null; numerator: number | null; denominator: number | null; trend: { month: string; value: number | null }[] }

/** The page the route serves (kept or not) and the one computed live: they must be the same. */
async function servedAndLive(path = '/api/v1/overview', query: { under?: number } = {}) {
  const res = await t.call(committee, 'GET', path)
  expect(res.statusCode, res.body).toBe(200)
  const live = await committeeOverview(overviewDepsOf(t.db, t.config), user, query, TODAY)
  expect(res.json()).toEqual(JSON.parse(JSON.stringify(live)))
  return Object.fromEntries((res.json().indicators as Line[]).map((l) => [l.key, l]))
}

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  const { unitA: A, subA: S, unitB: B, root } = f
  const [{ id: accountId }] = await t.db.query<{ id: number }>(`SELECT id FROM account WHERE username = 'committee'`)
  user = await userFor(t.db, accountId)
  const [{ id: board }] = await t.db.query<{ id: number }>(`SELECT id FROM account WHERE username = 'board'`)
  const person = (await seedPerson(t.db, { unitId: A.id })).id
  const directive = (await seedDirective(t.db, { ownerUnitId: root.id, unitIds: [A.id, S.id, B.id], requirements: 1, ackDueDate: '2026-03-10' })).id
  const channel = (await seedChannel(t.db, { unitId: A.id, responsiblePersonId: f.personA.id, lastReviewedOn: '2025-09-01', admins: [{ personId: f.personA.id, hasTwoFactor: false }] })).id
  const incident = (await seedIncident(t.db, { unitId: B.id, detectedAt: at('2026-03-15') })).id
  const template = await seedChecklistTemplate(t.db, { ownerUnitId: root.id })
  const assignment = await seedChecklistAssignment(t.db, { templateId: template.id, unitId: A.id, dueDate: '2026-03-10' })
  const [{ id: period }] = await t.db.query<{ id: number }>(
    `INSERT INTO report_period (owner_unit_id, scope_unit_id, title, kind, deadline) VALUES ($1, $1, 'Báo cáo', 'quarter', '2026-03-15') RETURNING id`, [root.id],
  )
  for (const u of [A.id, B.id]) await t.db.query('INSERT INTO report_period_unit (period_id, unit_id) VALUES ($1, $2)', [period, u])
  ids = { directive, channel, incident, assignment, period, board, person }
  committee = await t.login('committee')
})

afterAll(async () => {
  await t?.close()
})

describe('the kept overview', () => {
  it('has the trigger that moves its counter on every table its figures read', async () => {
    expect(WATCHED.length).toBeGreaterThan(15)
    expect(await unwatchedTables(t.db)).toEqual([])
  })

  // Each write goes straight to the table (as another feature, a job or a migration would), and
  // names the indicator it must move.
  const writes: [string, string, () => Promise<unknown>][] = [
    ['an acknowledgement (directive_addressee)', 'directives_acknowledged_on_time',
      () => t.db.query('UPDATE directive_addressee SET acknowledged_at = $3 WHERE directive_id = $1 AND unit_id = $2', [ids.directive, f.unitA.id, at('2026-03-09')])],
    ['a receipt (the matrix rollups)', 'dissemination_coverage',
      () => t.db.query('INSERT INTO receipt_confirmation (directive_id, person_id, confirmed_at) VALUES ($1, $2, $3)', [ids.directive, f.personA.id, at('2026-03-05')])],
    ['a second factor turned on (channel_admin)', 'channels_two_factor',
      () => t.db.query('UPDATE channel_admin SET has_two_factor = true WHERE channel_id = $1', [ids.channel])],
    ['a security review (channel)', 'channels_reviewed_on_time',
      () => t.db.query(`UPDATE channel SET last_reviewed_on = '2026-03-01' WHERE id = $1`, [ids.channel])],
    ['an incident closed (security_incident)', 'incidents_open',
      () => t.db.query(`UPDATE security_incident SET status = 'closed', closed_at = $2, lessons = 'Đã xử lý' WHERE id = $1`, [ids.incident, at('2026-03-18')])],
    ['a violation case opened (conf_case)', 'violation_cases_open',
      () => t.db.query(
        `INSERT INTO conf_case (number, kind, status, step, board_unit_id, owner_account_id, purpose, subject_type, opened_on)
         VALUES ('TEST-CACHE-1', 'violation', 'open', 'opened', $1, $2, 'notice', 'person', '2026-03-01')`, [f.unitA.id, ids.board])],
    ['a key position held by a vetted person (readiness_unit, by its triggers)', 'key_positions_vetted',
      async () => {
        const [{ id }] = await t.db.query<{ id: number }>(`INSERT INTO key_position (unit_id, title, classification) VALUES ($1, 'Thủ quỹ', 'finance') RETURNING id`, [f.unitA.id])
        await t.db.query(`INSERT INTO position_holding (position_id, person_id, from_on, vetting_outcome, vetting_valid_until) VALUES ($1, $2, '2025-01-01', 'meets', '2027-01-01')`, [id, ids.person])
      }],
    ['a self-inspection submitted (checklist_assignment)', 'self_inspections_done',
      () => t.db.query(`UPDATE checklist_assignment SET status = 'submitted', submitted_at = $2 WHERE id = $1`, [ids.assignment, at('2026-03-09')])],
    ['a report submitted (unit_report)', 'reports_on_time',
      () => t.db.query(`INSERT INTO unit_report (period_id, unit_id, status, submitted_versions, first_submitted_at) VALUES ($1, $2, 'submitted', 1, $3)`, [ids.period, f.unitA.id, at('2026-03-14')])],
    ['a directive closed (directive): no longer in force for coverage', 'dissemination_coverage',
      () => t.db.query(`UPDATE directive SET status = 'closed' WHERE id = $1`, [ids.directive])],
    ['a unit closed (unit)', 'reports_on_time',
      () => t.db.query('UPDATE unit SET is_active = false WHERE id = $1', [f.unitB.id])],
  ]
  for (const [what, key, write] of writes) {
    it(`shows ${what} on the next request`, async () => {
      const before = (await servedAndLive())[key]
      // Asked again unchanged: the same page.
      expect((await servedAndLive())[key]).toEqual(before)
      await write()
      const after = (await servedAndLive())[key]
      expect([after.numerator, after.denominator]).not.toEqual([before.numerator, before.denominator])
    })
  }

  it("shows a night's snapshot in the trend on the next request (indicator_snapshot)", async () => {
    const before = (await servedAndLive()).incidents_open.trend.at(-2)
    expect(before).toEqual({ month: '2026-02', value: null })
    await snapshotIndicators(overviewDepsOf(t.db, t.config), '2026-02-28', new Date('2026-02-28T17:00:00Z'))
    expect((await servedAndLive()).incidents_open.trend.at(-2)).toEqual({ month: '2026-02', value: 0 })
  })

  it('keeps the drill-down the same way', async () => {
    const path = `/api/v1/overview/incidents_open/units?under=${f.root.id}`
    const count = async () => (await t.call(committee, 'GET', path)).json().items.find((i: { unitId: number }) => i.unitId === f.unitA.id)?.numerator ?? 0
    const before = await count()
    await seedIncident(t.db, { unitId: f.unitA.id, detectedAt: at('2026-03-19') })
    expect(await count()).toBe(before + 1)
  })
})

describe('the cache', () => {
  it('computes once until a watched table changes, and again after', async () => {
    const cache = overviewCache()
    let computed = 0
    const compute = async () => ++computed
    expect(await cache.through(t.db, ['k'], compute)).toBe(1)
    expect(await cache.through(t.db, ['k'], compute)).toBe(1)
    // A table no figure reads moves nothing.
    await t.db.query(`INSERT INTO notification (account_id, kind, title, dedupe_key) VALUES ($1, 'test', 'x', 'overview-cache-test')`, [ids.board])
    expect(await cache.through(t.db, ['k'], compute)).toBe(1)
    await t.db.query('UPDATE channel SET purpose = purpose WHERE id = $1', [ids.channel])
    expect(await cache.through(t.db, ['k'], compute)).toBe(2)
    // Another request has its own entry.
    expect(await cache.through(t.db, ['other'], compute)).toBe(3)
    expect(cache.stats).toMatchObject({ entries: 2, hits: 2, misses: 3 })
  })

  it('keeps nothing while a table its figures read has no trigger', async () => {
    const cache = overviewCache()
    let computed = 0
    await t.db.query('DROP TRIGGER overview_epoch_move ON channel')
    try {
      expect(await unwatchedTables(t.db)).toEqual(['channel'])
      await cache.through(t.db, ['k'], async () => ++computed)
      await cache.through(t.db, ['k'], async () => ++computed)
      expect(computed).toBe(2)
    } finally {
      await t.db.query('CREATE TRIGGER overview_epoch_move BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON channel FOR EACH STATEMENT EXECUTE FUNCTION overview_epoch_move()')
    }
    expect(await unwatchedTables(t.db)).toEqual([])
  })
})
