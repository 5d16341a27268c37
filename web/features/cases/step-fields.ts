// What the form for a case's next step asks for: exactly the fields the contract's `caseStepInput`
// gives that step, read from the schema itself so the form cannot drift from what the server takes.
import type { Dayjs } from 'dayjs'
import type { z } from 'zod'
import { caseStepInput, DISCIPLINE_FORMS, SUBJECT_TYPES } from '../../../contract/cases.ts'
import { API_DATE_FORMAT } from '../../components/format.ts'

export type StepField = 'doneOn' | 'note' | 'teamAccountIds' | 'outcome' | 'validUntil' | 'dueDate' | 'form' | 'basis' | 'issuingBody' | 'result'

/** The form's values: days as picked (Dayjs), everything else as typed. */
export type StepValues = Partial<Record<StepField, unknown>>

const optionFor = (step: string) => caseStepInput.options.find((o) => o.shape.step.safeParse(step).success)

/** The contract's schema for one field of a step, for the form to check it as the server will. */
export function stepFieldSchema(step: string, field: StepField): z.ZodType | undefined {
  return (optionFor(step)?.shape as Record<string, z.ZodType> | undefined)?.[field]
}

/**
 * The fields of `step`, in the order the form shows them: the day it was done first, the step's
 * own fields, the note last. A step the contract does not take (the committee's `approved`) has none.
 */
export function stepFields(step: string): StepField[] {
  const option = optionFor(step)
  if (!option) return []
  const own = Object.keys(option.shape).filter((k) => k !== 'step' && k !== 'doneOn' && k !== 'note') as StepField[]
  return ['doneOn', ...own, 'note']
}

/**
 * Steps whose note the server files as a notice to the subject of a violation case (who reads it
 * under "my notices"): the form says so above the note.
 */
export const NOTICE_STEPS: readonly string[] = ['subjectNotified', 'decision', 'appeal']

/** The discipline forms Regulation 69 allows for this kind of subject (the closed list). */
export function disciplineFormsFor(subjectType: string): readonly string[] {
  const type = SUBJECT_TYPES.find((s) => s === subjectType) ?? 'person'
  return DISCIPLINE_FORMS[type]
}

const isDay = (v: unknown): v is Dayjs => !!v && typeof (v as Dayjs).format === 'function' && typeof (v as Dayjs).isValid === 'function'

/**
 * The request body for `step` from the form's values: only that step's fields, days as yyyy-mm-dd,
 * texts trimmed. What the user filled in for another step (they switched steps) is left out.
 */
export function stepBody(step: string, values: StepValues): Record<string, unknown> {
  const body: Record<string, unknown> = { step }
  for (const field of stepFields(step)) {
    const v = values[field]
    if (v === undefined || v === null) continue
    body[field] = isDay(v) ? v.format(API_DATE_FORMAT) : typeof v === 'string' ? v.trim() : v
  }
  return body
}
