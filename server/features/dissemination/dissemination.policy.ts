import type { Role } from '../../../contract/roles.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { canReach } from '../../http/scope.ts'

/** Who records sessions and imports rosters: the unit's officer and head, and the board, each within scope. */
export const SESSION_WRITE_ROLES: readonly Role[] = ['unitOfficer', 'unitHead', 'board']
/** Who reads sessions and coverage: the writers, plus the committee, auditors and inspection teams. */
export const SESSION_READ_ROLES: readonly Role[] = [...SESSION_WRITE_ROLES, 'committee', 'auditor', 'inspector']

export const canReadSessionsOf = (user: CurrentUser, unitPath: string) => canReach(user, SESSION_READ_ROLES, unitPath)
export const canRecordSessionsOf = (user: CurrentUser, unitPath: string) => canReach(user, SESSION_WRITE_ROLES, unitPath)
