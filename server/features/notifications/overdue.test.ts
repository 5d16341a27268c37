import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDirective } from '../../db/seed/builders.ts'
import { createTestApp, seedFixture, type Fixture, type TestApp } from '../../../test/app.ts'
import { runOverdueJob, runOverdueJobIfDue } from './overdue.job.ts'

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
  it('lists what is overdue and notifies the head and officer of each unit, once', async () => {
    const r = await runOverdueJob(t.db, '2026-03-20', t.clock())
    expect(r.items.map((i) => `${i.kind}:${i.unitId}`).sort()).toEqual([`acknowledgement:${f.unitA.id}`, `action:${f.unitB.id}`, `plan:${f.unitA.id}`].sort())
    const officerA = await t.login('unitOfficer.a')
    const notes = (await t.call(officerA, 'GET', '/api/v1/notifications')).json()
    expect(notes.unread).toBe(2)
    expect(notes.items.map((n: any) => n.title).sort()).toEqual(['Quá hạn tiếp nhận văn bản 77-CV/BCSD', 'Quá hạn trình kế hoạch thực hiện văn bản 77-CV/BCSD'])
    expect(notes.items.find((n: any) => n.kind === 'overdue.acknowledgement').body).toBe('Bệnh viện Alpha chưa xác nhận tiếp nhận (hạn 10/03/2026).')
    // Held on unit B only, so only B's head and officer (the fixture's root-scoped accounts) would act.
    expect((await t.call(await t.login('unitHead.a'), 'GET', '/api/v1/notifications')).json().unread).toBe(2)
    const again = await runOverdueJob(t.db, '2026-03-20', t.clock())
    expect(again.raised).toBe(0)
    expect((await t.call(officerA, 'GET', '/api/v1/notifications')).json().items).toHaveLength(2)
  })

  it('runs once a day when called by the timer', async () => {
    const first = await runOverdueJobIfDue(t.db, new Date('2026-03-21T01:00:00Z'))
    expect(first?.asOf).toBe('2026-03-21')
    expect(await runOverdueJobIfDue(t.db, new Date('2026-03-21T05:00:00Z'))).toBeNull()
  })

  it('marks notifications read, one or all, for their owner only', async () => {
    const officerA = await t.login('unitOfficer.a')
    const [n1] = (await t.call(officerA, 'GET', '/api/v1/notifications')).json().items
    const stranger = await t.login('unitOfficer')
    expect((await t.call(stranger, 'POST', `/api/v1/notifications/${n1.id}/read`)).statusCode).toBe(404)
    expect((await t.call(officerA, 'POST', `/api/v1/notifications/${n1.id}/read`)).json().updated).toBe(1)
    expect((await t.call(officerA, 'GET', '/api/v1/notifications?unreadOnly=1')).json().items).toHaveLength(1)
    expect((await t.call(officerA, 'POST', '/api/v1/notifications/read-all')).json().updated).toBe(1)
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
