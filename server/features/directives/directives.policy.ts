import type { Role } from '../../../contract/roles.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { canReach } from '../../http/scope.ts'

/** Register, edit, issue and close directives: the board runs it, the committee issues. */
export const DIRECTIVE_MANAGE_ROLES: readonly Role[] = ['board', 'committee']
/** Everyone reads the directives addressed to units in their scope. */
export const DIRECTIVE_READ_ROLES: readonly Role[] = ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'staff', 'auditor', 'admin']
/** Acknowledge receipt on behalf of a unit. */
export const ACKNOWLEDGE_ROLES: readonly Role[] = ['unitHead', 'unitOfficer']

export const canManageDirective = (user: CurrentUser, ownerPath: string) => canReach(user, DIRECTIVE_MANAGE_ROLES, ownerPath)
export const canAcknowledgeFor = (user: CurrentUser, unitPath: string) => canReach(user, ACKNOWLEDGE_ROLES, unitPath)
