import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, seedFixture, type Session, type TestApp } from '../../../test/app.ts'
import { fileWorkers } from '../../lib/file-worker.ts'

// A scan uploaded to POST /api/v1/directives/parse: read with OCR on the file worker, or, on a
// server without Tesseract, refused with what to install.

const SCANS = fileURLToPath(new URL('../../../test/fixtures/ocr/', import.meta.url))
let t: TestApp
let board: Session

beforeAll(async () => {
  t = await createTestApp()
  await seedFixture(t.db)
  board = await t.login('board')
})
afterAll(() => t.close())

async function upload(filename: string, bytes: Buffer, type: string) {
  const fd = new FormData()
  fd.append('file', new Blob([new Uint8Array(bytes)], { type }), filename)
  const r = new Response(fd)
  return t.app.inject({
    method: 'POST', url: '/api/v1/directives/parse',
    headers: { cookie: board.cookie, 'x-csrf-token': board.csrf, 'content-type': r.headers.get('content-type')! },
    payload: Buffer.from(await r.arrayBuffer()),
  })
}

describe('POST /api/v1/directives/parse with a scan', () => {
  it('should answer, without Tesseract, what to install, naming the file field', async () => {
    const path = process.env.PATH
    // File worker threads take the environment they start with: start them without Tesseract on PATH.
    await fileWorkers.close()
    process.env.PATH = mkdtempSync(join(tmpdir(), 'bvct-empty-path-'))
    try {
      const res = await upload('scan.jpg', readFileSync(SCANS + 'party-huong-dan-header-photo.jpg'), 'image/jpeg')
      expect(res.statusCode, res.body).toBe(422)
      expect(res.json().error).toEqual({
        code: 'OCR_UNAVAILABLE',
        message: expect.stringMatching(/chưa cài Tesseract\. Quản trị viên cần cài: apt-get install tesseract-ocr tesseract-ocr-vie/),
        fields: { file: expect.stringContaining('apt-get install tesseract-ocr tesseract-ocr-vie') },
      })
    } finally {
      await fileWorkers.close()
      process.env.PATH = path
    }
  }, 60_000)

  it('should read a PNG scan with OCR: the fields, where the text came from, and how sure OCR was', async () => {
    const res = await upload('quet.png', readFileSync(SCANS + 'party-huong-dan-scan.png'), 'image/png')
    expect(res.statusCode, res.body).toBe(200)
    const p = res.json()
    expect(p).toMatchObject({ number: '36-HD/VPTW', date: '2018-04-03', issuer: 'VĂN PHÒNG', subject: 'thể thức và kỹ thuật trình bày văn bản của Đảng' })
    expect(p.requirements).toHaveLength(2)
    expect(p.source.kind).toBe('ocr')
    expect(p.source.text).toContain('HƯỚNG DẪN')
    expect(p.ocr.meanConfidence).toBeGreaterThan(80)
    expect(p.ocr.fields.map((f: { field: string }) => f.field)).toContain('subject')
    expect(p.warnings[p.warnings.length - 1 - p.ocr.lowConfidenceFields.length]).toMatch(/^OCR_USED:/)
  }, 60_000)

  it('should read a PDF without a text layer with OCR, after finding it has none', async () => {
    const res = await upload('quet.pdf', readFileSync(SCANS + 'state-cv-byt-scan.pdf'), 'application/pdf')
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ number: '4737/BYT-VPB1', date: '2023-08-08', source: { kind: 'ocr' }, ocr: { pages: 2 } })
  }, 60_000)

  it('should say where a text file and pasted text came from', async () => {
    const file = await upload('a.txt', Buffer.from('Số 1-CV/X\nV/v thử'), 'text/plain')
    expect(file.json().source).toEqual({ kind: 'text', text: 'Số 1-CV/X\nV/v thử' })
    const pasted = await t.call(board, 'POST', '/api/v1/directives/parse', { text: 'Số 1-CV/X' })
    expect(pasted.json().source).toEqual({ kind: 'text' })
    expect(pasted.json()).not.toHaveProperty('ocr')
  })
})
