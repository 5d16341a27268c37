import type { Role } from '../../../contract/roles.ts'

/** Who may read the staff list of a unit in their scope. Staff see only themselves (via /me). */
export const PEOPLE_READ_ROLES: readonly Role[] = ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'auditor', 'admin']
/** Who may keep the staff list: administrators, and a unit's own officer for its roster. */
export const PEOPLE_WRITE_ROLES: readonly Role[] = ['admin', 'unitOfficer']
