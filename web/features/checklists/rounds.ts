// A template's rounds as the board speaks of them: the units given it together (same name, same due
// date), latest due first, each unit with where its answers stand.
import type { AssignmentSummaryDto } from '../../../contract/checklists.ts'
import { vnSortKey } from '../../../contract/vietnamese.ts'

export interface Round {
  key: string
  title: string
  dueDate: string
  units: AssignmentSummaryDto[]
}

/** Rounds latest due first; in each, its units in Vietnamese dictionary order. */
export function roundsOf(assignments: AssignmentSummaryDto[]): Round[] {
  const byKey = new Map<string, Round>()
  for (const a of assignments) {
    const key = `${a.title}|${a.dueDate}`
    const round = byKey.get(key) ?? { key, title: a.title, dueDate: a.dueDate, units: [] }
    round.units.push(a)
    byKey.set(key, round)
  }
  const byName = (x: AssignmentSummaryDto, y: AssignmentSummaryDto) => (vnSortKey(x.unitName) < vnSortKey(y.unitName) ? -1 : vnSortKey(x.unitName) > vnSortKey(y.unitName) ? 1 : 0)
  return [...byKey.values()].sort((x, y) => y.dueDate.localeCompare(x.dueDate) || x.title.localeCompare(y.title, 'vi')).map((r) => ({ ...r, units: r.units.sort(byName) }))
}
