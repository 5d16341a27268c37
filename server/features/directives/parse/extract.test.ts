import { describe, it, expect } from 'vitest'
import { PARSE_INPUT_ERRORS } from '../../../../contract/directive-parse.ts'
import { extractText } from './extract.ts'
import { ParseInputError } from './errors.ts'
import { layoutPage } from './extract-pdf.ts'
import { fixtureBytes } from './test-helpers.ts'

const lines = async (file: string) => (await extractText(fixtureBytes(file), file)).text.split('\n')

async function rejection(bytes: Uint8Array, name: string, mime?: string, options?: { ocr?: boolean }): Promise<ParseInputError> {
  const error = await extractText(bytes, name, mime, options).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ParseInputError)
  return error as ParseInputError
}

describe('.docx', () => {
  it('puts back the "1." … "9." that Word numbering generates', async () => {
    const text = await lines('seed-numbered.docx')
    const numbered = text.filter((l) => /^\d+\. /.test(l))
    expect(numbered.map((l) => l.split(' ')[0])).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.'])
    expect(numbered[0]).toMatch(/^1\. Tiếp tục quán triệt/)
  })

  it('recovers bullets from a list whose "-" is generated too', async () => {
    const text = await lines('seed-numbered.docx')
    expect(text).toContain('- Như trên,')
    expect(text).toContain('- Lưu: VP BCSD.')
  })

  it('keeps a manual line break and a page break as new lines, and hides deleted revisions', async () => {
    const text = await lines('seed-numbered.docx')
    expect(text).toContain('V/v Tăng cường công tác bảo vệ')
    expect(text).toContain('chính trị nội bộ')
    expect(text.some((l) => l.endsWith('Thực hiện nghiêm'))).toBe(true)
    expect(text.join('\n')).not.toContain('bản nháp cũ')
  })

  it('separates table cells with a blank line so header columns do not run together', async () => {
    const text = await lines('seed-numbered.docx')
    const subject = text.indexOf('chính trị nội bộ')
    expect(text[subject + 1]).toBe('')
    expect(text[subject + 2]).toBe('ĐẢNG CỘNG SẢN VIỆT NAM')
  })

  it('numbers a multi-level list: Roman via a heading style, restarting 1. in each section, a) and symbol bullets', async () => {
    const text = await lines('ke-hoach-word-lists.docx')
    const labelled = text.filter((l) => /^(?:[IVX]+\.|\d+\.|[a-z]\)|-) /.test(l)).map((l) => l.split(' ')[0])
    expect(labelled).toEqual(['I.', '1.', '-', '-', '2.', 'II.', '1.', 'a)', 'b)', '2.', 'III.', '1.', '2.'])
    expect(text).toContain('I. MỤC ĐÍCH, YÊU CẦU')
    expect(text).toContain('2. Yêu cầu')
    expect(text).toContain('Việc triển khai bảo đảm nghiêm túc, thiết thực, gắn với nhiệm vụ chuyên môn của từng khoa, phòng.')
  })

  it('shows what Word shows: current numbering, no hidden or field-code text, one copy of a text box', async () => {
    expect(await lines('word-features.docx')).toEqual([
      '1. Mục thứ nhất',
      '2. Mục thứ hai',
      'a) Điểm con',
      'Chữ hiện tiếp',
      'Trong khung',
      'Ngoài khung',
      'Cổng thông tin Bộ Y tế',
      '7 trang',
      '1. Danh sách mới',
      '• Gạch đầu dòng',
    ])
  })

  it('refuses a broken .docx as unreadable', async () => {
    const error = await rejection(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'letter.docx')
    expect(error.code).toBe('UNREADABLE_FILE')
  })
})

describe('PDF with a text layer', () => {
  it('flattens the two header columns onto one line, with a wide gap between them', async () => {
    const text = await lines('seed-layout.pdf')
    expect(text[0]).toBe('BAN CHẤP HÀNH TRUNG ƯƠNG   ĐẢNG CỘNG SẢN VIỆT NAM')
    expect(text).toContain('Số 1946 - CV/BCSD   Hà Nội, ngày 15 tháng 3 năm 2024')
  })

  it('marks paragraph starts and the page break with a blank line, and keeps the page number as printed', async () => {
    const text = await lines('seed-layout.pdf')
    const cut = text.findIndex((l) => l.endsWith('Thực hiện nghiêm'))
    expect(text.slice(cut + 1, cut + 5)).toEqual(['', '2', '', 'quy định của Đảng, Nhà nước về bố trí, quản lý công chức, viên chức làm việc tại bộ phận trọng yếu, cơ mật.'])
    expect(text[text.findIndex((l) => l.endsWith('ngành y tế.')) + 1]).toBe('')
  })

  it('rejoins lines wrapped at the right margin, even after a semicolon and a capital', async () => {
    const text = await lines('seed-layout.pdf')
    expect(text.some((l) => l.includes('các thế lực thù địch; Tăng cường công tác bảo vệ nền tảng tư tưởng của Đảng'))).toBe(true)
    expect(text).toContain('BAN CÁN SỰ ĐẢNG BỘ Y TẾ')
  })

  it('finds paragraph starts from the first-line indent when there is no spacing', async () => {
    const text = await lines('state-cv-byt-indented.pdf')
    const first = text.findIndex((l) => l.startsWith('1. Về quản lý'))
    expect(text[first - 2]).toMatch(/Bộ Y tế đề nghị các đơn vị thực hiện các nội dung sau:$/)
    expect(text[first - 1]).toBe('')
    const closing = text.findIndex((l) => l.startsWith('Trong quá trình triển khai'))
    expect(text[closing - 2]).toMatch(/bảo đảm an toàn thông tin tại đơn vị\.$/)
    expect(text[closing - 1]).toBe('')
    expect(text[first + 1]).toBe('a) Lập danh sách các trang thông tin điện tử, tài khoản mạng xã hội do đơn vị quản lý; phân công người chịu trách nhiệm quản trị.')
  })

  it('says a scanned PDF has no text layer, in Vietnamese and English, when asked not to OCR it', async () => {
    const error = await rejection(fixtureBytes('scanned-no-text.pdf'), 'scan.pdf', 'application/pdf', { ocr: false })
    expect(error.code).toBe('NO_TEXT_LAYER')
    expect(error.message).toBe(PARSE_INPUT_ERRORS.NO_TEXT_LAYER.vi)
    expect(error.en).toBe(PARSE_INPUT_ERRORS.NO_TEXT_LAYER.en)
    expect(error.message).toMatch(/lớp chữ/)
  })

  it('says so too when OCR finds no words in a scan of no text', async () => {
    const error = await rejection(fixtureBytes('scanned-no-text.pdf'), 'scan.pdf', 'application/pdf')
    expect(error.code).toBe('NO_TEXT_LAYER')
    expect(error.message).toMatch(/không có lớp chữ, và nhận dạng chữ \(OCR\) không thấy chữ nào/)
    expect(error.en).toMatch(/OCR found no text/)
  })

  it('says a damaged PDF is unreadable', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\nthis is not really a pdf')
    expect((await rejection(bytes, 'x.pdf')).code).toBe('UNREADABLE_FILE')
  })

  it('rebuilds lines from fragments by baseline and position', () => {
    const f = (text: string, x: number, y: number, width: number) => ({ text, x, y, end: x + width, size: 12 })
    const page = layoutPage([f('Hà Nội, ngày 1/2/2024', 350, 700, 120), f('Số 1-CV/ĐU', 90, 700.4, 60), f('tiếp', 154, 700.2, 20), f('Dòng sau', 90, 686, 50)])
    expect(page).toBe('Số 1-CV/ĐU tiếp   Hà Nội, ngày 1/2/2024\nDòng sau')
  })

  describe('glyphs printed from a fallback font (LibreOffice without a Vietnamese font)', () => {
    // Positions and widths as pdf.js reports them for a LibreOffice PDF of the seed letter.
    const f = (text: string, x: number, width: number, font: string) => ({ text, x, y: 700, end: x + width, size: 14, font })

    it('puts a glyph back into the gap inside a run', () => {
      expect(layoutPage([f('V/v Tăng c', 98, 62.7, 'f1'), f(' ', 160.7, 18, 'f1'), f('ng công tác b o v', 178.7, 100.4, 'f1'), f('ườ', 160.7, 18, 'f2'), f(' ', 178.7, 75, 'f2'), f('ả', 253.7, 7.9, 'f2'), f(' ', 261.6, 17.5, 'f2'), f('ệ', 279.1, 7.5, 'f2')])).toBe(
        'V/v Tăng cường công tác bảo vệ',
      )
    })

    it('keeps the real space that shared a gap with the glyph', () => {
      expect(layoutPage([f('chính tr n i b', 147.9, 80.6, 'f1'), f('ị', 191, 4.5, 'f2'), f(' ', 195.5, 10.5, 'f2'), f('ộ', 206, 8.1, 'f2'), f(' ', 214.1, 14.4, 'f2'), f('ộ', 228.5, 8.1, 'f2')])).toBe('chính trị nội bộ')
    })

    it('splits glyphs that pdf.js merged into one fragment', () => {
      const line = [f('ng; Các th', 157.3, 57.6, 'f1'), f(' ', 214.8, 11, 'f1'), f('l', 225.8, 3.9, 'f1'), f(' ', 229.7, 9.4, 'f1'), f('c thù', 239.1, 30, 'f1'), f('ế ự', 214.9, 24.3, 'f2')]
      expect(layoutPage(line)).toBe('ng; Các thế lực thù')
    })
  })

  it('prints text drawn twice for a bold effect once', () => {
    const f = (text: string, x: number) => ({ text, x, y: 700, end: x + 80, size: 14 })
    expect(layoutPage([f('BỘ Y TẾ', 100), f('BỘ Y TẾ', 100.4)])).toBe('BỘ Y TẾ')
  })

  it('does not start a paragraph at the indented lines of a hanging-indent list item', () => {
    const line = (text: string, x: number, y: number, end: number) => ({ text, x, y, end, size: 12 })
    const page = layoutPage([
      line('Đoạn mở đầu kết thúc ở đây.', 90, 700, 300),
      line('Đoạn mới thụt đầu dòng, chữ kéo dài tới tận lề phải của trang giấy', 120, 686, 500),
      line('dòng tiếp theo của đoạn bắt đầu ở lề trái.', 90, 672, 320),
      line('1. Mục một có nội dung dài, kéo tới tận lề phải của trang giấy này', 90, 658, 500),
      line('Đảng viên, dòng thứ hai của mục một thụt vào.', 120, 644, 380),
    ])
    expect(page.split('\n')).toEqual([
      'Đoạn mở đầu kết thúc ở đây.',
      '',
      'Đoạn mới thụt đầu dòng, chữ kéo dài tới tận lề phải của trang giấy dòng tiếp theo của đoạn bắt đầu ở lề trái.',
      '1. Mục một có nội dung dài, kéo tới tận lề phải của trang giấy này',
      'Đảng viên, dòng thứ hai của mục một thụt vào.',
    ])
  })
})

describe('plain text', () => {
  it('reads UTF-8, with or without a byte-order mark', async () => {
    const text = 'Số 1946 - CV/BCSD'
    expect((await extractText(new TextEncoder().encode(text), 'a.txt')).text).toBe(text)
    expect((await extractText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), 'a.txt')).text).toBe(text)
  })

  it('reads UTF-16 from Notepad and Windows-1258 from old tools', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('Hà Nội', 'utf16le')])
    expect((await extractText(utf16, 'a.txt')).text).toBe('Hà Nội')
    const cp1258 = new Uint8Array([0x48, 0xe0, 0x20, 0x4e, 0xf4, 0xf2, 0x69])
    expect((await extractText(cp1258, 'a.txt')).text.normalize('NFC')).toBe('Hà Nội')
  })

  it('accepts text without an extension or labelled text/plain', async () => {
    expect((await extractText(new TextEncoder().encode('abc'), 'paste', 'text/plain')).text).toBe('abc')
  })

  it('says a damaged image is unreadable (it is handed to OCR, which cannot open it)', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect((await rejection(png, 'scan.png', 'image/png')).code).toBe('UNREADABLE_FILE')
    expect((await rejection(png, 'scan.png', 'image/png', { ocr: false })).code).toBe('NO_TEXT_LAYER')
  })

  it('refuses an empty file', async () => {
    expect((await rejection(new Uint8Array(), 'a.txt')).code).toBe('UNREADABLE_FILE')
  })
})

describe('unsupported files', () => {
  it.each([
    ['old Word .doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'letter.doc', undefined, /\.doc/],
    ['a GIF', new TextEncoder().encode('GIF89a'), 'scan.gif', 'image/gif', /ảnh PNG, JPEG hoặc TIFF/],
    ['a spreadsheet', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'list.xlsx', undefined, /Định dạng/],
    ['RTF', new TextEncoder().encode('{\\rtf1 abc}'), 'a.rtf', undefined, /Định dạng/],
    ['an unknown binary', new Uint8Array([1, 2, 3]), 'a.bin', 'application/octet-stream', /Định dạng/],
  ])('refuses %s with UNSUPPORTED_FILE and a message in both languages', async (_what, bytes, name, mime, vi) => {
    const error = await rejection(bytes, name, mime)
    expect(error.code).toBe('UNSUPPORTED_FILE')
    expect(error.message).toMatch(vi)
    expect(error.en.length).toBeGreaterThan(10)
  })
})
