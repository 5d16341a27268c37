import { describe, expect, it } from 'vitest'
import {
  ddmmyyyy, directiveReference, distributionEntries, numberLine, sentence, vnDatePhrase, vnPercent, vnTextDate,
} from './vn-format.ts'

describe('Vietnamese document formatting', () => {
  it('writes the date line with day < 10 and months 1–2 zero-padded, as Guidance 36’s examples do', () => {
    expect(vnDatePhrase('2026-11-27')).toBe('ngày 27 tháng 11 năm 2026')
    expect(vnDatePhrase('2018-04-03')).toBe('ngày 03 tháng 4 năm 2018')
    expect(vnDatePhrase('2018-02-20')).toBe('ngày 20 tháng 02 năm 2018')
    expect(vnDatePhrase('2026-01-05')).toBe('ngày 05 tháng 01 năm 2026')
  })

  it('writes dates in running text like the seed letter, and fixed-width in tables', () => {
    expect(vnTextDate('2024-03-15')).toBe('15/3/2024')
    expect(vnTextDate('2022-02-08')).toBe('08/02/2022')
    expect(ddmmyyyy('2024-03-15')).toBe('15/03/2024')
    expect(ddmmyyyy(null)).toBe('')
  })

  it('writes a timestamp as its calendar day in Vietnam (UTC+7)', () => {
    expect(ddmmyyyy('2026-11-15T18:30:00.000Z')).toBe('16/11/2026')
  })

  it('writes percentages with a decimal comma', () => {
    expect(vnPercent(0.875)).toBe('87,5%')
    expect(vnPercent(0.86)).toBe('86%')
    expect(vnPercent(1)).toBe('100%')
  })

  it('leaves a gap in the number line for a number written in by hand', () => {
    expect(numberLine('12-BC/BCSĐ')).toBe('Số 12-BC/BCSĐ')
    expect(numberLine('  -BC/BCSĐ')).toMatch(/^Số\s{8}-BC\/BCSĐ$/)
  })

  it('ends "Nơi nhận" entries with commas and the last with a full stop, whatever was typed', () => {
    expect(distributionEntries(['Như trên', '- Đ/c Bí thư BCSĐ (để b/c);', '', 'Lưu: VP BCSĐ.'])).toEqual([
      '- Như trên,', '- Đ/c Bí thư BCSĐ (để b/c),', '- Lưu: VP BCSĐ.',
    ])
  })

  it('turns text into a sentence without doubling punctuation', () => {
    expect(sentence('  Đã tổ chức  3 buổi ')).toBe('Đã tổ chức 3 buổi.')
    expect(sentence('Đã tổ chức 3 buổi.')).toBe('Đã tổ chức 3 buổi.')
    expect(sentence('Gồm:')).toBe('Gồm:')
    expect(sentence('  ')).toBe('')
  })

  it('names a directive by the type in its symbol', () => {
    expect(directiveReference({ number: '1946-CV/BCSĐ', subject: 'V/v Tăng cường công tác bảo vệ chính trị nội bộ', date: '2024-03-15' }))
      .toBe('Công văn số 1946-CV/BCSĐ ngày 15/3/2024 về tăng cường công tác bảo vệ chính trị nội bộ')
    expect(directiveReference({ number: '05-CT/TW', subject: 'về đẩy mạnh học tập', date: null })).toBe('Chỉ thị số 05-CT/TW về đẩy mạnh học tập')
    expect(directiveReference({ number: '58-QĐ/TW', subject: 'Bảo vệ chính trị nội bộ Đảng', date: '2022-02-08' }))
      .toBe('Văn bản số 58-QĐ/TW ngày 08/02/2022 về bảo vệ chính trị nội bộ Đảng')
    expect(directiveReference({ number: null, subject: 'Tăng cường kiểm tra', date: null })).toBe('Văn bản về tăng cường kiểm tra')
  })
})
