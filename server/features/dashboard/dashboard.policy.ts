import type { Role } from '../../../contract/roles.ts'

/** Leaders see the whole tree; a unit sees its own subtree. */
export const DASHBOARD_ROLES: readonly Role[] = ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'auditor']
