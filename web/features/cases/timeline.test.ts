import { describe, expect, it } from 'vitest'
import type { CaseDto } from '../../../contract/cases.ts'
import { translate } from '../../i18n/translate.ts'
import { buildTimeline, pendingSteps } from './timeline.ts'

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('vi', key, params)
const ctx = { t, label: (l: { vi: string } | undefined, fallback = '') => l?.vi ?? fallback, accountName: (id: number) => ({ 3: 'inspector', 4: 'head.bbvctnb' })[id] }

type TimelineCase = Parameters<typeof buildTimeline>[0]
const review = (over: Partial<TimelineCase> = {}): TimelineCase => ({
  kind: 'standards_review',
  status: 'open',
  step: 'requestReceived',
  openedOn: '2026-03-01',
  owner: 'board',
  steps: [],
  nextSteps: ['screening'],
  ...over,
})
const step = (id: number, name: string, details: Record<string, unknown> = {}, note = ''): CaseDto['steps'][number] => ({ id, step: name, doneOn: '2026-03-20', note, by: 'board', details })

describe('buildTimeline', () => {
  it('starts with the opening (the case\'s first step, which has no row of its own), then what comes next', () => {
    expect(buildTimeline(review(), ctx)).toEqual([
      { key: 'opened', step: 'requestReceived', doneOn: '2026-03-01', by: 'board', note: '', details: [], isPending: false },
      { key: 'next-screening', step: 'screening', doneOn: null, by: null, note: '', details: [], isPending: true },
    ])
    expect(buildTimeline(review({ kind: 'violation', step: 'opened', nextSteps: ['subjectNotified'] }), ctx)[0].step).toBe('opened')
  })

  it('puts each step\'s details in words: the team by name, the outcome and form by label, days as dd/MM/yyyy', () => {
    const [, team, conclusion] = buildTimeline(
      review({
        step: 'conclusion',
        nextSteps: [],
        steps: [step(1, 'verificationDecision', { teamAccountIds: [3, 4, 9] }, 'Quyết định số 12'), step(2, 'conclusion', { outcome: 'meets', validUntil: '2026-09-20' })],
      }),
      ctx,
    )
    expect(team).toMatchObject({ step: 'verificationDecision', note: 'Quyết định số 12', details: [{ label: 'Tổ thẩm tra, xác minh (ít nhất 3 người)', value: 'inspector, head.bbvctnb, tài khoản #9' }] })
    expect(conclusion.details).toEqual([
      { label: 'Kết luận', value: 'Đủ tiêu chuẩn chính trị' },
      { label: 'Hiệu lực đến', value: '20/09/2026' },
    ])
  })

  it('names a decision\'s form and an appeal\'s result, and shows a detail it does not know as stored', () => {
    const entries = buildTimeline(
      review({
        kind: 'violation',
        step: 'appeal',
        nextSteps: ['closed'],
        steps: [step(1, 'decision', { form: 'warning', basis: 'Điều 7', issuingBody: 'Chi bộ' }), step(2, 'appeal', { result: 'overturned', extra: 5 })],
      }),
      ctx,
    )
    expect(entries[1].details.map((d) => d.value)).toEqual(['Cảnh cáo', 'Điều 7', 'Chi bộ'])
    expect(entries[2].details).toEqual([{ label: 'Kết quả giải quyết khiếu nại', value: 'Hủy quyết định, phục hồi quyền lợi' }, { label: 'extra', value: '5' }])
    expect(entries.at(-1)).toMatchObject({ step: 'closed', isPending: true })
  })
})

describe('pendingSteps', () => {
  it('after a conclusion, awaits the committee\'s approval; a violation after its decision may be appealed or closed; nothing once closed', () => {
    expect(pendingSteps(review({ step: 'conclusion', nextSteps: [] }))).toEqual(['approved'])
    expect(pendingSteps(review({ kind: 'violation', step: 'decision', nextSteps: ['appeal', 'closed'] }))).toEqual(['appeal', 'closed'])
    expect(pendingSteps(review({ status: 'closed', step: 'approved', nextSteps: [] }))).toEqual([])
  })
})
