import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedUnit } from '../../db/seed/builders.ts'
import { createTestApp, seedFixture, type Fixture, type TestApp } from '../../../test/app.ts'
import { purgeClosedCases, remindCaseDeadlines } from './cases.jobs.ts'

let t: TestApp
let f: Fixture

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  await seedUnit(t.db, { parent: f.root, kind: 'board', code: 'BANJ' })
})
afterAll(() => t.close())

describe('case jobs', () => {
  it('remind the owner of a passed deadline and an overdue request, once, by number only', async () => {
    const board = await t.login('board')
    const c = (await t.call(board, 'POST', '/api/v1/cases', { kind: 'standards_review', subjectName: 'Lê Thị Nhắc Hạn', purpose: 'election', deadline: '2026-03-19' })).json()
    await t.call(board, 'POST', `/api/v1/cases/${c.id}/requests`, { agency: 'Cơ quan Y', asked: 'Xác minh', sentOn: '2026-03-10', dueDate: '2026-03-15' })
    const r = await remindCaseDeadlines(t.db, '2026-03-20', t.clock())
    expect(r).toEqual({ due: 2, raised: 2 })
    expect((await remindCaseDeadlines(t.db, '2026-03-20', t.clock())).raised).toBe(0)
    const notes = (await t.call(board, 'GET', '/api/v1/notifications')).json().items
    expect(notes.map((n: { title: string }) => n.title).sort()).toEqual([`Hồ sơ ${c.number} đã quá hạn giải quyết`, `Hồ sơ ${c.number}: văn bản đề nghị phối hợp quá hạn trả lời`].sort())
    expect(JSON.stringify(notes)).not.toContain('Nhắc Hạn')
  })

  it('destroy a closed case’s content and its data key after the retention period, keeping the skeleton', async () => {
    const board = await t.login('board')
    const c = (await t.call(board, 'POST', '/api/v1/cases', { kind: 'violation', subjectName: 'Chi bộ Z', subjectType: 'organization', purpose: 'notice', note: 'nội dung sẽ bị hủy' })).json()
    await t.call(board, 'POST', `/api/v1/cases/${c.id}/requests`, { agency: 'Cơ quan Z', asked: 'Xác minh', sentOn: '2026-03-10', dueDate: '2026-03-15' })
    for (const step of ['subjectNotified', 'explanationReceived', 'verification']) {
      await t.call(board, 'POST', `/api/v1/cases/${c.id}/steps`, { step, doneOn: '2026-03-20', ...(step === 'subjectNotified' ? { dueDate: '2026-03-30' } : {}) })
    }
    await t.call(board, 'POST', `/api/v1/cases/${c.id}/steps`, { step: 'decision', doneOn: '2026-03-20', form: 'none', basis: 'Không có vi phạm', issuingBody: 'Đảng ủy' })
    await t.call(board, 'POST', `/api/v1/cases/${c.id}/steps`, { step: 'closed', doneOn: '2026-03-20' })
    const [{ data_key_id: keyId }] = await t.db.query<{ data_key_id: number }>('SELECT data_key_id FROM conf_case WHERE id = $1', [c.id])
    expect((await purgeClosedCases(t.db, '2030-03-20', t.clock(), 10)).purged).toBe(0)
    expect((await purgeClosedCases(t.db, '2036-03-21', t.clock(), 10)).purged).toBe(1)
    const [row] = await t.db.query<Record<string, unknown>>('SELECT number, kind, status, outcome, opened_on, closed_on, subject_enc, notes_enc, data_key_id FROM conf_case WHERE id = $1', [c.id])
    expect(row).toMatchObject({ number: c.number, kind: 'violation', status: 'purged', outcome: 'noDiscipline', closed_on: '2026-03-20', subject_enc: null, notes_enc: null, data_key_id: null })
    expect(await t.db.query('SELECT 1 FROM data_key WHERE id = $1', [keyId])).toEqual([])
    for (const table of ['conf_case_step', 'conf_case_request', 'conf_case_notice']) expect(await t.db.query(`SELECT 1 FROM ${table} WHERE case_id = $1`, [c.id])).toEqual([])
    const read = (await t.call(board, 'GET', `/api/v1/cases/${c.id}`)).json()
    expect(read).toMatchObject({ status: 'purged', subject: { name: '' }, note: '', steps: [] })
    expect((await t.db.query(`SELECT 1 FROM audit_log WHERE entity = 'case' AND entity_id = $1 AND action = 'purge'`, [String(c.id)])).length).toBe(1)
  })
})
