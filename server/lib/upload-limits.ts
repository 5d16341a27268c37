// How much work one uploaded file may cost the server, in one place: what a real letter or roster
// needs many times over, and far below what a crafted file (a "bomb") would take. The parsers
// refuse a file past these limits with the messages below; the file worker (file-worker.ts) is
// the backstop for whatever a limit does not foresee.
import { ZipLimitError, openZip, type ZipLimits } from './zip.ts'

const MB = 1024 * 1024

/** A letter's .docx: its XML is a few hundred KB; images are stored about as large as they are. */
export const DOCX_ZIP_LIMITS: ZipLimits = { maxEntries: 1000, maxUnpacked: 50 * MB, maxRatio: 100 }
/** A roster's .xlsx: 20,000 rows of names are about 5 MB of sheet XML. */
export const XLSX_ZIP_LIMITS: ZipLimits = { maxEntries: 1000, maxUnpacked: 50 * MB, maxRatio: 100 }
/** Rows and cells a roster may hold (an .xlsx counted before exceljs loads it, shared strings as cells). */
export const TABLE_MAX_ROWS = 100_000
export const TABLE_MAX_CELLS = 500_000

export const PDF_LIMITS = {
  maxPages: 200,
  /** Text, fonts and other non-image streams: a letter's page stream is a few KB, a font a few MB. */
  maxStreamUnpacked: 32 * MB,
  /** Every compressed stream of the file together, images included. */
  maxUnpacked: 256 * MB,
  /** Reading text stops here; the file worker's own timeout is the hard stop. */
  maxSeconds: 15,
}

/**
 * Characters of text a file may yield: as many as may be pasted (contract/directive-parse.ts). A long
 * letter has 50,000; the parser's time grows faster than the text (1 M characters: about 6 s).
 */
export const MAX_TEXT_CHARS = 1_000_000

/** What a user is told, in both languages, when a file passes a limit. */
export const UPLOAD_LIMIT_MESSAGES = {
  tooLargeUnpacked: (limit: number) => ({
    vi: `Tệp quá lớn khi giải nén (vượt ${Math.round(limit / MB)} MB) hoặc được nén bất thường nên không được đọc`,
    en: `The file is too large when unpacked (over ${Math.round(limit / MB)} MB) or abnormally compressed, so it was not read`,
  }),
  tooManyPages: (max: number) => ({
    vi: `Tệp PDF có quá nhiều trang (tối đa ${max} trang)`,
    en: `The PDF has too many pages (at most ${max})`,
  }),
  tooMuchText: (max: number) => ({
    vi: `Tệp có quá nhiều chữ (tối đa ${max.toLocaleString('vi-VN')} ký tự)`,
    en: `The file has too much text (at most ${max.toLocaleString('en-US')} characters)`,
  }),
  tooManyCells: () => ({
    vi: `Bảng tính có quá nhiều dòng hoặc ô (tối đa ${TABLE_MAX_ROWS.toLocaleString('vi-VN')} dòng, ${TABLE_MAX_CELLS.toLocaleString('vi-VN')} ô)`,
    en: `The workbook has too many rows or cells (at most ${TABLE_MAX_ROWS.toLocaleString('en-US')} rows, ${TABLE_MAX_CELLS.toLocaleString('en-US')} cells)`,
  }),
  tooSlow: (seconds: number) => ({
    vi: `Tệp quá lớn hoặc quá phức tạp: đọc quá ${seconds} giây nên đã dừng`,
    en: `The file is too large or too complex: reading it took over ${seconds} seconds and was stopped`,
  }),
  tooMuchMemory: () => ({
    vi: 'Tệp quá lớn hoặc quá phức tạp: đọc tệp cần quá nhiều bộ nhớ nên đã dừng',
    en: 'The file is too large or too complex: reading it needed too much memory and was stopped',
  }),
  busy: () => ({
    vi: 'Máy chủ đang đọc nhiều tệp khác. Vui lòng thử lại sau ít phút',
    en: 'The server is busy reading other files. Please try again in a few minutes',
  }),
}

/**
 * Why an .xlsx may not be handed to exceljs, or null when it may. exceljs unpacks and models the
 * whole workbook, whatever it holds (a 1.4 MB file of whitespace took 8 s and 0.9 GB), so the
 * archive is first unpacked here within XLSX_ZIP_LIMITS (a central directory that lies is caught as
 * each entry stops at its declared size) and its rows and cells counted. A refusal without `why`:
 * not a workbook at all.
 */
export function workbookRefusal(bytes: Uint8Array): { why?: { vi: string; en: string } } | null {
  let rows = 0
  let cells = 0
  try {
    const zip = openZip(bytes, XLSX_ZIP_LIMITS)
    for (const name of zip.entries.keys()) {
      const data = zip.read(name)!
      if (!/^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/.test(name)) continue
      const xml = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1')
      // Elements with or without a namespace prefix (`<row>`, `<x:c r="A1">`); <col>, <cols> are not cells.
      for (const m of xml.matchAll(/<(?:\w+:)?(row|c|si)[\s>/]/g)) {
        if (m[1] === 'row') rows++
        else cells++
      }
    }
  } catch (e) {
    return e instanceof ZipLimitError ? { why: UPLOAD_LIMIT_MESSAGES.tooLargeUnpacked(XLSX_ZIP_LIMITS.maxUnpacked) } : {}
  }
  return rows > TABLE_MAX_ROWS || cells > TABLE_MAX_CELLS ? { why: UPLOAD_LIMIT_MESSAGES.tooManyCells() } : null
}
