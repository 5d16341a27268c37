import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../test/app.ts'

let t: TestApp
let f: Fixture
let admin: Session

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  admin = await t.login('admin')
})
afterAll(() => t.close())

const unitCount = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM unit'))[0].n

describe('bad input', () => {
  it('answers 400 MALFORMED_JSON for a body that is not JSON, changing nothing', async () => {
    const before = await unitCount()
    const res = await t.call(admin, 'POST', '/api/v1/units', '{"parentId": 1, "name": ')
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({ code: 'MALFORMED_JSON', message: 'Nội dung gửi lên không phải JSON hợp lệ' })
    expect(await unitCount()).toBe(before)
  })

  it('names each bad field: wrong types, missing, unknown, out of range', async () => {
    const res = await t.call(admin, 'POST', '/api/v1/units', { parentId: 'one', name: 'X', kind: 'castle', extra: true })
    expect(res.statusCode).toBe(400)
    const { code, message, fields } = res.json().error
    expect(code).toBe('VALIDATION')
    expect(message).toBe('Dữ liệu không hợp lệ')
    expect(fields).toEqual({
      parentId: 'Sai kiểu dữ liệu (cần number)',
      name: 'Quá ngắn (tối thiểu 2)',
      code: 'Bắt buộc nhập',
      kind: expect.stringContaining('Giá trị không nằm trong danh sách cho phép: ministry'),
      extra: 'Trường không được phép',
    })
  })

  it('speaks English with Accept-Language: en', async () => {
    const res = await t.call(admin, 'POST', '/api/v1/units', { parentId: f.root.id, name: 'Viện', code: 'x y', kind: 'institute' }, { 'accept-language': 'en-US,en;q=0.9' })
    expect(res.json().error).toEqual({ code: 'VALIDATION', message: 'Invalid input', fields: { code: 'Invalid format' } })
  })

  it('refuses an oversized body with 413', async () => {
    const res = await t.call(admin, 'POST', '/api/v1/units', { parentId: f.root.id, name: 'x'.repeat(2_000_000), code: 'BIG', kind: 'center' })
    expect(res.statusCode).toBe(413)
    expect(res.json().error.code).toBe('BODY_TOO_LARGE')
  })

  it('refuses a body that is not JSON with 415', async () => {
    const res = await t.call(admin, 'POST', '/api/v1/units', undefined, { 'content-type': 'text/xml' })
    expect([400, 415]).toContain(res.statusCode)
  })

  it('rolls back the whole change when a step fails mid-transaction', async () => {
    const before = await unitCount()
    const audits = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0].n
    // A code taken by a unit created concurrently is caught by the unique index inside the transaction.
    const res = await t.call(admin, 'POST', '/api/v1/units', { parentId: f.root.id, name: 'Trùng', code: 'ha', kind: 'center' })
    expect(res.statusCode).toBe(400)
    expect(await unitCount()).toBe(before)
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0].n).toBe(audits)
  })

  it('answers a missing web asset with 404, not the app page', async () => {
    expect((await t.call(null, 'GET', '/assets/index-deadbeef.js')).statusCode).toBe(404)
  })

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await t.call(admin, 'GET', '/api/v1/nothing-here')
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('NOT_FOUND')
  })
})

describe('hostile text', () => {
  it('answers 400 naming the field for a NUL character or a lone surrogate, in a body or a query, and changes nothing', async () => {
    const before = await unitCount()
    const nul = await t.call(admin, 'POST', '/api/v1/units', { parentId: f.root.id, name: 'Khoa\u0000Nội', code: 'NUL1', kind: 'subunit' })
    expect(nul.statusCode).toBe(400)
    expect(nul.json().error.fields).toEqual({ name: expect.stringContaining('NUL') })
    const lone = await t.call(admin, 'POST', '/api/v1/units', '{"parentId": 1, "name": "Khoa \\ud800", "code": "SUR1", "kind": "subunit"}')
    expect(lone.statusCode).toBe(400)
    expect(Object.keys(lone.json().error.fields)).toEqual(['name'])
    const query = await t.call(admin, 'GET', '/api/v1/people?q=an%00')
    expect(query.statusCode).toBe(400)
    expect(Object.keys(query.json().error.fields)).toEqual(['q'])
    expect(await unitCount()).toBe(before)
  })

  it('answers 400 for requirements nested 2,000 deep instead of exhausting the stack', async () => {
    let req: any = { label: '1.', text: 'x' }
    for (let i = 0; i < 2000; i++) req = { label: '1.', text: 'x', children: [req] }
    const board = await t.login('board')
    const res = await t.call(board, 'POST', '/api/v1/directives', { subject: 'Văn bản lồng sâu', requirements: [req] })
    expect(res.statusCode).toBe(400)
    expect(Object.values(res.json().error.fields)).toContain('Cấu trúc lồng nhau quá sâu')
  })

  it('keeps names as they read: NFC, invisible and bidi characters removed, a visible letter required', async () => {
    const decomposed = 'Khoa Nhi\u0301 \u200Bsơ\u202E sinh'
    const res = await t.call(admin, 'POST', '/api/v1/units', { parentId: f.root.id, name: decomposed, code: 'NFC1', kind: 'subunit' })
    expect(res.statusCode).toBe(201)
    expect(res.json().name).toBe('Khoa Nhí sơ sinh')
    const invisible = await t.call(admin, 'POST', '/api/v1/units', { parentId: f.root.id, name: '\u200B\u200B\u202E--', code: 'NFC2', kind: 'subunit' })
    expect(invisible.statusCode).toBe(400)
    expect(invisible.json().error.fields.name).toBe('Cần có ít nhất một chữ cái hoặc chữ số nhìn thấy được')
  })

  it('answers 400, not 500, for a multipart body cut short', async () => {
    const board = await t.login('board')
    const boundary = '----bvct'
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nSố 12-CV`
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/directives/parse', headers: { cookie: board.cookie, 'x-csrf-token': board.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('VALIDATION')
  })
})

describe('public contract', () => {
  it('GET /api/v1/health reports the database kind and state', async () => {
    const res = await t.call(null, 'GET', '/api/v1/health')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'ok', database: t.db.kind, databaseState: 'ok' })
  })

  it('serves the OpenAPI document at /api/docs/json listing the routes', async () => {
    const res = await t.call(null, 'GET', '/api/docs/json')
    expect(res.statusCode).toBe(200)
    const doc = res.json()
    expect(doc.openapi).toMatch(/^3\./)
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/health', '/api/v1/auth/login', '/api/v1/me', '/api/v1/units']))
    expect((await t.call(null, 'GET', '/api/docs/')).statusCode).toBe(200)
  })
})
