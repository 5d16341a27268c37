// Number and symbol ("số, ký hiệu"). Party: "1946-CV/BCSĐ" (number-TYPE/ISSUER); state:
// "4737/BYT-VPB1", "30/2020/NĐ-CP" (number[/year]/TYPE-ISSUER). Letters are kept exactly as
// written: the seed writes BCSD without Đ and the parser must not add it.

// One part of a symbol: capitals and digits, with the few lower-case letters real symbols carry
// (QĐi, TTg, TTr, CTr, QyĐ). The lookahead stops "Nam" in "… - Nam Định" being read as a part.
const PART = String.raw`[\p{Lu}\p{N}&][\p{Lu}\p{N}&]*(?:[a-z][\p{Lu}\p{N}&]*)?(?![\p{L}\p{N}])`
const FIRST = String.raw`\d{1,6}[a-z]?`

/** A number with spaces tolerated around "-" and "/" ("2414 / VPCP - KGVX"), as header lines write it. */
export const LOOSE_NUMBER = String.raw`${FIRST}(?:\s*[-–—/]\s*${PART})+`
/** A number inside running text, where spaces around "-" are dashes and end the number. */
// Older state symbols join type and issuer with a dot: "01/1999/QĐ.UB".
export const TIGHT_NUMBER = String.raw`${FIRST}(?:(?:[-–/]|(?<=\p{Lu})\.(?=\p{Lu}))${PART})+`

// "Số 1946 - CV/BCSD", "Số: 4737/BYT-VPB1", "Số:30/2020/NĐ-CP", "Số 07-QĐi/TW".
const NUMBER_LINE = new RegExp(String.raw`(?:^|\s)(?:Số|SỐ)\s*[:.]?\s*(${LOOSE_NUMBER})`, 'u')
// A header that left the number blank to be filled in at registration: "Số:      /BYT-KCB".
const BLANK_NUMBER_LINE = new RegExp(String.raw`(?:^|\s)(?:Số|SỐ)\s*[:.]?\s*[._…\s]*(\/\s*${PART}(?:\s*[-–—/]\s*${PART})*)`, 'u')

export interface FoundNumber {
  number: string
  /** The letter printed "Số" but no digits. */
  blank: boolean
  start: number
  end: number
}

/** Drops spaces and turns the dashes Word's autocorrect puts in ("1946 – CV") back into hyphens. */
export function normalizeNumber(raw: string): string {
  return raw.replace(/\s+/g, '').replace(/[–—]/g, '-')
}

export function findNumberLine(text: string): FoundNumber | null {
  const m = NUMBER_LINE.exec(text)
  if (m) {
    const lead = m[0].length - m[0].trimStart().length
    return { number: normalizeNumber(m[1]), blank: false, start: m.index + lead, end: m.index + m[0].length }
  }
  const b = BLANK_NUMBER_LINE.exec(text)
  if (b && /[\p{L}]/u.test(b[1])) {
    const lead = b[0].length - b[0].trimStart().length
    return { number: normalizeNumber(b[1]), blank: true, start: b.index + lead, end: b.index + b[0].length }
  }
  return null
}

// Type abbreviations from HD 36 (Party) and Decree 30/2020 Appendix III (state), plus the
// normative ones (NĐ, TT, TTLT) that state numbers carry.
export const DOCUMENT_TYPES = new Set([
  'NQ', 'QĐ', 'QĐi', 'QyĐ', 'CT', 'KL', 'QC', 'HD', 'TT', 'TB', 'BC', 'TTr', 'KH', 'CTr', 'ĐA', 'DA', 'PA',
  'BB', 'CV', 'BS', 'TC', 'HĐ', 'CĐ', 'BGN', 'BTT', 'GUQ', 'GM', 'GGT', 'GNP', 'PG', 'PC', 'PB', 'NĐ',
  'TTLT', 'NQLT', 'TTg', 'SY', 'TrS', 'SL', 'TTri', 'ĐC', 'CĐi',
])

/**
 * The type abbreviation inside a number, or null when the number carries none (a state công
 * văn such as "4737/BYT-VPB1" has only the issuer). Party numbers put the type between "-" and
 * "/", so any letters there count; state numbers put it first after the last "/", and only known
 * abbreviations count there, or "BYT" would pass for a type.
 */
export function documentTypeOf(number: string): string | null {
  const party = /^\d+[a-z]?-([\p{L}]+)\//u.exec(number)
  if (party) return party[1]
  const parts = number.split('/')
  for (let i = parts.length - 1; i >= 1; i--) {
    const head = parts[i].split('-')[0]
    if (DOCUMENT_TYPES.has(head)) return head
  }
  return null
}

// The type names that open a title document, mapped to their abbreviation. A đề cương (an outline
// for propagandists, "ĐỀ CƯƠNG TUYÊN TRUYỀN" over its subject) has no abbreviation in the lists this
// parser follows (shared/reference/vietnamese-rules.md), and none is made up: '' — a title, no type.
export const TITLE_TYPES: ReadonlyArray<readonly [string, string]> = [
  ['ĐỀ CƯƠNG TUYÊN TRUYỀN', ''], ['ĐỀ CƯƠNG GIỚI THIỆU', ''], ['ĐỀ CƯƠNG', ''],
  ['NGHỊ QUYẾT', 'NQ'], ['QUYẾT ĐỊNH', 'QĐ'], ['QUY ĐỊNH', 'QĐ'], ['CHỈ THỊ', 'CT'], ['KẾT LUẬN', 'KL'],
  ['QUY CHẾ', 'QC'], ['HƯỚNG DẪN', 'HD'], ['THÔNG TRI', 'TT'], ['THÔNG BÁO', 'TB'], ['BÁO CÁO', 'BC'],
  ['TỜ TRÌNH', 'TTr'], ['KẾ HOẠCH', 'KH'], ['CHƯƠNG TRÌNH', 'CTr'], ['ĐỀ ÁN', 'ĐA'], ['PHƯƠNG ÁN', 'PA'],
  ['NGHỊ ĐỊNH', 'NĐ'], ['THÔNG TƯ', 'TT'], ['CÔNG ĐIỆN', 'CĐ'], ['GIẤY MỜI', 'GM'], ['BIÊN BẢN', 'BB'],
]
