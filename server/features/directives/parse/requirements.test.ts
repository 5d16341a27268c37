import { describe, it, expect } from 'vitest'
import type { Requirement } from '../../../../contract/directive-parse.ts'
import { detectMarker } from './markers.ts'
import { splitBody } from './requirements.ts'

const outline = (items: Requirement[]): unknown[] => items.map((r) => (r.children.length ? [r.label, outline(r.children)] : r.label))

describe('detectMarker', () => {
  it.each([
    ['1. Nội dung', 'arabic', '1.'],
    ['1) Nội dung', 'arabic', '1)'],
    ['1/ Nội dung', 'arabic', '1/'],
    ['1.Nội dung', 'arabic', '1.'],
    ['a) Nội dung', 'letter', 'a)'],
    ['đ) Nội dung', 'letter', 'đ)'],
    ['b. Nội dung', 'letter', 'b.'],
    ['I. MỤC ĐÍCH', 'roman', 'I.'],
    ['IV. TỔ CHỨC THỰC HIỆN', 'roman', 'IV.'],
    ['II - NHIỆM VỤ', 'roman', 'II.'],
    ['1.2. Nội dung', 'dotted', '1.2.'],
    ['Điều 3. Hiệu lực', 'article', 'Điều 3.'],
    ['Chương II', 'chapter', 'Chương II'],
    ['Phần thứ nhất', 'part', 'Phần thứ nhất'],
    ['- Nội dung', 'bullet', '-'],
    ['– Nội dung', 'bullet', '-'],
    ['+ Nội dung', 'bullet', '+'],
    ['• Nội dung', 'bullet', '•'],
    ['* Khoản 11', 'bullet', '*'],
    ['I- MỤC ĐÍCH, YÊU CẦU', 'roman', 'I.'],
    ['1- Mục đích', 'arabic', '1-'],
    ['1- Điều 1 (Khoản 2): Tuổi đời', 'arabic', '1-'],
    ['1.1- Về tuổi đời', 'dotted', '1.1-'],
    ['a- Tạo chuyển biến', 'letter', 'a-'],
    ['a/ Nội dung', 'letter', 'a/'],
    ['(1) Đẩy mạnh tuyên truyền', 'parenNumber', '(1)'],
    ['(12) Nội dung', 'parenNumber', '(12)'],
  ])('%s is a %s labelled %s', (text, kind, label) => {
    expect(detectMarker(text)).toMatchObject({ kind, label })
  })

  it.each(['2021-2025 là giai đoạn', '1-2 ngày', 'V/v Tăng cường', '2024 là năm bản lề', '15/3/2024, Ban Thường vụ họp', 'Mục đích của kế hoạch', 'Trong thời gian qua', '(3/2/1930 - 3/2/2017)', '(1) 2024 là năm'])('"%s" is not an item', (text) => {
    expect(detectMarker(text)).toBeNull()
  })
})

describe('splitBody', () => {
  it('maps articles to requirements: chapters group them, clauses and points nest under them', () => {
    const body = splitBody(['QUYẾT ĐỊNH:', 'Chương I', 'Điều 1. Phạm vi điều chỉnh', '1. Quy định này áp dụng cho:', 'a) Các chi bộ;', 'b) Các đảng ủy.', 'Điều 2. Hiệu lực', 'Chương II', 'Điều 3. Tổ chức thực hiện'])
    expect(body.preamble).toBe('QUYẾT ĐỊNH:')
    expect(outline(body.requirements)).toEqual([['Chương I', [['Điều 1.', [['1.', ['a)', 'b)']]]], 'Điều 2.']], ['Chương II', ['Điều 3.']]])
  })

  it('keeps a decision\'s "- Căn cứ" grounds in the preamble when no item is numbered', () => {
    const body = splitBody(['- Căn cứ Điều lệ Đảng;', '- Xét đề nghị của Ban Tổ chức,', '- Các chi bộ báo cáo trước ngày 10.'])
    expect(body.preamble).toBe('- Căn cứ Điều lệ Đảng;\n\n- Xét đề nghị của Ban Tổ chức,')
    expect(body.requirements.map((r) => r.text)).toEqual(['Các chi bộ báo cáo trước ngày 10.'])
  })

  it('nests Roman sections, numbered items, lettered points and bullets', () => {
    const body = splitBody([
      'Lời mở đầu.',
      'I. MỤC ĐÍCH',
      '1. Mục đích một',
      'a) Điểm a',
      '- Gạch một',
      '+ Cộng một',
      '- Gạch hai',
      'b) Điểm b',
      '2. Mục đích hai',
      'II. NHIỆM VỤ',
      '1. Nhiệm vụ một.',
    ])
    expect(body.preamble).toBe('Lời mở đầu.')
    expect(outline(body.requirements)).toEqual([
      ['I.', [['1.', [['a)', [['-', ['+']], '-']], 'b)']], '2.']],
      ['II.', ['1.']],
    ])
    expect(body.closing).toBeNull()
  })

  it('nests bracketed numbers "(1)" under their numbered item, above its lettered points', () => {
    const body = splitBody(['1. Công tác tham mưu', '(1) Đẩy mạnh tuyên truyền;', 'a) Điểm a', '(2) Tổ chức học tập.', '2. Công tác khác'])
    expect(outline(body.requirements)).toEqual([['1.', [['(1)', ['a)']], '(2)']], '2.'])
  })

  it('nests dotted sub-numbers under their number', () => {
    const body = splitBody(['1. Một', '1.1. Một một', '1.2. Một hai', '2. Hai'])
    expect(outline(body.requirements)).toEqual([['1.', ['1.1.', '1.2.']], '2.'])
  })

  it('leaves a "-" list of grounds in the preamble when the body is numbered', () => {
    const body = splitBody(['- Căn cứ Điều lệ Đảng;', '- Căn cứ Quy định 58-QĐ/TW;', 'Ban Thường vụ yêu cầu:', '1. Một.', '2. Hai.'])
    expect(body.preamble).toBe('- Căn cứ Điều lệ Đảng;\n\n- Căn cứ Quy định 58-QĐ/TW;\n\nBan Thường vụ yêu cầu:')
    expect(outline(body.requirements)).toEqual(['1.', '2.'])
  })

  it('uses bullets as requirements when nothing is numbered', () => {
    const body = splitBody(['Kết luận như sau:', '- Một;', '+ Một a;', '- Hai.'])
    expect(outline(body.requirements)).toEqual([['-', ['+']], '-'])
  })

  it('gives an unnumbered paragraph between items to the item above it', () => {
    const body = splitBody(['1. Yêu cầu', 'Bảo đảm nghiêm túc.', '2. Hai.'])
    expect(body.requirements[0]).toEqual({ label: '1.', text: 'Yêu cầu\n\nBảo đảm nghiêm túc.', children: [] })
  })

  it('takes what follows a complete last item as the closing, without the ./. end mark', () => {
    const body = splitBody(['1. Một.', '2. Hai.', 'Đề nghị các đơn vị thực hiện./.', 'Trân trọng.'])
    expect(body.closing).toBe('Đề nghị các đơn vị thực hiện.\n\nTrân trọng.')
    expect(body.requirements[1].text).toBe('Hai.')
  })

  it('lets a heading-only last item keep its text, and closes at a closing phrase', () => {
    const body = splitBody(['1. Một.', '2. Tổ chức thực hiện', 'Văn phòng theo dõi, đôn đốc.', 'Trên đây là Kế hoạch, đề nghị thực hiện./.'])
    expect(body.requirements[1].text).toBe('Tổ chức thực hiện\n\nVăn phòng theo dõi, đôn đốc.')
    expect(body.closing).toBe('Trên đây là Kế hoạch, đề nghị thực hiện.')
  })

  it('strips the end mark from the last item when there is no closing', () => {
    expect(splitBody(['1. Một.', '2. Hai./.']).requirements[1].text).toBe('Hai.')
  })

  it('keeps an unnumbered letter whole, with a recognisable closing sentence apart', () => {
    const body = splitBody(['Đoạn một.', 'Đoạn hai.', 'Đề nghị các đơn vị nghiêm túc thực hiện./.'])
    expect(body).toEqual({ preamble: 'Đoạn một.\n\nĐoạn hai.', requirements: [], closing: 'Đề nghị các đơn vị nghiêm túc thực hiện.' })
  })
})
