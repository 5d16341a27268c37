export { ACCOUNT_ADMIN_ROLES } from '../../../contract/accounts.ts'
