// The rules around the loop, over HTTP: the legal time limits (duration by level, one extension of
// at most a third, a period reviewed of at most five years, a team of three), the plan against what
// happened (an item dropped with its reason, inspections added outside the plan), bad input refused
// by field with nothing written, stale versions refused, each unit seeing only its own; and the
// units' self-inspection checklists, whose "no" answers become findings and corrective actions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedAccount, seedDirective, type SeededDirective } from '../../db/seed/builders.ts'
import { PASSWORD, createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'
import { DEFAULT_INSPECTION_RULES } from '../../../contract/inspections.ts'
import type { Mail } from '../../mail/mailer.ts'
import { runCorrectiveReminders } from './corrective-reminders.job.ts'
import { inspectors, newInspection, teamOf } from './test-support.ts'

let t: TestApp
let f: Fixture
let dir: SeededDirective
let board: Session
let committee: Session
let officerA: Session
let headA: Session
let officerB: Session
let team: Awaited<ReturnType<typeof inspectors>>
const ids: Record<string, number> = {}

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  dir = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id, f.unitB.id], requirements: 2 })
  team = await inspectors(t, f)
  await seedAccount(t.db, { username: 'officer.b', password: PASSWORD, roles: [{ role: 'unitOfficer', unitId: f.unitB.id }] })
  ;[board, committee, officerA, headA, officerB] = [
    await t.login('board'), await t.login('committee'), await t.login('unitOfficer.a'), await t.login('unitHead.a'), await t.login('officer.b'),
  ]
})
afterAll(() => t.close())

const get = async (s: Session, url: string) => {
  const res = await t.call(s, 'GET', url)
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}
const count = async (table: string) => Number((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n)
const EN = { 'accept-language': 'en' }

describe('the legal time limits', () => {
  it('give the deadline by level: 60, 45 and 20 days, the first day counted', async () => {
    for (const [level, days, deadline] of [['central', 60, '2026-05-16'], ['provincial', 45, '2026-05-01'], ['aboveGrassroots', 20, '2026-04-06']] as const) {
      const res = await t.call(board, 'POST', '/api/v1/inspections', newInspection([f.unitA.id], teamOf(team.lead, team.x, team.y), { level }))
      expect(res.statusCode, res.body).toBe(201)
      expect(res.json()).toMatchObject({ level, durationDays: days, originalDeadline: deadline, deadline, phase: 'preparation', timeliness: 'in_progress_on_time' })
      ids[level] = res.json().id
    }
  })

  it('refuse a period reviewed beyond five years, naming the field, and write nothing', async () => {
    const before = await count('inspection')
    const audits = await count('audit_log')
    const early = await t.call(board, 'POST', '/api/v1/inspections', newInspection([f.unitA.id], teamOf(team.lead, team.x, team.y), { periodFrom: '2020-12-31' }))
    expect(early.statusCode).toBe(400)
    expect(early.json().error.fields).toEqual({ periodFrom: 'Thời kỳ kiểm tra chỉ được trong 5 năm gần nhất' })
    const long = await t.call(board, 'POST', '/api/v1/inspections', newInspection([f.unitA.id], teamOf(team.lead, team.x, team.y), { periodFrom: '2021-01-01', periodTo: '2026-03-01' }), EN)
    expect(long.json().error.fields).toEqual({ periodFrom: 'The period reviewed may reach back at most 5 years' })
    const backwards = await t.call(board, 'POST', '/api/v1/inspections', newInspection([f.unitA.id], teamOf(team.lead, team.x, team.y), { periodFrom: '2025-01-01', periodTo: '2024-12-31' }))
    expect(backwards.json().error.fields).toHaveProperty('periodTo')
    expect(await count('inspection')).toBe(before)
    expect(await count('audit_log')).toBe(audits)
  })

  it('refuse a team under three, a member who is not an inspector and a malformed body; regular supervision may be one member', async () => {
    const before = await count('inspection')
    const small = await t.call(board, 'POST', '/api/v1/inspections', newInspection([f.unitA.id], teamOf(team.lead, team.x)))
    expect(small.json().error.fields).toEqual({ team: 'Đoàn cần ít nhất 3 thành viên' })
    const staff = (await t.db.query<{ id: number }>(`SELECT id FROM account WHERE username = 'staff'`))[0].id
    const notInspector = await t.call(board, 'POST', '/api/v1/inspections', newInspection([f.unitA.id], teamOf(team.lead, team.x, staff)))
    expect(notInspector.statusCode).toBe(400)
    expect(Object.keys(notInspector.json().error.fields)).toEqual([expect.stringMatching(/^team\.2/)])
    const malformed = await t.call(board, 'POST', '/api/v1/inspections', newInspection([f.unitA.id], teamOf(team.lead, team.x, team.y), { decisionDate: '16/03/2026', level: 'national' }))
    expect(malformed.statusCode).toBe(400)
    expect(Object.keys(malformed.json().error.fields).sort()).toEqual(['decisionDate', 'level'])
    expect(await count('inspection')).toBe(before)
    const one = await t.call(board, 'POST', '/api/v1/inspections', newInspection([f.unitB.id], teamOf(team.x), { kind: 'supervision', mode: 'regular', method: 'documents' }))
    expect(one.statusCode, one.body).toBe(201)
    expect(one.json()).toMatchObject({ number: 'GS-2026-0001', form: { kind: 'supervision', mode: 'regular', method: 'documents' } })
    ids.supervisionB = one.json().id
  })

  it('allow one extension of at most a third of the time limit, with its reason and decision, the original deadline kept', async () => {
    const url = `/api/v1/inspections/${ids.central}/extensions`
    const i = await get(board, `/api/v1/inspections/${ids.central}`)
    expect(i.extensionAllowance).toEqual({ remaining: 1, latestDeadline: '2026-06-05' })
    const ext = { version: i.version, reason: 'Đơn vị bổ sung hồ sơ', decisionNumber: '15-QĐ/BCSĐ', decisionDate: '2026-03-20' }
    const stale = await t.call(board, 'POST', url, { ...ext, version: i.version + 1, newDeadline: '2026-06-01' })
    expect(stale.statusCode).toBe(409)
    const tooLong = await t.call(board, 'POST', url, { ...ext, newDeadline: '2026-06-06' })
    expect(tooLong.statusCode).toBe(400)
    expect(tooLong.json().error.fields).toEqual({ newDeadline: 'Gia hạn không được quá ngày 05/6/2026 (thêm tối đa 1/3 thời hạn)' })
    const earlier = await t.call(board, 'POST', url, { ...ext, newDeadline: '2026-05-10' })
    expect(earlier.json().error.fields).toHaveProperty('newDeadline')
    expect((await get(board, `/api/v1/inspections/${ids.central}`)).version).toBe(i.version)
    const ok = await t.call(board, 'POST', url, { ...ext, newDeadline: '2026-06-05' })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({ originalDeadline: '2026-05-16', deadline: '2026-06-05', extensionAllowance: { remaining: 0 } })
    expect(ok.json().extensions).toEqual([expect.objectContaining({ previousDeadline: '2026-05-16', newDeadline: '2026-06-05', reason: 'Đơn vị bổ sung hồ sơ', decisionNumber: '15-QĐ/BCSĐ' })])
    const second = await t.call(board, 'POST', url, { ...ext, version: ok.json().version, newDeadline: '2026-06-05' })
    expect(second.json().error.fields).toEqual({ newDeadline: 'Đã gia hạn đủ số lần cho phép (1)' })
    const [audit] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'inspection' AND entity_id = $1 AND action = 'extend'`, [ids.central])
    expect(audit.n).toBe(1)
    // Only the board over the inspecting body extends: not the team, not the unit.
    expect((await t.call(await t.login('inspector.a'), 'POST', `/api/v1/inspections/${ids.provincial}/extensions`, { ...ext, newDeadline: '2026-05-05' })).statusCode).toBe(403)
  })

  it('refuse a phase change on a stale version', async () => {
    const i = await get(board, `/api/v1/inspections/${ids.provincial}`)
    expect((await t.call(board, 'POST', `/api/v1/inspections/${ids.provincial}/phase`, { version: i.version - 1 + 2, phase: 'conduct', on: '2026-03-18' })).statusCode).toBe(409)
    expect((await t.call(board, 'PATCH', `/api/v1/inspections/${ids.provincial}`, { version: i.version + 5, title: 'Đổi tên' })).statusCode).toBe(409)
    expect((await get(board, `/api/v1/inspections/${ids.provincial}`))).toMatchObject({ phase: 'preparation', title: i.title, version: i.version })
  })
})

describe('configured time limits', () => {
  it('replace the 331-QĐ/TW defaults: another duration, two extensions, a three-year period', async () => {
    const t2 = await createTestApp({ inspectionRules: { ...DEFAULT_INSPECTION_RULES, durationDays: { central: 30, provincial: 45, aboveGrassroots: 20 }, maxExtensions: 2, maxPeriodYears: 3 } })
    try {
      const f2 = await seedFixture(t2.db)
      const team2 = await inspectors(t2, f2)
      const board2 = await t2.login('board')
      const body = newInspection([f2.unitA.id], teamOf(team2.lead, team2.x, team2.y), { periodFrom: '2023-01-01' })
      const old = await t2.call(board2, 'POST', '/api/v1/inspections', { ...body, periodFrom: '2022-01-01' })
      expect(old.json().error.fields).toEqual({ periodFrom: 'Thời kỳ kiểm tra chỉ được trong 3 năm gần nhất' })
      const i = (await t2.call(board2, 'POST', '/api/v1/inspections', body)).json()
      expect(i).toMatchObject({ durationDays: 30, deadline: '2026-04-16', extensionAllowance: { remaining: 2, latestDeadline: '2026-04-26' } })
      const ext = { reason: 'Bổ sung hồ sơ', decisionNumber: '2-QĐ/BCSĐ', decisionDate: '2026-03-20' }
      const one = (await t2.call(board2, 'POST', `/api/v1/inspections/${i.id}/extensions`, { ...ext, version: i.version, newDeadline: '2026-04-20' })).json()
      const two = await t2.call(board2, 'POST', `/api/v1/inspections/${i.id}/extensions`, { ...ext, decisionNumber: '3-QĐ/BCSĐ', version: one.version, newDeadline: '2026-04-26' })
      expect(two.statusCode, two.body).toBe(200)
      expect(two.json()).toMatchObject({ originalDeadline: '2026-04-16', deadline: '2026-04-26', extensionAllowance: { remaining: 0 } })
      expect(two.json().extensions).toHaveLength(2)
    } finally {
      await t2.close()
    }
  })
})

describe('what each caller sees', () => {
  it('a unit sees the inspections of which it is a subject, and no other', async () => {
    const mine = await get(officerA, '/api/v1/inspections?year=2026')
    expect(mine.items.map((i: any) => i.id).sort()).toEqual([ids.central, ids.provincial, ids.aboveGrassroots].sort())
    expect(mine.items[0]).toEqual(expect.objectContaining({ unitIds: [f.unitA.id], openFindings: 0, phase: expect.any(String), deadline: expect.any(String) }))
    const theirs = await get(officerB, '/api/v1/inspections')
    expect(theirs.items.map((i: any) => i.id)).toEqual([ids.supervisionB])
    expect((await t.call(officerB, 'GET', `/api/v1/inspections/${ids.central}`)).statusCode).toBe(404)
    expect((await t.call(officerA, 'GET', `/api/v1/inspections/${ids.supervisionB}`)).statusCode).toBe(404)
    expect((await t.call(officerA, 'GET', `/api/v1/inspections?under=${f.unitB.id}`)).statusCode).toBe(404)
    expect((await t.call(officerB, 'GET', `/api/v1/inspections/${ids.central}/conclusion.docx`)).statusCode).toBe(404)
  })

  it('an inspector sees the inspections they are on, not the others', async () => {
    const rootInspector = await t.login('inspector')
    expect((await t.call(rootInspector, 'GET', `/api/v1/inspections/${ids.central}`)).statusCode).toBe(404)
    expect((await get(rootInspector, '/api/v1/inspections')).items).toEqual([])
    const y = await t.login('inspector.y')
    expect((await get(y, '/api/v1/inspections')).items.map((i: any) => i.id).sort()).toEqual([ids.central, ids.provincial, ids.aboveGrassroots].sort())
    const x = await t.login('inspector.x')
    expect((await get(x, `/api/v1/inspections/${ids.supervisionB}`)).access).toMatchObject({ isOnTeam: true, seesAll: true })
  })
})

describe('the inspections list and calendar', () => {
  it('filters by year, form, phase, unit subtree, overdue and a date range', async () => {
    const list = async (q: string) => (await get(board, `/api/v1/inspections?${q}`)).items.map((i: any) => i.id).sort()
    const mine = [ids.central, ids.provincial, ids.aboveGrassroots].sort()
    expect(await list('year=2026')).toEqual([...mine, ids.supervisionB].sort())
    expect(await list('year=2025')).toEqual([])
    expect(await list('kind=supervision')).toEqual([ids.supervisionB])
    expect(await list('mode=regular&method=documents')).toEqual([ids.supervisionB])
    expect(await list(`under=${f.unitA.id}`)).toEqual(mine)
    expect(await list('phase=preparation')).toEqual([...mine, ids.supervisionB].sort())
    expect(await list('phase=concluded')).toEqual([])
    // The calendar: the 20-day one ends on 6 April, the others run into May.
    expect(await list('from=2026-04-07&to=2026-04-30')).toEqual([ids.central, ids.provincial, ids.supervisionB].sort())
    expect(await list('from=2026-01-01&to=2026-03-17')).toEqual([])
    expect(await list('overdue=1')).toEqual([])
    const bad = await t.call(board, 'GET', '/api/v1/inspections?phase=finished')
    expect(bad.statusCode).toBe(400)
    expect(Object.keys(bad.json().error.fields)).toEqual(['phase'])
  })
})

describe('the plan against what happened', () => {
  it('shows an approved item dropped with its reason, and the inspections opened outside the plan', async () => {
    const plan = (await t.call(board, 'POST', '/api/v1/inspection-plans', { year: 2026, title: 'Kế hoạch kiểm tra, giám sát năm 2026' })).json()
    const item = { kind: 'inspection', mode: 'thematic', method: 'direct', unitIds: [f.unitA.id], directiveIds: [dir.id], plannedQuarter: 2 }
    await t.call(board, 'POST', `/api/v1/inspection-plans/${plan.id}/items`, { ...item, title: 'Kiểm tra Bệnh viện Alpha quý II' })
    const withTwo = (await t.call(board, 'POST', `/api/v1/inspection-plans/${plan.id}/items`, { ...item, title: 'Kiểm tra Bệnh viện Beta', unitIds: [f.unitB.id] })).json()
    const [keep, drop] = withTwo.planItems
    // A draft's item is removed, not dropped.
    expect((await t.call(board, 'POST', `/api/v1/inspection-plan-items/${drop.id}/drop`, { version: drop.version, reason: 'Đơn vị đã được thanh tra' })).statusCode).toBe(409)
    const submitted = (await t.call(board, 'POST', `/api/v1/inspection-plans/${plan.id}/submit`, { version: withTwo.version })).json()
    const approved = await t.call(committee, 'POST', `/api/v1/inspection-plans/${plan.id}/approve`, { version: submitted.version })
    expect(approved.json()).toMatchObject({ status: 'approved' })
    const noReason = await t.call(board, 'POST', `/api/v1/inspection-plan-items/${drop.id}/drop`, { version: drop.version })
    expect(noReason.statusCode).toBe(400)
    expect(Object.keys(noReason.json().error.fields)).toEqual(['reason'])
    const dropped = await t.call(board, 'POST', `/api/v1/inspection-plan-items/${drop.id}/drop`, { version: drop.version, reason: 'Đơn vị đã được thanh tra trong năm' })
    expect(dropped.statusCode, dropped.body).toBe(200)
    const after = dropped.json()
    expect(after.planItems.find((i: any) => i.id === drop.id)).toMatchObject({ state: 'dropped', dropReason: 'Đơn vị đã được thanh tra trong năm', droppedOn: '2026-03-20' })
    expect(after.planItems.find((i: any) => i.id === keep.id)).toMatchObject({ state: 'planned' })
    // The four inspections opened ad hoc above are the plan's "added outside it".
    expect(after.counts).toEqual({ planned: 1, started: 0, concluded: 0, dropped: 1, outsidePlan: 4 })
    expect(after.outsidePlan.map((i: any) => i.id).sort()).toEqual([ids.central, ids.provincial, ids.aboveGrassroots, ids.supervisionB].sort())
    // The year's view, counted by the database, says the same without the items.
    const figures = await get(board, `/api/v1/inspection-plans/${plan.id}/figures`)
    expect(figures.counts).toEqual(after.counts)
    expect(figures.items).toBe(2)
    expect(figures.dropped).toEqual([{ id: drop.id, title: drop.title, dropReason: 'Đơn vị đã được thanh tra trong năm' }])
    expect(figures.outsidePlan.map((i: any) => i.id).sort()).toEqual(after.outsidePlan.map((i: any) => i.id).sort())
    // A dropped item cannot be started.
    const start = await t.call(board, 'POST', '/api/v1/inspections', { planItemId: drop.id, decisionDate: '2026-03-20', startDate: '2026-03-20', periodFrom: '2021-01-01', periodTo: '2025-12-31', team: teamOf(team.lead, team.x, team.y) })
    expect(start.statusCode).not.toBe(201)
    // Unit B sees the plan with its own (dropped) item only.
    const seen = await get(officerB, `/api/v1/inspection-plans/${plan.id}`)
    expect(seen.planItems.map((i: any) => i.id)).toEqual([drop.id])
  })
})

describe('self-inspection checklists', () => {
  it('are templates the board defines, items checked by field', async () => {
    const items = [
      { area: 'stateSecrets', text: 'Có sổ đăng ký văn bản mật' },
      { area: 'unitRules', text: 'Có quy chế làm việc của đơn vị' },
      { area: 'directive', text: 'Đã triển khai yêu cầu 1 của văn bản', requirementId: dir.requirementIds[0] },
    ]
    const before = await count('checklist_template')
    const empty = await t.call(board, 'POST', '/api/v1/checklist-templates', { title: 'Bảng tự kiểm tra', items: [] })
    expect(empty.statusCode).toBe(400)
    expect(Object.keys(empty.json().error.fields)).toEqual(['items'])
    const badReq = await t.call(board, 'POST', '/api/v1/checklist-templates', { title: 'Bảng tự kiểm tra', items: [...items.slice(0, 2), { ...items[2], requirementId: 999999 }] })
    expect(badReq.json().error.fields).toEqual({ 'items.2.requirementId': expect.any(String) })
    expect((await t.call(officerA, 'POST', '/api/v1/checklist-templates', { title: 'Bảng tự kiểm tra', items })).statusCode).toBe(403)
    expect(await count('checklist_template')).toBe(before)
    const res = await t.call(board, 'POST', '/api/v1/checklist-templates', { title: 'Tự kiểm tra công tác bảo vệ bí mật nhà nước năm 2026', items })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().items.map((i: any) => [i.ordinal, i.area, i.requirementId])).toEqual([[1, 'stateSecrets', null], [2, 'unitRules', null], [3, 'directive', dir.requirementIds[0]]])
    ids.template = res.json().id
  })

  it('are assigned to units with a due date, each unit seeing its own round only', async () => {
    const past = await t.call(board, 'POST', `/api/v1/checklist-templates/${ids.template}/assignments`, { unitIds: [f.unitA.id], dueDate: '2026-03-01' })
    expect(past.json().error.fields).toHaveProperty('dueDate')
    const res = await t.call(board, 'POST', `/api/v1/checklist-templates/${ids.template}/assignments`, { unitIds: [f.unitA.id, f.unitB.id], dueDate: '2026-04-10', correctWithinDays: 20 })
    expect(res.statusCode, res.body).toBe(201)
    const byUnit = Object.fromEntries(res.json().items.map((a: any) => [a.unitId, a]))
    ids.roundA = byUnit[f.unitA.id].id
    ids.roundB = byUnit[f.unitB.id].id
    expect(byUnit[f.unitA.id]).toMatchObject({ status: 'assigned', dueDate: '2026-04-10', total: 3, answered: 0, timeliness: 'in_progress_on_time' })
    expect((await get(officerA, '/api/v1/checklist-assignments')).items.map((a: any) => a.id)).toEqual([ids.roundA])
    expect((await t.call(officerB, 'GET', `/api/v1/checklist-assignments/${ids.roundA}`)).statusCode).toBe(404)
    expect((await t.call(officerB, 'PUT', `/api/v1/checklist-assignments/${ids.roundA}/answers`, { version: 1, answers: [] })).statusCode).toBe(404)
    expect((await get(officerA, '/api/v1/notifications')).items.some((n: any) => n.link === `/checklists/${ids.roundA}`)).toBe(true)
  })

  it('are answered yes / no / not applicable with a note; submitted by the head once complete; each "no" a finding with a corrective action', async () => {
    const round = await get(officerA, `/api/v1/checklist-assignments/${ids.roundA}`)
    const [i1, i2, i3] = round.items.map((i: any) => i.id)
    const url = `/api/v1/checklist-assignments/${ids.roundA}`
    const partial = await t.call(officerA, 'PUT', `${url}/answers`, { version: round.version, answers: [{ itemId: i1, answer: 'yes' }, { itemId: i2, answer: 'no', note: 'Quy chế chưa sửa đổi theo quy định mới' }] })
    expect(partial.statusCode, partial.body).toBe(200)
    expect((await t.call(officerA, 'PUT', `${url}/answers`, { version: round.version, answers: [{ itemId: i3, answer: 'na' }] })).statusCode).toBe(409)
    const wrongItem = await t.call(officerA, 'PUT', `${url}/answers`, { version: partial.json().version, answers: [{ itemId: 999999, answer: 'yes' }] })
    expect(wrongItem.json().error.fields).toEqual({ 'answers.0.itemId': expect.any(String) })
    const badAnswer = await t.call(officerA, 'PUT', `${url}/answers`, { version: partial.json().version, answers: [{ itemId: i3, answer: 'maybe' }] })
    expect(Object.keys(badAnswer.json().error.fields)).toEqual(['answers.0.answer'])
    // The officer answers; the head submits, and only a complete round.
    expect((await t.call(officerA, 'POST', `${url}/submit`, { version: partial.json().version })).statusCode).toBe(403)
    const incomplete = await t.call(headA, 'POST', `${url}/submit`, { version: partial.json().version })
    expect(incomplete.statusCode).toBe(400)
    expect(Object.keys(incomplete.json().error.fields)).toEqual(['answers'])
    const full = (await t.call(officerA, 'PUT', `${url}/answers`, { version: partial.json().version, answers: [{ itemId: i3, answer: 'no', note: '' }] })).json()
    expect(full).toMatchObject({ answered: 3, noCount: 2 })
    const submitted = await t.call(headA, 'POST', `${url}/submit`, { version: full.version })
    expect(submitted.statusCode, submitted.body).toBe(200)
    const s = submitted.json()
    expect(s.status).toBe('submitted')
    expect(s.items.map((i: any) => [i.answer, !!i.findingId, !!i.correctiveActionId])).toEqual([['yes', false, false], ['no', true, true], ['no', true, true]])
    // Nothing retyped: the item's words and the unit's note carried into the finding and the action.
    const actions = await get(officerA, `/api/v1/corrective-actions?under=${f.unitA.id}&status=open`)
    expect(actions.items.map((c: any) => [c.title, c.dueDate, c.unitId, c.inspectionId, c.requirementId, c.timeliness]).sort()).toEqual([
      ['Khắc phục: Có quy chế làm việc của đơn vị', '2026-04-09', f.unitA.id, null, null, 'in_progress_on_time'],
      ['Khắc phục: Đã triển khai yêu cầu 1 của văn bản', '2026-04-09', f.unitA.id, null, dir.requirementIds[0], 'in_progress_on_time'],
    ])
    const history = await get(officerA, `/api/v1/units/${f.unitA.id}/inspection-history`)
    expect(history.findings.map((x: any) => x.text)).toContain('Có quy chế làm việc của đơn vị — Quy chế chưa sửa đổi theo quy định mới')
    // Submitted is final.
    expect((await t.call(officerA, 'PUT', `${url}/answers`, { version: s.version, answers: [{ itemId: i1, answer: 'no' }] })).statusCode).toBe(409)
    // Unit B's list shows none of unit A's actions.
    expect((await get(officerB, '/api/v1/corrective-actions')).items).toEqual([])
  })

  it('feed the directive dashboard and, once past due, the overdue list', async () => {
    const row = async (asOf?: string) => {
      const m = await get(board, `/api/v1/directives/${dir.id}/matrix?flat=1${asOf ? `&asOf=${asOf}` : ''}`)
      return m.rows.find((r: any) => r.unitId === f.unitA.id)
    }
    expect(await row()).toMatchObject({ openFindings: 2, overdueCorrectiveActions: 0 })
    expect(await row('2026-04-10')).toMatchObject({ overdueCorrectiveActions: 2 })
    // The subtree rows count them too (read under the rows' own subtrees), and unit B's row none.
    const tree = await get(board, `/api/v1/directives/${dir.id}/matrix?asOf=2026-04-10`)
    for (const id of [f.root.id, f.unitA.id]) expect(tree.rows.find((r: any) => r.unitId === id)).toMatchObject({ openFindings: 2, overdueCorrectiveActions: 2 })
    const under = await get(board, `/api/v1/directives/${dir.id}/matrix?under=${f.unitA.id}&asOf=2026-04-10`)
    expect(under.rows.reduce((n: number, r: any) => n + r.openFindings, 0)).toBeLessThanOrEqual(2)
    t.clock.set(new Date('2026-04-10T03:00:00Z'))
    const again = await t.login('unitOfficer.a')
    const overdue = await get(again, '/api/v1/corrective-actions?overdue=1')
    expect(overdue.items.map((c: any) => c.timeliness)).toEqual(['overdue', 'overdue'])
    expect((await get(again, '/api/v1/corrective-actions?timeliness=in_progress_on_time')).items).toEqual([])
  })

  it('remind the unit before, on and after the due date, each stage once, in-app and by e-mail', async () => {
    await t.db.query(`UPDATE person SET email = 'officer.a@benhvien.vn' WHERE id = (SELECT person_id FROM account WHERE username = 'unitOfficer.a')`)
    const sent: Mail[] = []
    const mailer = { send: async (m: Mail) => void sent.push(m) }
    const days = { before: [7, 1], after: [1, 7] }
    const run = (asOf: string) => runCorrectiveReminders(t.db, mailer, asOf, new Date(`${asOf}T01:00:00Z`), days)
    expect(await run('2026-04-01')).toEqual({ sent: 0, emails: 0 })
    expect((await run('2026-04-02')).sent).toBe(2)
    expect((await run('2026-04-02')).sent).toBe(0)
    expect((await run('2026-04-09')).sent).toBe(2)
    expect((await run('2026-04-10')).sent).toBe(2)
    expect(sent.filter((m) => m.to === 'officer.a@benhvien.vn')).toHaveLength(6)
    const notes = (await get(await t.login('unitOfficer.a'), '/api/v1/notifications')).items.filter((n: any) => n.title.startsWith('Nhắc khắc phục'))
    expect(notes).toHaveLength(6)
    expect(notes.map((n: any) => n.body).join('\n')).toMatch(/còn 7 ngày đến hạn[\s\S]*hôm nay là hạn[\s\S]*đã quá hạn 1 ngày|đã quá hạn 1 ngày[\s\S]*hôm nay là hạn[\s\S]*còn 7 ngày đến hạn/)
  })
})

// Last: the inspections these make would change the counts the lists above check.
describe('the team pickers', () => {
  it('list every active holder of the inspector role, with their names, and no one else', async () => {
    const fresh = await t.login('board')
    const { items } = await get(fresh, '/api/v1/inspectors') as { items: { accountId: number; username: string; fullName: string | null }[] }
    const byId = new Map(items.map((a) => [a.accountId, a]))
    for (const id of [team.lead, team.x, team.y, team.root]) expect(byId.has(id)).toBe(true)
    expect(byId.get(team.x)?.fullName).toBe('Đoàn Viên X')
    expect(items.some((a) => a.username === 'board' || a.username === 'unitOfficer.a')).toBe(false)
    // A deactivated inspector is no longer offered.
    await t.db.query('UPDATE account SET is_active = false WHERE id = $1', [team.y])
    expect((await get(fresh, '/api/v1/inspectors')).items.some((a: { accountId: number }) => a.accountId === team.y)).toBe(false)
    await t.db.query('UPDATE account SET is_active = true WHERE id = $1', [team.y])
  })
})

describe('the suggested conclusion', () => {
  it('names the work once: no verb said twice, the units not repeated when the title names them', async () => {
    // The clock has moved on above: a session of its own.
    const fresh = await t.login('board')
    const plain = await t.call(fresh, 'POST', '/api/v1/inspections', newInspection([f.unitA.id], teamOf(team.lead, team.x, team.y)))
    expect(plain.statusCode, plain.body).toBe(201)
    const overview = plain.json().conclusion.overview as string
    expect(overview).toContain(`Đoàn kiểm tra đã tiến hành kiểm tra việc thực hiện Công văn số 1946-CV/BCSĐ đối với ${f.unitA.name};`)
    const named = await t.call(fresh, 'POST', '/api/v1/inspections', newInspection([f.unitA.id], teamOf(team.lead, team.x, team.y), { title: `Công tác bảo vệ bí mật tại ${f.unitA.name}` }))
    expect(named.json().conclusion.overview).toContain(`đã tiến hành kiểm tra công tác bảo vệ bí mật tại ${f.unitA.name};`)
  })
})
