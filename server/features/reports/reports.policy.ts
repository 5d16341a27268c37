import type { Role } from '../../../contract/roles.ts'

/** Open and close report periods; review reports; generate the consolidated report. */
export const PERIOD_MANAGE_ROLES: readonly Role[] = ['board', 'committee']
export const REPORT_EDIT_ROLES: readonly Role[] = ['unitOfficer', 'unitHead']
export const REPORT_SUBMIT_ROLES: readonly Role[] = ['unitHead']
export const REPORT_REVIEW_ROLES: readonly Role[] = ['board', 'committee']
export const REPORT_READ_ROLES: readonly Role[] = ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'auditor']
