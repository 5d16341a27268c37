import { SESSION_READ_ROLES, SESSION_WRITE_ROLES } from '../../../contract/dissemination.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { canReach } from '../../http/scope.ts'

export { SESSION_READ_ROLES, SESSION_WRITE_ROLES }

export const canReadSessionsOf = (user: CurrentUser, unitPath: string) => canReach(user, SESSION_READ_ROLES, unitPath)
export const canRecordSessionsOf = (user: CurrentUser, unitPath: string) => canReach(user, SESSION_WRITE_ROLES, unitPath)
