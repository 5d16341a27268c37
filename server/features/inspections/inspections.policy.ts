// Who may call what: the role lists live in the contract (the web shows and hides by them too).
export {
  CONCLUSION_ISSUE_ROLES, INSPECTION_MANAGE_ROLES, INSPECTION_OVERSIGHT_ROLES, INSPECTION_PLAN_APPROVE_ROLES, INSPECTION_READ_ROLES, INSPECTION_TEAM_ROLES,
  INSPECTION_UNIT_ROLES,
} from '../../../contract/inspections.ts'
export { CORRECTIVE_READ_ROLES, CORRECTIVE_REPORT_ROLES, CORRECTIVE_VERIFY_ROLES } from '../../../contract/corrective-actions.ts'
export { CHECKLIST_ANSWER_ROLES, CHECKLIST_MANAGE_ROLES, CHECKLIST_READ_ROLES, CHECKLIST_SUBMIT_ROLES } from '../../../contract/checklists.ts'

/** A finding that needs correcting: a shortcoming or a violation (a strength never does). */
export const needsCorrection = (kind: string) => kind !== 'strength'
