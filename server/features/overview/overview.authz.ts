// The authorization matrix's rows for the committee's overview (server/authz.test.ts runs them):
// `under` must be a unit in the caller's scope.
import type { MatrixContext, RouteCase } from '../../../test/authz.ts'
import { OVERVIEW_ROLES } from '../../../contract/overview.ts'

export function overviewRoutes(m: MatrixContext): RouteCase[] {
  return [
    {
      method: 'GET', url: '/api/v1/overview', roles: OVERVIEW_ROLES,
      records: async () => ({ inUrl: `/api/v1/overview?under=${m.f.unitA.id}`, outUrl: `/api/v1/overview?under=${m.f.unitB.id}` }),
    },
    {
      method: 'GET', url: '/api/v1/overview.xlsx', roles: OVERVIEW_ROLES,
      records: async () => ({ inUrl: `/api/v1/overview.xlsx?under=${m.f.unitA.id}`, outUrl: `/api/v1/overview.xlsx?under=${m.f.unitB.id}` }),
    },
    {
      method: 'GET', url: '/api/v1/overview.docx', roles: OVERVIEW_ROLES,
      records: async () => ({ inUrl: `/api/v1/overview.docx?under=${m.f.unitA.id}`, outUrl: `/api/v1/overview.docx?under=${m.f.unitB.id}` }),
    },
    {
      method: 'GET', url: '/api/v1/overview/:key/units', roles: OVERVIEW_ROLES,
      records: async () => ({ inUrl: `/api/v1/overview/channels_two_factor/units?under=${m.f.unitA.id}`, outUrl: `/api/v1/overview/channels_two_factor/units?under=${m.f.unitB.id}` }),
    },
  ]
}
