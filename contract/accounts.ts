import { z } from 'zod'
import { newPassword } from './auth.ts'
import { listOf } from './common.ts'
import { ROLES, type Role } from './roles.ts'

/** Accounts and their role grants are administered within the administrator's scope. */
export const ACCOUNT_ADMIN_ROLES: readonly Role[] = ['admin']
/** Roles that read or decide across units: granting one needs a second person, a committee member. */
export const TWO_PERSON_ROLES: readonly Role[] = ['committee', 'board', 'auditor']
/** Who approves a request for one of those roles. */
export const ROLE_APPROVER_ROLES: readonly Role[] = ['committee']

export const roleGrantInput = z.strictObject({ role: z.enum(ROLES), unitId: z.number().int().positive() })

export const createAccountInput = z.strictObject({
  username: z.string().trim().min(3).max(60).regex(/^[a-z0-9._-]+$/),
  personId: z.number().int().positive().nullable().optional(),
  password: newPassword,
  roles: z.array(roleGrantInput).max(50).default([]),
})

export const updateAccountInput = z.strictObject({
  version: z.number().int().positive(),
  isActive: z.boolean().optional(),
  resetPassword: newPassword.optional(),
})

export const accountListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
})

export const grantParams = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647), grantId: z.coerce.number().int().positive().max(2_147_483_647) })

export const accountDto = z.object({
  id: z.number().int(),
  username: z.string(),
  personId: z.number().int().nullable(),
  personName: z.string().nullable(),
  /** The home unit: the person's unit, else the first grant's. Who may administer the account follows it. */
  unitId: z.number().int().nullable(),
  isActive: z.boolean(),
  isTotpEnabled: z.boolean(),
  roles: z.array(z.object({ id: z.number().int(), role: z.enum(ROLES), unitId: z.number().int(), unitName: z.string() })),
  /** Roles asked for that wait for a committee member's approval. */
  pendingRoles: z.array(z.object({ requestId: z.number().int(), role: z.enum(ROLES), unitId: z.number().int(), unitName: z.string(), requestedBy: z.string() })),
  version: z.number().int(),
})
export type AccountDto = z.infer<typeof accountDto>
export const accountListDto = listOf(accountDto)

export const roleRequestDto = z.object({
  id: z.number().int(),
  accountId: z.number().int(),
  username: z.string(),
  role: z.enum(ROLES),
  unitId: z.number().int(),
  unitName: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
})
export const roleRequestListDto = listOf(roleRequestDto)
