import { describe, expect, it } from 'vitest'
import type { ReportCheck, ReportSection } from '../../../contract/reports.ts'
import type { DraftContent } from './api.ts'
import { conflictFields, contentKey, draftBody, hasNarrative, liveChecks, mergeDrafts, normalClaimed, sameContent, stateAfterSave } from './draft.ts'

const section = (requirementId: number, text: Partial<ReportSection> = {}): ReportSection => ({
  directiveId: 1,
  requirementId,
  label: `${requirementId}.`,
  requirementText: `Yêu cầu ${requirementId}`,
  done: '',
  results: '',
  shortcomings: '',
  causes: '',
  proposals: '',
  ...text,
})

const draft = (sections: ReportSection[], proposals = '', claimedFigures: DraftContent['claimedFigures'] = []): DraftContent => ({ sections, proposals, claimedFigures })

const BASE = draft([section(1, { done: 'Đã quán triệt tới cán bộ.' }), section(2, { done: 'Đã lập kế hoạch.' })], 'Đề nghị tập huấn.')

describe('normalClaimed', () => {
  it('keeps only figures with a number, without empty fields, in directive order', () => {
    expect(
      normalClaimed([
        { directiveId: 9, sessions: 3, coveragePercent: null },
        { directiveId: 4, sessions: null, coveragePercent: null, actionsDone: undefined },
        { directiveId: 2, actionsDone: 0 },
      ]),
    ).toEqual([
      { directiveId: 2, actionsDone: 0 },
      { directiveId: 9, sessions: 3 },
    ])
    expect(normalClaimed([])).toEqual([])
  })
})

describe('contentKey and sameContent', () => {
  it('count only what people write: not labels, not the requirement text', () => {
    const relabelled = draft(BASE.sections.map((s) => ({ ...s, label: 'x', requirementText: 'khác' })), BASE.proposals)
    expect(sameContent(BASE, relabelled)).toBe(true)
  })

  it('see a change in any field of any section, and in the general proposals', () => {
    expect(sameContent(BASE, { ...BASE, sections: [BASE.sections[0], { ...BASE.sections[1], causes: 'Thiếu người' }] })).toBe(false)
    expect(sameContent(BASE, { ...BASE, proposals: 'Đề nghị khác.' })).toBe(false)
  })

  it('treat a missing text as empty and empty claimed figures as none', () => {
    const sparse = { ...BASE, sections: BASE.sections.map((s) => ({ ...s, causes: undefined as unknown as string })), claimedFigures: [{ directiveId: 1, sessions: null }] }
    expect(contentKey(sparse)).toBe(contentKey(BASE))
  })

  it('ignore the order in which claimed figures were entered', () => {
    const a = { ...BASE, claimedFigures: [{ directiveId: 2, sessions: 1 }, { directiveId: 1, sessions: 5 }] }
    const b = { ...BASE, claimedFigures: [{ directiveId: 1, sessions: 5 }, { directiveId: 2, sessions: 1 }] }
    expect(sameContent(a, b)).toBe(true)
  })
})

describe('draftBody', () => {
  it('sends the version, the written fields of each section and the cleaned figures', () => {
    const d = { ...BASE, claimedFigures: [{ directiveId: 1, sessions: 2, coveragePercent: null }, { directiveId: 3, sessions: null }] }
    expect(draftBody(d, 7)).toEqual({
      version: 7,
      sections: [
        { requirementId: 1, done: 'Đã quán triệt tới cán bộ.', results: '', shortcomings: '', causes: '', proposals: '' },
        { requirementId: 2, done: 'Đã lập kế hoạch.', results: '', shortcomings: '', causes: '', proposals: '' },
      ],
      proposals: 'Đề nghị tập huấn.',
      claimedFigures: [{ directiveId: 1, sessions: 2 }],
    })
  })
})

describe('stateAfterSave', () => {
  it('is saved when the screen still shows what was sent, dirty when the user typed meanwhile', () => {
    expect(stateAfterSave(BASE, BASE, '2026-05-01T08:00:00Z')).toEqual({ kind: 'saved', at: '2026-05-01T08:00:00Z' })
    expect(stateAfterSave({ ...BASE, proposals: 'Đề nghị tập huấn nghiệp vụ.' }, BASE, '2026-05-01T08:00:00Z')).toEqual({ kind: 'dirty' })
  })
})

describe('mergeDrafts', () => {
  const edit = (d: DraftContent, requirementId: number, text: Partial<ReportSection>) => ({ ...d, sections: d.sections.map((s) => (s.requirementId === requirementId ? { ...s, ...text } : s)) })

  it('keeps what only the user changed and what only the other person changed', () => {
    const mine = edit(BASE, 1, { results: 'Kết quả của tôi' })
    const theirs = edit(BASE, 2, { causes: 'Nguyên nhân của họ' })
    const merged = mergeDrafts(BASE, mine, theirs)
    expect(merged.sections[0].results).toBe('Kết quả của tôi')
    expect(merged.sections[1].causes).toBe('Nguyên nhân của họ')
    expect(merged.sections[0].done).toBe(BASE.sections[0].done)
  })

  it('keeps the user\'s text where both changed the same field', () => {
    const merged = mergeDrafts(BASE, edit(BASE, 1, { done: 'Bản của tôi' }), edit(BASE, 1, { done: 'Bản của họ' }))
    expect(merged.sections[0].done).toBe('Bản của tôi')
  })

  it('takes the other person\'s version of a field the user cleared back to its base', () => {
    const merged = mergeDrafts(BASE, BASE, edit(BASE, 1, { done: '' }))
    expect(merged.sections[0].done).toBe('')
  })

  it('follows the other person\'s sections: new ones come in, ones the user never had stay theirs', () => {
    const theirs = { ...BASE, sections: [...BASE.sections, section(3, { done: 'Mục mới' })] }
    expect(mergeDrafts(BASE, BASE, theirs).sections.map((s) => s.requirementId)).toEqual([1, 2, 3])
    expect(mergeDrafts(BASE, BASE, theirs).sections[2].done).toBe('Mục mới')
  })

  it('merges the general proposals and the claimed figures the same way', () => {
    const mine = { ...BASE, claimedFigures: [{ directiveId: 1, sessions: 4 }] }
    const theirs = { ...BASE, proposals: 'Đề nghị của họ', claimedFigures: [{ directiveId: 2, coveragePercent: 80 }] }
    const merged = mergeDrafts(BASE, mine, theirs)
    expect(merged.proposals).toBe('Đề nghị của họ')
    expect(merged.claimedFigures).toEqual([
      { directiveId: 1, sessions: 4 },
      { directiveId: 2, coveragePercent: 80 },
    ])
  })
})

describe('conflictFields', () => {
  it('lists the fields where the other text differs, and whether the user changed them too', () => {
    const mine = { ...BASE, sections: [{ ...BASE.sections[0], done: 'Bản của tôi' }, BASE.sections[1]] }
    const theirs = { ...BASE, sections: [{ ...BASE.sections[0], done: 'Bản của họ' }, { ...BASE.sections[1], results: 'Kết quả của họ' }], proposals: 'Khác' }
    expect(Object.fromEntries(conflictFields(BASE, mine, theirs))).toEqual({
      '1.done': { theirs: 'Bản của họ', isBoth: true },
      '2.results': { theirs: 'Kết quả của họ', isBoth: false },
      proposals: { theirs: 'Khác', isBoth: false },
    })
  })

  it('is empty when both texts say the same', () => {
    expect(conflictFields(BASE, BASE, structuredClone(BASE)).size).toBe(0)
  })
})

describe('hasNarrative and liveChecks', () => {
  const noNarrative = (label: string) => ({ message: `Mục ${label} chưa có nội dung`, messageEn: `Section ${label} is empty` })
  const serverChecks: ReportCheck[] = [
    { code: 'NO_NARRATIVE', severity: 'error', directiveId: 1, requirementId: 1, message: 'cũ', messageEn: 'old' },
    { code: 'COVERAGE_OVER_100', severity: 'warning', directiveId: 1, message: 'Tỷ lệ quá 100%', messageEn: 'Over 100%' },
  ]

  it('counts only text that is not blank', () => {
    expect(hasNarrative(section(1, { causes: '   \n ' }))).toBe(false)
    expect(hasNarrative(section(1, { proposals: 'Có' }))).toBe(true)
  })

  it('works out "no narrative" from the text on screen and keeps the server\'s other checks', () => {
    const checks = liveChecks([section(1, { done: 'Đã làm' }), section(2)], serverChecks, noNarrative)
    expect(checks.map((c) => [c.code, c.requirementId, c.message])).toEqual([
      ['NO_NARRATIVE', 2, 'Mục 2. chưa có nội dung'],
      ['COVERAGE_OVER_100', undefined, 'Tỷ lệ quá 100%'],
    ])
  })
})
