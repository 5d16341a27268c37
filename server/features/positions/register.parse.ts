// Reads a unit's register of key positions (.xlsx or .csv) into rows, and checks each row's values.
// Pure: no database, no HTTP; the route runs parseRegister in the file worker pool. The table comes
// the way the attendance roster's does (roster.parse.ts: file kind by content, CSV in any of the
// encodings Vietnamese Excel writes); the header names columns in Vietnamese or English.
import { CLASSIFICATION_LABELS, POSITION_CLASSIFICATIONS, type PositionClassification, type PositionRowReason } from '../../../contract/positions.ts'
import { foldVietnamese } from '../../../contract/vietnamese.ts'
import { invalid, type FieldError } from '../../http/errors.ts'
import { isIsoDay } from '../../lib/dates.ts'
import { csvTable, decodeText, rosterKind, xlsxTable } from '../dissemination/roster.parse.ts'

/** Most rows one register import may carry: the largest units keep a few hundred positions. */
export const MAX_REGISTER_ROWS = 5000

/** A data row as read: every cell as text (blank when the column is absent). */
export interface RegisterRow {
  /** The row number the user sees: the sheet's row in .xlsx, the record number in .csv. */
  row: number
  unitCode: string
  department: string
  title: string
  classification: string
  requiresConclusion: string
  reviewCycle: string
  holder: string
  from: string
  acting: string
  note: string
}

type Column = Exclude<keyof RegisterRow, 'row'>

const key = (s: string) => foldVietnamese(s.normalize('NFC')).replace(/[^a-z0-9]+/g, ' ').trim()
const HEADERS: [Column, string[]][] = [
  // Holder before title: "Họ và tên người giữ vị trí" names the holder, not the position.
  ['holder', ['nguoi giu vi tri', 'ho va ten', 'ho ten', 'nguoi dam nhiem', 'holder', 'full name']],
  ['unitCode', ['ma don vi', 'unit code']],
  ['department', ['bo phan', 'phong ban', 'khoa phong', 'department']],
  ['title', ['vi tri', 'ten vi tri', 'chuc danh', 'position', 'title']],
  ['classification', ['ly do trong yeu', 'ly do', 'phan loai', 'tinh chat', 'classification', 'why key']],
  ['requiresConclusion', ['yeu cau ket luan', 'can ket luan', 'yeu cau tham dinh', 'requires conclusion']],
  ['reviewCycle', ['chu ky', 'review cycle']],
  ['from', ['tu ngay', 'ngay bat dau', 'ngay nhan nhiem vu', 'since', 'from']],
  ['acting', ['quyen', 'tam giao', 'acting']],
  ['note', ['ghi chu', 'note']],
]
const matches = (k: string, names: string[]) => names.some((n) => k === n || k.startsWith(n + ' '))

/** Column indexes of a header row, or null when it has no position column. */
function readHeader(cells: string[]): Partial<Record<Column, number>> | null {
  const cols: Partial<Record<Column, number>> = {}
  cells.forEach((cell, i) => {
    const k = key(cell)
    if (!k) return
    const hit = HEADERS.find(([col, names]) => cols[col] === undefined && matches(k, names))
    if (hit) cols[hit[0]] = i
  })
  return cols.title !== undefined ? cols : null
}

const HEADER_SEARCH_ROWS = 20
const clean = (s: string) => s.normalize('NFC').replace(/[\u200b\ufeff]/g, '').replace(/\s+/g, ' ').trim()

/** From raw rows (row number + cell texts) to register rows; blank rows are skipped. */
export function rowsFromTable(table: { row: number; cells: string[] }[]): RegisterRow[] {
  let cols: Partial<Record<Column, number>> | null = null
  let headerAt = -1
  for (let i = 0; i < Math.min(table.length, HEADER_SEARCH_ROWS) && !cols; i++) {
    cols = readHeader(table[i].cells)
    headerAt = i
  }
  if (!cols) throw invalid({ file: 'noTitleColumn' })
  const out: RegisterRow[] = []
  for (const { row, cells } of table.slice(headerAt + 1)) {
    const at = (c: Column) => (cols![c] === undefined ? '' : clean(cells[cols![c]!] ?? ''))
    const r: RegisterRow = {
      row, unitCode: at('unitCode'), department: at('department'), title: at('title'), classification: at('classification'), requiresConclusion: at('requiresConclusion'),
      reviewCycle: at('reviewCycle'), holder: at('holder'), from: at('from'), acting: at('acting'), note: at('note'),
    }
    // A row with nothing but an ordinal is template padding, not a position.
    if (!r.title && !r.department && !r.classification && !r.holder) continue
    out.push(r)
  }
  if (!out.length) throw invalid({ file: 'emptyRoster' })
  if (out.length > MAX_REGISTER_ROWS) throw invalid({ file: { key: 'tooManyRows', n: MAX_REGISTER_ROWS } })
  return out
}

/** Rows from an uploaded register. The route runs it in the file worker pool. */
export async function parseRegister(bytes: Uint8Array, filename: string): Promise<RegisterRow[]> {
  return rowsFromTable(rosterKind(bytes, filename) === 'xlsx' ? await xlsxTable(bytes, (cells) => !!readHeader(cells), 'noTitleColumn') : csvTable(decodeText(bytes)))
}

// ---- values

/** A row's values as the register keeps them. */
export interface RegisterEntry {
  row: number
  unitCode: string
  title: string
  department: string
  classification: PositionClassification
  requiresConclusion: boolean
  reviewCycleMonths: number | null
  note: string
  holder: string
  from: string | null
  isActing: boolean
}

export interface EntryError {
  row: number
  value: string
  reason: PositionRowReason
  message: FieldError
}

const CLASSIFICATION_BY_TEXT = new Map<string, PositionClassification>([
  ...POSITION_CLASSIFICATIONS.flatMap((c): [string, PositionClassification][] => [[key(c), c], [key(CLASSIFICATION_LABELS[c].vi), c], [key(CLASSIFICATION_LABELS[c].en), c]]),
  ['tai chinh', 'finance'], ['ke toan', 'finance'], ['to chuc can bo', 'personnel'], ['nhan su', 'personnel'], ['can bo', 'personnel'],
  ['mua sam', 'procurement'], ['dau thau', 'procurement'], ['mua sam dau thau', 'procurement'],
  ['cong nghe thong tin', 'itAdministration'], ['cntt', 'itAdministration'], ['quan tri he thong', 'itAdministration'], ['it', 'itAdministration'], ['khac', 'other'],
])

export function classificationOf(text: string): PositionClassification | null {
  const k = key(text)
  // State secrets by their level, however the cell words it ("Độ Tối mật", "BMNN - Tuyệt mật").
  if (/\btuyet mat\b/.test(k)) return 'stateSecretTopSecret'
  if (/\btoi mat\b/.test(k)) return 'stateSecretSecret'
  if (/\bmat\b/.test(k)) return 'stateSecretConfidential'
  return CLASSIFICATION_BY_TEXT.get(k) ?? null
}

const YES = new Set(['co', 'x', 'yes', 'y', 'true', '1', 'dung'])
const NO = new Set(['khong', 'no', 'n', 'false', '0', 'sai'])
function yesNo(text: string, fallback: boolean): boolean | null {
  const k = key(text)
  if (!k) return fallback
  return YES.has(k) ? true : NO.has(k) ? false : null
}

/** "12", "12 tháng", "2 năm", "24 months": months between reviews; blank is none. */
function months(text: string): number | null | undefined {
  const k = key(text)
  if (!k) return null
  const m = /^(\d{1,3})(?: (thang|month|months|nam|year|years))?$/.exec(k)
  if (!m) return undefined
  const n = Number(m[1]) * (m[2] && /^(nam|year)/.test(m[2]) ? 12 : 1)
  return n >= 1 && n <= 120 ? n : undefined
}

/** dd/mm/yyyy (Vietnamese), yyyy-mm-dd, or a date cell: yyyy-mm-dd; blank is null. */
function day(text: string): string | null | undefined {
  if (!text) return null
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text)
  const iso = vn ? `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}` : text.slice(0, 10)
  return isIsoDay(iso) && new Date(iso + 'T00:00:00Z').toISOString().startsWith(iso) ? iso : undefined
}

/** Each row's values checked and converted; every bad value is an error naming its row. */
export function checkRegisterRows(rows: RegisterRow[]): { entries: RegisterEntry[]; errors: EntryError[] } {
  const entries: RegisterEntry[] = []
  const errors: EntryError[] = []
  const bad = (row: number, value: string) => errors.push({ row, value, reason: 'badValue', message: { key: 'rowBadValue', n: value } })
  for (const r of rows) {
    if (!r.title) {
      errors.push({ row: r.row, value: '', reason: 'emptyTitle', message: 'rowEmptyTitle' })
      continue
    }
    const classification = classificationOf(r.classification)
    const requiresConclusion = yesNo(r.requiresConclusion, true)
    const reviewCycleMonths = months(r.reviewCycle)
    const from = day(r.from)
    const isActing = yesNo(r.acting, false)
    if (!classification) bad(r.row, r.classification)
    else if (requiresConclusion === null) bad(r.row, r.requiresConclusion)
    else if (reviewCycleMonths === undefined) bad(r.row, r.reviewCycle)
    else if (from === undefined) bad(r.row, r.from)
    else if (isActing === null) bad(r.row, r.acting)
    else if (r.title.length > 300 || r.department.length > 300) bad(r.row, r.title.length > 300 ? r.title : r.department)
    else {
      entries.push({
        row: r.row, unitCode: r.unitCode, title: r.title, department: r.department, classification, requiresConclusion, reviewCycleMonths,
        note: r.note.slice(0, 4000), holder: r.holder, from, isActing,
      })
    }
  }
  return { entries, errors }
}
