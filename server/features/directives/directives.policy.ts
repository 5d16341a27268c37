import { ACKNOWLEDGE_ROLES, DIRECTIVE_MANAGE_ROLES, DIRECTIVE_READ_ROLES } from '../../../contract/directives.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { canReach } from '../../http/scope.ts'

export { ACKNOWLEDGE_ROLES, DIRECTIVE_MANAGE_ROLES, DIRECTIVE_READ_ROLES }

export const canManageDirective = (user: CurrentUser, ownerPath: string) => canReach(user, DIRECTIVE_MANAGE_ROLES, ownerPath)
export const canAcknowledgeFor = (user: CurrentUser, unitPath: string) => canReach(user, ACKNOWLEDGE_ROLES, unitPath)
