import { z } from 'zod'
import { passwordProblem } from './passwords.ts'
import { ROLES } from './roles.ts'

export const loginInput = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
  totp: z.string().trim().regex(/^\d{6}$/).optional(),
})

/** A new password, checked for length, letters, digits and commonness (contract/passwords.ts). */
export const newPassword = z.string().max(200).superRefine((v, ctx) => {
  const problem = passwordProblem(v)
  if (problem) ctx.addIssue({ code: 'custom', params: { key: problem } })
})

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword,
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
