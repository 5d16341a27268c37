// A case's steps as the case page shows them: the opening (which the server keeps as the case's
// first step, not as a row), each recorded step with its date, who, note and details in words, and
// what comes next.
import { CASE_LABELS, REVIEW_STEPS, VIOLATION_STEPS, type CaseDto } from '../../../contract/cases.ts'
import { formatDate } from '../../components/format.ts'
import type { Label } from '../../components/LabelTag.tsx'
import type { MessageKey } from '../../i18n/translate.ts'
import type { TFunction } from '../../i18n/useT.ts'

export interface TimelineDetail {
  label: string
  value: string
}

export interface TimelineEntry {
  key: string
  step: string
  /** yyyy-mm-dd; null for a step still to come. */
  doneOn: string | null
  by: string | null
  note: string
  details: TimelineDetail[]
  isPending: boolean
}

export interface TimelineContext {
  t: TFunction
  /** A contract label in the current language. */
  label: (l: Label | undefined, fallback?: string) => string
  /** An account's name where BVCT has shown it (the case's list, the named groups). */
  accountName: (id: number) => string | undefined
}

type TimelineCase = Pick<CaseDto, 'kind' | 'status' | 'step' | 'openedOn' | 'owner' | 'steps' | 'nextSteps'>

const labelOf = (table: Record<string, Label>, v: unknown, ctx: TimelineContext) => ctx.label(table[String(v)], String(v))

/** One detail of a step in words; details the page does not know are shown as stored. */
function describeDetail(key: string, v: unknown, ctx: TimelineContext): TimelineDetail {
  const { t } = ctx
  const label = t(`cases.field.${key}` as MessageKey)
  switch (key) {
    case 'teamAccountIds':
      return { label, value: (Array.isArray(v) ? v : []).map((id: number) => ctx.accountName(id) ?? t('cases.accountNumber', { id })).join(', ') }
    case 'outcome':
      return { label, value: labelOf(CASE_LABELS.outcome, v, ctx) }
    case 'form':
      return { label, value: labelOf(CASE_LABELS.form, v, ctx) }
    case 'validUntil':
    case 'dueDate':
      return { label, value: formatDate(String(v)) }
    case 'result':
      return { label, value: t(v === 'overturned' ? 'cases.appeal.overturned' : 'cases.appeal.upheld') }
    case 'basis':
    case 'issuingBody':
      return { label, value: String(v) }
    default:
      return { label: key, value: typeof v === 'string' ? v : JSON.stringify(v) }
  }
}

/** What may come after the current step: the server's `nextSteps`, and the committee's approval after a conclusion. */
export function pendingSteps(c: Pick<CaseDto, 'kind' | 'status' | 'step' | 'nextSteps'>): string[] {
  if (c.status !== 'open') return []
  if (c.kind === 'standards_review' && c.step === 'conclusion') return ['approved']
  return c.nextSteps
}

/** The case's timeline, oldest first, then the steps still to come. */
export function buildTimeline(c: TimelineCase, ctx: TimelineContext): TimelineEntry[] {
  const first = (c.kind === 'violation' ? VIOLATION_STEPS : REVIEW_STEPS)[0]
  const opened: TimelineEntry = { key: 'opened', step: first, doneOn: c.openedOn, by: c.owner, note: '', details: [], isPending: false }
  const done = c.steps.map<TimelineEntry>((s) => ({
    key: `step-${s.id}`,
    step: s.step,
    doneOn: s.doneOn,
    by: s.by,
    note: s.note,
    details: Object.entries(s.details).map(([k, v]) => describeDetail(k, v, ctx)),
    isPending: false,
  }))
  const next = pendingSteps(c).map<TimelineEntry>((step) => ({ key: `next-${step}`, step, doneOn: null, by: null, note: '', details: [], isPending: true }))
  return [opened, ...done, ...next]
}
