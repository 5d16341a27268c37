// The board's view of requirement 4 (issue 14, point 4): per unit, its channels by status (review
// overdue or due soon, never reviewed, second factor missing) and its incidents open and closed with
// their times, rolled up over each subtree. A unit sees its own subtree only.
import type { CybersecurityDto, CybersecurityRowDto } from '../../../contract/incidents.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { scopePaths } from '../../http/scope.ts'
import { vnDay } from '../../lib/dates.ts'
import { channelCountsFor, type ChannelDeps } from '../channels/channels.service.ts'
import { unitInScope } from '../units/units.access.ts'
import { CYBERSECURITY_ROLES } from './incidents.policy.ts'
import { childUnits, unitsAt, type BoardUnit } from './incidents.queries.ts'
import { incidentCountsFor, incidentTotals, type IncidentDeps } from './incidents.service.ts'

const NO_CHANNELS = { total: 0, reviewOverdue: 0, reviewDueSoon: 0, neverReviewed: 0, twoFactorMissing: 0 }

/**
 * With `under`: the unit's own row, then a row per active child over its subtree (drill down by
 * asking again with a child's id). Without: a row per top unit of the caller's scope.
 */
export async function cybersecurityView(
  deps: { channels: ChannelDeps; incidents: IncidentDeps }, user: CurrentUser, query: { under?: number; since?: string }, now: Date,
): Promise<CybersecurityDto> {
  const { db } = deps.incidents
  const today = vnDay(now)
  const scopes = scopePaths(user, CYBERSECURITY_ROLES)
  let own: BoardUnit | null = null
  let groups: BoardUnit[]
  if (query.under) {
    const unit = await unitInScope(db, user, CYBERSECURITY_ROLES, query.under)
    own = (await unitsAt(db, [unit.path]))[0]
    groups = await childUnits(db, unit.id)
  } else {
    groups = await unitsAt(db, scopes)
  }
  const figures = async (paths: string[], ownOnly: boolean) => ({
    channels: await channelCountsFor(deps.channels, scopes, paths, ownOnly, today),
    incidents: await incidentCountsFor(deps.incidents, scopes, paths, { ownOnly, since: query.since, now }),
  })
  const row = (u: BoardUnit, isAggregate: boolean, f: Awaited<ReturnType<typeof figures>>): CybersecurityRowDto => ({
    unitId: u.id, unitName: u.name, unitCode: u.code, parentId: u.parentId, depth: u.depth, hasChildren: u.hasChildren, isAggregate,
    channels: f.channels.get(u.path) ?? NO_CHANNELS, incidents: f.incidents.get(u.path)!,
  })
  const rows: CybersecurityRowDto[] = []
  if (own) rows.push(row(own, false, await figures([own.path], true)))
  const grouped = await figures(groups.map((g) => g.path), false)
  rows.push(...groups.map((g) => row(g, true, grouped)))
  // Totals by their own query: medians do not add up, and a subtree's inactive children hold channels too.
  const totalPaths = own ? [own.path] : scopes
  const t = await figures(totalPaths, false)
  const sum = <K extends keyof typeof NO_CHANNELS>(k: K) => totalPaths.reduce((n, p) => n + (t.channels.get(p)?.[k] ?? 0), 0)
  const channels = { total: sum('total'), reviewOverdue: sum('reviewOverdue'), reviewDueSoon: sum('reviewDueSoon'), neverReviewed: sum('neverReviewed'), twoFactorMissing: sum('twoFactorMissing') }
  const incidents = own ? t.incidents.get(own.path)! : await incidentTotals(deps.incidents, scopes, { since: query.since, now })
  return { asOf: today, targets: deps.incidents.targets, rows, totals: { channels, incidents } }
}
