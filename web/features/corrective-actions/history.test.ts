import { describe, expect, it } from 'vitest'
import type { AuditEntryDto } from '../../../contract/audit.ts'
import type { CorrectiveDto } from '../../../contract/corrective-actions.ts'
import { historyFromAction, historyFromAudit } from './history.ts'

const entry = (id: number, at: string, action: string, after: unknown, actor = 'officer.bvcr'): AuditEntryDto => ({
  id, at, actorId: 1, actorUsername: actor, ip: null, action, entity: 'correctiveAction', entityId: '7', unitId: 3, before: null, after,
})

const action = (over: Partial<CorrectiveDto> = {}): CorrectiveDto => ({
  id: 7, inspectionId: 1, assignmentId: null, findingId: 2, unitId: 3, unitName: 'Bệnh viện Chợ Rẫy', requirementId: null, title: 'Ban hành quy chế',
  dueDate: '2026-05-01', effectiveDueDate: '2026-05-01', status: 'open', timeliness: 'in_progress_on_time', completedOn: null, closedOn: null, inspectionNumber: '01-QĐ',
  version: 1, findingText: null, reportNote: null, reportedAt: null, reportedBy: null, returnComment: null, returnedAt: null, verifyNote: null, verifiedAt: null,
  verifiedBy: null, evidence: [], extensions: [], access: { canReport: true, canVerify: false }, ...over,
})

describe('history from the audit log', () => {
  it('keeps every report and return, oldest first, with the day and the words of each step', () => {
    const h = historyFromAudit([
      entry(5, '2026-04-04T08:00:00.000Z', 'verify', { status: 'closed', note: 'Đạt' }, 'board'),
      entry(4, '2026-04-03T08:00:00.000Z', 'reportDone', { completedOn: '2026-04-03', note: 'Đã ký ban hành' }),
      entry(3, '2026-04-02T08:00:00.000Z', 'return', { comment: 'Mới là dự thảo' }, 'board'),
      entry(2, '2026-04-01T09:00:00.000Z', 'reportDone', { completedOn: '2026-03-31', note: 'Đã dự thảo' }),
      entry(1, '2026-04-01T08:00:00.000Z', 'addFile', { fileId: 9, filename: 'quy-che.pdf' }),
    ])
    expect(h.map((e) => e.kind)).toEqual(['evidence', 'reported', 'returned', 'reported', 'verified'])
    expect(h[0]).toMatchObject({ text: 'quy-che.pdf', by: 'officer.bvcr' })
    expect(h[1]).toMatchObject({ day: '2026-03-31', text: 'Đã dự thảo' })
    expect(h[2]).toMatchObject({ text: 'Mới là dự thảo', by: 'board' })
    expect(h[4]).toMatchObject({ text: 'Đạt', by: 'board' })
  })

  it('names the day asked for and the day granted, and leaves out actions it does not know', () => {
    const h = historyFromAudit([
      entry(1, '2026-04-01T08:00:00.000Z', 'requestExtension', { extensionId: 1, requestedDueDate: '2026-06-01', reason: 'Chờ ký' }),
      entry(2, '2026-04-02T08:00:00.000Z', 'approveExtension', { extensionId: 1, note: '', dueDate: '2026-06-01' }, 'board'),
      entry(3, '2026-04-03T08:00:00.000Z', 'refuseExtension', { extensionId: 2, note: 'Không có lý do', dueDate: '2026-07-01' }, 'board'),
      entry(4, '2026-04-04T08:00:00.000Z', 'somethingElse', {}),
    ])
    expect(h.map((e) => [e.kind, e.day, e.text])).toEqual([
      ['extensionRequested', '2026-06-01', 'Chờ ký'],
      ['extensionApproved', '2026-06-01', undefined],
      ['extensionRefused', undefined, 'Không có lý do'],
    ])
  })
})

describe('history from the action itself', () => {
  it('orders its files, latest report, return, verification and extensions by time', () => {
    const h = historyFromAction(action({
      status: 'closed', completedOn: '2026-04-03', reportNote: 'Đã ký', reportedAt: '2026-04-03T08:00:00.000Z', reportedBy: 'officer.bvcr',
      returnComment: 'Mới là dự thảo', returnedAt: '2026-04-02T08:00:00.000Z', verifyNote: 'Đạt', verifiedAt: '2026-04-04T08:00:00.000Z', verifiedBy: 'board',
      evidence: [{ id: 9, filename: 'qd.pdf', mime: 'application/pdf', size: 10, unitId: 3, uploadedAt: '2026-04-01T08:00:00.000Z' }],
      extensions: [{
        id: 1, previousDueDate: '2026-05-01', requestedDueDate: '2026-06-01', reason: 'Chờ ký', status: 'refused', requestedBy: 'officer.bvcr',
        requestedAt: '2026-03-01T08:00:00.000Z', decidedBy: 'board', decidedAt: '2026-03-02T08:00:00.000Z', decisionNote: 'Không',
      }],
    }))
    expect(h.map((e) => e.kind)).toEqual(['extensionRequested', 'extensionRefused', 'evidence', 'returned', 'reported', 'verified'])
    expect(h.find((e) => e.kind === 'reported')).toMatchObject({ day: '2026-04-03', text: 'Đã ký', by: 'officer.bvcr' })
  })

  it('has nothing for an action no one has touched, and a pending request without a decision', () => {
    expect(historyFromAction(action())).toEqual([])
    const h = historyFromAction(action({ extensions: [{ id: 1, previousDueDate: '2026-05-01', requestedDueDate: '2026-06-01', reason: 'x', status: 'pending', requestedBy: 'o', requestedAt: '2026-04-01T00:00:00.000Z', decidedBy: null, decidedAt: null, decisionNote: null }] }))
    expect(h.map((e) => e.kind)).toEqual(['extensionRequested'])
  })
})
