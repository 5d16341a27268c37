import dayjs from 'dayjs'
import { describe, expect, it } from 'vitest'
import { caseStepInput, VIOLATION_STEPS, REVIEW_STEPS } from '../../../contract/cases.ts'
import { disciplineFormsFor, stepBody, stepFields, stepFieldSchema } from './step-fields.ts'

describe('stepFields', () => {
  it('asks each step for exactly what the contract gives it: the day first, the note last', () => {
    expect(stepFields('screening')).toEqual(['doneOn', 'note'])
    expect(stepFields('verificationDecision')).toEqual(['doneOn', 'teamAccountIds', 'note'])
    expect(stepFields('conclusion')).toEqual(['doneOn', 'outcome', 'validUntil', 'note'])
    expect(stepFields('subjectNotified')).toEqual(['doneOn', 'dueDate', 'note'])
    expect(stepFields('decision')).toEqual(['doneOn', 'form', 'basis', 'issuingBody', 'note'])
    expect(stepFields('appeal')).toEqual(['doneOn', 'result', 'note'])
    expect(stepFields('closed')).toEqual(['doneOn', 'note'])
  })

  it('has no form for a step the contract does not take: the opening, and the committee\'s approval', () => {
    for (const step of ['requestReceived', 'opened', 'approved', 'nonsense']) expect(stepFields(step)).toEqual([])
  })

  it('covers every step that can be recorded, with the contract\'s own schema for each field', () => {
    for (const step of [...REVIEW_STEPS, ...VIOLATION_STEPS].filter((s) => !['requestReceived', 'opened', 'approved'].includes(s))) {
      expect(stepFields(step).length, step).toBeGreaterThanOrEqual(2)
      for (const field of stepFields(step)) expect(stepFieldSchema(step, field), `${step}.${field}`).toBeDefined()
    }
    expect(stepFieldSchema('screening', 'teamAccountIds')).toBeUndefined()
  })
})

describe('stepBody', () => {
  const values = {
    doneOn: dayjs('2026-03-20'),
    validUntil: dayjs('2026-09-20'),
    outcome: 'meets',
    teamAccountIds: [3, 4, 5],
    note: '  Đủ tiêu chuẩn  ',
    dueDate: dayjs('2026-03-30'),
  }

  it('sends only the fields of the chosen step, days as yyyy-mm-dd and texts trimmed, in the shape the contract takes', () => {
    const body = stepBody('conclusion', values)
    expect(body).toEqual({ step: 'conclusion', doneOn: '2026-03-20', outcome: 'meets', validUntil: '2026-09-20', note: 'Đủ tiêu chuẩn' })
    expect(caseStepInput.safeParse(body).success).toBe(true)
  })

  it('leaves out what was typed for another step before switching, and what is empty', () => {
    expect(stepBody('closed', { ...values, note: undefined })).toEqual({ step: 'closed', doneOn: '2026-03-20' })
    expect(stepBody('verificationDecision', values)).toEqual({ step: 'verificationDecision', doneOn: '2026-03-20', teamAccountIds: [3, 4, 5], note: 'Đủ tiêu chuẩn' })
  })
})

describe('disciplineFormsFor', () => {
  it('offers the closed list of Regulation 69 for the subject: dissolution only for an organization, removal and expulsion only for a person', () => {
    expect(disciplineFormsFor('organization')).toEqual(['reprimand', 'warning', 'dissolution', 'none'])
    expect(disciplineFormsFor('person')).toEqual(['reprimand', 'warning', 'removalFromPost', 'expulsion', 'none'])
  })
})
