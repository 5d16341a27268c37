import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ParsedDirective } from '../../../contract/directive-parse.ts'
import type { ParserAccuracyDto } from '../../../contract/parser-accuracy.ts'
import { createTestApp, seedFixture, type Session, type TestApp } from '../../../test/app.ts'

// The letter's signer and co-addressees ("Đồng kính gửi") are part of the directive (issue 15,
// points 4–5): stored, returned, audited, editable, and counted by the parser's accuracy page.

const LETTER = [
  'ĐẢNG ỦY KHỐI CƠ SỞ BỘ Y TẾ', 'BAN THƯỜNG VỤ', '*', 'Số 21-CV/ĐUK', 'Hà Nội, ngày 04 tháng 3 năm 2026',
  'V/v rà soát đảng viên', '', 'Kính gửi: Các đảng ủy trực thuộc', 'Đồng kính gửi: Ban Tổ chức Đảng ủy Khối', '',
  '1. Rà soát danh sách đảng viên trước ngày 20/3/2026.', '',
  'Nơi nhận:', '- Như trên,', '- Lưu Văn phòng Đảng ủy Khối.', '', 'T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', 'Nguyễn Văn Thắng',
].join('\n')

const SIGNATURE = { authority: 'T/M BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ', name: 'Nguyễn Văn Thắng' }

const draft = {
  number: '21-CV/ĐUK', subject: 'Rà soát đảng viên',
  addressees: ['Các đảng ủy trực thuộc', 'Ban Tổ chức Đảng ủy Khối'], coAddressees: ['Ban Tổ chức Đảng ủy Khối'],
  signature: SIGNATURE, requirements: [{ label: '1.', text: 'Rà soát danh sách đảng viên' }],
}

let t: TestApp
let board: Session

beforeAll(async () => {
  t = await createTestApp()
  await seedFixture(t.db)
  board = await t.login('board')
})
afterAll(() => t.close())

const auditOf = (id: number) =>
  t.db.query<{ action: string; before: Record<string, unknown> | null; after: Record<string, unknown> }>(
    `SELECT action, before, after FROM audit_log WHERE entity = 'directive' AND entity_id = $1 ORDER BY id`, [String(id)],
  )

describe('a directive keeps its signer and co-addressees', () => {
  it('should store both on create, return them on read and put them in the audit entry', async () => {
    const res = await t.call(board, 'POST', '/api/v1/directives', { ...draft, coAddressees: ['  Ban Tổ chức Đảng ủy Khối '] })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ coAddressees: ['Ban Tổ chức Đảng ủy Khối'], signature: SIGNATURE })
    const read = (await t.call(board, 'GET', `/api/v1/directives/${res.json().id}`)).json()
    expect(read).toMatchObject({ addressees: draft.addressees, coAddressees: ['Ban Tổ chức Đảng ủy Khối'], signature: SIGNATURE })
    const [create] = await auditOf(read.id)
    expect(create.action).toBe('create')
    expect(create.after).toMatchObject({ coAddressees: ['Ban Tổ chức Đảng ủy Khối'], signature: SIGNATURE })
  })

  it('should store none as an empty list and null, and a signature of blanks as null', async () => {
    const { coAddressees: _c, signature: _s, ...plain } = draft
    const none = (await t.call(board, 'POST', '/api/v1/directives', plain)).json()
    expect(none).toMatchObject({ coAddressees: [], signature: null })
    const blank = await t.call(board, 'POST', '/api/v1/directives', { ...plain, signature: { authority: ' ', title: '', name: null } })
    expect(blank.statusCode, blank.body).toBe(201)
    expect(blank.json().signature).toBeNull()
    const [row] = await t.db.query<{ signature: unknown; co_addressees: unknown }>('SELECT signature, co_addressees FROM directive WHERE id = $1', [blank.json().id])
    expect(row).toEqual({ signature: null, co_addressees: [] })
  })

  it('should refuse bad input naming the field, in Vietnamese and in English', async () => {
    const long = await t.call(board, 'POST', '/api/v1/directives', { ...draft, signature: { ...SIGNATURE, name: 'x'.repeat(201) } })
    expect(long.statusCode).toBe(400)
    expect(long.json().error.fields).toEqual({ 'signature.name': 'Quá dài (tối đa 200)' })
    const missing = await t.call(board, 'POST', '/api/v1/directives', { ...draft, signature: { authority: null, title: 'BÍ THƯ' } }, { 'accept-language': 'en' })
    expect(missing.statusCode).toBe(400)
    expect(Object.keys(missing.json().error.fields)).toEqual(['signature.name'])
    const tooMany = await t.call(board, 'POST', '/api/v1/directives', { ...draft, coAddressees: Array.from({ length: 51 }, (_, i) => `Đơn vị ${i}`) }, { 'accept-language': 'en' })
    expect(tooMany.json().error.fields).toEqual({ coAddressees: 'Too long (at most 50)' })
    const stranger = await t.call(board, 'POST', '/api/v1/directives', { ...draft, coAddressees: ['Ban Tổ chức Đảng ủy Khối', 'Văn phòng Bộ'] })
    expect(stranger.statusCode).toBe(400)
    expect(stranger.json().error.fields).toEqual({ 'coAddressees.1': 'Nơi đồng kính gửi phải là một trong các nơi "Kính gửi" của văn bản' })
    const strangerEn = await t.call(board, 'POST', '/api/v1/directives', { ...draft, coAddressees: ['Văn phòng Bộ'] }, { 'accept-language': 'en' })
    expect(strangerEn.json().error.fields).toEqual({ 'coAddressees.0': 'A co-addressee must be one of the directive’s addressees' })
    const unknown = await t.call(board, 'PATCH', '/api/v1/directives/1', { version: 1, signature: { ...SIGNATURE, seal: 'x' } }, { 'accept-language': 'en' })
    expect(unknown.statusCode).toBe(400)
    expect(Object.keys(unknown.json().error.fields)).toEqual(['signature.seal'])
  })

  it('should change them on update with the audit entry, keep them when an edit does not send them, and check the version', async () => {
    const d = (await t.call(board, 'POST', '/api/v1/directives', draft)).json()
    const kept = await t.call(board, 'PATCH', `/api/v1/directives/${d.id}`, { version: d.version, subject: 'Rà soát đảng viên năm 2026' })
    expect(kept.statusCode, kept.body).toBe(200)
    expect(kept.json()).toMatchObject({ version: 2, addressees: draft.addressees, coAddressees: draft.coAddressees, signature: SIGNATURE })

    const signer = { authority: 'K/T BÍ THƯ', title: 'PHÓ BÍ THƯ', name: 'Trần Thị Bình' }
    const edited = await t.call(board, 'PATCH', `/api/v1/directives/${d.id}`, { version: 2, coAddressees: [], signature: signer })
    expect(edited.json()).toMatchObject({ version: 3, coAddressees: [], signature: signer })
    const update = (await auditOf(d.id)).at(-1)!
    expect(update.action).toBe('update')
    expect(update.before).toMatchObject({ coAddressees: draft.coAddressees, signature: SIGNATURE })
    expect(update.after).toMatchObject({ coAddressees: [], signature: signer })

    // An edit made against the version before is refused, and changes nothing.
    const stale = await t.call(board, 'PATCH', `/api/v1/directives/${d.id}`, { version: 2, signature: null })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error.current).toMatchObject({ version: 3, signature: signer })
    const cleared = await t.call(board, 'PATCH', `/api/v1/directives/${d.id}`, { version: 3, signature: null })
    expect(cleared.json()).toMatchObject({ version: 4, signature: null })

    // Removing an addressee that is a co-addressee needs the co-addressees sent too.
    await t.call(board, 'PATCH', `/api/v1/directives/${d.id}`, { version: 4, coAddressees: ['Ban Tổ chức Đảng ủy Khối'] })
    const orphan = await t.call(board, 'PATCH', `/api/v1/directives/${d.id}`, { version: 5, addressees: ['Các đảng ủy trực thuộc'] })
    expect(orphan.statusCode).toBe(400)
    expect(Object.keys(orphan.json().error.fields)).toEqual(['coAddressees.0'])
  })

  it('should create once for a retried save, with the co-addressees and signer of the first', async () => {
    const headers = { 'idempotency-key': 'signature-retry-1' }
    const first = await t.call(board, 'POST', '/api/v1/directives', { ...draft, subject: 'Gửi lại có người ký' }, headers)
    const second = await t.call(board, 'POST', '/api/v1/directives', { ...draft, subject: 'Gửi lại có người ký' }, headers)
    expect(second.json()).toEqual(first.json())
    expect(second.json().signature).toEqual(SIGNATURE)
    expect(await t.db.query(`SELECT id FROM directive WHERE subject = 'Gửi lại có người ký'`)).toHaveLength(1)
  })
})

describe('confirming a parsed letter records a corrected signer and co-addressees', () => {
  const confirm = (p: ParsedDirective, changes: Record<string, unknown> = {}) => {
    const { warnings: _w, source: _s, ocr: _o, ...fields } = p
    const requirements = p.requirements.map((r) => ({ label: r.label, text: r.text, ...(r.deadline ? { deadline: r.deadline } : {}) }))
    return t.call(board, 'POST', '/api/v1/directives', { ...fields, requirements, sourceText: LETTER, parseSource: 'text', ...changes })
  }
  const correctionsOf = (id: number) =>
    t.db.query<{ field: string; parser_value: unknown; final_value: unknown }>(
      'SELECT c.field, c.parser_value, c.final_value FROM parse_correction c JOIN parse_review r ON r.id = c.review_id WHERE r.directive_id = $1 ORDER BY c.field', [id],
    )

  it('should store what the parser read when the clerk changes nothing, and count no correction', async () => {
    const parsed = (await t.call(board, 'POST', '/api/v1/directives/parse', { text: LETTER })).json() as ParsedDirective
    expect(parsed.signature).toEqual(SIGNATURE)
    expect(parsed.coAddressees).toEqual(['Ban Tổ chức Đảng ủy Khối'])
    const res = await confirm(parsed)
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ coAddressees: ['Ban Tổ chức Đảng ủy Khối'], signature: SIGNATURE })
    expect(await correctionsOf(res.json().id)).toEqual([])
  })

  it('should record the signer and the co-addressees the clerk corrected, and the accuracy page should count them', async () => {
    const parsed = (await t.call(board, 'POST', '/api/v1/directives/parse', { text: LETTER })).json() as ParsedDirective
    const signer = { ...SIGNATURE, name: 'Nguyễn Văn Thắng (đã ký)' }
    const res = await confirm(parsed, { signature: signer, coAddressees: [] })
    expect(res.statusCode, res.body).toBe(201)
    expect(await correctionsOf(res.json().id)).toEqual([
      { field: 'coAddressees', parser_value: ['Ban Tổ chức Đảng ủy Khối'], final_value: [] },
      { field: 'signature', parser_value: SIGNATURE, final_value: signer },
    ])
    const accuracy = (await t.call(await t.login('admin'), 'GET', '/api/v1/admin/parser-accuracy')).json() as ParserAccuracyDto
    expect(accuracy.total.reviewed).toBe(2)
    expect(accuracy.total.fields.find((f) => f.field === 'signature')).toEqual({ field: 'signature', corrected: 1, exactRate: 0.5 })
    expect(accuracy.total.fields.find((f) => f.field === 'coAddressees')).toEqual({ field: 'coAddressees', corrected: 1, exactRate: 0.5 })
  })
})
