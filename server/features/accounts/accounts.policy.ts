import type { Role } from '../../../contract/roles.ts'

export const ACCOUNT_ADMIN_ROLES: readonly Role[] = ['admin']
