import { UNIT_READ_ROLES, UNIT_WRITE_ROLES } from '../../../contract/units.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { canReach } from '../../http/scope.ts'

export { UNIT_READ_ROLES, UNIT_WRITE_ROLES }

export const canReadUnit = (user: CurrentUser, unitPath: string) => canReach(user, UNIT_READ_ROLES, unitPath)
export const canManageUnit = (user: CurrentUser, unitPath: string) => canReach(user, UNIT_WRITE_ROLES, unitPath)
