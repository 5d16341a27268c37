import type { FormInstance, FormRule } from 'antd'
import type { z } from 'zod'
import type { Lang } from '../../../contract/errors.ts'
import { issueMessage } from './zod-messages.ts'

/** Blank inputs mean "not given": what an optional field in the contract expects. */
export const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

/**
 * An antd Form rule that checks one field with the contract's schema for it, so the form and the
 * server agree on what is valid.
 */
export function zodRule(schema: z.ZodType, lang: Lang, opts: { required?: boolean } = {}): FormRule {
  return {
    required: opts.required,
    validator: async (_rule, value) => {
      const r = schema.safeParse(blankToUndefined(value))
      if (!r.success) throw new Error(issueMessage(r.error.issues[0], lang, value))
    },
  }
}

/** `roles.0.unitId` → ['roles', 0, 'unitId'], the name path antd uses. */
export function toNamePath(key: string): (string | number)[] {
  return key.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p))
}

/**
 * Puts each message under its form field. Returns the messages that match no field on the form,
 * for the caller to show above it.
 */
export function showFieldErrors(form: FormInstance, fields: Record<string, string>): string[] {
  const known = new Set(form.getFieldsError().map((f) => f.name.join('.')))
  const unmatched: string[] = []
  const matched = Object.entries(fields).filter(([k, msg]) => {
    if (known.has(k)) return true
    unmatched.push(msg)
    return false
  })
  form.setFields(matched.map(([k, msg]) => ({ name: toNamePath(k), errors: [msg] })))
  return unmatched
}
