import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestApp, seedFixture, type Session, type TestApp } from '../../../test/app.ts'
import { DOCX_HEAD, DOCX_TAIL, PDF_PAGE_HEAD, asciiWrapped, docxWith, packRepeated, pdfWith, whileHandling } from '../../../test/bombs.ts'
import { FileWorkerError, fileWorkers } from '../../lib/file-worker.ts'
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

// Hostile uploads, built here: each a few KB that would unpack to hundreds of MB. The server must
// refuse each with a message saying why, stay within a memory bound, and keep answering others.
const MB = 1024 * 1024
const TOO_LARGE_UNPACKED = /quá lớn khi giải nén/
/** What one parse may add to the process: a worker thread with tsx and the parser is about 100 MB. */
const RSS_BOUND_MB = 250

/** The upload's answer, the slowest /api/v1/health answer meanwhile, and how much memory grew. */
const send = (filename: string, bytes: Buffer) => whileHandling(() => upload(board, filename, bytes), () => t.app.inject({ method: 'GET', url: '/api/v1/health' }))

const docxOf = (mb: number, declaredSize?: number) =>
  docxWith(packRepeated({ head: DOCX_HEAD, byte: 0x61, total: mb * MB, tail: DOCX_TAIL, raw: true }), declaredSize)

describe('POST /api/v1/directives/parse with hostile files', () => {
  it('should refuse a .docx whose document unpacks to 256 MB, without growing or stalling the server', async () => {
    const docx = docxOf(256)
    expect(docx.length).toBeLessThan(MB)
    const { answer, healthMaxMs, rssGrowthMb } = await send('bom.docx', docx)
    expect(answer.statusCode, answer.body).toBe(400)
    expect(answer.json().error).toEqual({ code: 'UNREADABLE_FILE', message: expect.stringMatching(TOO_LARGE_UNPACKED), fields: { file: 'Không đọc được tệp' } })
    expect(healthMaxMs).toBeLessThan(500)
    expect(rssGrowthMb).toBeLessThan(RSS_BOUND_MB)
  })

  it('should stop unpacking a .docx whose central directory claims 4 KB for those 256 MB', async () => {
    const { answer, healthMaxMs, rssGrowthMb } = await send('bom.docx', docxOf(256, 4096))
    expect(answer.statusCode, answer.body).toBe(400)
    expect(answer.json().error.message).toMatch(TOO_LARGE_UNPACKED)
    expect(healthMaxMs).toBeLessThan(500)
    expect(rssGrowthMb).toBeLessThan(RSS_BOUND_MB)
  })

  it('should refuse a PDF whose page stream unpacks to 256 MB before pdf.js sees it', async () => {
    const stream = packRepeated({ head: PDF_PAGE_HEAD, byte: 0x20, total: 256 * MB, tail: '', raw: false })
    const { answer, healthMaxMs, rssGrowthMb } = await send('bom.pdf', pdfWith([stream.packed]))
    expect(answer.statusCode, answer.body).toBe(400)
    expect(answer.json().error).toMatchObject({ code: 'UNREADABLE_FILE', message: expect.stringMatching(TOO_LARGE_UNPACKED) })
    expect(healthMaxMs).toBeLessThan(500)
    expect(rssGrowthMb).toBeLessThan(RSS_BOUND_MB)
  })

  it('should count a page stream behind ASCIIHexDecode or ASCII85Decode the same, and still read an honest one', async () => {
    const bomb = packRepeated({ head: PDF_PAGE_HEAD, byte: 0x20, total: 256 * MB, tail: '', raw: false }).packed
    for (const encoding of ['hex', '85'] as const) {
      const { answer, rssGrowthMb } = await send(`bom-${encoding}.pdf`, pdfWith([asciiWrapped(bomb, encoding)]))
      expect(answer.statusCode, `${encoding}: ${answer.body}`).toBe(400)
      expect(answer.json().error.message).toMatch(TOO_LARGE_UNPACKED)
      expect(rssGrowthMb).toBeLessThan(RSS_BOUND_MB)
      // A real page in the same encoding is read (200, not "no text layer"): nothing honest is refused.
      const page = deflateSync('BT /F1 12 Tf 72 720 Td (Cong van so 1-CV/X ve viec thuc hien cac quy dinh bao ve chinh tri noi bo) Tj ET')
      const honest = await upload(board, `thuong-${encoding}.pdf`, pdfWith([asciiWrapped(page, encoding)]))
      expect(honest.statusCode, `${encoding}: ${honest.body}`).toBe(200)
    }
  })

  it('should refuse a PDF of more pages than any letter, and a file of more text than may be pasted', async () => {
    const pages = await upload(board, 'dai.pdf', pdfWith(Array.from({ length: 201 }, () => deflateSync('BT /F1 12 Tf 72 720 Td (Trang) Tj ET'))))
    expect(pages.statusCode, pages.body).toBe(400)
    expect(pages.json().error.message).toBe('Tệp PDF có quá nhiều trang (tối đa 200 trang)')
    const text = await upload(board, 'dai.txt', Buffer.from(`Số 1-CV/X\n${'Nội dung yêu cầu thực hiện. '.repeat(40_000)}`))
    expect(text.statusCode, text.body).toBe(400)
    expect(text.json().error.message).toMatch(/quá nhiều chữ \(tối đa 1\.000\.000 ký tự\)/)
  })

  it('should keep answering other requests while a long letter is parsed on the file worker', async () => {
    // 6,000 numbered paragraphs of text: within every limit, and a second or more of parsing.
    let seed = 7
    const word = () => 'bảo vệ chính trị nội bộ công tác đảng viên cán bộ đơn vị kiểm tra giám sát'.split(' ')[(seed = (seed * 48271) % 2147483647) % 17]
    const paragraphs = Array.from({ length: 6000 }, (_, i) => `<w:p><w:r><w:t>${i % 7 ? '' : `${i / 7 + 1}. `}${Array.from({ length: 16 }, word).join(' ')}</w:t></w:r></w:p>`)
    const docx = docxWith(`${DOCX_HEAD.replace('<w:p><w:r><w:t>', '')}${paragraphs.join('')}</w:body></w:document>`)
    const { answer, healthMaxMs } = await send('dai.docx', docx)
    expect(answer.statusCode, answer.body).toBe(200)
    expect(answer.json().requirements.length).toBeGreaterThan(50)
    expect(healthMaxMs).toBeLessThan(500)
  })

  it('should answer a parse stopped for time or memory, a crashed one and a full pool through the error handler', async () => {
    const spy = vi.spyOn(fileWorkers, 'run')
    try {
      const file = Buffer.from('Số 1-CV/X')
      spy.mockRejectedValueOnce(new FileWorkerError('timeout'))
      const slow = await upload(board, 'a.txt', file)
      expect(slow.statusCode).toBe(400)
      expect(slow.json().error).toEqual({ code: 'UNREADABLE_FILE', message: 'Tệp quá lớn hoặc quá phức tạp: đọc quá 20 giây nên đã dừng', fields: { file: 'Không đọc được tệp' } })
      spy.mockRejectedValueOnce(new FileWorkerError('memory'))
      expect((await upload(board, 'a.txt', file)).json().error.message).toContain('cần quá nhiều bộ nhớ')
      spy.mockRejectedValueOnce(new FileWorkerError('busy'))
      const busy = await upload(board, 'a.txt', file)
      expect(busy.statusCode).toBe(429)
      expect(busy.json().error.message).toBe('Máy chủ đang đọc nhiều tệp khác. Vui lòng thử lại sau ít phút')
      spy.mockRejectedValueOnce(new FileWorkerError('crashed'))
      expect((await upload(board, 'a.txt', file)).json().error.code).toBe('INTERNAL')
    } finally {
      spy.mockRestore()
    }
  })
})
