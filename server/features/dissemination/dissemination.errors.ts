import { DISSEMINATION_FIELD_MESSAGES, disseminationMessage, type DisseminationFieldKey, type RosterRowReason } from '../../../contract/dissemination.ts'
import { fieldMessage, type FieldMessageKey, type Lang } from '../../../contract/errors.ts'
import { AppError } from '../../http/errors.ts'

export type FieldKey = DisseminationFieldKey | FieldMessageKey
export type FieldIssue = FieldKey | { key: FieldKey; n?: string | number }

export interface RosterRowError {
  row: number
  value: string
  reason: RosterRowReason
  /** For duplicates: the earlier row naming the same person. */
  firstRow?: number
}

/**
 * A 400 VALIDATION whose field messages may come from this feature's table in
 * contract/dissemination.ts as well as the shared one. The shared error handler knows only the
 * shared keys, so the feature's routes localize this error first (see localizeError).
 */
export class DisseminationInvalid extends AppError {
  constructor(
    public issues: Record<string, FieldIssue>,
    public rows?: RosterRowError[],
  ) {
    super('VALIDATION')
  }
}

export const invalidFields = (issues: Record<string, FieldIssue>) => new DisseminationInvalid(issues)

const ROW_KEYS: Record<RosterRowReason, DisseminationFieldKey> = {
  notFound: 'rowNotFound', ambiguous: 'rowAmbiguous', inactive: 'rowInactive', duplicate: 'rowDuplicate', emptyName: 'rowEmptyName',
}

function message(issue: FieldIssue, lang: Lang): string {
  const { key, n } = typeof issue === 'string' ? { key: issue, n: undefined } : issue
  return key in DISSEMINATION_FIELD_MESSAGES ? disseminationMessage(key as DisseminationFieldKey, lang, n) : fieldMessage(key as FieldMessageKey, lang, n)
}

export function rowMessage(e: RosterRowError, lang: Lang): string {
  return disseminationMessage(ROW_KEYS[e.reason], lang, e.reason === 'duplicate' ? e.firstRow : e.value)
}

/** Turns this feature's error into a shared AppError with messages in the caller's language. */
export function localizeError(err: unknown, lang: Lang): unknown {
  if (!(err instanceof DisseminationInvalid)) return err
  const fields: Record<string, string> = Object.fromEntries(Object.entries(err.issues).map(([k, v]) => [k, message(v, lang)]))
  const rows = err.rows?.map((r) => ({ row: r.row, value: r.value, reason: r.reason, message: rowMessage(r, lang) }))
  for (const r of rows ?? []) fields[`rows.${r.row}`] = r.message
  return new AppError('VALIDATION', undefined, { fields, ...(rows ? { rows } : {}) })
}
