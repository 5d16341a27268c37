import { describe, expect, it } from 'vitest'
import type { AssignmentSummaryDto } from '../../../contract/checklists.ts'
import { roundsOf } from './rounds.ts'

const row = (id: number, title: string, dueDate: string, unitName: string, status: 'assigned' | 'submitted' = 'assigned'): AssignmentSummaryDto => ({
  id, templateId: 1, title, unitId: id, unitName, dueDate, status, submittedAt: null, timeliness: 'in_progress_on_time', answered: 0, total: 5, noCount: 0, version: 1,
})

describe('rounds of a template', () => {
  it('groups units given the same name and due date, latest due first, units in Vietnamese order', () => {
    const rounds = roundsOf([
      row(1, 'Đợt 1', '2026-06-17', 'Viện Dinh dưỡng'),
      row(2, 'Đợt 2', '2026-12-24', 'Bệnh viện K', 'submitted'),
      row(3, 'Đợt 1', '2026-06-17', 'Bệnh viện Đa khoa'),
      row(4, 'Đợt 1', '2026-06-17', 'Bệnh viện E'),
      row(5, 'Đợt 1', '2026-07-01', 'Bệnh viện Chợ Rẫy'),
    ])
    expect(rounds.map((r) => [r.title, r.dueDate, r.units.map((u) => u.unitName)])).toEqual([
      ['Đợt 2', '2026-12-24', ['Bệnh viện K']],
      ['Đợt 1', '2026-07-01', ['Bệnh viện Chợ Rẫy']],
      ['Đợt 1', '2026-06-17', ['Bệnh viện Đa khoa', 'Bệnh viện E', 'Viện Dinh dưỡng']],
    ])
  })

  it('has no rounds for a template never assigned', () => {
    expect(roundsOf([])).toEqual([])
  })
})
