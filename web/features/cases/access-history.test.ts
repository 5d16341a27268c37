import { describe, expect, it } from 'vitest'
import { translate } from '../../i18n/translate.ts'
import { describePart, historyRows } from './access-history.ts'

const ctx = {
  t: (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('vi', key, params),
  stepLabel: (s: string) => ({ screening: 'Rà soát hồ sơ' })[s] ?? s,
  fileName: (id: number) => ({ 12: 'bien-ban.pdf' })[id],
  accountName: (id: number) => ({ 7: 'committee' })[id],
  groupName: () => undefined,
}
const entry = (action: string, part: string | null = null, reason: string | null = null) => ({ at: '2026-03-20T03:00:00.000Z', actor: 'board', ip: '10.0.0.1', action, part, reason })

describe('describePart', () => {
  it('names the parts of a read, a document, an account, a group and a step', () => {
    expect(describePart('subject, notes, steps', ctx)).toBe('đối tượng, ghi chú, các bước')
    expect(describePart('file 12', ctx)).toBe('tài liệu bien-ban.pdf')
    expect(describePart('account 7', ctx)).toBe('tài khoản committee')
    expect(describePart('group 3', ctx)).toBe('nhóm #3')
    expect(describePart('screening', ctx)).toBe('Rà soát hồ sơ')
    expect(describePart(null, ctx)).toBe('')
  })
})

describe('historyRows', () => {
  it('lists the newest first, flags break-glass openings and keeps their reason, and shows an unknown action as stored', () => {
    const rows = historyRows([entry('open'), entry('breakGlassRead', 'subject, notes', 'Cần xem gấp để quyết định bổ nhiệm'), entry('somethingNew')], ctx)
    expect(rows.map((r) => [r.actionLabel, r.isBreakGlass])).toEqual([['somethingNew', false], ['Đọc hồ sơ', true], ['Mở hồ sơ', false]])
    expect(rows[1]).toMatchObject({ reason: 'Cần xem gấp để quyết định bổ nhiệm', partLabel: 'đối tượng, ghi chú' })
  })
})
