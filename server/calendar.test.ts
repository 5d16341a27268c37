// One calendar: "today" is the day in Hanoi whatever the hour, in every workflow. Each workflow runs
// with the clock at 00:30 (UTC still says yesterday) and at 23:30 (UTC already says today).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../test/app.ts'
import { addDays } from './lib/dates.ts'

const HANOI_DAY = '2026-03-20'
const CLOCKS = [
  { label: '00:30', instant: '2026-03-19T17:30:00Z' },
  { label: '23:30', instant: '2026-03-20T16:30:00Z' },
]

describe.each(CLOCKS)('at $label in Hanoi on 20/03/2026', ({ instant }) => {
  let t: TestApp
  let f: Fixture
  let board: Session
  let officer: Session
  let head: Session
  let directiveId: number
  let requirementIds: number[]

  beforeAll(async () => {
    t = await createTestApp()
    f = await seedFixture(t.db)
    t.clock.set(new Date(instant))
    ;[board, officer, head] = await Promise.all([t.login('board'), t.login('unitOfficer.a'), t.login('unitHead.a')])
    const created = await t.call(board, 'POST', '/api/v1/directives', {
      subject: 'Về tăng cường công tác bảo vệ chính trị nội bộ', requirements: [{ label: '1.', text: 'Quán triệt' }, { label: '2.', text: 'Rà soát' }],
    })
    directiveId = created.json().id
    requirementIds = created.json().requirements.map((r: { id: number }) => r.id)
    const issued = await t.call(board, 'POST', `/api/v1/directives/${directiveId}/issue`, { version: created.json().version, unitIds: [f.unitA.id], acknowledgeWithinDays: 1, planWithinDays: 30 })
    expect(issued.statusCode).toBe(200)
  })
  afterAll(() => t?.close())

  it('counts deadlines from the Hanoi day of issue', async () => {
    const res = await t.call(board, 'GET', `/api/v1/directives/${directiveId}/addressees`)
    expect(res.json().items[0]).toMatchObject({ ackDueDate: addDays(HANOI_DAY, 1), planDueDate: addDays(HANOI_DAY, 30), isAckOverdue: false })
  })

  it('accepts a dissemination session held today and refuses one held tomorrow', async () => {
    const ok = await t.call(officer, 'POST', `/api/v1/directives/${directiveId}/sessions`, {
      unitId: f.unitA.id, heldOn: HANOI_DAY, form: 'meeting', title: 'Quán triệt tại đơn vị', requirementIds: [requirementIds[0]],
    })
    expect(ok.statusCode).toBe(201)
    const tomorrow = await t.call(officer, 'POST', `/api/v1/directives/${directiveId}/sessions`, {
      unitId: f.unitA.id, heldOn: addDays(HANOI_DAY, 1), form: 'meeting', title: 'Quán triệt ngày mai', requirementIds: [requirementIds[0]],
    })
    expect(tomorrow.statusCode).toBe(400)
    expect(Object.keys(tomorrow.json().error.fields)).toEqual(['heldOn'])
  })

  it('accepts an action completed today and refuses one completed tomorrow', async () => {
    const url = `/api/v1/directives/${directiveId}/units/${f.unitA.id}/plan/actions`
    const done = await t.call(officer, 'POST', url, { requirementId: requirementIds[0], title: 'Tổ chức quán triệt', dueDate: HANOI_DAY, status: 'done', completedOn: HANOI_DAY })
    expect(done.statusCode).toBe(201)
    const early = await t.call(officer, 'POST', url, { requirementId: requirementIds[1], title: 'Rà soát hồ sơ', dueDate: HANOI_DAY, status: 'done', completedOn: addDays(HANOI_DAY, 1) })
    expect(early.statusCode).toBe(400)
    expect(early.json().error.fields).toEqual({ completedOn: expect.any(String) })
    const overdue = await t.call(officer, 'POST', url, { requirementId: requirementIds[1], title: 'Rà soát hồ sơ', dueDate: addDays(HANOI_DAY, -1) })
    expect(overdue.statusCode).toBe(201)
  })

  it('judges timeliness on the Hanoi day: due yesterday is overdue, completed today is on time', async () => {
    const plan = (await t.call(head, 'GET', `/api/v1/directives/${directiveId}/units/${f.unitA.id}/plan`)).json()
    const byTitle = Object.fromEntries(plan.requirements.flatMap((r: any) => r.actions).map((a: any) => [a.title, a.timeliness]))
    expect(byTitle).toEqual({ 'Tổ chức quán triệt': 'done_on_time', 'Rà soát hồ sơ': 'overdue' })
  })

  it('shows the matrix and the overdue list as of the Hanoi day by default', async () => {
    const matrix = (await t.call(board, 'GET', `/api/v1/directives/${directiveId}/matrix`)).json()
    expect(matrix.asOf).toBe(HANOI_DAY)
    const overdue = (await t.call(board, 'GET', '/api/v1/overdue')).json()
    expect(overdue.items.filter((i: any) => i.directiveId === directiveId).map((i: any) => i.kind)).toEqual(['action'])
  })

  it('counts an acknowledgement at 00:30 the day after its deadline as late, in TypeScript and in SQL', async () => {
    // Two days on, at 00:30 in Hanoi: UTC still says the deadline day.
    t.clock.set(new Date(Date.parse(`${addDays(HANOI_DAY, 2)}T00:30:00+07:00`)))
    ;[board, officer] = await Promise.all([t.login('board'), t.login('unitOfficer.a')])
    const ack = await t.call(officer, 'POST', `/api/v1/directives/${directiveId}/acknowledge`, { unitId: f.unitA.id })
    expect(ack.statusCode).toBe(200)
    const addressee = (await t.call(board, 'GET', `/api/v1/directives/${directiveId}/addressees`)).json().items[0]
    expect(addressee.isAckOverdue).toBe(true)
    const matrix = (await t.call(board, 'GET', `/api/v1/directives/${directiveId}/matrix`, undefined)).json()
    expect(matrix.rows.find((r: any) => r.unitId === f.unitA.id)).toMatchObject({ acknowledged: 1, ackLate: 1 })
    const [sql] = await t.db.query<{ day: string }>('SELECT acknowledged_at::date::text AS day FROM directive_addressee WHERE directive_id = $1', [directiveId])
    expect(sql.day).toBe(addDays(HANOI_DAY, 2))
  })
})
