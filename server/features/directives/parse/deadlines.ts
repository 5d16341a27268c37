import type { Requirement } from '../../../../contract/directive-parse.ts'
import { toIsoDate } from './dates.ts'

// A requirement's own deadline, as the letter writes it: "hoàn thành trước ngày 20/12/2026",
// "chậm nhất ngày 15 tháng 01 năm 2027", "trong tháng 12/2026", "trước 30/6", "trong quý IV/2026".
// Only a date after a deadline cue counts: "Thực hiện Chỉ thị số 05 ngày 15/5/2016" is a citation,
// "số liệu từ ngày 01/01 đến ngày 30/6" a period. A date that cannot be resolved (no year and no
// letter date, 31/02) gives deadline null with its phrase: never an invented date.

export interface FoundDeadline {
  /** ISO date, or null when the phrase names a date that cannot be placed. */
  deadline: string | null
  /** The words it came from, as written: "trước ngày 20/12/2026". */
  phrase: string
}

const CUE = String.raw`(?:(?:hoàn thành|hoàn tất|xong|báo cáo|gửi(?:\s+về)?(?:\s+[^\s,.;]+){0,4}?)\s+)?(?:trước|chậm nhất(?:\s+(?:là|vào))?|hạn chót(?:\s+là)?|không muộn hơn|muộn nhất(?:\s+là)?|thời hạn(?:\s+hoàn thành)?\s*:?|đến hết|trong)`
const DAY_MONTH_YEAR = String.raw`(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?(?![\d/.-]*\d)`
const SPELLED = String.raw`ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*,?\s*năm\s+(\d{4}))?`
const MONTH = String.raw`tháng\s+(\d{1,2})(?:\s*(?:[/.-]|,?\s*năm)\s*(\d{4}))?(?![\d/.-]*\d)`
const QUARTER = String.raw`quý\s+(IV|I{1,3}|[1-4])(?!\p{L})(?:\s*(?:[/.-]|,?\s*năm)\s*(\d{4}))?`
const YEAR = String.raw`năm\s+(\d{4})`

const PATTERN = new RegExp(String.raw`(?<![\p{L}\p{N}])${CUE}\s+(?:${SPELLED}|${DAY_MONTH_YEAR}|${MONTH}|${QUARTER}|${YEAR})`, 'giu')

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 }

// "Định kỳ 6 tháng … trước ngày 15 tháng 6 và ngày 15 tháng 12": a schedule that repeats, not one deadline.
const RECURRING = /(?<![\p{L}])(?:định kỳ|hằng|hàng)\s+(?:năm|quý|tháng|\d+\s+tháng)|định kỳ/iu

/**
 * The requirement's own deadline in its text, or null when it states none. With several dated
 * cues ("báo cáo sơ bộ trước 15/11, hoàn thành trước 20/12/2026") the latest counts: the
 * requirement is done when all its parts are. `letterDate` (ISO) gives a missing year: the
 * letter's year, or the next one when that day is already before the letter.
 */
export function findDeadline(text: string, letterDate: string | null): FoundDeadline | null {
  let best: FoundDeadline | null = null
  let unresolved: FoundDeadline | null = null
  const recurring = RECURRING.test(text)
  for (const m of text.matchAll(PATTERN)) {
    const phrase = m[0].replace(/\s+/gu, ' ').trim()
    // A recurring schedule's dates without a year name no single deadline.
    if (recurring && !/\d{4}/u.test(m[0])) continue
    const iso = resolve(m, letterDate)
    if (iso === undefined) continue
    if (iso === null) {
      unresolved ??= { deadline: null, phrase }
      continue
    }
    // A date before the letter itself looks back ("kết quả trong năm 2025"), it sets nothing to do.
    if (letterDate && iso < letterDate) continue
    if (!best || best.deadline! < iso) best = { deadline: iso, phrase }
  }
  return best ?? unresolved
}

/** ISO date; null when written but not placeable; undefined when the match is not a date at all ("trong 1/2 số"). */
function resolve(m: RegExpMatchArray, letterDate: string | null): string | null | undefined {
  const [, sd, sm, sy, nd, nm, ny, mm, my, q, qy, y] = m
  if (sd !== undefined) return dayDate(+sd, +sm, sy, letterDate)
  if (nd !== undefined) {
    // "trong 1/2" without "ngày" and without a year is more often a fraction than a date.
    if (ny === undefined && !/ngày/iu.test(m[0]) && /trong\s+\d/iu.test(m[0])) return undefined
    return dayDate(+nd, +nm, ny, letterDate)
  }
  if (mm !== undefined) {
    const month = +mm
    if (month < 1 || month > 12) return null
    const year = my !== undefined ? +my : yearFor(month, lastDay(2000, month), letterDate)
    return year === null ? null : toIsoDate(lastDay(year, month), month, year)
  }
  if (q !== undefined) {
    const quarter = ROMAN[q.toUpperCase()] ?? +q
    const month = quarter * 3
    const year = qy !== undefined ? +qy : yearFor(month, lastDay(2000, month), letterDate)
    return year === null ? null : toIsoDate(lastDay(year, month), month, year)
  }
  if (y !== undefined) return toIsoDate(31, 12, +y)
  return undefined
}

function dayDate(day: number, month: number, year: string | undefined, letterDate: string | null): string | null {
  if (year !== undefined) return toIsoDate(day, month, +year)
  if (toIsoDate(day, month, 2000) === null) return null // 31/02, 0/5: never a date (2000 is a leap year)
  const y = yearFor(month, day, letterDate)
  return y === null ? null : toIsoDate(day, month, y)
}

/** The letter's year, or the next when day/month falls before the letter's date; null without a letter date. */
function yearFor(month: number, day: number, letterDate: string | null): number | null {
  if (!letterDate) return null
  const year = +letterDate.slice(0, 4)
  const candidate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return candidate < letterDate ? year + 1 : year
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Sets `deadline` and `deadlinePhrase` on every requirement whose own text states one; others stay as they were. */
export function withDeadlines(requirements: Requirement[], letterDate: string | null): Requirement[] {
  return requirements.map((r) => {
    const found = findDeadline(r.text, letterDate)
    const children = withDeadlines(r.children, letterDate)
    return found ? { ...r, deadline: found.deadline, deadlinePhrase: found.phrase, children } : { ...r, children }
  })
}
