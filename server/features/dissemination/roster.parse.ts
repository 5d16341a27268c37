// Reads an attendance roster (.xlsx or .csv) into rows: find the header row (Vietnamese or English),
// then take each data row's name, position and email. Pure: no database, no HTTP.
import type ExcelJS from 'exceljs'
import { MAX_ATTENDEES } from '../../../contract/dissemination.ts'
import { foldVietnamese } from '../../../contract/vietnamese.ts'
import { AppError, invalid, type FieldError } from '../../http/errors.ts'
import { TABLE_MAX_CELLS, TABLE_MAX_ROWS, UPLOAD_LIMIT_MESSAGES, workbookRefusal } from '../../lib/upload-limits.ts'

export interface RosterRow {
  /** The row number the user sees: the sheet's row in .xlsx, the record number in .csv. */
  row: number
  name: string
  position: string
  email: string
}

export const MAX_ROSTER_ROWS = MAX_ATTENDEES
/** Title lines ("DANH SÁCH CÁN BỘ THAM DỰ …") often sit above the header. */
const HEADER_SEARCH_ROWS = 20

const headerKey = (s: string) => foldVietnamese(s).replace(/[^a-z0-9]+/g, ' ').trim()
const FULL_NAME = ['ho va ten', 'ho ten', 'full name', 'fullname', 'name', 'ten day du']
const FAMILY = ['ho va dem', 'ho dem', 'ho va ten dem', 'ho va chu dem', 'ho', 'family name', 'surname']
const GIVEN = ['ten', 'given name', 'first name']
const POSITION = ['chuc vu', 'chuc danh', 'position', 'job title']
const EMAIL = ['email', 'e mail', 'thu dien tu', 'dia chi email', 'dia chi thu dien tu']

const matches = (key: string, names: string[]) => names.some((n) => key === n || key.startsWith(n + ' '))

interface Columns {
  name?: number
  family?: number
  given?: number
  position?: number
  email?: number
}

/** Column indexes of a header row, or null when it has no name column. */
function readHeader(cells: string[]): Columns | null {
  const cols: Columns = {}
  cells.forEach((cell, i) => {
    const key = headerKey(cell)
    if (!key) return
    // "Họ và tên" must win over "Họ" and "Tên"; check the longest names first.
    if (cols.name === undefined && matches(key, FULL_NAME) && !matches(key, ['ho va ten dem'])) cols.name = i
    else if (cols.family === undefined && FAMILY.includes(key)) cols.family = i
    else if (cols.given === undefined && GIVEN.includes(key)) cols.given = i
    else if (cols.position === undefined && matches(key, POSITION)) cols.position = i
    else if (cols.email === undefined && matches(key, EMAIL)) cols.email = i
  })
  if (cols.name !== undefined || (cols.family !== undefined && cols.given !== undefined)) return cols
  return null
}

const clean = (s: string) => s.normalize('NFC').replace(/[\u200b\ufeff]/g, '').replace(/\s+/g, ' ').trim()

/** From raw rows (row number + cell texts) to roster rows; blank rows are skipped. */
export function rowsFromTable(table: { row: number; cells: string[] }[]): RosterRow[] {
  let cols: Columns | null = null
  let headerAt = -1
  for (let i = 0; i < Math.min(table.length, HEADER_SEARCH_ROWS) && !cols; i++) {
    cols = readHeader(table[i].cells)
    headerAt = i
  }
  if (!cols) throw invalid({ file: 'noNameColumn' })
  const at = (cells: string[], i?: number) => (i === undefined ? '' : clean(cells[i] ?? ''))
  const out: RosterRow[] = []
  for (const { row, cells } of table.slice(headerAt + 1)) {
    const name = cols.name !== undefined ? at(cells, cols.name) : clean(`${at(cells, cols.family)} ${at(cells, cols.given)}`)
    const position = at(cells, cols.position)
    const email = at(cells, cols.email)
    // Rows with nothing but an ordinal or a signature column are template padding, not people.
    if (!name && !position && !email) continue
    out.push({ row, name, position, email })
  }
  if (!out.length) throw invalid({ file: 'emptyRoster' })
  if (out.length > MAX_ROSTER_ROWS) throw invalid({ file: { key: 'tooManyRows', n: MAX_ROSTER_ROWS } })
  return out
}

type Kind = 'xlsx' | 'csv'

const startsWith = (bytes: Uint8Array, ...signature: number[]) => signature.every((b, i) => bytes[i] === b)

/** By content first (an .xlsx is a zip), then by name; old binary .xls is refused with a hint. */
export function rosterKind(bytes: Uint8Array, filename: string): Kind {
  const name = filename.toLowerCase()
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return 'xlsx'
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) throw invalid({ file: 'fileType' })
  if (name.endsWith('.csv') || name.endsWith('.txt')) return 'csv'
  throw invalid({ file: 'fileType' })
}

/** Rows from an uploaded roster. Pure and synchronous at heart: the route runs it in the file worker. */
export async function parseRoster(bytes: Uint8Array, filename: string): Promise<RosterRow[]> {
  return rowsFromTable(rosterKind(bytes, filename) === 'xlsx' ? await xlsxTable(bytes, (cells) => !!readHeader(cells), 'noNameColumn') : csvTable(decodeText(bytes)))
}

// ---- .xlsx

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  if ('richText' in v) return v.richText.map((t) => t.text).join('')
  // Excel turns typed e-mail addresses into hyperlinks: the text is what was typed.
  if ('hyperlink' in v) return cellText((v as ExcelJS.CellHyperlinkValue).text)
  if ('formula' in v || 'sharedFormula' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue)
  return ''
}

/** A refused file, its field message the usual one and the answer's message saying why. */
const unreadable = (why?: { vi: string; en: string }) => new AppError('VALIDATION', { file: 'fileUnreadable' }, undefined, why)

/**
 * The first sheet whose opening rows hold a header `isHeader` recognizes, as rows of cell texts;
 * `noHeader` names the field error when no sheet has one. Shared by every table a unit uploads
 * (rosters, the key-positions register), within the limits of lib/upload-limits.ts.
 */
export async function xlsxTable(bytes: Uint8Array, isHeader: (cells: string[]) => boolean, noHeader: FieldError) {
  const refusal = workbookRefusal(bytes)
  if (refusal) throw unreadable(refusal.why)
  // exceljs costs ~30 MB resident and a third of a second to load: only when a roster is an .xlsx.
  const { default: Excel } = await import('exceljs')
  const wb = new Excel.Workbook()
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw unreadable()
  }
  // The first sheet with a recognizable header: workbooks often open with a cover or notes sheet.
  for (const ws of wb.worksheets) {
    const table: { row: number; cells: string[] }[] = []
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = row.values as ExcelJS.CellValue[]
      // Array.from, not map: row.values is sparse and map would keep the holes.
      table.push({ row: rowNumber, cells: Array.from(values.slice(1), (v) => cellText(v ?? null)) })
    })
    if (table.slice(0, HEADER_SEARCH_ROWS).some((r) => isHeader(r.cells))) return table
  }
  throw invalid({ file: noHeader })
}

// ---- .csv

/**
 * UTF-8 (with or without BOM) is what "CSV UTF-8" writes; Excel's "Unicode text" is UTF-16 with a
 * BOM; plain "CSV" from Vietnamese Windows is code page 1258, tried when the bytes are not UTF-8.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return new TextDecoder('windows-1258').decode(bytes).normalize('NFC')
  }
}

/** The separator used most outside quotes in the first lines: `;` where the decimal mark is a comma. */
function detectSeparator(text: string): string {
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 }
  let inQuotes = false
  let lines = 0
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes
    else if (!inQuotes && ch in counts) counts[ch]++
    else if (!inQuotes && ch === '\n' && ++lines >= 5) break
  }
  return Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0]
}

/** RFC 4180 with the usual deviations: any line ending, `""` inside quotes, a BOM, `;` or tab. */
export function csvTable(text: string): { row: number; cells: string[] }[] {
  const src = text.replace(/^\ufeff/, '')
  const sep = detectSeparator(src)
  const table: { row: number; cells: string[] }[] = []
  let cells: string[] = []
  let cell = ''
  let inQuotes = false
  let record = 1
  let cellCount = 0
  const endCell = () => {
    cells.push(cell)
    cell = ''
    if (++cellCount > TABLE_MAX_CELLS) throw unreadable(UPLOAD_LIMIT_MESSAGES.tooManyCells())
  }
  const endRecord = () => {
    endCell()
    if (cells.some((c) => c.trim())) table.push({ row: record, cells })
    if (table.length > TABLE_MAX_ROWS) throw unreadable(UPLOAD_LIMIT_MESSAGES.tooManyCells())
    record++
    cells = []
  }
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]
    if (inQuotes) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') inQuotes = false
      else cell += ch
    } else if (ch === '"' && cell.trim() === '') {
      cell = ''
      inQuotes = true
    } else if (ch === sep) endCell()
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && src[i + 1] === '\n') i++
      endRecord()
    } else cell += ch
  }
  if (cell || cells.length) endRecord()
  return table
}
