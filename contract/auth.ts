import { z } from 'zod'
import { ROLES } from './roles.ts'

export const loginInput = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
  totp: z.string().trim().regex(/^\d{6}$/).optional(),
})

export const PASSWORD_RULE = /^(?=.*[A-Za-zÀ-ỹ])(?=.*\d).{10,200}$/

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().max(200).refine((v) => PASSWORD_RULE.test(v), { params: { key: 'weakPassword' } }),
})

export const totpConfirmInput = z.strictObject({ code: z.string().trim().regex(/^\d{6}$/) })
export const totpDisableInput = z.strictObject({ password: z.string().min(1).max(200) })

export const meOutput = z.object({
  id: z.number(),
  username: z.string(),
  person: z.object({ id: z.number(), fullName: z.string(), unitId: z.number(), position: z.string() }).nullable(),
  roles: z.array(z.object({ role: z.enum(ROLES), unitId: z.number() })),
  isTotpEnabled: z.boolean(),
  isMfaSetupRequired: z.boolean(),
  mustChangePassword: z.boolean(),
  csrfToken: z.string(),
})
export type Me = z.infer<typeof meOutput>

/** A second factor being set up: the secret, and the otpauth:// URI an authenticator app scans. */
export const totpSetupDto = z.object({ secret: z.string(), uri: z.string() })

/** The CSRF token travels in this cookie (readable by the page) and must come back in this header. */
export const CSRF_COOKIE = 'bvct_csrf'
export const CSRF_HEADER = 'x-csrf-token'
export const SESSION_COOKIE = 'bvct_session'
