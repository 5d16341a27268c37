import { vnDay } from '../../../lib/dates.ts'
const DAY = 86_400_000

/** 10:00 in Hanoi on the given day: generated events happen in office hours. */
export const officeTime = (isoDay: string) => new Date(`${isoDay}T03:00:00.000Z`)
export const dayOf = (d: Date) => vnDay(d)
export const shiftDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY)
export const addMinutes = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000)
export const minDate = (a: Date, b: Date) => (a < b ? a : b)
