import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDirective } from '../../db/seed/builders.ts'
import { createTestApp, seedFixture, type Session, type TestApp } from '../../../test/app.ts'
import { docxWith, makeZip } from '../../../test/bombs.ts'

// Evidence is opened by other people's browsers and office programs: only documents and images,
// by content; always handed back as a download; and a unit's files stay within its quota.
const KB = 1024
let t: TestApp
let officer: Session
let board: Session
let actionId: number

beforeAll(async () => {
  t = await createTestApp({ evidenceQuotaBytes: 1024 * KB })
  const f = await seedFixture(t.db)
  const dir = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id], requirements: 1 })
  officer = await t.login('unitOfficer.a')
  board = await t.login('board')
  const res = await t.call(officer, 'POST', `/api/v1/directives/${dir.id}/units/${f.unitA.id}/plan/actions`, { requirementId: dir.requirementIds[0], title: 'Tổ chức hội nghị quán triệt', dueDate: '2026-04-30' })
  actionId = res.json().id
})
afterAll(() => t.close())

async function upload(filename: string, bytes: Buffer | string, type = 'application/octet-stream', headers: Record<string, string> = {}) {
  const fd = new FormData()
  fd.append('file', new Blob([new Uint8Array(Buffer.from(bytes))], { type }), filename)
  const r = new Response(fd)
  return t.app.inject({
    method: 'POST', url: `/api/v1/actions/${actionId}/evidence`,
    headers: { ...headers, cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': r.headers.get('content-type')! },
    payload: Buffer.from(await r.arrayBuffer()),
  })
}
const remove = (id: number) => t.call(officer, 'DELETE', `/api/v1/evidence/${id}`)

const PDF = (size = 1 * KB) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size, 0x20), Buffer.from('\n%%EOF\n')])
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])

describe('evidence files', () => {
  it('should take documents and images by their content, and store the type the content shows', async () => {
    const cases: [string, Buffer | string, string][] = [
      ['bien-ban.pdf', PDF(), 'application/pdf'],
      ['anh-hoi-nghi.PNG', PNG, 'image/png'],
      ['bao-cao.docx', docxWith('<w:document/>'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['danh-sach.csv', 'Họ và tên;Chức vụ\r\nLê Thị Hòa;Bác sĩ\r\n', 'text/csv'],
      ['ghi-chu.txt', 'Biên bản hội nghị', 'text/plain'],
    ]
    for (const [name, bytes, mime] of cases) {
      const res = await upload(name, bytes, 'application/x-anything')
      expect(res.statusCode, `${name}: ${res.body}`).toBe(201)
      expect(res.json().mime).toBe(mime)
      await remove(res.json().id)
    }
  })

  it('should refuse executables, web pages, SVG, scripts, macros and files whose name hides what they are', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(64)])
    const refused: [string, Buffer | string, string?][] = [
      ['setup.exe', exe], ['bien-ban.pdf', exe],
      ['trang.html', '<!DOCTYPE html><html><script>fetch("/api/v1/me")</script></html>', 'text/html'],
      ['trang.txt', '<html><body onload="alert(1)"></body></html>'],
      ['anh.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'image/svg+xml'],
      ['anh.png', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'image/png'],
      ['xoa.sh', '#!/bin/sh\nrm -rf ~\n'], ['xoa.txt', '#!/bin/sh\nrm -rf ~\n'], ['chay.js', 'fetch("/api/v1/me")'],
      ['bien-ban.html', PDF()],
      ['bao-cao.docx', makeZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: '<w:document/>' }, { name: 'word/vbaProject.bin', data: 'Sub AutoOpen()' }])],
      ['tai-lieu.zip', makeZip([{ name: 'setup.exe', data: exe }])],
    ]
    for (const [name, bytes, type] of refused) {
      const res = await upload(name, bytes, type)
      expect(res.statusCode, `${name}: ${res.body}`).toBe(415)
      expect(res.json().error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('Chỉ nhận tệp PDF') })
    }
    const plan = await t.db.query('SELECT 1 FROM action_evidence WHERE action_id = $1', [actionId])
    expect(plan).toHaveLength(0)
  })

  it('should hand every file back as a sandboxed download, with its stored type only when it is allowed', async () => {
    const up = await upload("Biên bản (số 1) 'mật'.pdf", PDF())
    const down = await t.call(board, 'GET', `/api/v1/evidence/${up.json().id}`)
    expect(down.statusCode).toBe(200)
    expect(down.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="Bien ban (so 1) 'mat'.pdf"; filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20%28s%E1%BB%91%201%29%20%27m%E1%BA%ADt%27.pdf`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
    })
    // A type stored before the allow-list (or any other) goes out as bytes to save, never as a page.
    await t.db.query(`UPDATE action_evidence SET mime = 'text/html' WHERE id = $1`, [up.json().id])
    expect((await t.call(board, 'GET', `/api/v1/evidence/${up.json().id}`)).headers['content-type']).toBe('application/octet-stream')
    await remove(up.json().id)
  })

  it("should keep a unit's evidence within its quota, and take files again once space is freed", async () => {
    const first = await upload('bien-ban-1.pdf', PDF(600 * KB))
    expect(first.statusCode, first.body).toBe(201)
    const second = await upload('bien-ban-2.pdf', PDF(600 * KB))
    expect(second.statusCode, second.body).toBe(413)
    expect(second.json().error).toMatchObject({
      code: 'BODY_TOO_LARGE',
      message: expect.stringMatching(/^Dung lượng minh chứng của đơn vị đã gần hết: đã dùng 0,6 MB trong 1 MB, tệp này cần 0,6 MB/),
      fields: { file: 'Giá trị quá lớn (tối đa 0,4 MB)' },
    })
    const en = await upload('bien-ban-2.pdf', PDF(600 * KB), 'application/pdf', { 'accept-language': 'en' })
    expect(en.json().error.message).toMatch(/^The unit's evidence storage is nearly full: 0.6 MB of 1 MB used/)
    expect(await t.db.query('SELECT 1 FROM action_evidence WHERE action_id = $1', [actionId])).toHaveLength(1)
    await remove(first.json().id)
    expect((await upload('bien-ban-2.pdf', PDF(600 * KB))).statusCode).toBe(201)
  })

  it('should keep file names as they read: NFC, no control, invisible or bidi characters, no path', async () => {
    // "Biên bản" typed with combining marks, a zero-width space and a right-to-left override.
    const res = await upload('C:\\Users\\an\\Bie\u0302n ba\u0309n\u200B\u202E\u0007 hội nghị.pdf', PDF())
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().filename).toBe('Biên bản hội nghị.pdf')
    const [row] = await t.db.query<{ filename: string }>('SELECT filename FROM action_evidence WHERE id = $1', [res.json().id])
    expect(row.filename).toBe('Biên bản hội nghị.pdf')
    await remove(res.json().id)
    // "invoice\u202Efdp.exe" displays as "invoiceexe.pdf": cleaned, it is the .exe it is, and refused.
    const spoof = await upload('invoice\u202Efdp.exe', PDF())
    expect(spoof.statusCode, spoof.body).toBe(415)
    const blank = await upload('\u200B\u202E\u2060', PDF())
    expect(blank.statusCode, blank.body).toBe(400)
    expect(blank.json().error.fields).toEqual({ file: 'Cần có ít nhất một chữ cái hoặc chữ số nhìn thấy được' })
    // A name stored before names were cleaned is cleaned on the way out.
    const old = await upload('bien-ban.pdf', PDF())
    await t.db.query(`UPDATE action_evidence SET filename = $2 WHERE id = $1`, [old.json().id, 'bien-ban\u202Etxt.exe.pdf'])
    const down = await t.call(board, 'GET', `/api/v1/evidence/${old.json().id}`)
    expect(down.headers['content-disposition']).toBe(`attachment; filename="bien-bantxt.exe.pdf"; filename*=UTF-8''bien-bantxt.exe.pdf`)
    await remove(old.json().id)
  })
})
