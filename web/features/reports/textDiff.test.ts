import { describe, expect, it } from 'vitest'
import { diffWords, type DiffPart } from './textDiff.ts'

/** The two texts a diff stands for: before = same + deleted parts, after = same + inserted parts. */
const sides = (parts: DiffPart[]) => ({
  before: parts.filter((p) => p.kind !== 'ins').map((p) => p.text).join(''),
  after: parts.filter((p) => p.kind !== 'del').map((p) => p.text).join(''),
})

describe('diffWords', () => {
  it('is empty for two empty texts and one unchanged part for equal texts', () => {
    expect(diffWords('', '')).toEqual([])
    expect(diffWords('Đã tổ chức quán triệt.', 'Đã tổ chức quán triệt.')).toEqual([{ kind: 'same', text: 'Đã tổ chức quán triệt.' }])
  })

  it('shows a text written from nothing as inserted, and one cleared as deleted', () => {
    expect(diffWords('', 'Đề nghị tập huấn')).toEqual([{ kind: 'ins', text: 'Đề nghị tập huấn' }])
    expect(diffWords('Đề nghị tập huấn', '')).toEqual([{ kind: 'del', text: 'Đề nghị tập huấn' }])
  })

  it('marks only the words that changed, keeping the sentence around them', () => {
    const parts = diffWords('Đã quán triệt tới 120 cán bộ tại đơn vị', 'Đã quán triệt tới 135 cán bộ tại đơn vị')
    expect(parts).toEqual([
      { kind: 'same', text: 'Đã quán triệt tới ' },
      { kind: 'del', text: '120' },
      { kind: 'ins', text: '135' },
      { kind: 'same', text: ' cán bộ tại đơn vị' },
    ])
  })

  it('compares whole words, so a changed diacritic counts as a changed word', () => {
    const parts = diffWords('Hạn chế về nhân lực', 'Hạn chế về nhân lục')
    expect(parts.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'del', text: 'lực' },
      { kind: 'ins', text: 'lục' },
    ])
  })

  it('joins neighbouring words and spaces of one kind into one part', () => {
    expect(diffWords('Kết quả đạt được rất tốt', 'Kết quả tốt')).toEqual([
      { kind: 'same', text: 'Kết quả ' },
      { kind: 'del', text: 'đạt được rất ' },
      { kind: 'same', text: 'tốt' },
    ])
    const parts = diffWords('a b c', 'a x y z c')
    expect(parts.every((p, i) => i === 0 || p.kind !== parts[i - 1].kind)).toBe(true)
  })

  it('always gives back both texts exactly, line breaks and spacing included', () => {
    const cases: [string, string][] = [
      ['Nguyên nhân:\n- thiếu người\n- thiếu kinh phí', 'Nguyên nhân:\n- thiếu kinh phí\n- thiếu thời gian'],
      ['  hai  khoảng trắng ', 'hai khoảng trắng'],
      ['một', 'hai ba'],
    ]
    for (const [before, after] of cases) expect(sides(diffWords(before, after))).toEqual({ before, after })
  })

  it('shows very long texts whole, struck out then added, instead of comparing word by word', () => {
    const before = Array.from({ length: 2100 }, (_, i) => `từ${i}`).join(' ')
    const after = `${before} thêm`
    expect(diffWords(before, after)).toEqual([
      { kind: 'del', text: before },
      { kind: 'ins', text: after },
    ])
  })
})
