import { MATERIAL_MANAGE_ROLES } from '../../../contract/materials.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { canReach } from '../../http/scope.ts'

export { MATERIAL_MANAGE_ROLES }

/** The board keeps the materials of the directives its scope owns. */
export const canManageMaterialsOf = (user: CurrentUser, directiveOwnerPath: string) => canReach(user, MATERIAL_MANAGE_ROLES, directiveOwnerPath)
