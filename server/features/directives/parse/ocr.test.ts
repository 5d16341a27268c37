import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parsedDirective, type ParsedDirective } from '../../../../contract/directive-parse.ts'
import { extractText } from './extract.ts'
import { ParseInputError } from './errors.ts'
import { ocrReportFor, ocrWarnings } from './ocr-confidence.ts'
import { pageFromTsv, resetOcrAvailability, restoreHeaderStar } from './ocr.ts'
import { parseDirectiveFile } from './parse-file.ts'
import { repoRoot } from './test-helpers.ts'

// Scanned letters, made from the parser's own fixture texts by test/fixtures/ocr/make-scans.sh
// (printed, rendered to pixels, no text layer), read with Tesseract (CI installs tesseract-ocr
// tesseract-ocr-vie poppler-utils). Each takes a few seconds, so each is read once.

const scans = join(repoRoot, 'test/fixtures/ocr')
const read = new Map<string, Promise<ParsedDirective>>()
const parseScan = (name: string) => {
  if (!read.has(name)) read.set(name, parseDirectiveFile(new Uint8Array(readFileSync(join(scans, name))), name))
  return read.get(name)!
}
const count = (rs: ParsedDirective['requirements']) => rs.length

describe('a scanned letter read with OCR', () => {
  it('reads a Party guidance from a PNG scan with its two-column header', async () => {
    const p = await parseScan('party-huong-dan-scan.png')
    expect(parsedDirective.parse(p)).toEqual(p)
    expect(p).toMatchObject({
      parentBody: 'BAN CHẤP HÀNH TRUNG ƯƠNG', issuer: 'VĂN PHÒNG', number: '36-HD/VPTW', documentType: 'HD', place: 'Hà Nội', date: '2018-04-03',
      subject: 'thể thức và kỹ thuật trình bày văn bản của Đảng',
    })
    expect(count(p.requirements)).toBe(2)
    expect(p.requirements.map((r) => r.label)).toEqual(['Phần thứ nhất', 'Phần thứ hai'])
    expect(p.distribution).toEqual(['Các tỉnh ủy, thành ủy', 'Các ban đảng, ban cán sự đảng, đảng đoàn', 'Lưu Văn phòng Trung ương Đảng'])
    expect(p.source).toMatchObject({ kind: 'ocr', text: expect.stringContaining('BAN CHẤP HÀNH TRUNG ƯƠNG   ĐẢNG CỘNG SẢN VIỆT NAM') })
  }, 60_000)

  it('reads a two-page state letter from a PDF of images', async () => {
    const p = await parseScan('state-cv-byt-scan.pdf')
    expect(p).toMatchObject({
      issuer: 'BỘ Y TẾ', number: '4737/BYT-VPB1', place: 'Hà Nội', date: '2023-08-08',
      subject: 'bảo đảm an toàn thông tin trên mạng xã hội của các đơn vị trực thuộc',
    })
    expect(count(p.requirements)).toBe(3)
    expect(p.requirements[1].children.map((r) => r.label)).toEqual(['a)', 'b)'])
    expect(p.addressees).toHaveLength(3)
    expect(p.distribution).toHaveLength(5)
    expect(p.ocr?.pages).toBe(2)
  }, 60_000)

  it('reads the number and date from a JPEG photo of a header', async () => {
    const p = await parseScan('party-huong-dan-header-photo.jpg')
    expect(p).toMatchObject({ number: '36-HD/VPTW', date: '2018-04-03', issuer: 'VĂN PHÒNG' })
  }, 60_000)

  it('gives each field a confidence and says in a warning that the text came from OCR', async () => {
    const p = await parseScan('state-cv-byt-scan.pdf')
    const ocr = p.ocr!
    expect(ocr.meanConfidence).toBeGreaterThan(80)
    expect(ocr.meanConfidence).toBeLessThanOrEqual(100)
    const fields = ocr.fields.map((f) => f.field)
    for (const f of ['issuer', 'number', 'date', 'subject', 'addressees', 'requirements', 'distribution'] as const) expect(fields).toContain(f)
    for (const f of ocr.fields) expect(f.confidence).toBeGreaterThan(40)
    expect(ocr.lowConfidenceFields).toEqual(ocr.fields.filter((f) => f.isLow).map((f) => f.field))
    expect(p.warnings.filter((w) => w.startsWith('OCR_USED:'))).toHaveLength(1)
    expect(p.warnings.filter((w) => w.startsWith('OCR_LOW_CONFIDENCE:'))).toHaveLength(ocr.lowConfidenceFields.length)
  }, 60_000)

  it('leaves no temporary folder behind', async () => {
    // A temporary folder of this test's own (os.tmpdir() reads TMPDIR): other test files read scans
    // at the same time, and their folders in the shared one came and went under a count of it.
    const own = mkdtempSync(join(tmpdir(), 'bvct-ocr-test-'))
    const saved = process.env.TMPDIR
    process.env.TMPDIR = own
    try {
      await parseDirectiveFile(new Uint8Array(readFileSync(join(scans, 'party-huong-dan-header-photo.jpg'))), 'a.jpg')
      await extractText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'broken.png').catch(() => null)
      expect(tmpdir()).toBe(own)
      expect(readdirSync(own)).toEqual([])
    } finally {
      if (saved === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = saved
      rmSync(own, { recursive: true, force: true })
    }
  }, 60_000)
})

describe('low-confidence fields', () => {
  const parsed = { number: '12-CV/BTC', date: '2024-03-05', subject: 'tăng cường bảo vệ chính trị nội bộ', issuer: 'BAN TỔ CHỨC', parentBody: null, place: null, addressees: [], preamble: null, requirements: [], closing: null, distribution: [] } as unknown as ParsedDirective
  const words = (pairs: [string, number][]) => pairs.map(([text, confidence]) => ({ text, confidence }))
  const ocr = (subjectConf: number) => ({
    pages: 1, meanConfidence: 90,
    words: words([
      ['BAN', 96], ['TỔ', 95], ['CHỨC', 94], ['Số', 93], ['12-CV/BTC', 91], ['ngày', 95], ['05', 92], ['tháng', 96], ['3', 95], ['năm', 96], ['2024', 97],
      ['V/v', 90], ['tăng', 95], ['cường', subjectConf], ['bảo', 94], ['vệ', 93], ['chính', 96], ['trị', 95], ['nội', 94], ['bộ', 96],
    ]),
  })

  it('flags a field with a word OCR was unsure of, and names the word', () => {
    const report = ocrReportFor(parsed, ocr(41))
    expect(report.lowConfidenceFields).toEqual(['subject'])
    expect(report.fields.find((f) => f.field === 'subject')).toMatchObject({ lowWords: ['cường'], isLow: true })
    expect(report.fields.find((f) => f.field === 'date')).toMatchObject({ isLow: false, confidence: 95.2 })
    const warnings = ocrWarnings(report)
    expect(warnings[0]).toMatch(/^OCR_USED: .*90%/)
    expect(warnings[1]).toMatch(/^OCR_LOW_CONFIDENCE: .*«Trích yếu \/ Subject \(\d+%\) — cường»$/)
  })

  it('flags nothing when every word is sure', () => {
    const report = ocrReportFor(parsed, ocr(95))
    expect(report.lowConfidenceFields).toEqual([])
    expect(report.fields.map((f) => f.field)).toEqual(['issuer', 'number', 'date', 'subject'])
    expect(ocrWarnings(report)).toHaveLength(1)
  })
})

describe('laying out OCR words', () => {
  const row = (level: number, line: number, word: number, left: number, top: number, width: number, height: number, conf: number, text: string) =>
    [level, 1, 1, 1, line, word, left, top, width, height, conf, text].join('\t')
  const tsv = [
    'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
    row(1, 0, 0, 0, 0, 2480, 3508, -1, ''),
    row(4, 1, 0, 200, 200, 2000, 50, -1, ''),
    row(5, 1, 1, 200, 200, 120, 50, 95, 'BỘ'),
    row(5, 1, 2, 335, 205, 130, 45, 96, 'NỘI'),
    row(5, 1, 3, 480, 200, 100, 50, 94, 'VỤ'),
    row(5, 1, 4, 1200, 200, 300, 50, 93, 'CỘNG'),
    row(5, 1, 5, 1515, 200, 200, 50, 93, 'HÒA'),
    row(4, 2, 0, 200, 300, 600, 50, -1, ''),
    row(5, 2, 1, 200, 300, 250, 50, 60, 'QÐ-BNV'),
  ].join('\n')

  it('keeps the two header columns apart on one line, as a PDF gives them', () => {
    const page = pageFromTsv(tsv)
    expect(page.text.split('\n')[0]).toBe('BỘ NỘI VỤ   CỘNG HÒA')
    expect(page.words.map((w) => w.confidence)).toEqual([95, 96, 94, 93, 93, 60])
  })

  it('reads the look-alike "Ð" as the Vietnamese "Đ"', () => {
    expect(pageFromTsv(tsv).words[5].text).toBe('QĐ-BNV')
  })

  it('puts back the "*" under a Party body that OCR reads as marks', () => {
    expect(restoreHeaderStar('BAN CHẤP HÀNH TRUNG ƯƠNG\nVĂN PHÒNG\n+%\nSố 36-HD/VPTW')).toBe('BAN CHẤP HÀNH TRUNG ƯƠNG\nVĂN PHÒNG\n*\nSố 36-HD/VPTW')
    expect(restoreHeaderStar('A\n-----\nB')).toBe('A\n-----\nB')
  })
})

describe('without Tesseract', () => {
  const path = process.env.PATH
  afterEach(() => {
    process.env.PATH = path
    resetOcrAvailability()
  })

  it('says exactly what to install, in Vietnamese and English', async () => {
    process.env.PATH = mkdtempSync(join(tmpdir(), 'bvct-empty-path-'))
    resetOcrAvailability()
    const error = await extractText(new Uint8Array(readFileSync(join(scans, 'party-huong-dan-header-photo.jpg'))), 'scan.jpg').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ParseInputError)
    expect((error as ParseInputError).code).toBe('OCR_UNAVAILABLE')
    expect((error as ParseInputError).message).toMatch(/chưa cài Tesseract.*apt-get install tesseract-ocr tesseract-ocr-vie/)
    expect((error as ParseInputError).en).toMatch(/Tesseract is not installed.*apt-get install tesseract-ocr tesseract-ocr-vie/)
  })
})
