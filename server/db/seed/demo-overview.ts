// The committee overview's trend in the demo: the nightly snapshot taken once for the month in
// progress (from everything the demo loaded), then the eleven months before it, each unit's figures
// moved back plausibly: shares climbing towards today's from a lower start (each month its own
// wobble from the demo's seed), counts wandering around today's. Without them the trend would be a
// single point.
import type { IndicatorKey } from '../../../contract/overview.ts'
import { lastTwelveMonths, snapshotIndicators } from '../../features/overview/overview.service.ts'
import { upsertSnapshots, type SnapshotRow } from '../../features/overview/overview.queries.ts'
import { thresholdsOf } from '../../features/positions/readiness.service.ts'
import { addDays } from '../../lib/dates.ts'
import type { Queryable } from '../types.ts'
import { demoContext, type DemoFeatureInput } from './demo-context.ts'

/** Takes this month's snapshot and stores eleven earlier months. Returns the months stored. */
export async function loadDemoOverview(tx: Queryable, o: Omit<DemoFeatureInput, 'keys' | 'directiveId'>): Promise<number> {
  const c = demoContext(tx, o)
  const deps = {
    db: c.db, channelReviewMonths: c.config.channelReviewMonths, channelFirstReviewDays: c.config.channelFirstReviewDays, readiness: thresholdsOf(c.config),
  }
  await snapshotIndicators(deps, c.today, o.now)
  const months = lastTwelveMonths(c.today)
  const current = await tx.query<{ unit_id: number; indicator: IndicatorKey; requirement: number; is_tracked: boolean; numerator: number | null; denominator: number | null }>(
    `SELECT unit_id, indicator, requirement, is_tracked, numerator, denominator FROM indicator_snapshot WHERE month = $1::date ORDER BY unit_id, indicator`, [months[11]],
  )
  const keys = [...new Set(current.map((r) => r.indicator))].sort()
  for (let m = 0; m < 11; m++) {
    const back = 11 - m
    // Per indicator this month: how far below today's share it stood, and a count's drift.
    const shareOf = new Map(keys.map((k) => [k, Math.max(0.25, 1 - back * (0.03 + o.rng() * 0.03) + (o.rng() - 0.5) * 0.08)]))
    const driftOf = new Map(keys.map((k) => [k, Math.round((o.rng() - 0.4) * 3)]))
    const rows: SnapshotRow[] = current.map((r) => {
      const base = { unitId: r.unit_id, key: r.indicator, requirement: r.requirement, isTracked: r.is_tracked }
      if (!r.is_tracked || r.numerator === null) return { ...base, num: null, den: null, value: null }
      if (r.denominator === null) {
        const num = r.numerator ? Math.max(0, r.numerator + driftOf.get(r.indicator)!) : 0
        return { ...base, num, den: null, value: num }
      }
      const den = r.denominator
      const num = Math.min(den, Math.round(r.numerator * shareOf.get(r.indicator)!))
      return { ...base, num, den, value: den ? num / den : null }
    })
    // A past month keeps its last night's figures.
    const lastDay = addDays(months[m + 1], -1)
    await upsertSnapshots(tx, months[m], lastDay, new Date(`${lastDay}T17:00:00.000Z`), rows)
  }
  return months.length
}
