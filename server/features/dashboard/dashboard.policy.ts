export { DASHBOARD_ROLES } from '../../../contract/dashboard.ts'
