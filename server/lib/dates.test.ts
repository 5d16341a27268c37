import { describe, expect, it } from 'vitest'
import { addDays, daysBetween, deadlineAfter, isIsoDay, isPast, startOfDay, TIME_ZONE, today, vnDay } from './dates.ts'

// What the platform's own time-zone database says the day in Hanoi is: the oracle for vnDay.
const intlDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })

describe('the ministry calendar', () => {
  it('reads an instant as its day in Vietnam, which is UTC+7 all year', () => {
    expect(vnDay(new Date('2026-11-15T16:59:59Z'))).toBe('2026-11-15')
    expect(vnDay(new Date('2026-11-15T17:00:00Z'))).toBe('2026-11-16')
    expect(vnDay('2026-11-15T17:00:00Z')).toBe('2026-11-16')
    expect(vnDay('2026-11-15')).toBe('2026-11-15')
    expect(() => vnDay('hôm qua')).toThrow(RangeError)
  })

  it('agrees with the Asia/Ho_Chi_Minh time-zone rules at every hour of two years', () => {
    const start = Date.parse('2025-01-01T00:00:00Z')
    for (let h = 0; h < 2 * 366 * 24; h++) {
      const t = new Date(start + h * 3_600_000 + 30 * 60_000)
      expect(vnDay(t)).toBe(intlDay.format(t))
    }
  })

  it('takes today from the clock it is given: 00:30 in Hanoi is already the next day', () => {
    expect(today(() => new Date('2026-03-19T17:30:00Z'))).toBe('2026-03-20')
    expect(today(() => new Date('2026-03-20T16:30:00Z'))).toBe('2026-03-20')
  })

  it('does day arithmetic across months, years and leap days', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31')
    expect(daysBetween('2026-11-15', '2026-11-20T03:15:00Z')).toBe(5)
    expect(daysBetween(new Date('2026-11-15T17:30:00Z'), '2026-11-16')).toBe(0)
  })

  it('counts a deadline from the Vietnamese day of the start, and keeps the deadline day itself on time', () => {
    expect(deadlineAfter(new Date('2026-03-19T17:30:00Z'), 10)).toBe('2026-03-30')
    expect(isPast('2026-03-30', '2026-03-30')).toBe(false)
    expect(isPast('2026-03-30', '2026-03-31')).toBe(true)
  })

  it('knows when a Vietnamese day begins', () => {
    expect(startOfDay('2026-03-20').toISOString()).toBe('2026-03-19T17:00:00.000Z')
    expect(vnDay(startOfDay('2026-03-20'))).toBe('2026-03-20')
  })

  it('tells a real calendar day from a malformed one', () => {
    expect(isIsoDay('2026-03-20')).toBe(true)
    expect(isIsoDay('2026-3-20')).toBe(false)
    expect(isIsoDay('2026-13-01')).toBe(false)
  })
})
