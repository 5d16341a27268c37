// The legal limits of an inspection (model procedure 331-QĐ/TW), as pure rules over Vietnamese days:
// how long it may last by level, how far it may be extended, how far back it may look, how small its
// team may be. The values come from configuration (server/config.ts); these functions only apply them.
import type { InspectionLevel, InspectionRules } from '../../../contract/inspections.ts'
import type { FieldError } from '../../http/errors.ts'
import { addDays } from '../../lib/dates.ts'
import { vnTextDate } from '../reports/documents/vn-format.ts'

/**
 * The deadline of an inspection starting on `startDate`: it may last the level's number of days,
 * its first day included (60 days from 1 April end on 30 May).
 */
export function deadlineFor(startDate: string, level: InspectionLevel, rules: InspectionRules): { durationDays: number; deadline: string } {
  const durationDays = rules.durationDays[level]
  return { durationDays, deadline: lastDay(startDate, durationDays) }
}

/** The last day of `durationDays` days starting on `startDate`. */
export const lastDay = (startDate: string, durationDays: number) => addDays(startDate, durationDays - 1)

/** Days all extensions together may add: a third of 60 is 20, of 45 is 15, of 20 is 6. */
export const maxExtensionDays = (durationDays: number, rules: InspectionRules) => Math.floor(durationDays * rules.extensionMaxFraction + 1e-9)

/** What the rules still allow an inspection: extensions left and the latest deadline one may set. */
export function extensionAllowance(i: { durationDays: number; originalDeadline: string }, extensionsSoFar: number, rules: InspectionRules) {
  return { remaining: Math.max(0, rules.maxExtensions - extensionsSoFar), latestDeadline: addDays(i.originalDeadline, maxExtensionDays(i.durationDays, rules)) }
}

/**
 * Why an extension to `newDeadline` cannot be given, by field; null when it can. The original
 * deadline never moves: the limit is counted from it, however many extensions there were.
 */
export function extensionRefusal(
  i: { durationDays: number; originalDeadline: string; deadline: string }, extensionsSoFar: number, newDeadline: string, rules: InspectionRules,
): Record<string, FieldError> | null {
  const allowance = extensionAllowance(i, extensionsSoFar, rules)
  if (allowance.remaining === 0) return { newDeadline: { key: 'extensionLimit', n: rules.maxExtensions } }
  if (newDeadline <= i.deadline) return { newDeadline: 'notLater' }
  if (newDeadline > allowance.latestDeadline) return { newDeadline: { key: 'extensionTooLong', n: vnTextDate(allowance.latestDeadline) } }
  return null
}

/** The same day `years` years earlier (29 February falls back to the 28th). */
export function yearsBefore(day: string, years: number): string {
  const [y, m, d] = day.split('-')
  const back = `${String(Number(y) - years).padStart(4, '0')}-${m}-${d}`
  return m === '02' && d === '29' ? back.replace(/-29$/, '-28') : back
}

/**
 * Why a period reviewed cannot be taken; null when it can. It must run forwards, span at most the
 * rule's number of years, and begin no earlier than 1 January of the year that many years before
 * the decision ("the last five years": a 2026 decision may look at 2021–2025, not 2020).
 */
export function periodRefusal(periodFrom: string, periodTo: string, decisionDate: string, rules: InspectionRules): Record<string, FieldError> | null {
  if (periodTo < periodFrom) return { periodTo: { key: 'notBefore', n: vnTextDate(periodFrom) } }
  const years = rules.maxPeriodYears
  const earliest = `${Number(decisionDate.slice(0, 4)) - years}-01-01`
  if (periodFrom <= yearsBefore(periodTo, years) || periodFrom < earliest) return { periodFrom: { key: 'periodTooLong', n: years } }
  return null
}

/** At least three unless the form says otherwise: regular supervision may be one member's. */
export function minTeamSize(form: { kind: string; mode: string }, rules: InspectionRules): number {
  return form.kind === 'supervision' && form.mode === 'regular' ? rules.minTeamRegularSupervision : rules.minTeam
}
