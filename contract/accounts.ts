import { z } from 'zod'
import { PASSWORD_RULE } from './auth.ts'
import { ROLES } from './roles.ts'

export const roleGrantInput = z.strictObject({ role: z.enum(ROLES), unitId: z.number().int().positive() })

export const createAccountInput = z.strictObject({
  username: z.string().trim().min(3).max(60).regex(/^[a-z0-9._-]+$/),
  personId: z.number().int().positive().nullable().optional(),
  password: z.string().max(200).refine((v) => PASSWORD_RULE.test(v), { params: { key: 'weakPassword' } }),
  roles: z.array(roleGrantInput).max(50).default([]),
})

export const updateAccountInput = z.strictObject({
  version: z.number().int().positive(),
  isActive: z.boolean().optional(),
  resetPassword: z
    .string()
    .max(200)
    .refine((v) => PASSWORD_RULE.test(v), { params: { key: 'weakPassword' } })
    .optional(),
})

export const accountListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
})

export interface AccountDto {
  id: number
  username: string
  personId: number | null
  personName: string | null
  unitId: number | null
  isActive: boolean
  isTotpEnabled: boolean
  roles: { id: number; role: (typeof ROLES)[number]; unitId: number; unitName: string }[]
  version: number
}
