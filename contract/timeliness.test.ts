import { describe, expect, it } from 'vitest'
import { classifyAction, classifyCell, type ActionTiming } from './timeliness.ts'

const a = (status: ActionTiming['status'], due: string, completedOn: string | null = null): ActionTiming => ({ status, effectiveDueDate: due, completedOn })

describe('timeliness', () => {
  it('classifies an action for any as-of date', () => {
    const done = a('done', '2024-05-01', '2024-04-20')
    expect(classifyAction(done, '2024-06-01')).toBe('done_on_time')
    expect(classifyAction(a('done', '2024-05-01', '2024-05-01'), '2024-06-01')).toBe('done_on_time')
    expect(classifyAction(a('done', '2024-05-01', '2024-05-02'), '2024-06-01')).toBe('done_late')
    expect(classifyAction(a('inProgress', '2024-05-01'), '2024-05-01')).toBe('in_progress_on_time')
    expect(classifyAction(a('inProgress', '2024-05-01'), '2024-05-02')).toBe('overdue')
    expect(classifyAction(a('blocked', '2024-05-01'), '2024-05-02')).toBe('overdue')
    // Seen from before it was completed, a done action was still open.
    expect(classifyAction(done, '2024-04-10')).toBe('in_progress_on_time')
    expect(classifyAction(a('done', '2024-04-01', '2024-04-20'), '2024-04-10')).toBe('overdue')
  })

  it('derives a cell from its actions', () => {
    const asOf = '2024-05-10'
    expect(classifyCell([], asOf)).toBe('none')
    expect(classifyCell([a('notStarted', '2024-06-01')], asOf)).toBe('planned')
    expect(classifyCell([a('notStarted', '2024-06-01'), a('inProgress', '2024-06-01')], asOf)).toBe('in_progress_on_time')
    expect(classifyCell([a('done', '2024-05-01', '2024-04-30'), a('notStarted', '2024-06-01')], asOf)).toBe('in_progress_on_time')
    expect(classifyCell([a('done', '2024-05-01', '2024-04-30'), a('notStarted', '2024-05-09')], asOf)).toBe('overdue')
    expect(classifyCell([a('done', '2024-05-01', '2024-04-30'), a('done', '2024-05-01', '2024-05-03')], asOf)).toBe('done_late')
    expect(classifyCell([a('done', '2024-05-01', '2024-04-30')], asOf)).toBe('done_on_time')
  })
})
