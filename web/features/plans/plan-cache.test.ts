import { describe, expect, it } from 'vitest'
import type { ActionDto, EvidenceDto, PlanDto, SavedActionDto } from '../../../contract/plans.ts'
import { addEvidence, putAction, removeAction, removeEvidence } from './plan-cache.ts'

const TODAY = '2025-06-10'

const action = (id: number, requirementId: number, over: Partial<ActionDto> = {}): ActionDto => ({
  id,
  requirementId,
  title: `Action ${id}`,
  ownerPersonId: null,
  ownerName: null,
  dueDate: '2025-07-01',
  effectiveDueDate: '2025-07-01',
  status: 'notStarted',
  completedOn: null,
  note: '',
  timeliness: 'in_progress_on_time',
  evidence: [],
  version: 1,
  ...over,
})

const saved = (a: ActionDto, planId: number, planVersion = 3): SavedActionDto => ({ ...a, planId, planVersion })

const evidence = (id: number): EvidenceDto => ({ id, filename: `file-${id}.pdf`, mime: 'application/pdf', size: 1000, uploadedAt: '2025-06-10T03:00:00.000Z' })

const plan = (over: Partial<PlanDto> = {}): PlanDto => ({
  id: 7,
  directiveId: 1,
  unitId: 2,
  unitName: 'Bệnh viện Bạch Mai',
  status: 'draft',
  planDueDate: '2025-06-30',
  submittedAt: null,
  reviewedAt: null,
  reviewComment: null,
  requirements: [
    { id: 10, label: '1.', text: 'First', status: 'planned', actions: [action(100, 10), action(101, 10)] },
    { id: 11, label: '2.', text: 'Second', status: 'none', actions: [] },
  ],
  extensions: [],
  version: 3,
  ...over,
})

const statuses = (p: PlanDto) => p.requirements.map((r) => r.status)
const actionIds = (p: PlanDto) => p.requirements.map((r) => r.actions.map((a) => a.id))

describe('putAction', () => {
  it('replaces the action with the same id where it stands, leaving the plan header alone', () => {
    const before = plan()
    const after = putAction(before, saved(action(101, 10, { title: 'Renamed', version: 2 }), 7), TODAY)
    expect(actionIds(after)).toEqual([[100, 101], []])
    expect(after.requirements[0].actions[1]).toEqual(action(101, 10, { title: 'Renamed', version: 2 }))
    expect(after.requirements[0].actions[1]).not.toHaveProperty('planId')
    expect(after.requirements[0].actions[1]).not.toHaveProperty('planVersion')
    expect({ id: after.id, status: after.status, version: after.version }).toEqual({ id: 7, status: 'draft', version: 3 })
    expect(before.requirements[0].actions[1].title).toBe('Action 101')
  })

  it('appends a new action to its requirement and moves the cell from nothing planned to planned', () => {
    const after = putAction(plan(), saved(action(102, 11), 7), TODAY)
    expect(actionIds(after)).toEqual([[100, 101], [102]])
    expect(statuses(after)).toEqual(['planned', 'planned'])
  })

  it('gives a plan that had no id the id of the answer, as a draft at version 1', () => {
    const empty = plan({ id: null, version: 0, requirements: plan().requirements.map((r) => ({ ...r, actions: [], status: 'none' as const })) })
    const after = putAction(empty, saved(action(100, 10), 42), TODAY)
    expect({ id: after.id, status: after.status, version: after.version }).toEqual({ id: 42, status: 'draft', version: 3 })
    expect(actionIds(after)).toEqual([[100], []])
    expect(statuses(after)).toEqual(['planned', 'none'])
  })

  it('recomputes the cell: an overdue action makes the requirement overdue', () => {
    const late = action(101, 10, { status: 'inProgress', dueDate: '2025-06-01', effectiveDueDate: '2025-06-01', timeliness: 'overdue', version: 2 })
    expect(statuses(putAction(plan(), saved(late, 7), TODAY))).toEqual(['overdue', 'none'])
  })

  it('recomputes the cell: all done, one late, makes it done late; in progress makes it in progress', () => {
    const done = { status: 'done' as const, completedOn: '2025-06-05' }
    const onTime = plan({
      requirements: [{ id: 10, label: '1.', text: 'First', status: 'planned', actions: [action(100, 10, done), action(101, 10)] }],
    })
    expect(statuses(putAction(onTime, saved(action(101, 10, { status: 'inProgress' }), 7), TODAY))).toEqual(['in_progress_on_time'])
    const lateDone = action(101, 10, { ...done, completedOn: '2025-06-09', dueDate: '2025-06-08', effectiveDueDate: '2025-06-08' })
    expect(statuses(putAction(onTime, saved(lateDone, 7), TODAY))).toEqual(['done_late'])
  })

  it('judges on the day given: the same action is on time the day of its deadline and overdue the day after', () => {
    const due = action(101, 10, { status: 'inProgress', dueDate: TODAY, effectiveDueDate: TODAY })
    expect(statuses(putAction(plan(), saved(due, 7), TODAY))[0]).toBe('in_progress_on_time')
    expect(statuses(putAction(plan(), saved(due, 7), '2025-06-11'))[0]).toBe('overdue')
  })
})

describe('removeAction', () => {
  it('takes the action out of its requirement and recomputes the cell', () => {
    const overdue = plan({
      requirements: [{ id: 10, label: '1.', text: 'First', status: 'overdue', actions: [action(100, 10), action(101, 10, { effectiveDueDate: '2025-06-01' })] }],
    })
    const after = removeAction(overdue, 101, TODAY)
    expect(actionIds(after)).toEqual([[100]])
    expect(statuses(after)).toEqual(['planned'])
  })

  it('leaves nothing planned when the last action goes', () => {
    const after = removeAction(removeAction(plan(), 100, TODAY), 101, TODAY)
    expect(actionIds(after)).toEqual([[], []])
    expect(statuses(after)).toEqual(['none', 'none'])
  })

  it('changes nothing for an action the plan does not hold', () => {
    expect(removeAction(plan(), 999, TODAY)).toEqual(plan())
  })
})

describe('evidence', () => {
  it('appends an uploaded file to its action only', () => {
    const after = addEvidence(addEvidence(plan(), 101, evidence(1), TODAY), 101, evidence(2), TODAY)
    expect(after.requirements[0].actions[1].evidence.map((e) => e.id)).toEqual([1, 2])
    expect(after.requirements[0].actions[0].evidence).toEqual([])
    expect(statuses(after)).toEqual(statuses(plan()))
  })

  it('removes a deleted file from whichever action holds it', () => {
    const withFiles = addEvidence(addEvidence(plan(), 100, evidence(1), TODAY), 101, evidence(2), TODAY)
    const after = removeEvidence(withFiles, 2, TODAY)
    expect(after.requirements[0].actions.map((a) => a.evidence.map((e) => e.id))).toEqual([[1], []])
    expect(removeEvidence(after, 999, TODAY)).toBe(after)
  })
})
