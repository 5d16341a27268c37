import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ParsedDirective } from '../../../contract/directive-parse.ts'
import type { ParserAccuracyDto } from '../../../contract/parser-accuracy.ts'
import { createTestApp, seedFixture, type Session, type TestApp } from '../../../test/app.ts'

// Parser accuracy: registering a parsed letter records the fields the person changed; the
// administrator reads, per field and period, 1 − corrected / reviewed.

const LETTER = `BỘ Y TẾ
Số: 51/BYT-TCCB
V/v tăng cường bảo vệ chính trị nội bộ
Hà Nội, ngày 05 tháng 3 năm 2026

Kính gửi: Các đơn vị trực thuộc Bộ

1. Rà soát hồ sơ cán bộ trước ngày 30/4/2026.
2. Báo cáo kết quả về Vụ Tổ chức cán bộ.

Nơi nhận:
- Như trên;
- Lưu: VT.`

let t: TestApp
let board: Session
let admin: Session

beforeAll(async () => {
  t = await createTestApp()
  await seedFixture(t.db)
  board = await t.login('board')
  admin = await t.login('admin')
  t.clock.set(new Date('2026-03-10T03:00:00Z'))
})
afterAll(() => t.close())

/** What the web sends when the person saves the parsed letter, after their changes. */
function confirmInput(p: ParsedDirective, changes: Record<string, unknown> = {}) {
  const { warnings: _w, source: _s, ocr: _o, ...fields } = p
  const requirements = p.requirements.map((r) => ({ label: r.label, text: r.text, ...(r.deadline ? { deadline: r.deadline } : {}) }))
  return { ...fields, requirements, sourceText: LETTER, parseSource: 'text', ...changes }
}

async function parseAndConfirm(changes: Record<string, unknown> = {}, headers?: Record<string, string>) {
  const parsed = (await t.call(board, 'POST', '/api/v1/directives/parse', { text: LETTER })).json() as ParsedDirective
  const res = await t.call(board, 'POST', '/api/v1/directives', confirmInput(parsed, changes), headers)
  expect(res.statusCode, res.body).toBe(201)
  return { parsed, id: res.json().id as number }
}

const accuracy = async (query = '') => {
  const res = await t.call(admin, 'GET', `/api/v1/admin/parser-accuracy${query}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as ParserAccuracyDto
}
const field = (p: ParserAccuracyDto['total'], name: string) => p.fields.find((f) => f.field === name)!

describe('registering a parsed letter', () => {
  it('should record the subject the person corrected, with the parser value and the final one', async () => {
    const { parsed, id } = await parseAndConfirm({ subject: 'Tăng cường công tác bảo vệ chính trị nội bộ năm 2026' })
    expect(parsed.subject).toBe('tăng cường bảo vệ chính trị nội bộ')
    const rows = await t.db.query<{ field: string; parser_value: unknown; final_value: unknown }>(
      'SELECT c.field, c.parser_value, c.final_value FROM parse_correction c JOIN parse_review r ON r.id = c.review_id WHERE r.directive_id = $1', [id],
    )
    expect(rows).toEqual([{ field: 'subject', parser_value: 'tăng cường bảo vệ chính trị nội bộ', final_value: 'Tăng cường công tác bảo vệ chính trị nội bộ năm 2026' }])
    const [review] = await t.db.query<{ source_kind: string; source_text: string }>('SELECT source_kind, source_text FROM parse_review WHERE directive_id = $1', [id])
    expect(review).toEqual({ source_kind: 'text', source_text: LETTER })
  })

  it('should not count spacing or blank list rows as a correction', async () => {
    const parsed = (await t.call(board, 'POST', '/api/v1/directives/parse', { text: LETTER })).json() as ParsedDirective
    const res = await t.call(board, 'POST', '/api/v1/directives', confirmInput(parsed, { subject: `  ${parsed.subject!.replace(/ /g, '  ')} `, distribution: [...parsed.distribution, ' '] }))
    expect(res.statusCode, res.body).toBe(201)
    const rows = await t.db.query('SELECT c.* FROM parse_correction c JOIN parse_review r ON r.id = c.review_id WHERE r.directive_id = $1', [res.json().id])
    expect(rows).toEqual([])
  })

  it('should record nothing for a letter typed in by hand, and once for a retried save', async () => {
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM parse_review'))[0].n
    const parsed = (await t.call(board, 'POST', '/api/v1/directives/parse', { text: LETTER })).json() as ParsedDirective
    const { parseSource: _p, ...typed } = confirmInput(parsed)
    expect((await t.call(board, 'POST', '/api/v1/directives', typed)).statusCode).toBe(201)
    const key = { 'idempotency-key': 'parse-review-retry-1' }
    await t.call(board, 'POST', '/api/v1/directives', confirmInput(parsed, { number: '52/BYT-TCCB' }), key)
    await t.call(board, 'POST', '/api/v1/directives', confirmInput(parsed, { number: '52/BYT-TCCB' }), key)
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM parse_review'))[0].n).toBe(before + 1)
  })
})

describe('GET /api/v1/admin/parser-accuracy', () => {
  it('should give each field 1 − corrected / reviewed for the month, and the total', async () => {
    // So far: three reviewed letters in March 2026, the subject corrected in one, the number in another.
    const a = await accuracy()
    expect(a.period).toBe('month')
    expect(a.periods.map((p) => [p.period, p.reviewed])).toEqual([['2026-03', 3]])
    expect(field(a.total, 'subject')).toEqual({ field: 'subject', corrected: 1, exactRate: 0.6667 })
    expect(field(a.total, 'number')).toEqual({ field: 'number', corrected: 1, exactRate: 0.6667 })
    expect(field(a.total, 'date')).toEqual({ field: 'date', corrected: 0, exactRate: 1 })
    expect(a.byKind).toEqual([{ kind: 'text', reviewed: 3 }])
  })

  it('should put a later letter in its own month and week, in Vietnamese time', async () => {
    // 31 March 2026, 23:30 in Hà Nội is still March there, and in ISO week 14.
    // Sessions end when idle, so each day signs in again.
    const at = async (iso: string) => {
      t.clock.set(new Date(iso))
      board = await t.login('board')
      admin = await t.login('admin')
    }
    await at('2026-03-31T16:30:00Z')
    await parseAndConfirm({ issuer: 'BỘ Y TẾ (VỤ TCCB)' })
    await at('2026-04-02T03:00:00Z')
    await parseAndConfirm()
    const months = await accuracy()
    expect(months.periods.map((p) => [p.period, p.reviewed])).toEqual([['2026-04', 1], ['2026-03', 4]])
    expect(field(months.periods[1], 'issuer')).toMatchObject({ corrected: 1, exactRate: 0.75 })
    expect(field(months.periods[0], 'issuer')).toMatchObject({ corrected: 0, exactRate: 1 })
    const weeks = await accuracy('?period=week&periods=2')
    expect(weeks.periods.map((p) => [p.period, p.reviewed])).toEqual([['2026-W14', 2]])
    expect((await accuracy('?periods=1')).total.reviewed).toBe(1)
  })

  it('should count only the source kind asked for', async () => {
    const ocr = await accuracy('?kind=ocr')
    expect(ocr.total).toMatchObject({ reviewed: 0 })
    expect(field(ocr.total, 'subject').exactRate).toBeNull()
    expect((await accuracy('?kind=text')).total.reviewed).toBe(5)
  })

  it('should be for the administrator and the board only', async () => {
    const officer = await t.login('unitOfficer.a')
    expect((await t.call(officer, 'GET', '/api/v1/admin/parser-accuracy')).statusCode).toBe(403)
    expect((await t.call(board, 'GET', '/api/v1/admin/parser-accuracy')).statusCode).toBe(200)
  })
})
