import type { Role } from '../../../contract/roles.ts'

/** Draft the plan, record progress and evidence, ask for more time. */
export const PLAN_EDIT_ROLES: readonly Role[] = ['unitOfficer', 'unitHead']
/** Approve and submit the unit's plan. */
export const PLAN_SUBMIT_ROLES: readonly Role[] = ['unitHead']
/** Return or accept a submitted plan; decide on deadline extensions. */
export const PLAN_REVIEW_ROLES: readonly Role[] = ['board', 'committee']
export const PLAN_READ_ROLES: readonly Role[] = ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'auditor']
