export { PLAN_EDIT_ROLES, PLAN_READ_ROLES, PLAN_REVIEW_ROLES, PLAN_SUBMIT_ROLES } from '../../../contract/plans.ts'
