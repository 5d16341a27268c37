// The ministry's calendar. Every "today", deadline and day count in BVCT is a day in Vietnam
// (Asia/Ho_Chi_Minh): a unit working at 00:30 on the 20th in Hanoi is on the 20th, although UTC
// still says the 19th. Vietnam keeps UTC+7 all year (no daylight saving since 1975), so a fixed
// offset is exact and needs no time-zone database. Database sessions use the same zone
// (db/client.ts), so `timestamptz::date` in SQL is the same day as vnDay() here.

/** The IANA name, for the database sessions and for Intl. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh'
const OFFSET_MS = 7 * 3_600_000
const DAY_MS = 86_400_000
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

/** yyyy-mm-dd */
export type IsoDay = string

export const isIsoDay = (s: string) => ISO_DAY.test(s) && !Number.isNaN(Date.parse(s + 'T00:00:00Z'))

/** The calendar day in Vietnam at `instant`. */
export function vnDay(instant: Date | string | number): IsoDay {
  if (typeof instant === 'string' && ISO_DAY.test(instant)) return instant
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant)
  if (Number.isNaN(ms)) throw new RangeError(`Not a date: ${String(instant)}`)
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10)
}

/** Today in Vietnam by the app's clock (the one tests hand in). */
export const today = (clock: () => Date): IsoDay => vnDay(clock())

/** `day` moved by `n` days (negative: earlier). */
export const addDays = (day: IsoDay, n: number): IsoDay => new Date(Date.parse(day + 'T00:00:00Z') + n * DAY_MS).toISOString().slice(0, 10)

/** Whole days from `from` to `to`, both read as Vietnamese days (timestamps are converted first). */
export const daysBetween = (from: IsoDay | Date, to: IsoDay | Date): number =>
  Math.round((Date.parse(vnDay(to) + 'T00:00:00Z') - Date.parse(vnDay(from) + 'T00:00:00Z')) / DAY_MS)

/** The instant a Vietnamese day begins (00:00 in Hanoi). */
export const startOfDay = (day: IsoDay): Date => new Date(Date.parse(day + 'T00:00:00Z') - OFFSET_MS)

/** A deadline `n` days after the Vietnamese day of `from`: what "within n days" means in a letter. */
export const deadlineAfter = (from: Date, n: number): IsoDay => addDays(vnDay(from), n)

/** Has the deadline passed on `day`? The deadline day itself is still on time. */
export const isPast = (deadline: IsoDay, day: IsoDay) => day > deadline

/**
 * `day` moved by `n` calendar months, clamped to the month's last day (31/08 + 6 months = 28/02 or
 * 29/02), as PostgreSQL's `date + interval 'n months'` does: a review cycle "every 6 months".
 */
export function addMonths(day: IsoDay, n: number): IsoDay {
  const [y, m, d] = day.split('-').map(Number)
  const month = y * 12 + (m - 1) + n
  const year = Math.floor(month / 12)
  const mon = month - year * 12
  const last = new Date(Date.UTC(year, mon + 1, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(mon + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}
