import type { Me } from '../../../contract/auth.ts'
import { hasAnyRole } from '../auth/access.ts'
import { useUnitIndex } from '../units/api.ts'
import { useMyNotices } from './api.ts'

/**
 * Is the user the head of a board unit (the unit that holds cases)? That head creates the named
 * groups and decides who is in them. The unit list is asked for only when the user heads a unit.
 */
export function useIsBoardHead(me: Me | null | undefined): boolean {
  const headOf = (me?.roles ?? []).filter((g) => g.role === 'unitHead').map((g) => g.unitId)
  const index = useUnitIndex(headOf.length > 0)
  return headOf.some((id) => index.byId.get(id)?.kind === 'board')
}

/** What some menu items wait for besides a role. */
export interface CaseNavFlags {
  /** The user is the subject of a case and has notices to read and answer. */
  hasCaseNotices: boolean
  /** The user heads the board that holds cases (decides the named groups), or administers the system. */
  managesCaseGroups: boolean
}

/** Worked out once by the menu. */
export function useCaseNavFlags(me: Me): CaseNavFlags {
  const notices = useMyNotices()
  const isBoardHead = useIsBoardHead(me)
  return { hasCaseNotices: !!notices.data?.length, managesCaseGroups: isBoardHead || hasAnyRole(me, ['admin']) }
}
