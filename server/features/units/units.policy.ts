import type { Role } from '../../../contract/roles.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { canReach } from '../../http/scope.ts'

/** Who may see the unit tree at all: every role, each within its own scope. */
export const UNIT_READ_ROLES: readonly Role[] = ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'staff', 'auditor', 'admin']
/** Who may change the tree. */
export const UNIT_WRITE_ROLES: readonly Role[] = ['admin']

export const canReadUnit = (user: CurrentUser, unitPath: string) => canReach(user, UNIT_READ_ROLES, unitPath)
export const canManageUnit = (user: CurrentUser, unitPath: string) => canReach(user, UNIT_WRITE_ROLES, unitPath)
