import { BREAK_GLASS_ROLES, CASE_APPROVE_ROLES, CASE_GROUP_ROLES, CASE_OPEN_ROLES, CASE_SUMMARY_ROLES } from '../../../contract/cases.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { hasRole } from '../../http/scope.ts'

export { BREAK_GLASS_ROLES, CASE_APPROVE_ROLES, CASE_GROUP_ROLES, CASE_OPEN_ROLES, CASE_SUMMARY_ROLES }

/** Administrators run the system and never read confidential content, whatever list they are on. */
export const isAdministrator = (user: CurrentUser) => hasRole(user, ['admin'])

/** The board's head: the head of the board unit that holds the case (or the group). */
export const isBoardHead = (user: CurrentUser, boardUnitId: number) => user.grants.some((g) => g.role === 'unitHead' && g.unitId === boardUnitId)
