// The overview's nightly snapshot (server/jobs.ts runs it): every indicator over every unit's
// subtree, so the page draws each indicator's last 12 months without recomputing the past.
import type { Config } from '../../config.ts'
import type { Db } from '../../db/types.ts'
import { overviewDepsOf, snapshotIndicators } from './overview.service.ts'

export const runOverviewSnapshot = (db: Db, config: Config, day: string, now: Date) => snapshotIndicators(overviewDepsOf(db, config), day, now)
