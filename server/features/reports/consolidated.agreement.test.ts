// The consolidated report's figures agree with the screens on the basis the document names: on
// `live`, with the dashboard of the same day; on `submitted`, with what each unit sent (its version's
// frozen figures, as the report page shows them). Figures are read back from the .docx a reader gets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDirective } from '../../db/seed/builders.ts'
import { createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'
import { openDocx, type DocTable } from './documents/test-helpers.ts'

let t: TestApp
let f: Fixture
let dir: { id: number; requirementIds: number[] }
let board: Session
let periodId: number
const AS_OF = '2026-04-20'

type Counts = { done_on_time: number; done_late: number; in_progress_on_time: number; overdue: number }

async function action(unitId: number, due: string, completedOn: string | null) {
  const [p] = await t.db.query<{ id: number }>(
    `INSERT INTO unit_plan (directive_id, unit_id) VALUES ($1, $2) ON CONFLICT (directive_id, unit_id) DO UPDATE SET directive_id = EXCLUDED.directive_id RETURNING id`, [dir.id, unitId],
  )
  const [a] = await t.db.query<{ id: number }>(
    `INSERT INTO plan_action (plan_id, directive_id, unit_id, requirement_id, title, due_date, effective_due_date, status, completed_on)
     VALUES ($1, $2, $3, $4, 'Nhiệm vụ', $5, $5, $6, $7) RETURNING id`,
    [p.id, dir.id, unitId, dir.requirementIds[0], due, completedOn ? 'done' : 'inProgress', completedOn],
  )
  return a.id
}

async function docxText(query: string) {
  const res = await t.call(board, 'GET', `/api/v1/report-periods/${periodId}/consolidated.docx?${query}`)
  expect(res.statusCode, res.body).toBe(200)
  return openDocx(res.rawPayload)
}

/** "hoàn thành D/T nhiệm vụ theo kế hoạch, O nhiệm vụ quá hạn" and "A/N đơn vị đã tiếp nhận" as numbers. */
function statedFigures(text: string) {
  const work = text.match(/(\d+)\/(\d+) đơn vị đã tiếp nhận văn bản;.*hoàn thành (\d+)\/(\d+) nhiệm vụ theo kế hoạch, (\d+) nhiệm vụ quá hạn\./)
  const late = text.match(/(\d+) đơn vị quá hạn, chưa gửi báo cáo\./)
  expect(work, text).not.toBeNull()
  const [acknowledged, units, done, total, overdue] = work!.slice(1).map(Number)
  return { acknowledged, units, done, total, overdue, lateNotSent: late ? Number(late[1]) : null }
}

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  dir = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id, f.subA.id, f.unitB.id], requirements: 1, number: '1946-CV/BCSĐ' })
  board = await t.login('board')
  await t.db.query('UPDATE directive_addressee SET acknowledged_at = $2 WHERE directive_id = $1 AND unit_id = $3', [dir.id, '2026-03-16T02:00:00Z', f.unitA.id])
  await action(f.unitA.id, '2026-03-30', '2026-03-18') // done on time before unit A reports
  await action(f.unitA.id, '2026-03-25', null) // overdue after unit A reports
  await action(f.unitB.id, '2026-04-10', '2026-04-18') // done late
  await action(f.unitB.id, '2026-04-01', null) // overdue
  const res = await t.call(board, 'POST', '/api/v1/report-periods', {
    title: 'Báo cáo kết quả thực hiện Công văn số 1946-CV/BCSĐ', kind: 'adhoc', scopeUnitId: f.root.id, deadline: '2026-04-10', directiveIds: [dir.id],
  })
  expect(res.statusCode, res.body).toBe(201)
  periodId = res.json().id
  // Unit A reports on 20/03 (the test clock): its figures freeze then, one task done of two.
  const head = await t.login('unitHead.a')
  const url = `/api/v1/report-periods/${periodId}/units/${f.unitA.id}/report`
  const draft = (await t.call(head, 'PUT', `${url}/draft`, { version: 1, sections: [{ requirementId: dir.requirementIds[0], done: 'Đã quán triệt', results: 'Đạt', shortcomings: '', causes: '', proposals: '' }] })).json()
  const sub = await t.call(head, 'POST', `/api/v1/reports/${draft.id}/submit`, { version: draft.version })
  expect(sub.statusCode, sub.body).toBe(200)
  // After it reported, unit A finishes another task: the live figures move on, the frozen ones do not.
  await action(f.unitA.id, '2026-05-30', '2026-04-15')
  t.clock.set(new Date(`${AS_OF}T08:00:00Z`))
  board = await t.login('board')
})
afterAll(() => t.close())

describe('the consolidated report agrees with the screens', () => {
  it('on the live basis, states it and gives the dashboard’s figures for the same day', async () => {
    const matrix = (await t.call(board, 'GET', `/api/v1/directives/${dir.id}/matrix?flat=1&asOf=${AS_OF}`)).json()
    const rows = matrix.rows.filter((r: { unitId: number }) => r.unitId !== f.root.id)
    const sum = (k: keyof Counts) => rows.reduce((n: number, r: { actionCounts: Counts }) => n + r.actionCounts[k], 0)
    const screen = {
      acknowledged: rows.reduce((n: number, r: { acknowledged: number }) => n + r.acknowledged, 0),
      units: rows.reduce((n: number, r: { addressees: number }) => n + r.addressees, 0),
      done: sum('done_on_time') + sum('done_late'),
      total: sum('done_on_time') + sum('done_late') + sum('in_progress_on_time') + sum('overdue'),
      overdue: sum('overdue'),
      lateNotSent: rows.reduce((n: number, r: { reports: { counts: Record<string, number> }[] }) => n + (r.reports[0]?.counts.late ?? 0), 0),
    }
    // Not a vacuous agreement: the day has tasks done, overdue and units that have not reported.
    expect(screen.done).toBeGreaterThan(1)
    expect(screen.overdue).toBeGreaterThan(0)
    expect(screen.lateNotSent).toBeGreaterThan(0)
    const doc = await docxText(`basis=live&asOf=${AS_OF}`)
    expect(doc.text).toContain('Số liệu trên hệ thống BVCT tính đến ngày 20/4/2026, cùng cơ sở với Bảng theo dõi của ngày này')
    expect(statedFigures(doc.text)).toEqual(screen)
  })

  it('on the submitted basis, a reporting unit keeps the figures it sent and the document says so', async () => {
    const reports = (await t.call(board, 'GET', `/api/v1/report-periods/${periodId}`)).json()
    const a = reports.units.find((u: { unitId: number }) => u.unitId === f.unitA.id)
    const sent = (await t.call(board, 'GET', `/api/v1/reports/${a.reportId}/versions/1`)).json().figures[0]
    expect(sent).toMatchObject({ actionsDone: 1, actionsTotal: 2 })
    const doc = await docxText(`basis=submitted&asOf=${AS_OF}`)
    expect(doc.text).toContain('Số liệu của đơn vị đã gửi báo cáo là số liệu chốt khi đơn vị gửi báo cáo')
    const table = doc.tables.find((x: DocTable) => x.rows[0]?.[5]?.[0]?.text === 'Nhiệm vụ hoàn thành / tổng')!
    const rowA = table.rows.map((r) => r.map((c) => c.map((p) => p.text).join('\n'))).find((r) => r[1] === 'Bệnh viện Alpha')!
    expect(rowA[5]).toBe(`${sent.actionsDone}/${sent.actionsTotal}`)
    // The live document, the same day, counts the task finished since.
    const live = await docxText(`basis=live&asOf=${AS_OF}`)
    const liveA = live.tables.find((x: DocTable) => x.rows[0]?.[5]?.[0]?.text === 'Nhiệm vụ hoàn thành / tổng')!.rows
      .map((r) => r.map((c) => c.map((p) => p.text).join('\n'))).find((r) => r[1] === 'Bệnh viện Alpha')!
    expect(liveA[5]).toBe('2/3')
  })

  it('names the units late with nothing sent as the screen does, a sub-unit with its parent', async () => {
    const period = (await t.call(board, 'GET', `/api/v1/report-periods/${periodId}`)).json()
    const late = period.units.filter((u: { status: string }) => u.status === 'late').map((u: { unitName: string }) => u.unitName).sort()
    expect(late).toEqual(['Bệnh viện Beta', 'Khoa Nội — Bệnh viện Alpha'])
    const doc = await docxText(`asOf=${AS_OF}`)
    expect(doc.text).toContain(`2. Đơn vị quá hạn, chưa gửi báo cáo (${late.length})`)
    for (const u of late) expect(doc.text).toContain(`- ${u}.`)
    expect(doc.text).not.toMatch(/kết quả thực hiện Báo cáo/i)
    expect(doc.text).toContain('kết quả thực hiện Công văn số 1946-CV/BCSĐ được tổng hợp như sau:')
  })
})
