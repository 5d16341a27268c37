// Time to report and time to close, each in the four timeliness classes, computed against
// hand-built incidents: detection, reports and closing at chosen instants, today 20/03/2026 15:00
// in Hanoi (08:00 UTC). Targets: report within 24 hours, close within 30 days (the defaults).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeTimeliness, incidentTimeliness, reportTimeliness } from '../../../contract/incidents.ts'
import { seedIncident } from '../../db/seed/builders.ts'
import { createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'

let t: TestApp
let f: Fixture
let board: Session
const ids: Record<string, number> = {}

const summary = async (id: number) => (await t.call(board, 'GET', `/api/v1/incidents/${id}`)).json()

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  board = await t.login('board')
  const u = f.unitA.id
  // Reporting: detected 10/03 08:00 in Hanoi.
  ids.reportedIn19h = (await seedIncident(t.db, { unitId: u, detectedAt: '2026-03-10T01:00:00Z', reports: [{ reportedAt: '2026-03-10T20:00:00Z' }, { recipient: 'police', reportedAt: '2026-03-12T01:00:00Z' }] })).id
  ids.reportedAt24h = (await seedIncident(t.db, { unitId: u, detectedAt: '2026-03-10T01:00:00Z', reports: [{ reportedAt: '2026-03-11T01:00:00Z' }] })).id
  ids.reportedIn25h = (await seedIncident(t.db, { unitId: u, detectedAt: '2026-03-10T01:00:00Z', reports: [{ reportedAt: '2026-03-11T02:00:00Z' }] })).id
  ids.notYet22h = (await seedIncident(t.db, { unitId: u, detectedAt: '2026-03-19T10:00:00Z' })).id
  ids.notYet46h = (await seedIncident(t.db, { unitId: u, detectedAt: '2026-03-18T10:00:00Z' })).id
  // Closing: detected 01/02 10:00 in Hanoi, due 03/03.
  const onTimeReport = (d: string) => [{ reportedAt: new Date(new Date(d).getTime() + 3_600_000) }]
  ids.closedOnDueDay = (await seedIncident(t.db, { unitId: u, detectedAt: '2026-02-01T03:00:00Z', reports: onTimeReport('2026-02-01T03:00:00Z'), closedAt: '2026-03-03T10:00:00Z' })).id
  // 18:00 UTC on 03/03 is 01:00 on 04/03 in Hanoi: a day late.
  ids.closedNextVnDay = (await seedIncident(t.db, { unitId: u, detectedAt: '2026-02-01T03:00:00Z', reports: onTimeReport('2026-02-01T03:00:00Z'), closedAt: '2026-03-03T18:00:00Z' })).id
  ids.openWithinMonth = (await seedIncident(t.db, { unitId: u, detectedAt: '2026-03-01T03:00:00Z', reports: onTimeReport('2026-03-01T03:00:00Z') })).id
  ids.openPastMonth = (await seedIncident(t.db, { unitId: u, detectedAt: '2026-02-10T03:00:00Z', reports: onTimeReport('2026-02-10T03:00:00Z') })).id
  ids.closedReportedLate = (await seedIncident(t.db, { unitId: u, detectedAt: '2026-03-01T03:00:00Z', reports: [{ reportedAt: '2026-03-03T03:00:00Z' }], closedAt: '2026-03-05T03:00:00Z' })).id
  ids.closedNeverReported = (await seedIncident(t.db, { unitId: u, detectedAt: '2026-03-01T03:00:00Z', closedAt: '2026-03-05T03:00:00Z' })).id
})
afterAll(() => t.close())

describe('time to report, against 24 hours', () => {
  it('is done on time within the target, the due instant itself included, and counts from the first report', async () => {
    expect(await summary(ids.reportedIn19h)).toMatchObject({ hoursToReport: 19, reportTimeliness: 'done_on_time', reportDueAt: '2026-03-11T01:00:00.000Z', firstReportedAt: '2026-03-10T20:00:00.000Z' })
    expect(await summary(ids.reportedAt24h)).toMatchObject({ hoursToReport: 24, reportTimeliness: 'done_on_time' })
  })

  it('is done late after it', async () => {
    expect(await summary(ids.reportedIn25h)).toMatchObject({ hoursToReport: 25, reportTimeliness: 'done_late' })
  })

  it('is in progress while not reported within the target, overdue once past it', async () => {
    expect(await summary(ids.notYet22h)).toMatchObject({ hoursToReport: null, firstReportedAt: null, reportTimeliness: 'in_progress_on_time', timeliness: 'in_progress_on_time' })
    expect(await summary(ids.notYet46h)).toMatchObject({ hoursToReport: null, reportTimeliness: 'overdue', timeliness: 'overdue' })
  })
})

describe('time to close, against 30 days', () => {
  it('is done on time when closed by the due day in Vietnam', async () => {
    expect(await summary(ids.closedOnDueDay)).toMatchObject({ closeDueOn: '2026-03-03', daysToClose: 30, closeTimeliness: 'done_on_time', timeliness: 'done_on_time' })
  })

  it('is done late when closed the day after, as Hanoi counts days (the same UTC day)', async () => {
    expect(await summary(ids.closedNextVnDay)).toMatchObject({ closeDueOn: '2026-03-03', daysToClose: 31, closeTimeliness: 'done_late', timeliness: 'done_late' })
  })

  it('is in progress while open within the target, overdue after it', async () => {
    expect(await summary(ids.openWithinMonth)).toMatchObject({ closeDueOn: '2026-03-31', daysToClose: null, closeTimeliness: 'in_progress_on_time', timeliness: 'in_progress_on_time' })
    expect(await summary(ids.openPastMonth)).toMatchObject({ closeDueOn: '2026-03-12', closeTimeliness: 'overdue', timeliness: 'overdue' })
  })
})

describe("the incident's one class", () => {
  it('is late when closed on time but reported late, or never reported', async () => {
    expect(await summary(ids.closedReportedLate)).toMatchObject({ reportTimeliness: 'done_late', closeTimeliness: 'done_on_time', timeliness: 'done_late' })
    expect(await summary(ids.closedNeverReported)).toMatchObject({ reportTimeliness: 'overdue', closeTimeliness: 'done_on_time', timeliness: 'done_late' })
  })

  it('is what the public list answers and filters on', async () => {
    const items = (await t.call(board, 'GET', '/api/v1/incidents')).json().items as { id: number; timeliness: string }[]
    const byId = Object.fromEntries(items.map((i) => [i.id, i.timeliness]))
    expect(byId[ids.closedOnDueDay]).toBe('done_on_time')
    expect(byId[ids.openPastMonth]).toBe('overdue')
    const overdue = (await t.call(board, 'GET', '/api/v1/incidents/register?timeliness=overdue')).json()
    expect(overdue.items.map((i: { id: number }) => i.id).sort()).toEqual([ids.notYet46h, ids.openPastMonth].sort())
    expect(overdue.total).toBe(2)
  })

  it('follows the configured targets', () => {
    const detected = new Date('2026-03-10T01:00:00Z')
    const reported = new Date('2026-03-10T14:00:00Z')
    expect(reportTimeliness(detected, reported, 24, new Date('2026-03-20T00:00:00Z'))).toBe('done_on_time')
    expect(reportTimeliness(detected, reported, 12, new Date('2026-03-20T00:00:00Z'))).toBe('done_late')
    // A report recorded for a later instant does not count before then.
    expect(reportTimeliness(detected, reported, 24, new Date('2026-03-10T10:00:00Z'))).toBe('in_progress_on_time')
    expect(closeTimeliness('2026-03-31', null, '2026-04-01')).toBe('overdue')
    expect(incidentTimeliness('done_late', 'in_progress_on_time', false)).toBe('in_progress_on_time')
  })
})

describe('with other targets configured', () => {
  it('measures against them: 12 hours to report, 7 days to close', async () => {
    const other = await createTestApp({ incidentReportHours: 12, incidentCloseDays: 7 })
    try {
      const g = await seedFixture(other.db)
      const { id } = await seedIncident(other.db, { unitId: g.unitA.id, detectedAt: '2026-03-10T01:00:00Z', reports: [{ reportedAt: '2026-03-10T20:00:00Z' }] })
      const s = (await other.call(await other.login('board'), 'GET', `/api/v1/incidents/${id}`)).json()
      expect(s).toMatchObject({ reportTimeliness: 'done_late', closeDueOn: '2026-03-17', closeTimeliness: 'overdue', timeliness: 'overdue' })
      const recipients = (await other.call(await other.login('board'), 'GET', '/api/v1/incidents/recipients')).json()
      expect(recipients.targets).toEqual({ reportHours: 12, closeDays: 7 })
    } finally {
      await other.close()
    }
  })
})
