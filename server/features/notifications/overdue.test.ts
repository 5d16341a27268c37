import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDirective } from '../../db/seed/builders.ts'
import { createTestApp, seedFixture, type Fixture, type TestApp } from '../../../test/app.ts'
import { renderNotification } from '../../../contract/notification-texts.ts'
import { runOverdueJob, runOverdueJobIfDue } from './overdue.job.ts'
import { listOverdue, overdueByUnit } from './overdue.queries.ts'

let t: TestApp
let f: Fixture
let dir: { id: number; requirementIds: number[] }

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  dir = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id, f.unitB.id], requirements: 1, ackDueDate: '2026-03-10', planDueDate: '2026-03-15', number: '77-CV/BCSD' })
  await t.db.query(`UPDATE directive_addressee SET acknowledged_at = '2026-03-09T00:00:00Z' WHERE directive_id = $1 AND unit_id = $2`, [dir.id, f.unitB.id])
  const [p] = await t.db.query<{ id: number }>(`INSERT INTO unit_plan (directive_id, unit_id, status) VALUES ($1, $2, 'submitted') RETURNING id`, [dir.id, f.unitB.id])
  await t.db.query(
    `INSERT INTO plan_action (plan_id, directive_id, unit_id, requirement_id, title, due_date, effective_due_date) VALUES ($1,$2,$3,$4,'Rà soát quy chế','2026-03-18','2026-03-18')`,
    [p.id, dir.id, f.unitB.id, dir.requirementIds[0]],
  )
})
afterAll(() => t.close())

describe('daily overdue job', () => {
  it('sends each unit one digest a day counting what is overdue, to its head and officer, once', async () => {
    const r = await runOverdueJob(t.db, '2026-03-20', t.clock())
    expect(r.overdue).toBe(3)
    expect(r.units.map((u) => [u.unitId, u.acknowledgements, u.plans, u.actions])).toEqual(
      [[f.unitA.id, 1, 1, 0], [f.unitB.id, 0, 0, 1]].sort((a, b) => a[0] - b[0]),
    )
    const officerA = await t.login('unitOfficer.a')
    const notes = (await t.call(officerA, 'GET', '/api/v1/notifications')).json()
    // Two overdue items of unit A, one notification.
    expect(notes.unread).toBe(1)
    const [digest] = notes.items
    expect(digest.kind).toBe('overdue.digest')
    expect(digest.title).toBe('Việc quá hạn của Bệnh viện Alpha ngày 20/03/2026')
    expect(digest.body).toBe('1 văn bản chưa tiếp nhận, 1 kế hoạch chưa trình; hạn cũ nhất 10/03/2026.')
    expect(digest.params).toMatchObject({ acknowledgements: 1, plans: 1, actions: 0, oldestDue: '2026-03-10', asOf: '2026-03-20' })
    expect(renderNotification(digest.kind, digest.params, 'en')?.body).toBe('1 directive not acknowledged, 1 plan not sent; the oldest deadline 10/03/2026.')
    expect((await t.call(await t.login('unitHead.a'), 'GET', '/api/v1/notifications')).json().unread).toBe(1)
    // The same day again raises nothing; the next day is a new digest.
    const again = await runOverdueJob(t.db, '2026-03-20', t.clock())
    expect(again.raised).toBe(0)
    expect((await t.call(officerA, 'GET', '/api/v1/notifications')).json().items).toHaveLength(1)
    const nextDay = await runOverdueJob(t.db, '2026-03-21', t.clock())
    expect(nextDay.raised).toBe(r.raised)
    expect((await t.call(officerA, 'GET', '/api/v1/notifications')).json().items).toHaveLength(2)
  })

  it('counts in the digest exactly what the overdue list shows', async () => {
    const list = await listOverdue(t.db, '2026-03-20', [f.root.path])
    const digests = await overdueByUnit(t.db, '2026-03-20', [f.root.path])
    const counted = new Map<number, number>()
    for (const i of list) counted.set(i.unitId, (counted.get(i.unitId) ?? 0) + 1)
    expect(new Map(digests.map((d) => [d.unitId, d.acknowledgements + d.plans + d.actions]))).toEqual(counted)
    expect(digests.find((d) => d.unitId === f.unitB.id)?.directiveIds).toEqual([dir.id])
  })

  it('runs once a day when called by the timer', async () => {
    const first = await runOverdueJobIfDue(t.db, new Date('2026-03-22T01:00:00Z'))
    expect(first?.asOf).toBe('2026-03-22')
    expect(await runOverdueJobIfDue(t.db, new Date('2026-03-22T05:00:00Z'))).toBeNull()
  })

  it('marks notifications read, one or all, for their owner only', async () => {
    const officerA = await t.login('unitOfficer.a')
    const [n1] = (await t.call(officerA, 'GET', '/api/v1/notifications')).json().items
    const stranger = await t.login('unitOfficer')
    expect((await t.call(stranger, 'POST', `/api/v1/notifications/${n1.id}/read`)).statusCode).toBe(404)
    expect((await t.call(officerA, 'POST', `/api/v1/notifications/${n1.id}/read`)).json().updated).toBe(1)
    // Digests of the 20th, 21st and 22nd: one read, two left.
    expect((await t.call(officerA, 'GET', '/api/v1/notifications?unreadOnly=1')).json().items).toHaveLength(2)
    expect((await t.call(officerA, 'POST', '/api/v1/notifications/read-all')).json().updated).toBe(2)
    expect((await t.call(officerA, 'GET', '/api/v1/notifications')).json().unread).toBe(0)
  })

  it('shows the overdue list within the caller scope', async () => {
    const officerA = await t.login('unitOfficer.a')
    const mine = (await t.call(officerA, 'GET', '/api/v1/overdue?asOf=2026-03-20')).json().items
    expect(mine.every((i: any) => i.unitId === f.unitA.id)).toBe(true)
    expect(mine).toHaveLength(2)
    const all = (await t.call(await t.login('board'), 'GET', '/api/v1/overdue?asOf=2026-03-20')).json().items
    expect(all).toHaveLength(3)
  })
})
