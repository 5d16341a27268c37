import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'

// A requirement's own deadline (from the letter) travels from registering to the unit's plan, where
// an action due after it is flagged: a warning on the action, never a refusal.

let t: TestApp
let f: Fixture
let board: Session
let officer: Session

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  board = await t.login('board')
  officer = await t.login('unitOfficer.a')
})
afterAll(() => t.close())

describe('requirement deadlines', () => {
  let directiveId: number
  let reqIds: number[]

  it('registers a directive with each requirement\'s own deadline, and shows them back', async () => {
    const bad = await t.call(board, 'POST', '/api/v1/directives', {
      subject: 'Về rà soát hồ sơ đảng viên', requirements: [{ label: '1.', text: 'Rà soát.', deadline: '20/12/2026' }],
    })
    expect(bad.statusCode).toBe(400)
    expect(JSON.stringify(bad.json().error.fields)).toContain('deadline')

    const res = await t.call(board, 'POST', '/api/v1/directives', {
      subject: 'Về rà soát hồ sơ đảng viên',
      date: '2026-11-20',
      requirements: [
        { label: '1.', text: 'Quán triệt, hoàn thành trước ngày 20/12/2026.', deadline: '2026-12-20', children: [{ label: 'a)', text: 'Lập danh sách trong tháng 12/2026.', deadline: '2026-12-31' }] },
        { label: '2.', text: 'Thường xuyên theo dõi.' },
      ],
    })
    expect(res.statusCode).toBe(201)
    const d = res.json()
    expect(d.requirements.map((r: { deadline: string | null }) => r.deadline)).toEqual(['2026-12-20', null])
    expect(d.requirements[0].children[0].deadline).toBe('2026-12-31')
    directiveId = d.id
    reqIds = d.requirements.map((r: { id: number }) => r.id)
    const issued = await t.call(board, 'POST', `/api/v1/directives/${d.id}/issue`, { version: d.version, unitIds: [f.unitA.id], acknowledgeWithinDays: 5, planWithinDays: 20 })
    expect(issued.statusCode).toBe(200)
    const read = (await t.call(board, 'GET', `/api/v1/directives/${d.id}`)).json()
    expect(read.requirements[0]).toMatchObject({ deadline: '2026-12-20', children: [{ deadline: '2026-12-31' }] })
  })

  it('flags a plan action due after its requirement\'s deadline, without refusing it', async () => {
    const planUrl = `/api/v1/directives/${directiveId}/units/${f.unitA.id}/plan`
    const late = await t.call(officer, 'POST', `${planUrl}/actions`, { requirementId: reqIds[0], title: 'Hội nghị quán triệt', dueDate: '2027-01-10' })
    expect(late.statusCode).toBe(201)
    expect(late.json().afterRequirementDeadline).toBe(true)
    const onTime = await t.call(officer, 'POST', `${planUrl}/actions`, { requirementId: reqIds[0], title: 'Phổ biến văn bản', dueDate: '2026-12-20' })
    expect(onTime.json().afterRequirementDeadline).toBe(false)
    // A requirement without a deadline: nothing to warn about, however late.
    const undated = await t.call(officer, 'POST', `${planUrl}/actions`, { requirementId: reqIds[1], title: 'Theo dõi', dueDate: '2027-12-31' })
    expect(undated.json().afterRequirementDeadline).toBe(false)

    const plan = (await t.call(officer, 'GET', planUrl)).json()
    expect(plan.requirements.map((r: { deadline: string | null }) => r.deadline)).toEqual(['2026-12-20', null])
    const flags = Object.fromEntries(plan.requirements.flatMap((r: { actions: { title: string; afterRequirementDeadline: boolean }[] }) => r.actions.map((a) => [a.title, a.afterRequirementDeadline])))
    expect(flags).toEqual({ 'Hội nghị quán triệt': true, 'Phổ biến văn bản': false, 'Theo dõi': false })

    // Moving the late action back within the deadline clears the flag.
    const action = plan.requirements[0].actions.find((a: { title: string }) => a.title === 'Hội nghị quán triệt')
    const moved = await t.call(officer, 'PATCH', `/api/v1/actions/${action.id}`, { version: action.version, dueDate: '2026-12-15' })
    expect(moved.statusCode).toBe(200)
    expect(moved.json().afterRequirementDeadline).toBe(false)
  })
})
