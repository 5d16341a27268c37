// The committee's overview against hand-built data: hospital A (with its department) and hospital B
// under the ministry, every indicator given a few items whose outcome is known. Today is 20/03/2026.
// Each expected figure is counted by hand in the comment beside the data.
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  seedChannel, seedChecklistAssignment, seedChecklistTemplate, seedCorrectiveAction, seedDirective, seedIncident, seedInspection, seedInspectionPlan, seedPerson,
} from '../../db/seed/builders.ts'
import { createTestApp, seedFixture, type Fixture, type TestApp } from '../../../test/app.ts'
import { overviewDepsOf, snapshotIndicators } from './overview.service.ts'

let t: TestApp
let f: Fixture
let boardAccountId: number
let openIncidentB: number
let positions = 0

const at = (day: string) => `${day}T03:00:00Z`

async function confCase(kind: 'standards_review' | 'violation', boardUnitId: number, o: { deadline?: string; status?: string; closedOn?: string; approvedAt?: string }) {
  const n = Math.random().toString(36).slice(2, 10)
  await t.db.query(
    `INSERT INTO conf_case (number, kind, status, step, board_unit_id, owner_account_id, purpose, subject_type, opened_on, deadline, closed_on, approved_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'appointment', 'person', '2026-01-05', $7, $8, $9)`,
    [`TEST-${n}`, kind, o.status ?? 'open', kind === 'standards_review' ? 'verification' : 'opened', boardUnitId, boardAccountId, o.deadline ?? null, o.closedOn ?? null, o.approvedAt ?? null],
  )
}

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  const { unitA: A, subA: S, unitB: B, root } = f
  ;[{ id: boardAccountId }] = await t.db.query<{ id: number }>(`SELECT id FROM account WHERE username = 'board'`)
  const s1 = await seedPerson(t.db, { unitId: S.id })
  await seedPerson(t.db, { unitId: S.id })
  const a2 = await seedPerson(t.db, { unitId: A.id })

  // (1) Acknowledged on time: D1 due 10/03: A on the 9th (on time), the department on the 12th
  // (late), B never (overdue); D2 due 25/03, A not yet: in progress, counted for neither.
  // All 1/3; under A 1/2; A's own 1/1, the department's 0/1.
  const d1 = await seedDirective(t.db, { ownerUnitId: root.id, unitIds: [A.id, S.id, B.id], requirements: 1, ackDueDate: '2026-03-10' })
  const d2 = await seedDirective(t.db, { ownerUnitId: root.id, unitIds: [A.id], requirements: 1, ackDueDate: '2026-03-25' })
  await t.db.query('UPDATE directive_addressee SET acknowledged_at = $3 WHERE directive_id = $1 AND unit_id = $2', [d1.id, A.id, at('2026-03-09')])
  await t.db.query('UPDATE directive_addressee SET acknowledged_at = $3 WHERE directive_id = $1 AND unit_id = $2', [d1.id, S.id, at('2026-03-12')])
  await seedDirective(t.db, { ownerUnitId: root.id, unitIds: [B.id], requirements: 1, status: 'draft', ackDueDate: '2026-01-01' })

  // (2) Coverage of the directives in force: A has 10 active people (the fixture's 9 and one more),
  // the department 2, B 1. D1: A 1/10 (receipt), department 1/2 (a session), B 1/1; D2: A 1/10.
  // All 4/23; under A 3/22.
  for (const [d, p] of [[d1.id, f.personA.id], [d1.id, f.personB.id], [d2.id, f.personA.id]]) {
    await t.db.query('INSERT INTO receipt_confirmation (directive_id, person_id, confirmed_at) VALUES ($1, $2, $3)', [d, p, at('2026-03-05')])
  }
  const [{ id: session }] = await t.db.query<{ id: number }>(
    `INSERT INTO dissemination_session (directive_id, unit_id, held_on, form, title) VALUES ($1, $2, '2026-03-06', 'meeting', 'Quán triệt') RETURNING id`, [d1.id, S.id],
  )
  await t.db.query('INSERT INTO session_attendance (session_id, directive_id, person_id) VALUES ($1, $2, $3)', [session, d1.id, s1.id])

  // (3) Key positions: A: a holder who meets (until 2027) and one who does not; B: a holder whose
  // conclusion expires in 21 days (still current) and a vacant position. All 2/3; under A 1/2.
  const position = async (unitId: number, holder?: { personId: number; outcome: string; validUntil: string }) => {
    const [{ id }] = await t.db.query<{ id: number }>(`INSERT INTO key_position (unit_id, title, classification) VALUES ($1, $2, 'finance') RETURNING id`, [unitId, `Kế toán trưởng ${++positions}`])
    if (holder) {
      await t.db.query(
        `INSERT INTO position_holding (position_id, person_id, from_on, vetting_outcome, vetting_valid_until) VALUES ($1, $2, '2025-01-01', $3, $4)`,
        [id, holder.personId, holder.outcome, holder.validUntil],
      )
    }
  }
  await position(A.id, { personId: f.personA.id, outcome: 'meets', validUntil: '2027-01-01' })
  await position(A.id, { personId: a2.id, outcome: 'doesNotMeet', validUntil: '2027-01-01' })
  await position(B.id, { personId: f.personB.id, outcome: 'meets', validUntil: '2026-04-10' })
  await position(B.id)

  // (4) Channels: A: reviewed 10/01 (due 10/07), its admin with 2FA; registered 01/12/2025, never
  // reviewed (due 31/12: overdue), its admin without. The department: reviewed 01/09/2025 (due
  // 01/03: overdue), no admin. B: reviewed 01/03 with 2FA; a retired one. On time 2/4, 2FA 2/4;
  // under A 1/3 and 1/3. Incidents open: A 1 (and 1 closed), B 2: all 3, under A 1.
  await seedChannel(t.db, { unitId: A.id, responsiblePersonId: f.personA.id, lastReviewedOn: '2026-01-10', admins: [{ personId: f.personA.id, hasTwoFactor: true }] })
  await seedChannel(t.db, { unitId: A.id, responsiblePersonId: f.personA.id, registeredOn: '2025-12-01', admins: [{ personId: a2.id, hasTwoFactor: false }] })
  await seedChannel(t.db, { unitId: S.id, responsiblePersonId: s1.id, lastReviewedOn: '2025-09-01' })
  await seedChannel(t.db, { unitId: B.id, responsiblePersonId: f.personB.id, lastReviewedOn: '2026-03-01', admins: [{ personId: f.personB.id, hasTwoFactor: true }] })
  await seedChannel(t.db, { unitId: B.id, responsiblePersonId: f.personB.id, status: 'retired' })
  await seedIncident(t.db, { unitId: A.id, detectedAt: at('2026-03-10') })
  await seedIncident(t.db, { unitId: A.id, detectedAt: at('2026-02-01'), closedAt: at('2026-02-10') })
  openIncidentB = (await seedIncident(t.db, { unitId: B.id, detectedAt: at('2026-03-15') })).id
  await seedIncident(t.db, { unitId: B.id, detectedAt: at('2026-03-16') })

  // (5) Standards reviews held by A's and B's board units: A closed by its deadline, approved two
  // days late, one still within its deadline; B past its deadline. All 1/3; under A 1/2.
  // (9) Violation cases open: A 1 (and 1 closed), B 1: all 2, under A 1.
  await confCase('standards_review', A.id, { deadline: '2026-03-01', status: 'closed', closedOn: '2026-02-25' })
  await confCase('standards_review', A.id, { deadline: '2026-03-10', approvedAt: at('2026-03-12') })
  await confCase('standards_review', A.id, { deadline: '2026-03-30' })
  await confCase('standards_review', B.id, { deadline: '2026-03-15' })
  await confCase('violation', A.id, {})
  await confCase('violation', A.id, { status: 'closed', closedOn: '2026-02-01' })
  await confCase('violation', B.id, {})

  // (6) This year's approved plan: item 1 for A and B, item 2 for the department; item 1 concluded
  // at A, item 2 under way; a draft plan for next year counts for nothing. All 1/3; under A 1/2.
  const plan = await seedInspectionPlan(t.db, { ownerUnitId: root.id, year: 2026, items: [{ unitIds: [A.id, B.id] }, { unitIds: [S.id] }] })
  await seedInspectionPlan(t.db, { ownerUnitId: root.id, year: 2027, status: 'draft', items: [{ unitIds: [B.id] }] })
  const done = await seedInspection(t.db, { ownerUnitId: root.id, unitIds: [A.id], planItemId: plan.itemIds[0], phase: 'concluded', startDate: '2026-01-05', concludedOn: '2026-03-01' })
  await seedInspection(t.db, { ownerUnitId: root.id, unitIds: [S.id], planItemId: plan.itemIds[1], phase: 'conduct', startDate: '2026-03-01' })
  // Corrective actions: A closed 2 days early, A closed 4 days late, A open and due 01/04; B open
  // and due 01/03 (overdue). All 1/3; under A 1/2.
  const ca = { inspectionId: done.id, verifiedBy: boardAccountId }
  await seedCorrectiveAction(t.db, { ...ca, unitId: A.id, dueDate: '2026-03-10', status: 'closed', completedOn: '2026-03-07', closedOn: '2026-03-08' })
  await seedCorrectiveAction(t.db, { ...ca, unitId: A.id, dueDate: '2026-03-01', status: 'closed', completedOn: '2026-03-04', closedOn: '2026-03-05' })
  await seedCorrectiveAction(t.db, { ...ca, unitId: A.id, dueDate: '2026-04-01' })
  await seedCorrectiveAction(t.db, { ...ca, unitId: B.id, dueDate: '2026-03-01' })

  // (7) Units that should have an officer: A and B (the ministry and a department need none). A's
  // officer completed a course on 10/01; B has none. All 1/2; under A 1/1.
  await t.db.query(`INSERT INTO officer (unit_id, person_id, role, decision_number, appointed_on) VALUES ($1, $2, 'partTime', '12/QĐ-BV', '2025-06-01')`, [A.id, a2.id])
  const [{ id: course }] = await t.db.query<{ id: number }>(
    `INSERT INTO training_course (owner_unit_id, title, organizer, starts_on, ends_on, hours, form) VALUES ($1, 'Bồi dưỡng nghiệp vụ', 'Ban BVCTNB', '2026-01-08', '2026-01-10', 16, 'inPerson') RETURNING id`, [root.id],
  )
  await t.db.query(`INSERT INTO training_attendance (course_id, person_id, result, completed_on) VALUES ($1, $2, 'completed', '2026-01-10')`, [course, a2.id])

  // (8) Self-inspections: A submitted by its due day; the department past due; B submitted late,
  // and one not due until 30/04. All 2/3; under A 1/2.
  const template = await seedChecklistTemplate(t.db, { ownerUnitId: root.id })
  const assign = async (unitId: number, dueDate: string, submittedOn?: string) => {
    const id = await seedChecklistAssignment(t.db, { templateId: template.id, unitId, dueDate })
    if (submittedOn) await t.db.query(`UPDATE checklist_assignment SET status = 'submitted', submitted_at = $2 WHERE id = $1`, [id, at(submittedOn)])
  }
  await assign(A.id, '2026-03-10', '2026-03-09')
  await assign(S.id, '2026-03-10')
  await assign(B.id, '2026-03-01', '2026-03-05')
  await assign(B.id, '2026-04-30')

  // (9) Reports: Q1 due 15/03: A in on the 14th, the department on the 16th, B not at all; another
  // period due 31/03, nothing in yet (counted for neither). All 1/3; under A 1/2.
  const period = async (deadline: string, unitIds: number[]) => {
    const [{ id }] = await t.db.query<{ id: number }>(
      `INSERT INTO report_period (owner_unit_id, scope_unit_id, title, kind, deadline) VALUES ($1, $1, 'Báo cáo', 'quarter', $2) RETURNING id`, [root.id, deadline],
    )
    for (const u of unitIds) await t.db.query('INSERT INTO report_period_unit (period_id, unit_id) VALUES ($1, $2)', [id, u])
    return id
  }
  const q1 = await period('2026-03-15', [A.id, S.id, B.id])
  await period('2026-03-31', [A.id])
  for (const [u, day] of [[A.id, '2026-03-14'], [S.id, '2026-03-16']] as const) {
    await t.db.query(`INSERT INTO unit_report (period_id, unit_id, status, submitted_versions, first_submitted_at) VALUES ($1, $2, 'submitted', 1, $3)`, [q1, u, at(day)])
  }
})

afterAll(async () => {
  await t?.close()
})

type Line = { requirement: number; key: string; value: number | null; numerator: number | null; denominator: number | null; tracked: boolean; trend: { month: string; value: number | null }[]; page: string }

async function overview(username: string, query = '') {
  const res = await t.call(await t.login(username), 'GET', `/api/v1/overview${query}`)
  expect(res.statusCode, res.body).toBe(200)
  return Object.fromEntries((res.json().indicators as Line[]).map((i) => [i.key, i])) as Record<string, Line>
}
const figures = (lines: Record<string, Line>) => Object.fromEntries(Object.entries(lines).map(([k, l]) => [k, [l.numerator, l.denominator]]))

const ALL = {
  directives_acknowledged_on_time: [1, 3], dissemination_coverage: [4, 23], key_positions_vetted: [2, 3],
  channels_reviewed_on_time: [2, 4], channels_two_factor: [2, 4], incidents_open: [3, null],
  standards_reviews_on_time: [1, 3], inspections_done: [1, 3], corrective_actions_on_time: [1, 3],
  units_with_trained_officer: [1, 2], self_inspections_done: [2, 3], reports_on_time: [1, 3], violation_cases_open: [2, null],
}
const UNDER_A = {
  directives_acknowledged_on_time: [1, 2], dissemination_coverage: [3, 22], key_positions_vetted: [1, 2],
  channels_reviewed_on_time: [1, 3], channels_two_factor: [1, 3], incidents_open: [1, null],
  standards_reviews_on_time: [1, 2], inspections_done: [1, 2], corrective_actions_on_time: [1, 2],
  units_with_trained_officer: [1, 1], self_inspections_done: [1, 2], reports_on_time: [1, 2], violation_cases_open: [1, null],
}

describe('the overview of the whole ministry', () => {
  it('computes each indicator from the hand-built data, one or more lines per requirement 1..9, in order', async () => {
    const lines = await overview('committee')
    expect(figures(lines)).toEqual(ALL)
    expect(Object.values(lines).map((l) => l.requirement)).toEqual([1, 2, 3, 4, 4, 4, 5, 6, 6, 7, 8, 9, 9])
    expect(Object.values(lines).every((l) => l.tracked)).toBe(true)
  })

  it('gives a share as numerator ÷ denominator and a count as itself, with the page that fixes it', async () => {
    const lines = await overview('board')
    expect(lines.dissemination_coverage.value).toBeCloseTo(4 / 23, 10)
    expect(lines.units_with_trained_officer.value).toBe(0.5)
    expect(lines.incidents_open).toMatchObject({ value: 3, numerator: 3, denominator: null, page: '/incidents' })
  })
})

describe('scope', () => {
  it("gives a unit's head its own subtree, the same as the committee asking `under` it", async () => {
    const mine = await overview('unitHead.a')
    expect(figures(mine)).toEqual(UNDER_A)
    expect(figures(await overview('committee', `?under=${f.unitA.id}`))).toEqual(UNDER_A)
  })

  it('refuses a unit out of scope (404), bad input by name (400), and roles that do not lead (403)', async () => {
    expect((await t.call(await t.login('unitHead.a'), 'GET', `/api/v1/overview?under=${f.unitB.id}`)).statusCode).toBe(404)
    const bad = await t.call(await t.login('committee'), 'GET', '/api/v1/overview?under=abc', undefined, { 'accept-language': 'en' })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('under')
    expect((await t.call(await t.login('committee'), 'GET', '/api/v1/overview/nonsense/units')).statusCode).toBe(400)
    expect((await t.call(await t.login('unitOfficer.a'), 'GET', '/api/v1/overview')).statusCode).toBe(403)
    expect((await t.call(await t.login('staff'), 'GET', '/api/v1/overview')).statusCode).toBe(403)
  })
})

describe('the drill-down', () => {
  const units = async (key: string, under: number) => {
    const res = await t.call(await t.login('committee'), 'GET', `/api/v1/overview/${key}/units?under=${under}`)
    expect(res.statusCode, res.body).toBe(200)
    return res.json().items as { unitId: number; value: number | null; numerator: number; denominator: number | null; hasChildren: boolean }[]
  }

  it('lists the units behind a share, worst first', async () => {
    const rows = await units('directives_acknowledged_on_time', f.root.id)
    expect(rows.map((r) => [r.unitId, r.numerator, r.denominator])).toEqual([[f.unitB.id, 0, 1], [f.unitA.id, 1, 2]])
    expect(rows.find((r) => r.unitId === f.unitA.id)!.hasChildren).toBe(true)
  })

  it("shows the unit's own figures beside its children's", async () => {
    const rows = await units('directives_acknowledged_on_time', f.unitA.id)
    expect(rows.map((r) => [r.unitId, r.numerator, r.denominator, r.hasChildren])).toEqual([[f.subA.id, 0, 1, false], [f.unitA.id, 1, 1, false]])
  })

  it("lists each top unit of the caller's scope without `under`", async () => {
    const res = await t.call(await t.login('unitHead.a'), 'GET', '/api/v1/overview/reports_on_time/units')
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ key: 'reports_on_time', tracked: true, page: '/reports', items: [{ unitId: f.unitA.id, numerator: 1, denominator: 2, value: 0.5, hasChildren: true }] })
    expect(res.json().items).toHaveLength(1)
  })

  it('puts the highest count first', async () => {
    const rows = await units('incidents_open', f.root.id)
    expect(rows.map((r) => [r.unitId, r.value])).toEqual([[f.unitB.id, 2], [f.unitA.id, 1]])
  })
})

describe('the trend', () => {
  it('draws the last 12 months from the nightly snapshots, the month in progress as of now', async () => {
    // February's last night: the figures as they stood (B's two incidents open then too).
    const result = await snapshotIndicators(overviewDepsOf(t.db, t.config), '2026-02-28', new Date('2026-02-28T17:00:00Z'))
    expect(result).toMatchObject({ indicators: 13 })
    const [snap] = await t.db.query<{ numerator: number; denominator: number; value: number }>(
      `SELECT numerator, denominator, value FROM indicator_snapshot WHERE unit_id = $1 AND month = '2026-02-01' AND indicator = 'channels_two_factor'`, [f.unitA.id],
    )
    expect(snap).toEqual({ numerator: 1, denominator: 3, value: 1 / 3 })
    // Since then an incident at B was closed: this month moves, February stays.
    await t.db.query(`UPDATE security_incident SET status = 'closed', closed_at = $2, lessons = 'Đã xử lý' WHERE id = $1`, [openIncidentB, at('2026-03-18')])
    const lines = await overview('committee')
    const trend = lines.incidents_open.trend
    expect(trend).toHaveLength(12)
    expect(trend[0]).toEqual({ month: '2025-04', value: null })
    expect(trend.slice(-2)).toEqual([{ month: '2026-02', value: 3 }, { month: '2026-03', value: 2 }])
    expect(lines.channels_two_factor.trend.at(-2)).toEqual({ month: '2026-02', value: 0.5 })
    // A unit's head sees its own subtree's snapshots.
    expect((await overview('unitHead.a')).channels_two_factor.trend.at(-2)).toEqual({ month: '2026-02', value: 1 / 3 })
    await t.db.query(`UPDATE security_incident SET status = 'open', closed_at = NULL, lessons = NULL WHERE id = $1`, [openIncidentB])
  })

  it('keeps one row per unit subtree, indicator and month: a second night rewrites the month', async () => {
    await snapshotIndicators(overviewDepsOf(t.db, t.config), '2026-03-19', new Date('2026-03-19T17:00:00Z'))
    await snapshotIndicators(overviewDepsOf(t.db, t.config), '2026-03-20', new Date('2026-03-20T17:00:00Z'))
    const rows = await t.db.query<{ n: number; as_of: string }>(
      `SELECT count(*)::int AS n, max(as_of)::text AS as_of FROM indicator_snapshot WHERE unit_id = $1 AND month = '2026-03-01'`, [f.root.id],
    )
    expect(rows[0]).toEqual({ n: 13, as_of: '2026-03-20' })
    const [root] = await t.db.query<{ numerator: number; denominator: number }>(
      `SELECT numerator, denominator FROM indicator_snapshot WHERE unit_id = $1 AND month = '2026-03-01' AND indicator = 'dissemination_coverage'`, [f.root.id],
    )
    expect(root).toEqual({ numerator: 4, denominator: 23 })
  })
})

describe('the spreadsheet', () => {
  it('has one row per indicator with its figures, for the unit asked about', async () => {
    const res = await t.call(await t.login('committee'), 'GET', `/api/v1/overview.xlsx?under=${f.unitA.id}`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.rawPayload as any)
    const ws = wb.worksheets[0]
    expect(String(ws.getCell('A2').value)).toContain('Bệnh viện Alpha')
    const rows = ws.getSheetValues().slice(5) as unknown[][]
    expect(rows).toHaveLength(13)
    // The reports line: requirement 9, 1 of 2 on time.
    expect(rows[11].slice(1, 7)).toEqual([9, 'Báo cáo và xử lý vi phạm', 'Báo cáo gửi đúng hạn', 0.5, 1, 2])
    expect((await t.call(await t.login('unitHead.a'), 'GET', `/api/v1/overview.xlsx?under=${f.unitB.id}`)).statusCode).toBe(404)
  })
})

describe('the brief for a committee meeting', () => {
  it('is a .docx in the Party format with every requirement, its figures and the change since last month', async () => {
    await snapshotIndicators(overviewDepsOf(t.db, t.config), '2026-02-28', new Date('2026-02-28T17:00:00Z'))
    const res = await t.call(await t.login('committee'), 'GET', '/api/v1/overview.docx')
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200)
    expect(res.headers['content-type']).toContain('wordprocessingml')
    const JSZip = (await import('jszip')).default
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string')
    const doc = xml.replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '')
    expect(doc).toContain('ĐẢNG CỘNG SẢN VIỆT NAM')
    expect(doc).toContain('BÁO CÁO')
    expect(doc).toContain('Bộ Y tế')
    expect(doc).toContain('9. Báo cáo và xử lý vi phạm')
    expect(doc).toContain('Báo cáo gửi đúng hạn: 33,3% (1/3)')
    expect(doc).toContain('Sự cố an ninh mạng đang xử lý: 3, không đổi so với tháng trước')
    expect(doc).toContain('Sự cố an ninh mạng đang xử lý: 3')
    expect(doc).toContain('Nơi nhận')
  })
})

describe('a feature that has not landed', () => {
  it('says "not tracked yet": tracked false, every figure null, no trend, never a zero', async () => {
    const bare = await createTestApp()
    try {
      await seedFixture(bare.db)
      await bare.db.query('DROP TABLE channel CASCADE')
      const res = await bare.call(await bare.login('committee'), 'GET', '/api/v1/overview')
      expect(res.statusCode, res.body).toBe(200)
      const lines = Object.fromEntries((res.json().indicators as Line[]).map((i) => [i.key, i]))
      expect(lines.channels_two_factor).toMatchObject({ requirement: 4, tracked: false, value: null, numerator: null, denominator: null, trend: [] })
      expect(lines.channels_reviewed_on_time.tracked).toBe(false)
      expect(lines.incidents_open).toMatchObject({ tracked: true, value: 0, numerator: 0 })
      expect(lines.reports_on_time).toMatchObject({ tracked: true, value: null, numerator: 0, denominator: 0 })
      const brief = await bare.call(await bare.login('committee'), 'GET', '/api/v1/overview.docx')
      const JSZip = (await import('jszip')).default
      const xml = await (await JSZip.loadAsync(brief.rawPayload)).file('word/document.xml')!.async('string')
      expect(xml.replace(/<[^>]+>/g, '')).toContain('mọi người quản trị bật xác thực hai lớp: chưa theo dõi trên hệ thống')
      await snapshotIndicators(overviewDepsOf(bare.db, bare.config), '2026-03-20', new Date('2026-03-20T17:00:00Z'))
      const [row] = await bare.db.query<{ is_tracked: boolean; value: number | null }>(`SELECT is_tracked, value FROM indicator_snapshot WHERE indicator = 'channels_two_factor' LIMIT 1`)
      expect(row).toEqual({ is_tracked: false, value: null })
    } finally {
      await bare.close()
    }
  })
})
