import { readFileSync } from 'node:fs'
import { describe, it, expect } from 'vitest'
import { parsedDirective } from '../../../../contract/directive-parse.ts'
import { parseDirectiveText } from './parse-text.ts'
import { fixtureText, sharedSeedPath } from './test-helpers.ts'

// The real letter, parsed exactly. Both the shared original and the copy in test/fixtures/parse/ are
// checked, so the test still guards the parser where ../shared is absent from a checkout.

const seedSources: [string, () => string][] = [
  ['shared/seed/1946-CV-BCSD.txt', () => readFileSync(sharedSeedPath, 'utf8')],
  ['server/db/seed/letters/1946-CV-BCSD.txt', () => fixtureText('seed-1946-CV-BCSD.txt')],
]

const REQUIREMENT_STARTS = [
  'Tiếp tục quán triệt, nâng cao nhận thức cho cán bộ, đảng viên',
  'Tăng cường công tác giáo dục chính trị tư tưởng',
  'Thực hiện nghiêm công tác xây dựng, chỉnh đốn Đảng',
  'Nâng cao ý thức cảnh giác, chủ động phòng ngừa',
  'Công tác rà soát, thẩm định, thẩm tra, xác minh',
  'Đẩy mạnh, nâng cao hiệu quả công tác kiểm tra, giám sát của Đảng',
  'Tăng cường xây dựng, nâng cao chất lượng đội ngũ cán bộ',
  'Rà soát, đôn đốc, chấn chỉnh và kiểm tra, giám sát',
  'Tăng cường công tác kiểm tra, giám sát, chủ động phát hiện',
]

describe.each(seedSources)('seed letter 1946-CV/BCSD from %s', (_name, load) => {
  const text = load()
  const parsed = parseDirectiveText(text)

  it('matches the output schema', () => {
    expect(parsedDirective.parse(parsed)).toEqual(parsed)
  })

  it('reads the header: bodies, number as written (no invented Đ), type, place, date', () => {
    expect(parsed.parentBody).toBe('BAN CHẤP HÀNH TRUNG ƯƠNG')
    expect(parsed.issuer).toBe('BAN CÁN SỰ ĐẢNG BỘ Y TẾ')
    expect(parsed.number).toBe('1946-CV/BCSD')
    expect(parsed.number).not.toContain('Đ')
    expect(parsed.documentType).toBe('CV')
    expect(parsed.place).toBe('Hà Nội')
    expect(parsed.date).toBe('2024-03-15')
  })

  it('joins the subject across its two lines, without the V/v prefix', () => {
    expect(parsed.subject).toBe('Tăng cường công tác bảo vệ chính trị nội bộ')
  })

  it('reads the single addressee', () => {
    expect(parsed.addressees).toEqual(['Các đơn vị thuộc và trực thuộc Bộ Y tế'])
  })

  it('keeps the three paragraphs before "1." as the preamble', () => {
    const paragraphs = parsed.preamble!.split('\n\n')
    expect(paragraphs).toHaveLength(3)
    expect(paragraphs[0]).toMatch(/^Trong thời gian qua, tình hình thế giới .* làm ảnh hưởng uy tín ngành y tế\.$/)
    expect(paragraphs[1]).toMatch(/^Bên cạnh đó, công tác bảo vệ chính trị nội bộ .* vẫn là khâu yếu\.\.\.$/)
    expect(paragraphs[2]).toBe(
      'Nhằm tăng cường công tác bảo vệ chính trị nội bộ trong thời gian tới; Ban cán sự đảng Bộ Y tế đề nghị các đơn vị thuộc và trực thuộc Bộ Y tế tập trung thực hiện một số nội dung sau:',
    )
    // The preamble is the letter's own text, word for word.
    for (const p of paragraphs) expect(text).toContain(p)
  })

  it('finds nine requirements labelled 1. to 9., each with its full text and no children', () => {
    expect(parsed.requirements.map((r) => r.label)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.'])
    parsed.requirements.forEach((r, i) => {
      expect(r.text.startsWith(REQUIREMENT_STARTS[i])).toBe(true)
      expect(r.children).toEqual([])
      expect(r.text).not.toContain('\n')
    })
    expect(parsed.requirements[0].text).toBe(
      'Tiếp tục quán triệt, nâng cao nhận thức cho cán bộ, đảng viên, nhất là cấp ủy và người đứng đầu về ý nghĩa, tầm quan trọng của công tác bảo vệ chính trị nội bộ trong tình hình mới.',
    )
    expect(parsed.requirements[8].text).toBe(
      'Tăng cường công tác kiểm tra, giám sát, chủ động phát hiện, ngăn chặn kịp thời và xử lý nghiêm đối với đảng viên suy thoái về tư tưởng chính trị, “tự diễn biến”, “tự chuyển hóa” theo quy định của pháp luật; kịp thời báo cáo Ban cán sự đảng Bộ Y tế (qua Ban Bảo vệ chính trị nội bộ).',
    )
  })

  it('rejoins requirement 3 across the page break (blank line, then lower case)', () => {
    expect(parsed.requirements[2].text).toBe(
      'Thực hiện nghiêm công tác xây dựng, chỉnh đốn Đảng; Xây dựng tổ chức Đảng trong sạch, vững mạnh. Đề cao trách nhiệm nêu gương của cán bộ, đảng viên, trước hết là người đứng đầu; nghiêm túc thực hiện nguyên tắc tập trung dân chủ đi đôi với đấu tranh tự phê bình và phê bình; Thực hiện nghiêm quy định của Đảng, Nhà nước về bố trí, quản lý công chức, viên chức làm việc tại bộ phận trọng yếu, cơ mật.',
    )
  })

  it('takes the sentence after requirement 9 as the closing', () => {
    expect(parsed.closing).toBe('Ban cán sự đảng Bộ Y tế đề nghị các đơn vị thuộc và trực thuộc Bộ nghiêm túc triển khai thực hiện.')
  })

  it('lists the five distribution entries with their punctuation trimmed', () => {
    expect(parsed.distribution).toEqual(['Như trên', 'Đ/c Bí thư BCSD (đề b/c)', 'Các đ/c Ủy viên BCSD', 'BTV Đảng uỷ Bộ Y tế', 'Lưu: VP BCSD'])
  })

  it('finds the reference to Regulation 58-QĐ/TW with its date and issuer', () => {
    expect(parsed.references).toEqual([{ number: '58-QĐ/TW', date: '2022-02-08', issuer: 'Bộ Chính trị' }])
  })

  it('has nothing to warn about', () => {
    expect(parsed.warnings).toEqual([])
  })
})

describe('seed copy', () => {
  it('is the shared seed byte for byte', () => {
    expect(fixtureText('seed-1946-CV-BCSD.txt')).toBe(readFileSync(sharedSeedPath, 'utf8'))
  })
})
