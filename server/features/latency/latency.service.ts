// Process latency for the caller's subtree (issue 14, point 7). A measure whose steps BVCT does not
// record yet answers `tracked: false` with every figure null: "not tracked yet", never a made-up 0.
import { LATENCY_LABELS, LATENCY_MEASURES, type LatencyDto } from '../../../contract/latency.ts'
import type { Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { scopePaths } from '../../http/scope.ts'
import { unitInScope } from '../units/units.access.ts'
import { isTracked, latencyFigures } from './latency.queries.ts'
import { LATENCY_ROLES } from './latency.policy.ts'

const oneDecimal = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10)

export async function processLatency(db: Queryable, user: CurrentUser, query: { under?: number; since?: string }, today: string): Promise<LatencyDto> {
  const underPath = query.under ? (await unitInScope(db, user, LATENCY_ROLES, query.under)).path : undefined
  const scopes = scopePaths(user, LATENCY_ROLES)
  const measures = []
  for (const key of LATENCY_MEASURES) {
    const label = LATENCY_LABELS[key]
    if (!(await isTracked(db, key))) {
      measures.push({ key, label, tracked: false, count: null, medianDays: null, p90Days: null, pending: null, oldestPendingDays: null })
      continue
    }
    const f = await latencyFigures(db, key, scopes, { underPath, since: query.since, today })
    measures.push({ key, label, tracked: true, count: f.count, medianDays: oneDecimal(f.median), p90Days: oneDecimal(f.p90), pending: f.pending, oldestPendingDays: f.oldest })
  }
  return { asOf: today, measures }
}
