// The committee's overview for the caller's scope (issue 14, points 5-6): every indicator live as of
// today, its trend from the nightly snapshots (the month in progress as of now), and the drill-down
// to the units behind it, worst first. An indicator whose feature's tables do not exist in this
// database is `tracked: false` with every figure null: "not tracked yet", never a made-up 0.
import { OFFICER_UNIT_KINDS } from '../../../contract/officers.ts'
import {
  INDICATORS, INDICATOR_LABELS, type IndicatorDto, type IndicatorKey, type IndicatorUnitsDto, type OverviewDto,
} from '../../../contract/overview.ts'
import type { Config } from '../../config.ts'
import type { Db } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { scopePaths } from '../../http/scope.ts'
import { chunksOf } from '../../lib/chunks.ts'
import { addMonths } from '../../lib/dates.ts'
import { ensureReadinessDay, thresholdsOf, type ReadinessThresholds } from '../positions/readiness.service.ts'
import { unitInScope } from '../units/units.access.ts'
import {
  NEEDS, coverageSums, existingTables, idsOfPaths, indicatorSums, snapshotTrend, subtreeSums, unitsById, upsertSnapshots, type SnapshotRow, type SourceParams, type Sums,
} from './overview.queries.ts'
import type { OverviewCache } from './overview.cache.ts'
import { OVERVIEW_ROLES } from './overview.policy.ts'

export interface OverviewDeps {
  db: Db
  channelReviewMonths: number
  channelFirstReviewDays: number
  readiness: ReadinessThresholds
}

export const overviewDepsOf = (db: Db, config: Config): OverviewDeps => ({
  db, channelReviewMonths: config.channelReviewMonths, channelFirstReviewDays: config.channelFirstReviewDays, readiness: thresholdsOf(config),
})

const META = new Map(INDICATORS.map((i) => [i.key as IndicatorKey, i]))
const READINESS_KEYS: IndicatorKey[] = ['key_positions_vetted', 'units_with_trained_officer']

/** The indicators whose tables all exist in this database. */
export async function trackedIndicators(deps: OverviewDeps): Promise<Set<IndicatorKey>> {
  const needed = [...new Set(Object.values(NEEDS).flat())]
  const present = await existingTables(deps.db, needed)
  return new Set(INDICATORS.map((i) => i.key as IndicatorKey).filter((k) => (NEEDS[k] ?? []).every((t) => present.has(t))))
}

/** The sources' parameters for `today`; moves the positions feature's figures to today when they are read. */
async function prepare(deps: OverviewDeps, tracked: Set<IndicatorKey>, today: string): Promise<SourceParams> {
  if (READINESS_KEYS.some((k) => tracked.has(k))) await ensureReadinessDay(deps.db, today, deps.readiness)
  return { today, channelReviewMonths: deps.channelReviewMonths, channelFirstReviewDays: deps.channelFirstReviewDays, officerUnitKinds: OFFICER_UNIT_KINDS }
}

/** A share of `num` over `den` (null with nothing to divide), or a count. */
function valueOf(key: IndicatorKey, num: number | null, den: number | null): number | null {
  if (num === null) return null
  if (META.get(key)!.kind === 'count') return num
  return den ? num / den : null
}

function figures(key: IndicatorKey, s: Pick<Sums, 'num' | 'den'> | undefined) {
  const count = META.get(key)!.kind === 'count'
  const num = s?.num ?? 0
  const den = count ? null : (s?.den ?? 0)
  return { value: valueOf(key, num, den), numerator: num, denominator: den }
}

const UNTRACKED = { value: null, numerator: null, denominator: null }

/** The first days of the 12 months ending with `today`'s, oldest first. */
export function lastTwelveMonths(today: string): string[] {
  const first = today.slice(0, 8) + '01'
  return Array.from({ length: 12 }, (_, i) => addMonths(first, i - 11))
}

/** The overview of the caller's scope, or of the unit `under` in it. */
export async function committeeOverview(deps: OverviewDeps, user: CurrentUser, query: { under?: number }, today: string): Promise<OverviewDto> {
  const under = query.under ? await unitInScope(deps.db, user, OVERVIEW_ROLES, query.under) : null
  const scopes = scopePaths(user, OVERVIEW_ROLES)
  const tracked = await trackedIndicators(deps)
  const params = await prepare(deps, tracked, today)
  const roots = under ? [under.id] : idsOfPaths(scopes)
  // Coverage from the matrix's subtree sums; the rest from their sources.
  const sums = await indicatorSums(deps.db, [...tracked].filter((k) => k !== 'dissemination_coverage'), { ...params, scopes, underPath: under?.path })
  const live = new Map(sums.map((s) => [s.key, s]))
  live.set('dissemination_coverage', { key: 'dissemination_coverage', unitId: null, ...(await coverageSums(deps.db, roots)) })

  const months = lastTwelveMonths(today)
  const snapshots = await snapshotTrend(deps.db, roots, months[0])
  const trendOf = (key: IndicatorKey, current: number | null) =>
    months.map((m, i) => {
      const month = m.slice(0, 7)
      if (i === months.length - 1) return { month, value: current }
      const s = snapshots.find((r) => r.indicator === key && r.month === month && r.tracked)
      return { month, value: s ? valueOf(key, s.num, s.den) : null }
    })

  const indicators: IndicatorDto[] = INDICATORS.map((i) => {
    const key = i.key as IndicatorKey
    const base = { requirement: i.requirement, key, label: INDICATOR_LABELS[key], kind: i.kind, page: i.page }
    if (!tracked.has(key)) return { ...base, ...UNTRACKED, tracked: false, trend: [] }
    const f = figures(key, live.get(key))
    return { ...base, ...f, tracked: true, trend: trendOf(key, f.value) }
  })
  return { asOf: today, unitId: under?.id ?? null, indicators }
}

/**
 * The overview through the cache: computed again only once something it reads has changed (or the
 * day has). What decides its content: the caller's scopes, `under` and the day.
 */
export function cachedOverview(deps: OverviewDeps, cache: OverviewCache, user: CurrentUser, query: { under?: number }, today: string): Promise<OverviewDto> {
  const request = ['overview', scopePaths(user, OVERVIEW_ROLES).sort(), query.under ?? null, today]
  return cache.through(deps.db, request, () => committeeOverview(deps, user, query, today))
}

/** One indicator's drill-down through the cache, as cachedOverview. */
export function cachedIndicatorUnits(deps: OverviewDeps, cache: OverviewCache, user: CurrentUser, key: IndicatorKey, query: { under?: number }, today: string): Promise<IndicatorUnitsDto> {
  const request = ['units', key, scopePaths(user, OVERVIEW_ROLES).sort(), query.under ?? null, today]
  return cache.through(deps.db, request, () => indicatorUnits(deps, user, key, query, today))
}

/** The name of the unit the overview covers, or of the caller's scope's top units. */
export async function scopeName(deps: OverviewDeps, user: CurrentUser, unitId: number | null): Promise<string> {
  const ids = unitId ? [unitId] : idsOfPaths(scopePaths(user, OVERVIEW_ROLES))
  const units = await unitsById(deps.db, ids)
  return ids.map((id) => units.get(id)?.name ?? '').filter(Boolean).join(', ')
}

/**
 * One indicator for each child of `under` (the unit's own figures as a row of its own when it has
 * any), or for each top unit of the caller's scope: worst first (lowest share, highest count; a
 * unit with nothing to measure last), then in unit order.
 */
export async function indicatorUnits(deps: OverviewDeps, user: CurrentUser, key: IndicatorKey, query: { under?: number }, today: string): Promise<IndicatorUnitsDto> {
  const under = query.under ? await unitInScope(deps.db, user, OVERVIEW_ROLES, query.under) : null
  const scopes = scopePaths(user, OVERVIEW_ROLES)
  const meta = META.get(key)!
  const head = { key, label: INDICATOR_LABELS[key], kind: meta.kind, page: meta.page }
  const tracked = await trackedIndicators(deps)
  if (!tracked.has(key)) return { ...head, tracked: false, items: [] }
  const params = await prepare(deps, tracked, today)

  let sums: Sums[]
  if (under) sums = await indicatorSums(deps.db, [key], { ...params, scopes, underPath: under.path, byChild: true })
  else {
    sums = []
    for (const path of scopes) {
      const [s] = await indicatorSums(deps.db, [key], { ...params, scopes, underPath: path })
      sums.push({ key, unitId: idsOfPaths([path])[0], num: s?.num ?? 0, den: s?.den ?? null })
    }
  }
  const units = await unitsById(deps.db, sums.map((s) => s.unitId!))
  const items = sums
    .filter((s) => units.has(s.unitId!))
    .map((s) => {
      const u = units.get(s.unitId!)!
      return { unitId: s.unitId!, unitName: u.name, unitCode: u.code, hasChildren: u.hasChildren && s.unitId !== under?.id, sortKey: u.sortKey, ...figures(key, s) }
    })
  const badness = (v: number | null) => (v === null ? Infinity : meta.kind === 'count' ? -v : v)
  items.sort((a, b) => badness(a.value) - badness(b.value) || (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.unitId - b.unitId))
  return { ...head, tracked: true, items: items.map(({ sortKey: _sortKey, ...rest }) => rest) }
}

/** Units whose snapshot rows are written in one statement (upsertSnapshots writes 2,000 rows at a time). */
const SNAPSHOT_UNITS = Math.floor(2000 / INDICATORS.length)

/**
 * The nightly snapshot: every indicator over every active unit's subtree, upserted into the month
 * of `day` (the month in progress moves each night; a past month keeps its last night's figures).
 */
export async function snapshotIndicators(deps: OverviewDeps, day: string, now: Date) {
  const tracked = await trackedIndicators(deps)
  const params = await prepare(deps, tracked, day)
  const sums = await subtreeSums(deps.db, [...tracked], params)
  // Keyed by unit, then indicator; the rows are made and written a chunk of units at a time. At
  // 50,000 units (650,000 rows) a key string per sum and every row built before the first write
  // took the job to +240 MB.
  const byUnit = new Map<number, Map<string, Sums>>()
  for (const s of sums) {
    let own = byUnit.get(s.unitId!)
    if (!own) byUnit.set(s.unitId!, (own = new Map()))
    own.set(s.key, s)
  }
  const rowsOf = (unitId: number): SnapshotRow[] => INDICATORS.map((i) => {
    const key = i.key as IndicatorKey
    if (!tracked.has(key)) return { unitId, key, requirement: i.requirement, isTracked: false, num: null, den: null, value: null }
    const f = figures(key, byUnit.get(unitId)?.get(key))
    return { unitId, key, requirement: i.requirement, isTracked: true, num: f.numerator, den: f.denominator, value: f.value }
  })
  const unitIds = (await deps.db.query<{ id: number }>('SELECT id FROM unit WHERE is_active ORDER BY id')).map((r) => r.id)
  await deps.db.transaction(async (tx) => {
    for (const ids of chunksOf(unitIds, SNAPSHOT_UNITS)) await upsertSnapshots(tx, day.slice(0, 8) + '01', day, now, ids.flatMap(rowsOf))
  })
  return { units: unitIds.length, indicators: tracked.size, rows: unitIds.length * INDICATORS.length }
}
