// The board's view of requirement 4 against hand-built data: channels by unit and status, incidents
// open and closed with their times, rolled up per subtree; a unit sees its own subtree only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedChannel, seedIncident, seedPerson } from '../../db/seed/builders.ts'
import { createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'

let t: TestApp
let f: Fixture
let board: Session

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  board = await t.login('board')
  const a = f.personA.id
  const s = (await seedPerson(t.db, { unitId: f.subA.id })).id
  // Unit A: one never reviewed and overdue (due 04/02), one current with an admin lacking 2FA, one retired.
  await seedChannel(t.db, { unitId: f.unitA.id, responsiblePersonId: a, registeredOn: '2026-01-05', admins: [{ personId: a, hasTwoFactor: true }] })
  await seedChannel(t.db, { unitId: f.unitA.id, responsiblePersonId: a, lastReviewedOn: '2026-01-10', admins: [{ personId: a, hasTwoFactor: true }, { personId: s, hasTwoFactor: false }] })
  await seedChannel(t.db, { unitId: f.unitA.id, responsiblePersonId: a, status: 'retired' })
  // Its department: never reviewed, due 31/03 (due soon), no administrator recorded.
  await seedChannel(t.db, { unitId: f.subA.id, responsiblePersonId: s, registeredOn: '2026-03-01' })
  // Unit B: reviewed, current, every admin with 2FA.
  await seedChannel(t.db, { unitId: f.unitB.id, responsiblePersonId: f.personB.id, lastReviewedOn: '2026-02-01', admins: [{ personId: f.personB.id, hasTwoFactor: true }] })

  // Incidents: A open, not reported for two days (overdue); the department's two closed, one on
  // time (2 h to report, 4 days to close), one late (10 h, 45 days); B open, reported in an hour.
  await seedIncident(t.db, { unitId: f.unitA.id, detectedAt: '2026-03-18T02:00:00Z' })
  await seedIncident(t.db, { unitId: f.subA.id, detectedAt: '2026-03-01T03:00:00Z', reports: [{ reportedAt: '2026-03-01T05:00:00Z' }], closedAt: '2026-03-05T03:00:00Z' })
  await seedIncident(t.db, { unitId: f.subA.id, detectedAt: '2026-01-01T03:00:00Z', reports: [{ reportedAt: '2026-01-01T13:00:00Z' }], closedAt: '2026-02-15T03:00:00Z' })
  await seedIncident(t.db, { unitId: f.unitB.id, detectedAt: '2026-03-20T01:00:00Z', reports: [{ reportedAt: '2026-03-20T02:00:00Z' }] })
})
afterAll(() => t.close())

const channels = (total: number, reviewOverdue: number, reviewDueSoon: number, neverReviewed: number, twoFactorMissing: number) => ({ total, reviewOverdue, reviewDueSoon, neverReviewed, twoFactorMissing })
const incidents = (open: number, openOverdue: number, closed: number, closedLate: number, medianHoursToReport: number | null, medianDaysToClose: number | null) =>
  ({ open, openOverdue, closed, closedLate, medianHoursToReport, medianDaysToClose })

describe("the board's view", () => {
  it('rolls the whole scope up, with median times to report and to close', async () => {
    const res = await t.call(board, 'GET', '/api/v1/cybersecurity')
    expect(res.statusCode, res.body).toBe(200)
    const v = res.json()
    expect(v).toMatchObject({ asOf: '2026-03-20', targets: { reportHours: 24, closeDays: 30 } })
    expect(v.rows.map((r: { unitId: number; isAggregate: boolean }) => [r.unitId, r.isAggregate])).toEqual([[f.root.id, true]])
    expect(v.rows[0].channels).toEqual(channels(4, 1, 1, 2, 2))
    expect(v.rows[0].incidents).toEqual(incidents(2, 1, 2, 1, 2, 24.5))
    expect(v.totals).toEqual({ channels: channels(4, 1, 1, 2, 2), incidents: incidents(2, 1, 2, 1, 2, 24.5) })
  })

  it("drills down: a unit's own row, then each child over its subtree", async () => {
    const root = (await t.call(board, 'GET', `/api/v1/cybersecurity?under=${f.root.id}`)).json()
    expect(root.rows.map((r: { unitName: string; isAggregate: boolean }) => [r.unitName, r.isAggregate])).toEqual([['Bộ Y tế', false], ['Bệnh viện Alpha', true], ['Bệnh viện Beta', true]])
    const [own, a, b] = root.rows
    expect(own).toMatchObject({ channels: channels(0, 0, 0, 0, 0), incidents: incidents(0, 0, 0, 0, null, null) })
    expect(a).toMatchObject({ hasChildren: true, channels: channels(3, 1, 1, 2, 2), incidents: incidents(1, 1, 2, 1, 6, 24.5) })
    expect(b).toMatchObject({ hasChildren: false, channels: channels(1, 0, 0, 0, 0), incidents: incidents(1, 0, 0, 0, 1, null) })
    const underA = (await t.call(board, 'GET', `/api/v1/cybersecurity?under=${f.unitA.id}`)).json()
    expect(underA.rows.map((r: { unitId: number }) => r.unitId)).toEqual([f.unitA.id, f.subA.id])
    expect(underA.rows[0]).toMatchObject({ isAggregate: false, channels: channels(2, 1, 0, 1, 1), incidents: incidents(1, 1, 0, 0, null, null) })
    expect(underA.rows[1]).toMatchObject({ isAggregate: true, channels: channels(1, 0, 1, 1, 1), incidents: incidents(0, 0, 2, 1, 6, 24.5) })
    expect(underA.totals).toEqual({ channels: channels(3, 1, 1, 2, 2), incidents: incidents(1, 1, 2, 1, 6, 24.5) })
  })

  it('counts closed incidents detected since a day; open ones always', async () => {
    const v = (await t.call(board, 'GET', '/api/v1/cybersecurity?since=2026-02-01')).json()
    expect(v.totals.incidents).toEqual(incidents(2, 1, 1, 0, 1.5, 4))
  })

  it("shows a unit its own subtree, and nobody else's", async () => {
    const head = await t.login('unitHead.a')
    const mine = (await t.call(head, 'GET', '/api/v1/cybersecurity')).json()
    expect(mine.rows.map((r: { unitId: number }) => r.unitId)).toEqual([f.unitA.id])
    expect(mine.totals.channels.total).toBe(3)
    expect((await t.call(head, 'GET', `/api/v1/cybersecurity?under=${f.unitB.id}`)).statusCode).toBe(404)
    expect((await t.call(head, 'GET', `/api/v1/cybersecurity?under=${f.root.id}`)).statusCode).toBe(404)
    expect((await t.call(await t.login('staff'), 'GET', '/api/v1/cybersecurity')).statusCode).toBe(403)
  })
})
