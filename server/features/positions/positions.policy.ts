import { POSITION_READ_ROLES, POSITION_WRITE_ROLES, READINESS_ROLES } from '../../../contract/positions.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { canReach } from '../../http/scope.ts'

export { POSITION_READ_ROLES, POSITION_WRITE_ROLES, READINESS_ROLES }

export const canReadRegisterOf = (user: CurrentUser, unitPath: string) => canReach(user, POSITION_READ_ROLES, unitPath)
export const canKeepRegisterOf = (user: CurrentUser, unitPath: string) => canReach(user, POSITION_WRITE_ROLES, unitPath)
