import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { documentBuilds } from '../../lib/semaphore.ts'
import { seedDirective } from '../../db/seed/builders.ts'
import { createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'

let t: TestApp
let f: Fixture
let dir: { id: number; requirementIds: number[] }
let board: Session
let officer: Session
let head: Session
let periodId: number

const reportUrl = (unitId = f.unitA.id) => `/api/v1/report-periods/${periodId}/units/${unitId}/report`
const narrative = (requirementId: number, done: string) => ({ requirementId, done, results: 'Đạt yêu cầu', shortcomings: '', causes: '', proposals: '' })

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  dir = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id, f.unitB.id], requirements: 2, number: '1946-CV/BCSD' })
  board = await t.login('board')
  officer = await t.login('unitOfficer.a')
  head = await t.login('unitHead.a')
  // One action done without evidence, for the checks.
  const [p] = await t.db.query<{ id: number }>('INSERT INTO unit_plan (directive_id, unit_id) VALUES ($1, $2) RETURNING id', [dir.id, f.unitA.id])
  await t.db.query(`INSERT INTO plan_action (plan_id, directive_id, unit_id, requirement_id, title, due_date, effective_due_date, status, completed_on) VALUES ($1,$2,$3,$4,'Hội nghị','2026-03-30','2026-03-30','done','2026-03-18')`, [p.id, dir.id, f.unitA.id, dir.requirementIds[0]])
})
afterAll(() => t.close())

describe('report periods', () => {
  it('the board opens a period for the units the directive went to, with a deadline', async () => {
    const bad = await t.call(board, 'POST', '/api/v1/report-periods', { title: 'Q', kind: 'month', scopeUnitId: f.root.id, deadline: '2026-13-01' })
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['deadline', 'kind', 'title'])
    const res = await t.call(board, 'POST', '/api/v1/report-periods', {
      title: 'Báo cáo kết quả thực hiện Công văn 1946-CV/BCSĐ', kind: 'adhoc', scopeUnitId: f.root.id, deadline: '2026-04-10', directiveIds: [dir.id],
    })
    expect(res.statusCode).toBe(201)
    periodId = res.json().id
    const list = (await t.call(board, 'GET', '/api/v1/report-periods')).json().items
    expect(list[0]).toMatchObject({ id: periodId, title: 'Báo cáo kết quả thực hiện Công văn 1946-CV/BCSĐ', deadline: '2026-04-10', status: 'open' })
    const detail = (await t.call(board, 'GET', `/api/v1/report-periods/${periodId}`)).json()
    expect(detail.units.map((u: any) => [u.unitId, u.status]).sort()).toEqual([[f.unitA.id, 'notDue'], [f.unitB.id, 'notDue']].sort())
    // A unit officer sees the period, and only its own unit in it.
    expect((await t.call(officer, 'GET', `/api/v1/report-periods/${periodId}`)).json().units.map((u: any) => u.unitId)).toEqual([f.unitA.id])
    expect((await t.call(officer, 'GET', reportUrl(f.unitB.id))).statusCode).toBe(404)
  })
})

describe('a unit report from draft to accepted', () => {
  it('starts with one section per requirement and the figures BVCT knows, with their source', async () => {
    const r = (await t.call(officer, 'GET', reportUrl())).json()
    expect(r).toMatchObject({ id: null, status: 'notDue', version: 1 })
    expect(r.draft.sections.map((s: any) => [s.label, s.requirementText])).toEqual([['1.', 'Nội dung yêu cầu số 1'], ['2.', 'Nội dung yêu cầu số 2']])
    expect(r.figures).toEqual([expect.objectContaining({ directiveId: dir.id, number: '1946-CV/BCSD', acknowledgedAt: null, sessions: 0, actionsTotal: 1, actionsDone: 1, actionsDoneWithoutEvidence: 1 })])
    expect(r.checks.map((c: any) => c.code).sort()).toEqual(['DONE_WITHOUT_EVIDENCE', 'NO_NARRATIVE', 'NO_NARRATIVE'])
  })

  it('saves drafts; a second editor working from an older version is refused and shown the other text', async () => {
    const saved = await t.call(officer, 'PUT', `${reportUrl()}/draft`, { version: 1, sections: [narrative(dir.requirementIds[0], 'Đã tổ chức hội nghị quán triệt')] })
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json()).toMatchObject({ status: 'draft', version: 2, draftUpdatedBy: 'Lê Văn unitOfficer' })
    const lost = await t.call(head, 'PUT', `${reportUrl()}/draft`, { version: 1, sections: [narrative(dir.requirementIds[0], 'Nội dung khác')] })
    expect(lost.statusCode).toBe(409)
    expect(lost.json().error.current).toMatchObject({ version: 2, updatedBy: 'Lê Văn unitOfficer' })
    expect(lost.json().error.current.draft.sections[0].done).toBe('Đã tổ chức hội nghị quán triệt')
    const wrongReq = await t.call(officer, 'PUT', `${reportUrl()}/draft`, { version: 2, sections: [narrative(999999, 'x')] })
    expect(wrongReq.json().error.fields).toHaveProperty(['sections.0.requirementId'])
  })

  it('refuses submission while a requirement has no narrative, naming the check', async () => {
    const r = (await t.call(head, 'GET', reportUrl())).json()
    const res = await t.call(head, 'POST', `/api/v1/reports/${r.id}/submit`, { version: r.version })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.checks.filter((c: any) => c.severity === 'error')).toEqual([expect.objectContaining({ code: 'NO_NARRATIVE', requirementId: dir.requirementIds[1], message: 'Yêu cầu 2. chưa có nội dung báo cáo' })])
  })

  it('the head submits: figures and requirement texts are frozen; a retry does not submit twice', async () => {
    let r = (await t.call(officer, 'PUT', `${reportUrl()}/draft`, {
      version: 2, sections: [narrative(dir.requirementIds[1], 'Đã rà soát quy chế')], claimedFigures: [{ directiveId: dir.id, sessions: 2, coveragePercent: 120 }],
    })).json()
    expect(r.checks.map((c: any) => c.code).sort()).toEqual(['COVERAGE_OVER_100', 'DONE_WITHOUT_EVIDENCE', 'FIGURES_DIFFER', 'NOT_ACKNOWLEDGED'])
    const sub = await t.call(head, 'POST', `/api/v1/reports/${r.id}/submit`, { version: r.version })
    expect(sub.statusCode, sub.body).toBe(200)
    expect(sub.json()).toMatchObject({ status: 'submitted', submitted: { number: 1, isNew: true }, versions: [{ number: 1, reviewStatus: 'pending', submittedBy: 'Lê Văn unitHead' }] })
    const retry = await t.call(head, 'POST', `/api/v1/reports/${r.id}/submit`, { version: r.version })
    expect(retry.json().submitted).toMatchObject({ number: 1, isNew: false })
    expect(await t.db.query('SELECT 1 FROM unit_report_version WHERE report_id = $1', [r.id])).toHaveLength(1)
    // A later edit of the directive does not rewrite what the unit reported against.
    await t.db.query(`UPDATE requirement SET text = 'Văn bản đã sửa' WHERE id = $1`, [dir.requirementIds[0]])
    const v1 = (await t.call(board, 'GET', `/api/v1/reports/${r.id}/versions/1`)).json()
    expect(v1.content.sections[0].requirementText).toBe('Nội dung yêu cầu số 1')
    expect(v1.figures[0]).toMatchObject({ actionsDone: 1, sessions: 0 })
    // Editing a submitted report is refused.
    r = (await t.call(officer, 'GET', reportUrl())).json()
    expect((await t.call(officer, 'PUT', `${reportUrl()}/draft`, { version: r.version, sections: [] })).statusCode).toBe(409)
  })

  it('the board returns it with comments per section; the unit fixes and resubmits; versions compare; the board accepts', async () => {
    let r = (await t.call(board, 'GET', reportUrl())).json()
    expect((await t.call(officer, 'POST', `/api/v1/reports/${r.id}/return`, { version: r.version, comment: 'x' })).statusCode).toBe(403)
    const ret = await t.call(board, 'POST', `/api/v1/reports/${r.id}/return`, {
      version: r.version, comment: 'Đề nghị bổ sung kết quả cụ thể', sectionComments: { [dir.requirementIds[0]]: 'Nêu rõ số người tham dự' },
    })
    expect(ret.json()).toMatchObject({ status: 'returned', versions: [{ reviewStatus: 'returned', reviewedBy: 'board', reviewComments: { general: 'Đề nghị bổ sung kết quả cụ thể', sections: { [dir.requirementIds[0]]: 'Nêu rõ số người tham dự' } } }] })
    r = ret.json()
    r = (await t.call(officer, 'PUT', `${reportUrl()}/draft`, { version: r.version, sections: [narrative(dir.requirementIds[0], 'Đã tổ chức hội nghị quán triệt cho 120 người')], claimedFigures: [] })).json()
    r = (await t.call(head, 'POST', `/api/v1/reports/${r.id}/submit`, { version: r.version })).json()
    expect(r.versions.map((v: any) => v.number)).toEqual([1, 2])
    const v2 = (await t.call(board, 'GET', `/api/v1/reports/${r.id}/versions/2`)).json()
    expect(v2.changes).toEqual([{ requirementId: dir.requirementIds[0], label: '1.', field: 'done', before: 'Đã tổ chức hội nghị quán triệt', after: 'Đã tổ chức hội nghị quán triệt cho 120 người' }])
    const acc = await t.call(board, 'POST', `/api/v1/reports/${r.id}/accept`, { version: r.version })
    expect(acc.json().status).toBe('accepted')
  })

  it('adds a report column to the directive dashboard', async () => {
    const flat = (await t.call(board, 'GET', `/api/v1/directives/${dir.id}/matrix?flat=1`)).json()
    const byUnit = Object.fromEntries(flat.rows.map((r: any) => [r.unitId, r.reports]))
    expect(byUnit[f.unitA.id]).toEqual([{ periodId, title: 'Báo cáo kết quả thực hiện Công văn 1946-CV/BCSĐ', deadline: '2026-04-10', status: 'accepted', counts: { accepted: 1 } }])
    expect(byUnit[f.unitB.id][0].status).toBe('notDue')
    const top = (await t.call(board, 'GET', `/api/v1/directives/${dir.id}/matrix`)).json()
    expect(top.rows.find((r: any) => r.unitId === f.root.id).reports[0]).toMatchObject({ status: null, counts: { accepted: 1, notDue: 1 } })
    // Expanded a level, each row counts the period's units under it (read under the rows' subtrees only).
    const sub = (await t.call(board, 'GET', `/api/v1/directives/${dir.id}/matrix?under=${f.root.id}&depth=1`)).json()
    const counts = Object.fromEntries(sub.rows.map((r: any) => [r.unitId, r.reports[0]?.counts]))
    expect(counts[f.unitA.id]).toEqual({ accepted: 1 })
    expect(counts[f.unitB.id]).toEqual({ notDue: 1 })
  })

  it('shows late and missing reports after the deadline', async () => {
    t.clock.set(new Date('2026-04-11T08:00:00Z'))
    board = await t.login('board')
    const detail = (await t.call(board, 'GET', `/api/v1/report-periods/${periodId}`)).json()
    expect(Object.fromEntries(detail.units.map((u: any) => [u.unitId, u.status]))).toEqual({ [f.unitA.id]: 'accepted', [f.unitB.id]: 'late' })
    t.clock.set(new Date('2026-03-20T08:00:00Z'))
    board = await t.login('board')
  })
})

describe('official-format documents', () => {
  const unzipXml = async (buf: Buffer, path: string) => {
    const JSZip = (await import('jszip')).default
    return (await JSZip.loadAsync(buf)).file(path)!.async('string')
  }
  const text = (xml: string) => xml.replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '')

  it('generates the consolidated .docx with what units reported, their figures, and who is missing', async () => {
    t.clock.set(new Date('2026-04-11T08:00:00Z'))
    board = await t.login('board')
    const res = await t.call(board, 'GET', `/api/v1/report-periods/${periodId}/consolidated.docx`)
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200)
    expect(res.headers['content-type']).toContain('wordprocessingml')
    const doc = text(await unzipXml(res.rawPayload, 'word/document.xml'))
    expect(doc).toContain('ĐẢNG CỘNG SẢN VIỆT NAM')
    expect(doc).toContain('BÁO CÁO')
    expect(doc).toContain('Đã tổ chức hội nghị quán triệt cho 120 người')
    expect(doc).toContain('Bệnh viện Alpha')
    expect(doc).toContain('Bệnh viện Beta')
    expect(doc).toContain('Nơi nhận')
    const xlsx = await t.call(board, 'GET', `/api/v1/report-periods/${periodId}/consolidated.xlsx`)
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx.rawPayload as any)
    const cells = wb.worksheets[0].getSheetValues().flat().map(String)
    expect(cells).toEqual(expect.arrayContaining(['Bệnh viện Alpha', 'Bệnh viện Beta']))
    expect((await t.call(await t.login('unitOfficer.a'), 'GET', `/api/v1/report-periods/${periodId}/consolidated.docx`)).statusCode).toBe(403)
    t.clock.set(new Date('2026-03-20T08:00:00Z'))
    board = await t.login('board')
  })

  it('makes a third export at once wait for a place among the document builds, then answers it in full', async () => {
    t.clock.set(new Date('2026-04-11T08:00:00Z'))
    board = await t.login('board')
    // Two builds in progress (the process's limit): a third waits, it does not fail.
    const gates = [0, 1].map(() => {
      let open!: () => void
      return { held: new Promise<void>((r) => (open = r)), open: () => open() }
    })
    const holding = gates.map((g) => documentBuilds.run(() => g.held))
    let isAnswered = false
    const third = t.call(board, 'GET', `/api/v1/report-periods/${periodId}/consolidated.docx`).then((res) => {
      isAnswered = true
      return res
    })
    await vi.waitFor(() => expect(documentBuilds.state).toEqual({ active: 2, waiting: 1 }), { timeout: 5000 })
    await new Promise((r) => setTimeout(r, 100))
    expect(isAnswered).toBe(false)
    gates[0].open()
    const res = await third
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200)
    expect(res.headers['content-type']).toContain('wordprocessingml')
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK')
    gates[1].open()
    await Promise.all(holding)
    expect(documentBuilds.state).toEqual({ active: 0, waiting: 0 })
    // A refused caller is told so at once, without waiting for a place.
    const refused = documentBuilds.run(() => new Promise<void>((r) => setTimeout(r, 2000)))
    const officer = await t.login('unitOfficer.a')
    await documentBuilds.run(async () => {
      expect((await t.call(officer, 'GET', `/api/v1/report-periods/${periodId}/consolidated.docx`)).statusCode).toBe(403)
    })
    await refused
    t.clock.set(new Date('2026-03-20T08:00:00Z'))
    board = await t.login('board')
  })

  it('exports a unit\'s own report in the same format', async () => {
    officer = await t.login('unitOfficer.a')
    const r = (await t.call(officer, 'GET', reportUrl())).json()
    const res = await t.call(officer, 'GET', `/api/v1/reports/${r.id}/export.docx`)
    expect(res.statusCode).toBe(200)
    const doc = text(await unzipXml(res.rawPayload, 'word/document.xml'))
    expect(doc).toContain('BỆNH VIỆN ALPHA')
    expect(doc).toContain('Đã rà soát quy chế')
    expect(doc).not.toContain('Bệnh viện Beta')
  })
})
