// A case's access history (its slice of the audit log) in words: what was done, to which part, and
// the break-glass openings set apart with their reason.
import type { CaseAccessDto } from '../../../contract/cases.ts'
import type { MessageKey } from '../../i18n/translate.ts'
import type { TFunction } from '../../i18n/useT.ts'

type HistoryEntry = CaseAccessDto['history'][number]

export interface HistoryRow extends HistoryEntry {
  key: string
  actionLabel: string
  partLabel: string
  isBreakGlass: boolean
}

export interface HistoryContext {
  t: TFunction
  stepLabel: (step: string) => string
  fileName: (id: number) => string | undefined
  accountName: (id: number) => string | undefined
  groupName: (id: number) => string | undefined
}

/** Audit actions on a case the page names; any other is shown as stored. */
export const HISTORY_ACTIONS = [
  'open', 'read', 'breakGlassRead', 'update', 'step', 'approve', 'addRequest', 'recordReply', 'addFile', 'readFile', 'addAccess', 'removeAccess',
  'readNotices', 'submission', 'purge',
] as const
const CONTENT_PARTS = ['subject', 'notes', 'steps', 'requests', 'files', 'notices']

/**
 * The part an entry touched, as the server writes it ("subject, notes, …", "file 12", "account 7",
 * "group 3", or a step's name), in words.
 */
export function describePart(part: string | null, ctx: HistoryContext): string {
  if (!part) return ''
  const ref = /^(file|account|group) (\d+)$/.exec(part)
  if (ref) {
    const id = Number(ref[2])
    const name = ref[1] === 'file' ? ctx.fileName(id) : ref[1] === 'account' ? ctx.accountName(id) : ctx.groupName(id)
    return ctx.t(`cases.part.${ref[1]}` as MessageKey, { name: name ?? `#${id}` })
  }
  const pieces = part.split(', ')
  if (pieces.every((p) => CONTENT_PARTS.includes(p))) return pieces.map((p) => ctx.t(`cases.part.${p}` as MessageKey)).join(', ')
  return ctx.stepLabel(part)
}

/** The history newest first, each entry in words; break-glass openings flagged. */
export function historyRows(history: HistoryEntry[], ctx: HistoryContext): HistoryRow[] {
  const known: readonly string[] = HISTORY_ACTIONS
  return history
    .map((h, i) => ({
      ...h,
      key: `${i}`,
      actionLabel: known.includes(h.action) ? ctx.t(`cases.action.${h.action}` as MessageKey) : h.action,
      partLabel: describePart(h.part, ctx),
      isBreakGlass: h.action === 'breakGlassRead',
    }))
    .reverse()
}
