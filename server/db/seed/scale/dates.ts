import { vnDay } from '../../../lib/dates.ts'
const DAY = 86_400_000

/** 10:00 in Hanoi on the given day: generated events happen in office hours. */
export const officeTime = (isoDay: string) => new Date(`${isoDay}T03:00:00.000Z`)
export const dayOf = (d: Date) => vnDay(d)
export const shiftDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY)
export const addMinutes = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000)
export const minDate = (a: Date, b: Date) => (a < b ? a : b)

/**
 * An instant on `d`'s Vietnamese day in working hours (08:00–11:30 or 13:30–17:00), a weekend moved to
 * the Monday after: people register, acknowledge and review at the office, and the history shows it.
 */
export function inOfficeHours(d: Date, rng: () => number): Date {
  let day = vnDay(d)
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  if (weekday === 6 || weekday === 0) day = vnDay(new Date(`${day}T05:00:00Z`).getTime() + (weekday === 6 ? 2 : 1) * DAY)
  const minutes = rng() < 0.5 ? 8 * 60 + Math.floor(rng() * 210) : 13 * 60 + 30 + Math.floor(rng() * 210)
  return new Date(Date.parse(`${day}T00:00:00+07:00`) + minutes * 60_000)
}
