// How dates, numbers and sentences are written in the report documents.
import type { FiguresBasis } from '../../../../contract/report-documents.ts'
import { vnDay } from '../../../lib/dates.ts'

function parts(value: string) {
  const [y, m, d] = vnDay(value).split('-').map(Number)
  // Day below 10 and months 1–2 get a leading zero, as in Guidance 36's own examples ("ngày 03 tháng 4",
  // "tháng 02"): a digit cannot then be added by hand to make another date.
  return { y: String(y), m: m <= 2 ? String(m).padStart(2, '0') : String(m), d: String(d).padStart(2, '0') }
}

/** "ngày 27 tháng 11 năm 2026" */
export function vnDatePhrase(value: string): string {
  const { y, m, d } = parts(value)
  return `ngày ${d} tháng ${m} năm ${y}`
}

/** "15/3/2024", "08/02/2022": dates inside running text, written like the seed letter's references. */
export function vnTextDate(value: string): string {
  const { y, m, d } = parts(value)
  return `${d}/${m}/${y}`
}

/** "05/03/2026": fixed width, for table columns. Empty for null. */
export function ddmmyyyy(value: string | null): string {
  if (!value) return ''
  const [y, m, d] = vnDay(value).split('-')
  return `${d}/${m}/${y}`
}

const PERCENT = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 })
const INTEGER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 })

/** 0.875 → "87,5%" (Vietnamese decimal comma, no space before %). */
export function vnPercent(ratio: number): string {
  return PERCENT.format(ratio).replace(/\s/g, '')
}

/** 1234 → "1.234" */
export function vnInteger(n: number): string {
  return INTEGER.format(n)
}

/** The "Số …" line. A number left blank ("-BC/BCSĐ") keeps a gap the clerk writes the number into. */
export function numberLine(number: string): string {
  const n = number.trim()
  return /^-/.test(n) ? `Số${'\u00a0'.repeat(8)}${n}` : `Số ${n}`
}

/** Text as a sentence: trimmed, ending with punctuation. Empty stays empty. */
export function sentence(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ')
  if (!t) return ''
  return /[.!?…;:]$/.test(t) ? t : t + '.'
}

/** A list entry of "Nơi nhận": "- Như trên," … "- Lưu VP BCSĐ." */
export function distributionEntries(entries: string[]): string[] {
  const clean = entries.map((e) => e.trim().replace(/^[-•+]\s*/, '').replace(/[,.;]+$/, '')).filter(Boolean)
  return clean.map((e, i) => `- ${e}${i === clean.length - 1 ? '.' : ','}`)
}

// Party type symbols whose name is unambiguous; "QĐ" is both quyết định and quy định, so it reads "Văn bản".
const TYPE_NAMES: Record<string, string> = {
  CV: 'Công văn', CT: 'Chỉ thị', NQ: 'Nghị quyết', KL: 'Kết luận', HD: 'Hướng dẫn', TB: 'Thông báo', KH: 'Kế hoạch',
  TT: 'Thông tri', QC: 'Quy chế', QĐi: 'Quy định', BC: 'Báo cáo', CTr: 'Chương trình',
}

/** "Công văn số 1946-CV/BCSĐ ngày 15/3/2024 về tăng cường …", the type name read from the symbol. */
export function directiveReference(d: { number: string | null; subject: string; date: string | null }): string {
  const symbol = d.number?.match(/-\s*([\p{L}]+)\s*\//u)?.[1]
  const kind = (symbol && TYPE_NAMES[symbol]) || 'Văn bản'
  const subject = d.subject.trim().replace(/^(V\/v:?|về việc|về)\s*/i, '')
  const about = subject ? ` về ${subject.charAt(0).toLocaleLowerCase('vi') + subject.slice(1)}` : ''
  return `${kind}${d.number ? ` số ${d.number}` : ''}${d.date ? ` ngày ${vnTextDate(d.date)}` : ''}${about}`
}

/** The sentence that states what a document's figures are counted on (contract FiguresBasis). */
export function basisSentence(basis: FiguresBasis, asOf: string): string {
  return basis === 'live'
    ? `Số liệu trên hệ thống BVCT tính đến ngày ${vnTextDate(asOf)}, cùng cơ sở với Bảng theo dõi của ngày này`
    : `Số liệu của đơn vị đã gửi báo cáo là số liệu chốt khi đơn vị gửi báo cáo (ngày gửi ghi ở cột “Tình trạng báo cáo”); của đơn vị chưa gửi là số liệu trên hệ thống BVCT tính đến ngày ${vnTextDate(asOf)}`
}
