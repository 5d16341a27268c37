// Client-side twin of the server's zod → message mapping (server/http/errors.ts), so a form shows
// the same words before sending as the server would answer after.
import type { z } from 'zod'
import { fieldMessage, type FieldMessageKey, type Lang } from '../../../contract/errors.ts'

type Issue = z.core.$ZodIssue

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '')

/** The message for one zod issue; `value` is what the user typed (empty means "required"). */
export function issueMessage(issue: Issue, lang: Lang, value?: unknown): string {
  if (isEmpty(value) && (issue.code === 'invalid_type' || issue.code === 'too_small' || issue.code === 'invalid_value')) {
    return fieldMessage('required', lang)
  }
  switch (issue.code) {
    case 'invalid_type':
      return fieldMessage('type', lang, issue.expected)
    case 'unrecognized_keys':
      return fieldMessage('unknown', lang)
    case 'too_small':
      return fieldMessage(issue.origin === 'string' || issue.origin === 'array' ? 'tooShort' : 'tooSmall', lang, Number(issue.minimum))
    case 'too_big':
      return fieldMessage(issue.origin === 'string' || issue.origin === 'array' ? 'tooLong' : 'tooBig', lang, Number(issue.maximum))
    case 'invalid_value':
      return fieldMessage('enum', lang, issue.values.join(', '))
    case 'custom': {
      const key = (issue.params as { key?: FieldMessageKey } | undefined)?.key
      return key ? fieldMessage(key, lang) : issue.message
    }
    default:
      return fieldMessage(issue.code === 'invalid_format' && issue.format === 'date' ? 'date' : 'format', lang)
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((v, k) => (v == null ? undefined : (v as Record<PropertyKey, unknown>)[k]), input)
}

/** Every failing field of a whole-form parse, keyed like the server's `fields` (`roles.0.unitId`). */
export function zodFieldErrors(error: z.ZodError, lang: Lang, input: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '(body)'
    if (!(key in out)) out[key] = issueMessage(issue, lang, valueAt(input, issue.path))
  }
  return out
}
