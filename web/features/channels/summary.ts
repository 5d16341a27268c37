// Pure helpers of the channels and incidents pages.

interface UnitLike {
  id: number
  name: string
  parentId: number | null
}

/**
 * The units from the top of the caller's scope down to `unitId`, for the crumbs above the board's
 * view: the walk stops at the first unit the caller cannot see (the scope ends there).
 */
export function unitChain<U extends UnitLike>(unitId: number, byId: ReadonlyMap<number, U>): U[] {
  const chain: U[] = []
  for (let id: number | null = unitId, guard = 0; id !== null && guard < 100; guard++) {
    const unit = byId.get(id)
    if (!unit) break
    chain.unshift(unit)
    id = unit.parentId
  }
  return chain
}

/** Hours (or days) as the page shows them: one decimal below 10, whole above ("2,5 giờ", "31 giờ"). */
export function formatHours(hours: number, lang: 'vi' | 'en'): string {
  const rounded = hours < 10 ? Math.round(hours * 10) / 10 : Math.round(hours)
  return rounded.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')
}

interface RowLike {
  isAggregate: boolean
  channels: { reviewOverdue: number; twoFactorMissing: number; neverReviewed: number }
  incidents: { open: number; openOverdue: number }
}

/** What wants attention in a row of the board's view: overdue reviews, missing 2FA, open incidents. */
export const attentionOf = (r: RowLike) => r.channels.reviewOverdue + r.channels.twoFactorMissing + r.channels.neverReviewed + r.incidents.open + r.incidents.openOverdue

/**
 * The board's rows worst first: the unit's own row (not a subtree) stays on top, then the subtrees
 * by what wants attention, the server's order (the tree's) among equals.
 */
export function worstFirst<R extends RowLike>(rows: readonly R[]): R[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => Number(a.r.isAggregate) - Number(b.r.isAggregate) || attentionOf(b.r) - attentionOf(a.r) || a.i - b.i)
    .map(({ r }) => r)
}
