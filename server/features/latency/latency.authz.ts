// The authorization matrix's row for process latency (server/authz.test.ts runs it): `under` must
// be a unit in the caller's scope.
import type { MatrixContext, RouteCase } from '../../../test/authz.ts'
import { LATENCY_ROLES } from '../../../contract/latency.ts'

export function latencyRoutes(m: MatrixContext): RouteCase[] {
  return [
    {
      method: 'GET', url: '/api/v1/latency', roles: LATENCY_ROLES,
      records: async () => ({ inUrl: `/api/v1/latency?under=${m.f.unitA.id}`, outUrl: `/api/v1/latency?under=${m.f.unitB.id}` }),
    },
  ]
}
