// The authorization matrix's row for the job runs view (server/authz.test.ts runs it): admins only;
// the jobs are the whole installation's, so there is no record in or out of scope.
import type { MatrixContext, RouteCase } from '../../../test/authz.ts'
import { JOB_ADMIN_ROLES } from '../../../contract/jobs.ts'

export function jobRoutes(_m: MatrixContext): RouteCase[] {
  return [{ method: 'GET', url: '/api/v1/admin/jobs', roles: JOB_ADMIN_ROLES }]
}
