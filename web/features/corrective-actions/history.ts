// What happened to one corrective action, oldest first. The board and auditors read it from the
// audit log (every report, return and file, each kept); others from the action itself, which keeps
// the latest report, return and verification, the extension requests and the evidence files.
import type { AuditEntryDto } from '../../../contract/audit.ts'
import type { CorrectiveDto } from '../../../contract/corrective-actions.ts'

export const HISTORY_KINDS = ['evidence', 'reported', 'returned', 'verified', 'extensionRequested', 'extensionApproved', 'extensionRefused'] as const
export type HistoryKind = (typeof HISTORY_KINDS)[number]

export interface HistoryEntry {
  key: string
  kind: HistoryKind
  /** ISO timestamp. */
  at: string
  by: string | null
  /** A day the step names (completed on, the due date asked for or granted), yyyy-mm-dd. */
  day?: string
  /** The file's name for evidence; the note, comment or reason otherwise. */
  text?: string
}

const AUDIT_KINDS: Record<string, HistoryKind> = {
  addFile: 'evidence',
  reportDone: 'reported',
  return: 'returned',
  verify: 'verified',
  requestExtension: 'extensionRequested',
  approveExtension: 'extensionApproved',
  refuseExtension: 'extensionRefused',
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined)

/** The audit entries of the action (any order) as history; actions it does not know are left out. */
export function historyFromAudit(entries: AuditEntryDto[]): HistoryEntry[] {
  const out: HistoryEntry[] = []
  for (const e of entries) {
    const kind = AUDIT_KINDS[e.action]
    if (!kind) continue
    const after = (e.after ?? {}) as Record<string, unknown>
    const day = str(after.completedOn) ?? str(after.requestedDueDate) ?? (kind === 'extensionApproved' ? str(after.dueDate) : undefined)
    const text = kind === 'evidence' ? str(after.filename) : str(after.note) ?? str(after.comment) ?? str(after.reason)
    out.push({ key: `audit-${e.id}`, kind, at: e.at, by: e.actorUsername, ...(day ? { day } : {}), ...(text ? { text } : {}) })
  }
  return sortByTime(out)
}

/** The history the action itself keeps: its latest report, return and verification, extensions, files. */
export function historyFromAction(c: CorrectiveDto): HistoryEntry[] {
  const out: HistoryEntry[] = c.evidence.map((f) => ({ key: `file-${f.id}`, kind: 'evidence' as const, at: f.uploadedAt, by: null, text: f.filename }))
  if (c.reportedAt) out.push({ key: 'reported', kind: 'reported', at: c.reportedAt, by: c.reportedBy, ...(c.completedOn ? { day: c.completedOn } : {}), ...(c.reportNote ? { text: c.reportNote } : {}) })
  if (c.returnedAt) out.push({ key: 'returned', kind: 'returned', at: c.returnedAt, by: null, ...(c.returnComment ? { text: c.returnComment } : {}) })
  if (c.verifiedAt) out.push({ key: 'verified', kind: 'verified', at: c.verifiedAt, by: c.verifiedBy, ...(c.verifyNote ? { text: c.verifyNote } : {}) })
  for (const x of c.extensions) {
    out.push({ key: `ext-${x.id}`, kind: 'extensionRequested', at: x.requestedAt, by: x.requestedBy, day: x.requestedDueDate, text: x.reason })
    if (x.status !== 'pending' && x.decidedAt) {
      const kind = x.status === 'approved' ? 'extensionApproved' : 'extensionRefused'
      out.push({ key: `ext-${x.id}-decided`, kind, at: x.decidedAt, by: x.decidedBy, ...(kind === 'extensionApproved' ? { day: x.requestedDueDate } : {}), ...(x.decisionNote ? { text: x.decisionNote } : {}) })
    }
  }
  return sortByTime(out)
}

/** Oldest first; equal times keep their order. */
const sortByTime = (entries: HistoryEntry[]) => entries.map((e, i) => [e, i] as const).sort(([a, i], [b, j]) => a.at.localeCompare(b.at) || i - j).map(([e]) => e)
