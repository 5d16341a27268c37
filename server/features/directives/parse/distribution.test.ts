import { describe, it, expect } from 'vitest'
import { normalizeLines } from './normalize.ts'
import { parseDistribution } from './distribution.ts'
import { isNameLine, isSignatureLine, stripSignatureTail } from './signature.ts'

const read = (text: string) => {
  const lines = normalizeLines(text)
  return parseDistribution(lines, lines.findIndex((l) => l.startsWith('Nơi nhận')))
}
const distributionOf = (text: string) => read(text).entries

describe('parseDistribution', () => {
  it('reads "-", "•" and "+" bullets and trims the list punctuation', () => {
    expect(distributionOf('Nơi nhận:\n- Như trên;\n• Bộ trưởng (để b/c);\n+ Lưu: VT, VPB1.')).toEqual(['Như trên', 'Bộ trưởng (để b/c)', 'Lưu: VT, VPB1'])
  })

  it('reads a list run together with the end mark', () => {
    expect(distributionOf('nghiêm túc thực hiện./.Nơi nhận:\n- Như trên,\n- Lưu VP.')).toEqual(['Như trên', 'Lưu VP'])
  })

  it('keeps "Lưu VP" written without a colon or a bullet as the last entry', () => {
    expect(distributionOf('Nơi nhận:\n- Như trên;\n- Thường trực Tỉnh ủy (b/c);\nLưu VP')).toEqual(['Như trên', 'Thường trực Tỉnh ủy (b/c)', 'Lưu VP'])
    expect(distributionOf('Nơi nhận:\n- Các chi bộ;\n- Lưu VPĐU.')).toEqual(['Các chi bộ', 'Lưu VPĐU'])
  })

  it.each([
    ['T/M BAN THƯỜNG VỤ', 'BÍ THƯ'],
    ['K/T BÍ THƯ', 'PHÓ BÍ THƯ'],
    ['T/L BAN THƯỜNG VỤ', 'CHÁNH VĂN PHÒNG'],
    ['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG'],
    ['TUQ. BỘ TRƯỞNG', 'VỤ TRƯỞNG VỤ PHÁP CHẾ'],
    ['KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG'],
  ])('keeps the %s / %s signature and the signer\'s name out of the list', (authority, title) => {
    const text = `Nơi nhận:   ${authority}\n- Như trên;   ${title}\n- Lưu: VT.\n\nNguyễn Văn An`
    expect(read(text)).toEqual({ entries: ['Như trên', 'Lưu: VT'], leftover: null })
  })

  it('joins wrapped entries', () => {
    expect(distributionOf('Nơi nhận:\n- VPCP: BTCN, các PCN,\ncác Vụ: TH, KTTH;\n- Sở Y tế các tỉnh, thành phố trực thuộc\nTrung ương;\n- Lưu: VT.')).toEqual([
      'VPCP: BTCN, các PCN, các Vụ: TH, KTTH',
      'Sở Y tế các tỉnh, thành phố trực thuộc Trung ương',
      'Lưu: VT',
    ])
  })

  it('skips the signature block a PDF interleaves with the list', () => {
    const text = 'Nơi nhận: T/M BAN THƯỜNG VỤ\n- Như trên, PHÓ BÍ THƯ\n- Ban Tổ chức,\n(Đã ký)\n- Lưu Văn phòng.   Nguyễn Văn An'
    expect(distributionOf(text)).toEqual(['Như trên', 'Ban Tổ chức', 'Lưu Văn phòng'])
  })

  it('stops before the signature when it follows the list', () => {
    expect(distributionOf('Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nĐỗ Xuân Tuyên\n\nPHỤ LỤC')).toEqual(['Như trên', 'Lưu: VT'])
  })

  it('reports the first line after the list and signature that it did not read', () => {
    expect(read('Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nĐỗ Xuân Tuyên\n\nPHỤ LỤC\nDanh sách đơn vị').leftover).toBe('PHỤ LỤC')
    expect(read('Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nĐỗ Xuân Tuyên').leftover).toBeNull()
    // A web copy's borders and rule, and an authority broken over lines, are not what is left.
    expect(read('Nơi nhận:\n- Lưu Văn phòng Trung ương Đảng.\n|\nK/T CHÁNH\nVĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG THƯỜNG TRỰC\nLâm Thị Phương Thanh\n|\n___________________\n[1] Gồm các đồng chí').leftover).toBe('[1] Gồm các đồng chí')
  })

  it('keeps entries written inline after the heading', () => {
    expect(distributionOf('Nơi nhận: - Như trên;\n- Lưu.')).toEqual(['Như trên', 'Lưu'])
  })
})

describe('signature lines', () => {
  it.each(['T/M BAN CÁN SỰ ĐẢNG', 'K/T TRƯỞNG BAN', 'TM. CHÍNH PHỦ', 'KT. BỘ TRƯỞNG', 'TL. BỘ TRƯỞNG', 'BÍ THƯ', 'PHÓ CHÁNH VĂN PHÒNG', '(Đã ký)'])('%s is a signature line', (line) => {
    expect(isSignatureLine(line)).toBe(true)
  })

  it.each(['- Như trên,', 'Đ/c Bí thư BCSD (đề b/c)', 'BTV Đảng uỷ Bộ Y tế'])('%s is not', (line) => {
    expect(isSignatureLine(line)).toBe(false)
  })

  it('knows a signer name from a distribution entry', () => {
    expect(isNameLine('Nguyễn Văn An')).toBe(true)
    expect(isNameLine('Như trên')).toBe(false)
    expect(isNameLine('Lưu VT')).toBe(false)
  })

  it('cuts a signature off the end of a line, not the entry', () => {
    expect(stripSignatureTail('- Đ/c Bí thư BCSD (đề b/c), BÍ THƯ')).toBe('- Đ/c Bí thư BCSD (đề b/c),')
    expect(stripSignatureTail('- Lưu: VP BCSD. Nguyễn Văn An')).toBe('- Lưu: VP BCSD.')
    expect(stripSignatureTail('- Các đ/c Ủy viên BCSD,')).toBe('- Các đ/c Ủy viên BCSD,')
  })
})
