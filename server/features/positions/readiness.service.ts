// The board's roll-up of a subtree: positions filled and their holders' vetting, officers and their
// training, units without an officer. Read from per-unit figures kept by the database (migration
// 0011) as of one day; the first reader of a new day (or the hourly job) moves them forward.
import type { ReadinessDto } from '../../../contract/positions.ts'
import type { Config } from '../../config.ts'
import type { Db, Queryable } from '../../db/types.ts'
import { childUnits, readinessState, readinessSums, rollReadiness, unitGaps, type ReadinessRow } from './readiness.queries.ts'

export interface ReadinessThresholds {
  expiringDays: number
  cycleMonths: number
  dueDays: number
}

export const thresholdsOf = (config: Pick<Config, 'vettingExpiringDays' | 'trainingCycleMonths' | 'trainingDueDays'>): ReadinessThresholds => ({
  expiringDays: config.vettingExpiringDays, cycleMonths: config.trainingCycleMonths, dueDays: config.trainingDueDays,
})

/** Moves the precomputed figures to `day` and the configured thresholds, unless they are there already. */
export async function ensureReadinessDay(db: Db, day: string, t: ReadinessThresholds): Promise<void> {
  const s = await readinessState(db)
  if (s.asOf === day && s.expiringDays === t.expiringDays && s.cycleMonths === t.cycleMonths && s.dueDays === t.dueDays) return
  await db.transaction((tx) => rollReadiness(tx, day, t))
}

function counts(r: ReadinessRow) {
  const needing = r.filled - r.notRequired
  return {
    units: r.units, unitsWithoutOfficer: r.unitsWithoutOfficer, unitsWithoutCurrentTraining: r.unitsWithoutCurrentTraining,
    positions: r.positions, filled: r.filled,
    vetting: { current: r.current, expiring: r.expiring, expired: r.expired, not_met: r.notMet, none: r.none, not_required: r.notRequired },
    vettedShare: needing > 0 ? (r.current + r.expiring) / needing : null,
    officers: r.officers,
    training: { current: r.tCurrent, due: r.tDue, overdue: r.tOverdue, none: r.tNone },
  }
}

/** The readiness of the unit's subtree on `day`, with a row per active child unit unless `children` is false. */
export async function unitReadiness(db: Db, unit: { id: number; path: string }, day: string, t: ReadinessThresholds, children: boolean): Promise<ReadinessDto> {
  await ensureReadinessDay(db, day, t)
  return readinessOf(db, unit, day, children)
}

async function readinessOf(db: Queryable, unit: { id: number; path: string }, day: string, children: boolean): Promise<ReadinessDto> {
  const rows = await readinessSums(db, unit.path, children)
  const total = rows.find((r) => r.childId === null)!
  const byChild = new Map(rows.filter((r) => r.childId !== null).map((r) => [r.childId, r]))
  const kids = children ? await childUnits(db, unit.id) : []
  return {
    unitId: unit.id,
    asOf: day,
    ...counts(total),
    children: kids.filter((k) => byChild.has(k.id)).map((k) => ({ unitId: k.id, code: k.code, name: k.name, ...counts(byChild.get(k.id)!) })),
  }
}

/** The subtree's units without an officer in office, and those whose officers have no current training, on `day`. */
export async function unitGapsOf(db: Db, unitPath: string, day: string, t: ReadinessThresholds) {
  await ensureReadinessDay(db, day, t)
  return unitGaps(db, unitPath)
}
