import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDirective } from '../../db/seed/builders.ts'
import { createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'

let t: TestApp
let f: Fixture
let dir: { id: number; requirementIds: number[] }
let board: Session

async function action(unitId: number, requirementId: number, o: { due: string; status?: string; completedOn?: string | null }) {
  await t.db.query('INSERT INTO unit_plan (directive_id, unit_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [dir.id, unitId])
  const [p] = await t.db.query<{ id: number }>('SELECT id FROM unit_plan WHERE directive_id = $1 AND unit_id = $2', [dir.id, unitId])
  await t.db.query(
    `INSERT INTO plan_action (plan_id, directive_id, unit_id, requirement_id, title, due_date, effective_due_date, status, completed_on) VALUES ($1,$2,$3,$4,'Việc',$5,$5,$6,$7)`,
    [p.id, dir.id, unitId, requirementId, o.due, o.status ?? 'notStarted', o.completedOn ?? null],
  )
}

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  dir = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id, f.subA.id, f.unitB.id], requirements: 2 })
  const [r1, r2] = dir.requirementIds
  // As of 2026-03-20 (the test clock): A has one overdue and one on-time action under r1, r2 done on time;
  // A's sub-unit has planned r1; B has planned nothing.
  await action(f.unitA.id, r1, { due: '2026-03-10', status: 'inProgress' })
  await action(f.unitA.id, r1, { due: '2026-04-10', status: 'notStarted' })
  await action(f.unitA.id, r2, { due: '2026-03-15', status: 'done', completedOn: '2026-03-14' })
  await action(f.subA.id, r1, { due: '2026-04-10' })
  await t.db.query(`UPDATE directive_addressee SET acknowledged_at = '2026-03-18T09:00:00Z' WHERE directive_id = $1 AND unit_id = $2`, [dir.id, f.unitA.id])
  // Coverage: one session in unit A attended by personA; unit A's other people were not reached.
  const [s] = await t.db.query<{ id: number }>(`INSERT INTO dissemination_session (directive_id, unit_id, held_on, form, title) VALUES ($1, $2, '2026-03-19', 'meeting', 'Hội nghị') RETURNING id`, [dir.id, f.unitA.id])
  await t.db.query('INSERT INTO session_attendance (session_id, directive_id, person_id) VALUES ($1, $2, $3)', [s.id, dir.id, f.personA.id])
  board = await t.login('board')
})
afterAll(() => t.close())

const matrix = async (s: Session, q = '') => {
  const res = await t.call(s, 'GET', `/api/v1/directives/${dir.id}/matrix${q}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}
const row = (m: any, unitId: number) => m.rows.find((r: any) => r.unitId === unitId)

describe('directive matrix', () => {
  it('shows leaders the top two levels, each row counting its whole subtree', async () => {
    const m = await matrix(board)
    expect(m.requirements.map((r: any) => r.label)).toEqual(['1.', '2.'])
    expect(m.rows.map((r: any) => r.unitId)).toEqual([f.root.id, f.unitA.id, f.unitB.id])
    const root = row(m, f.root.id)
    expect(root).toMatchObject({ isAggregate: true, addressees: 3, acknowledged: 1 })
    expect(root.cells[0]).toEqual({ requirementId: dir.requirementIds[0], status: 'overdue', counts: { overdue: 1, planned: 1, none: 1 } })
    expect(root.cells[1]).toEqual({ requirementId: dir.requirementIds[1], status: 'none', counts: { done_on_time: 1, none: 2 } })
    expect(root.actionCounts).toEqual({ done_on_time: 1, done_late: 0, in_progress_on_time: 2, overdue: 1 })
    const a = row(m, f.unitA.id)
    expect(a).toMatchObject({ addressees: 2, acknowledgedAt: '2026-03-18T09:00:00.000Z', hasChildren: true, planStatus: 'draft' })
    expect(row(m, f.unitB.id).planStatus).toBeNull()
    expect(a.cells[0].counts).toEqual({ overdue: 1, planned: 1 })
    expect(row(m, f.unitB.id).cells.map((c: any) => c.status)).toEqual(['none', 'none'])
    expect(m.totals).toEqual([
      { requirementId: dir.requirementIds[0], counts: { overdue: 1, planned: 1, none: 1 } },
      { requirementId: dir.requirementIds[1], counts: { done_on_time: 1, none: 2 } },
    ])
  })

  it('shows dissemination coverage per unit and as a ratio of sums per subtree', async () => {
    const [{ n: peopleA }] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM person WHERE unit_id = $1 AND is_active', [f.unitA.id])
    const [{ n: peopleAll }] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM person WHERE unit_id = ANY($1::int[]) AND is_active', [[f.unitA.id, f.subA.id, f.unitB.id]])
    const flat = await matrix(board, '?flat=1')
    expect(row(flat, f.unitA.id).coverage).toBeCloseTo(1 / peopleA)
    expect(row(flat, f.unitB.id).coverage).toBe(0)
    expect(row(await matrix(board), f.root.id).coverage).toBeCloseTo(1 / peopleAll)
  })

  it('expands one subtree, and lists every unit flat', async () => {
    const under = await matrix(board, `?under=${f.unitA.id}`)
    expect(under.rows.map((r: any) => r.unitId)).toEqual([f.subA.id])
    expect(under.rows[0].cells[0]).toMatchObject({ status: 'planned', counts: { planned: 1 } })
    const flat = await matrix(board, '?flat=1')
    expect(flat.rows.map((r: any) => r.unitId).sort()).toEqual([f.unitA.id, f.subA.id, f.unitB.id].sort())
    const a = row(flat, f.unitA.id)
    expect(a).toMatchObject({ isAggregate: false, addressees: 1, planStatus: 'draft' })
    expect(a.cells.map((c: any) => c.status)).toEqual(['overdue', 'done_on_time'])
  })

  it('classifies for any as-of date', async () => {
    const past = await matrix(board, '?flat=1&asOf=2026-03-05')
    expect(row(past, f.unitA.id).cells.map((c: any) => c.status)).toEqual(['in_progress_on_time', 'in_progress_on_time'])
  })

  it('filters by kind, status and overdue only, and ranks by overdue count', async () => {
    expect((await matrix(board, '?flat=1&kind=subunit')).rows.map((r: any) => r.unitId)).toEqual([f.subA.id])
    expect((await matrix(board, '?flat=1&overdueOnly=1')).rows.map((r: any) => r.unitId)).toEqual([f.unitA.id])
    expect((await matrix(board, '?flat=1&status=none')).rows.map((r: any) => r.unitId).sort()).toEqual([f.subA.id, f.unitB.id].sort())
    expect((await matrix(board, '?flat=1&sort=overdue')).rows[0].unitId).toBe(f.unitA.id)
    const bad = await t.call(board, 'GET', `/api/v1/directives/${dir.id}/matrix?status=late&flat=2`)
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['flat', 'status'])
  })

  it('answers the flat view a page at a time, the pages adding up to the whole and the totals over every row', async () => {
    const whole = await matrix(board, '?flat=1')
    expect(whole.page).toBeUndefined()
    const pages = [await matrix(board, '?flat=1&limit=2'), await matrix(board, '?flat=1&limit=2&offset=2')]
    expect(pages.map((p) => p.page)).toEqual([{ offset: 0, limit: 2, total: whole.rows.length }, { offset: 2, limit: 2, total: whole.rows.length }])
    expect(pages.flatMap((p) => p.rows)).toEqual(whole.rows)
    for (const p of pages) expect(p.totals).toEqual(whole.totals)
    // A page of a filtered or ranked view is cut from the whole view, the same way.
    const ranked = await matrix(board, '?flat=1&sort=overdue')
    const rankedPage = await matrix(board, '?flat=1&sort=overdue&limit=1&offset=1')
    expect(rankedPage.rows).toEqual(ranked.rows.slice(1, 2))
    expect(rankedPage.page.total).toBe(ranked.rows.length)
    // Within a unit officer's scope, the totals are that subtree's.
    const officer = await t.login('unitOfficer.a')
    const own = await matrix(officer, '?flat=1')
    expect((await matrix(officer, '?flat=1&limit=1')).totals).toEqual(own.totals)
  })

  it('shows a unit only its own subtree, and nothing of other units', async () => {
    const officer = await t.login('unitOfficer.a')
    const m = await matrix(officer)
    expect(m.rows.map((r: any) => r.unitId)).toEqual([f.unitA.id, f.subA.id])
    expect((await matrix(officer, '?flat=1')).rows.map((r: any) => r.unitId).sort()).toEqual([f.unitA.id, f.subA.id].sort())
    expect((await t.call(officer, 'GET', `/api/v1/directives/${dir.id}/matrix?under=${f.unitB.id}`)).statusCode).toBe(404)
    // A unit that does not exist answers the same as one out of reach.
    expect((await t.call(officer, 'GET', `/api/v1/directives/${dir.id}/matrix?under=987654`)).statusCode).toBe(404)
    expect((await matrix(officer, `?under=${f.unitA.id}`)).rows.map((r: any) => r.unitId)).toEqual([f.subA.id])
    expect((await t.call(await t.login('staff.a'), 'GET', `/api/v1/directives/${dir.id}/matrix`)).statusCode).toBe(403)
  })
})

describe('matrix export', () => {
  it('downloads an .xlsx with one row per unit and each requirement\'s status', async () => {
    const ExcelJS = (await import('exceljs')).default
    const res = await t.call(board, 'GET', `/api/v1/directives/${dir.id}/matrix.xlsx`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.rawPayload as any)
    const ws = wb.getWorksheet('Ma trận')!
    expect(ws.getRow(3).values).toEqual(expect.arrayContaining(['Mã', 'Đơn vị', 'Yêu cầu 1.', 'Yêu cầu 2.', 'Quá hạn']))
    const rows = [4, 5, 6].map((i) => ws.getRow(i))
    const a = rows.find((r) => r.getCell(1).value === 'HA')!
    expect(a.getCell(4).value).toBe('18/03/2026')
    expect(a.getCell(7).value).toBe('Chưa hoàn thành, quá hạn')
    expect(a.getCell(8).value).toBe('Hoàn thành đúng hạn')
    expect(a.getCell(12).value).toBe(1)
    expect(rows.find((r) => r.getCell(1).value === 'HB')!.getCell(7).value).toBe('Chưa lập kế hoạch')
    const totals = wb.getWorksheet('Tổng hợp')!
    expect(totals.getRow(2).values).toEqual(expect.arrayContaining(['1.', 'Nội dung yêu cầu số 1']))
  })
})
