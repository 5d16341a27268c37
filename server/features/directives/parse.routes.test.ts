import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, seedFixture, type Session, type TestApp } from '../../../test/app.ts'
import { fixtureText } from './parse/test-helpers.ts'

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/parse/', import.meta.url))
let t: TestApp
let board: Session

beforeAll(async () => {
  t = await createTestApp()
  await seedFixture(t.db)
  board = await t.login('board')
})
afterAll(() => t.close())

async function upload(s: Session, filename: string, bytes: Buffer, type = 'application/octet-stream') {
  const fd = new FormData()
  fd.append('file', new Blob([new Uint8Array(bytes)], { type }), filename)
  const r = new Response(fd)
  return t.app.inject({
    method: 'POST', url: '/api/v1/directives/parse',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': r.headers.get('content-type')! },
    payload: Buffer.from(await r.arrayBuffer()),
  })
}

describe('POST /api/v1/directives/parse', () => {
  it('parses pasted text: the seed letter', async () => {
    const text = fixtureText('seed-1946-CV-BCSD.txt')
    const res = await t.call(board, 'POST', '/api/v1/directives/parse', { text })
    expect(res.statusCode).toBe(200)
    const p = res.json()
    expect(p).toMatchObject({ number: '1946-CV/BCSD', documentType: 'CV', date: '2024-03-15', addressees: ['Các đơn vị thuộc và trực thuộc Bộ Y tế'] })
    expect(p.requirements).toHaveLength(9)
    expect(p.requirements[2].text).toContain('Thực hiện nghiêm quy định của Đảng, Nhà nước về bố trí')
    expect(p.distribution).toHaveLength(5)
    expect(p.references).toEqual([{ number: '58-QĐ/TW', date: '2022-02-08', issuer: 'Bộ Chính trị' }])
  })

  it('parses an uploaded .docx and a text PDF the same way', async () => {
    const docx = await upload(board, 'seed.docx', readFileSync(FIXTURES + 'seed-numbered.docx'))
    expect(docx.statusCode, docx.body).toBe(200)
    expect(docx.json().requirements.length).toBeGreaterThanOrEqual(9)
    expect(docx.json().number).toBe('1946-CV/BCSD')
    const pdf = await upload(board, 'seed.pdf', readFileSync(FIXTURES + 'seed-layout.pdf'), 'application/pdf')
    expect(pdf.statusCode, pdf.body).toBe(200)
    expect(pdf.json()).toMatchObject({ number: '1946-CV/BCSD', date: '2024-03-15' })
  })

  it('answers a scanned PDF with a clear message, and an unknown type with 400', async () => {
    const scanned = readdirSync(FIXTURES).find((f) => /scan|no-text|image/.test(f) && f.endsWith('.pdf'))!
    const res = await upload(board, 'scan.pdf', readFileSync(FIXTURES + scanned), 'application/pdf')
    expect(res.statusCode).toBe(422)
    expect(res.json().error).toMatchObject({ code: 'NO_TEXT_LAYER', message: expect.stringContaining('không có lớp chữ') })
    const exe = await upload(board, 'virus.exe', Buffer.from('MZ\x90\x00'))
    expect(exe.json().error.code).toBe('UNSUPPORTED_FILE')
    expect((await t.call(board, 'POST', '/api/v1/directives/parse', { text: '' })).json().error.fields).toHaveProperty('text')
  })

  it('is for the board and the committee only', async () => {
    const officer = await t.login('unitOfficer.a')
    expect((await t.call(officer, 'POST', '/api/v1/directives/parse', { text: 'Số 1-CV/X' })).statusCode).toBe(403)
  })
})
