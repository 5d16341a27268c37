// What BVCT will not record about communications and cybersecurity (../shared/DOMAIN.md, "What the
// system will not do"): no personal account of anyone, no password, code or secret key. The rules
// are pure and shared, so a form refuses what the server refuses, with the same field message.
import { z } from 'zod'

/** Mailbox providers anyone can sign up with: an address there is a person's, not a unit's. */
export const PUBLIC_MAIL_DOMAINS = [
  'gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.com.vn', 'ymail.com', 'outlook.com', 'outlook.com.vn', 'hotmail.com', 'live.com', 'msn.com',
  'icloud.com', 'me.com', 'mac.com', 'aol.com', 'proton.me', 'protonmail.com', 'zoho.com', 'gmx.com', 'mail.ru', 'yandex.com', 'qq.com', '163.com', '126.com',
] as const

const EMAIL = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/
/** A Vietnamese phone number, spaces, dots and dashes allowed: how personal Zalo accounts are found. */
const PHONE = /^(\+?84|0)\d{9,10}$/

export const isPublicMailDomain = (domain: string) => (PUBLIC_MAIL_DOMAINS as readonly string[]).includes(domain.trim().toLowerCase().replace(/\.$/, ''))
export const isPhoneNumber = (s: string) => PHONE.test(s.replace(/[\s.()-]/g, ''))
/** The domain of an e-mail address, or null. */
export const mailDomain = (s: string) => EMAIL.exec(s.trim())?.[1].toLowerCase() ?? null

/**
 * Why an address registered as an official channel of kind `kind` is someone's personal account,
 * or null. Only the rules that are certain: a Zalo account found by a phone number is a person's
 * (an Official Account has its own id); a mailbox at a public provider is a person's, and so is a
 * public provider's domain offered as the unit's e-mail domain.
 */
export function personalAccountReason(kind: string, address: string): 'personalAccount' | null {
  const a = address.trim()
  const domain = mailDomain(a)
  if (domain && isPublicMailDomain(domain)) return 'personalAccount'
  if (kind === 'email_domain' && (isPublicMailDomain(a.replace(/^@/, '')) || domain)) return 'personalAccount'
  if (kind === 'zalo_oa') {
    const last = a.replace(/^https?:\/\//i, '').replace(/\/+$/, '').split(/[/?#]/).filter(Boolean).at(-1) ?? a
    if (isPhoneNumber(last) || isPhoneNumber(a)) return 'personalAccount'
  }
  return null
}

// Words that name a credential, in field names (`adminPassword`, `mat_khau`, `otpCode`).
const SECRET_KEY = /pass(word|wd)?|pwd|matkhau|secret|token|otp|credential|apikey|privatekey|backupcode|recoverycode|2fa.?code/
// A credential written into a text ("mật khẩu: Abc@123", "password=…", "OTP: 123456").
const SECRET_TEXT = /(?<![\p{L}\p{N}])(mật\s*khẩu|mat\s*khau|mk|password|passwd|pwd|pass|mã\s*otp|otp|mã\s*xác\s*(thực|minh)|secret|token|api[\s_-]?key|khóa\s*bí\s*mật)\s*[:=]\s*\S/iu

export const looksLikeSecretKey = (key: string) => SECRET_KEY.test(key.toLowerCase().replace(/[^a-z0-9]/g, ''))
export const looksLikeSecretText = (s: string) => SECRET_TEXT.test(s)

/** Free text that may not carry a credential (a note, findings, a purpose). */
export const secretFreeText = (max: number, min = 0) =>
  z.string().trim().min(min).max(max).refine((s) => !looksLikeSecretText(s), { params: { key: 'noSecrets' } })

/**
 * A strict object whose unknown fields are refused by name: one that names a credential
 * (`password`, `otp`, `matKhau`) with "BVCT keeps no passwords", any other as an unknown field.
 * Documented as closed (additionalProperties: false), like every strict object.
 */
export function refusingSecrets<S extends z.ZodRawShape>(shape: S) {
  return z
    .object(shape)
    .catchall(z.unknown())
    .superRefine((value, ctx) => {
      if (!value || typeof value !== 'object') return
      for (const key of Object.keys(value)) {
        if (!(key in shape)) ctx.addIssue({ code: 'custom', path: [key], params: { key: looksLikeSecretKey(key) ? 'noSecrets' : 'unknown' }, input: value })
      }
    }, { when: () => true })
    .meta({ additionalProperties: false })
}
