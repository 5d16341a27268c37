// Matches roster rows to the unit's people. Pure, so every rule below is tested without a database.
import { foldVietnamese } from '../../../contract/vietnamese.ts'
import type { RosterRowReason } from '../../../contract/dissemination.ts'
import type { RowError } from '../../http/errors.ts'
import type { RosterCandidate } from './dissemination.queries.ts'
import type { RosterRow } from './roster.parse.ts'

/** What two spellings of one name share: no diacritics, no case, single spaces. */
export const nameKey = (s: string) => foldVietnamese(s.normalize('NFC')).replace(/\s+/g, ' ').trim()

export interface RosterRowError {
  row: number
  value: string
  reason: RosterRowReason
  /** For duplicates: the earlier row naming the same person. */
  firstRow?: number
}

const MESSAGE_KEYS = { notFound: 'rowNotFound', ambiguous: 'rowAmbiguous', inactive: 'rowInactive', duplicate: 'rowDuplicate', emptyName: 'rowEmptyName' } as const

/** A bad row as the one error path reports it: the reason's message names the value (or the first row of a duplicate). */
export const toRowError = (e: RosterRowError): RowError => ({
  row: e.row, value: e.value, reason: e.reason, message: { key: MESSAGE_KEYS[e.reason], n: e.reason === 'duplicate' ? e.firstRow : e.value },
})

export interface MatchResult {
  personIds: number[]
  errors: RosterRowError[]
}

/**
 * Each row's name must name exactly one person of the unit or its sub-units. When several share the
 * name, email and then position narrow the choice, and an active person wins over former staff;
 * a column that would narrow to nobody is ignored (the system may not know everyone's email).
 */
export function matchRoster(rows: RosterRow[], people: RosterCandidate[]): MatchResult {
  const byName = new Map<string, RosterCandidate[]>()
  for (const p of people) {
    const k = nameKey(p.fullName)
    byName.set(k, [...(byName.get(k) ?? []), p])
  }
  const narrow = (set: RosterCandidate[], keep: (p: RosterCandidate) => boolean) => {
    const kept = set.filter(keep)
    return kept.length ? kept : set
  }
  const firstRowOf = new Map<number, number>()
  const personIds: number[] = []
  const errors: RosterRowError[] = []
  for (const r of rows) {
    if (!r.name) {
      errors.push({ row: r.row, value: '', reason: 'emptyName' })
      continue
    }
    let set = byName.get(nameKey(r.name)) ?? []
    if (!set.length) {
      errors.push({ row: r.row, value: r.name, reason: 'notFound' })
      continue
    }
    if (set.length > 1 && r.email) set = narrow(set, (p) => (p.email ?? '').toLowerCase() === r.email.toLowerCase())
    if (set.length > 1 && r.position) set = narrow(set, (p) => nameKey(p.position) === nameKey(r.position))
    if (set.length > 1) set = narrow(set, (p) => p.isActive)
    if (set.length > 1) {
      errors.push({ row: r.row, value: r.name, reason: 'ambiguous' })
      continue
    }
    const person = set[0]
    if (!person.isActive) {
      errors.push({ row: r.row, value: r.name, reason: 'inactive' })
      continue
    }
    const first = firstRowOf.get(person.id)
    if (first !== undefined) {
      errors.push({ row: r.row, value: r.name, reason: 'duplicate', firstRow: first })
      continue
    }
    firstRowOf.set(person.id, r.row)
    personIds.push(person.id)
  }
  return { personIds, errors }
}
