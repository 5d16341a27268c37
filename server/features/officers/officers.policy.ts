import { OFFICER_READ_ROLES, OFFICER_WRITE_ROLES } from '../../../contract/officers.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { canReach, isUnder, scopePaths } from '../../http/scope.ts'

export { OFFICER_READ_ROLES, OFFICER_WRITE_ROLES }

export const canReadOfficersOf = (user: CurrentUser, unitPath: string) => canReach(user, OFFICER_READ_ROLES, unitPath)
export const canKeepOfficersOf = (user: CurrentUser, unitPath: string) => canReach(user, OFFICER_WRITE_ROLES, unitPath)

/**
 * A course is seen by readers over the unit that records it, and by readers below it: a course the
 * board runs for the whole ministry is every unit's to see (their officers attend it).
 */
export const canSeeCourse = (user: CurrentUser, ownerPath: string) =>
  canReadOfficersOf(user, ownerPath) || scopePaths(user, OFFICER_READ_ROLES).some((p) => isUnder(p, ownerPath))
