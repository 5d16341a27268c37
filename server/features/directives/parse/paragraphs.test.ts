import { describe, it, expect } from 'vitest'
import { normalizeLines } from './normalize.ts'
import { toParagraphs } from './paragraphs.ts'

const paragraphsOf = (text: string) => toParagraphs(normalizeLines(text))

describe('normalizeLines', () => {
  it('drops page numbers standing alone on a line', () => {
    expect(normalizeLines('a\n2\n- 3 -\nTrang 4\nTrang 5/7\nb')).toEqual(['a', '', '', '', '', 'b'])
  })

  it('splits "./.Nơi nhận:" and composes decomposed Vietnamese', () => {
    expect(normalizeLines('thực hiện./.Nơi nhận:')).toEqual(['thực hiện./.', 'Nơi nhận:'])
    expect(normalizeLines('Ha\u0300 No\u0323\u0302i')).toEqual(['Hà Nội'])
  })

  it('removes soft hyphens and zero-width characters but keeps glued words as they are', () => {
    expect(normalizeLines('bảo\u00AD vệ\u200B Tổchức')).toEqual(['bảo vệ Tổchức'])
  })
})

describe('toParagraphs', () => {
  it('rejoins a paragraph cut by a page break when it goes on in lower case', () => {
    expect(paragraphsOf('3. Thực hiện nghiêm\n\n2\n\nquy định của Đảng.')).toEqual(['3. Thực hiện nghiêm quy định của Đảng.'])
  })

  it('rejoins a word hyphenated at the line end, and keeps real hyphens', () => {
    expect(paragraphsOf('xử lý vi phạm kỷ lu-\nật đảng.')).toEqual(['xử lý vi phạm kỷ luật đảng.'])
    expect(paragraphsOf('phòng, chống dịch COVID-\n19 tại đơn vị.')).toEqual(['phòng, chống dịch COVID-19 tại đơn vị.'])
  })

  it('joins wrapped PDF lines that stop mid-sentence at full width', () => {
    const text = [
      'Tổ chức quán triệt đầy đủ nội dung Quy định đến toàn thể cán bộ, đảng viên, nhất là',
      'Người đứng đầu các cơ quan, đơn vị.',
      'Định kỳ báo cáo kết quả thực hiện.',
    ].join('\n')
    expect(paragraphsOf(text)).toEqual([
      'Tổ chức quán triệt đầy đủ nội dung Quy định đến toàn thể cán bộ, đảng viên, nhất là Người đứng đầu các cơ quan, đơn vị.',
      'Định kỳ báo cáo kết quả thực hiện.',
    ])
  })

  it('keeps a short heading apart from the paragraph under it', () => {
    expect(paragraphsOf('1. Về công tác tư tưởng\nCác cấp ủy tổ chức quán triệt.')).toEqual(['1. Về công tác tư tưởng', 'Các cấp ủy tổ chức quán triệt.'])
  })

  it('starts a new paragraph at every list marker, even after an unfinished line', () => {
    expect(paragraphsOf('Các đơn vị thực hiện các nội dung sau đây và báo cáo kết quả về Bộ Y tế\n- Rà soát;\n+ Kiểm tra')).toEqual([
      'Các đơn vị thực hiện các nội dung sau đây và báo cáo kết quả về Bộ Y tế',
      '- Rà soát;',
      '+ Kiểm tra',
    ])
  })

  it('joins a line broken inside parentheses or after a word that never ends a line', () => {
    expect(paragraphsOf('1- Điều 1 (Khoản\n2): Tuổi đời của người vào Đảng\n- Căn cứ Quy chế làm việc của Ban\nChấp hành Trung ương;')).toEqual([
      '1- Điều 1 (Khoản 2): Tuổi đời của người vào Đảng',
      '- Căn cứ Quy chế làm việc của Ban Chấp hành Trung ương;',
    ])
  })

  it('goes on after a comma or after an office named without its owner ("Văn phòng", "Trụ sở")', () => {
    expect(paragraphsOf('nhân rộng các mô hình như "mẹ đỡ đầu", "con nuôi công an xã",\n"con nuôi bộ đội biên phòng"...')).toEqual([
      'nhân rộng các mô hình như "mẹ đỡ đầu", "con nuôi công an xã", "con nuôi bộ đội biên phòng"...',
    ])
    expect(paragraphsOf('Ngày 24/11/2025, tại Trụ sở\nTrung ương Đảng, đồng chí Tổng Bí thư kết luận.\n4.6. Văn phòng\nTrung ương Đảng theo dõi.')).toEqual([
      'Ngày 24/11/2025, tại Trụ sở Trung ương Đảng, đồng chí Tổng Bí thư kết luận.',
      '4.6. Văn phòng Trung ương Đảng theo dõi.',
    ])
  })

  it('does not run a ground ending in a comma into the title in capitals under it', () => {
    expect(paragraphsOf('Xét đề nghị của Sở Y tế,\nQUYẾT ĐỊNH:')).toEqual(['Xét đề nghị của Sở Y tế,', 'QUYẾT ĐỊNH:'])
  })

  it('gives a bare "Chương I" line the title on the next line', () => {
    expect(paragraphsOf('Chương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi')).toEqual(['Chương I NHỮNG QUY ĐỊNH CHUNG', 'Điều 1. Phạm vi'])
  })

  it('treats each line of pasted Word text as a paragraph', () => {
    expect(paragraphsOf('Câu thứ nhất.\nCâu thứ hai.')).toEqual(['Câu thứ nhất.', 'Câu thứ hai.'])
  })
})
