// Vietnamese dates: "ngày 15 tháng 3 năm 2024", "ngày 08/02/2022", "15/3/2024", zero-padded or not.

export function toIsoDate(day: number, month: number, year: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > last) return null
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

const SPELLED = String.raw`ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s*,?\s+năm\s+(\d{4})`
const NUMERIC = String.raw`(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)`

/** A date written with "ngày … tháng … năm …" or as digits, optionally after "ngày". */
export const DATE_SOURCE = String.raw`(?:${SPELLED}|(?:ngày\s+)?${NUMERIC})`

export interface FoundDate {
  iso: string | null
  index: number
  length: number
}

function isoFromMatch(m: RegExpExecArray, offset: number): string | null {
  if (m[offset] !== undefined) return toIsoDate(+m[offset], +m[offset + 1], +m[offset + 2])
  return toIsoDate(+m[offset + 3], +m[offset + 4], +m[offset + 5])
}

/** The first date in the text; iso is null when the date is written but impossible (31/02). */
export function findDate(text: string): FoundDate | null {
  const m = new RegExp(DATE_SOURCE, 'iu').exec(text)
  if (!m) return null
  return { iso: isoFromMatch(m, 1), index: m.index, length: m[0].length }
}

/** A date that starts the text (after optional spaces and a comma), as used right after a cited number. */
export function leadingDate(text: string): FoundDate | null {
  const m = new RegExp(String.raw`^\s*,?\s*(?:ban hành\s+)?${DATE_SOURCE}`, 'iu').exec(text)
  if (!m) return null
  return { iso: isoFromMatch(m, 1), index: 0, length: m[0].length }
}

export interface PlaceDate {
  place: string | null
  date: string | null
  /** The date was written but blank or impossible ("ngày … tháng … năm 2024", "31/02/2024"). */
  invalid: boolean
  start: number
  end: number
}

// An unfilled draft date: "ngày    tháng    năm 2024", "ngày … tháng … năm …".
const BLANK_DATE = String.raw`ngày[\s.…_]*tháng[\s.…_]*năm[\s.…_]*(?:\d{4})?`

/**
 * The issuing place and date of the header: "Hà Nội, ngày 15 tháng 3 năm 2024" or "Hà Nội,
 * ngày 03/4/2018". The place is the run of capitalised words right before the comma, so text
 * that a flattened PDF put on the same line ("V/v … bảo vệ Hà Nội, ngày …") stays outside it.
 */
export function findPlaceDate(text: string): PlaceDate | null {
  const re = new RegExp(String.raw`(?:,\s*|\s|^)(?:${SPELLED}|ngày\s+${NUMERIC}|(${BLANK_DATE}))`, 'iu')
  let m = re.exec(text)
  let noNgay = false
  if (!m) {
    // "Hà Nội, 03/4/2018": digits without "ngày" count only straight after a place and comma.
    m = new RegExp(String.raw`,\s*${NUMERIC}`, 'u').exec(text)
    if (!m) return null
    noNgay = true
  }
  let iso: string | null
  let invalid: boolean
  if (noNgay) {
    iso = toIsoDate(+m[1], +m[2], +m[3])
    invalid = iso === null
  } else if (m[7] !== undefined) {
    iso = null
    invalid = true
  } else {
    iso = isoFromMatch(m, 1)
    invalid = iso === null
  }
  const before = text.slice(0, m.index)
  const place = placeBefore(before)
  const start = place ? before.lastIndexOf(place) : m.index
  return { place, date: iso, invalid, start, end: m.index + m[0].length }
}

function placeBefore(text: string): string | null {
  const words = text.trimEnd().replace(/,$/, '').trimEnd().split(/\s+/).filter(Boolean)
  const taken: string[] = []
  let sawMixedCase = false
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i]
    const prev = words[i - 1]
    const capitalised = /^\p{Lu}/u.test(word) && !/\d|\//.test(word)
    const cityPrefix = /^(?:TP\.?|Tp\.?|TX\.?|Tx\.?)$/u.test(word)
    // "Thành phố Hồ Chí Minh", "thị xã Sơn Tây": the lower-case half of a place prefix.
    const prefixTail = /^(?:phố|xã|trấn)$/u.test(word) && prev !== undefined && /^(?:Thành|thành|Thị|thị)$/u.test(prev)
    if (!(capitalised || cityPrefix || prefixTail)) break
    const allCaps = /^[\p{Lu}\p{N}]+$/u.test(word) && word.length > 1
    if (allCaps && sawMixedCase && !cityPrefix) break
    if (!allCaps) sawMixedCase = true
    taken.unshift(word)
    if (taken.length >= 6) break
  }
  return taken.length ? taken.join(' ') : null
}
