import { describe, it, expect } from 'vitest'
import { findDeadline, withDeadlines } from './deadlines.ts'
import { parseDirectiveText } from './parse-text.ts'

const LETTER = '2026-11-20'

describe('findDeadline: a requirement states its own deadline', () => {
  it.each<[string, string, string]>([
    ['Các đơn vị hoàn thành trước ngày 20/12/2026.', '2026-12-20', 'hoàn thành trước ngày 20/12/2026'],
    ['Gửi báo cáo về Ban cán sự đảng trước ngày 15/01/2027.', '2027-01-15', 'trước ngày 15/01/2027'],
    ['Báo cáo kết quả trước 5/1/2027 (qua Vụ Tổ chức cán bộ).', '2027-01-05', 'trước 5/1/2027'],
    ['Hoàn thành chậm nhất ngày 20 tháng 12 năm 2026.', '2026-12-20', 'chậm nhất ngày 20 tháng 12 năm 2026'],
    ['Tổ chức hội nghị quán triệt trong tháng 12/2026.', '2026-12-31', 'trong tháng 12/2026'],
    ['Xây dựng kế hoạch trong tháng 2 năm 2027.', '2027-02-28', 'trong tháng 2 năm 2027'],
    ['Thời hạn: 31/12/2026.', '2026-12-31', 'Thời hạn: 31/12/2026'],
    ['Hoàn thành trong quý IV/2026.', '2026-12-31', 'trong quý IV/2026'],
    ['Thực hiện xong trong năm 2027.', '2027-12-31', 'trong năm 2027'],
  ])('%s → %s', (text, iso, phrase) => {
    const found = findDeadline(text, LETTER)
    expect(found?.deadline).toBe(iso)
    expect(found?.phrase.toLowerCase()).toContain(phrase.toLowerCase())
  })

  it("a missing year is the letter's year when that day is still ahead", () => {
    expect(findDeadline('Hoàn thành trước 30/12.', '2026-11-20')?.deadline).toBe('2026-12-30')
    expect(findDeadline('Hoàn thành trong tháng 12.', '2026-11-20')?.deadline).toBe('2026-12-31')
  })

  it('a missing year is the next year when that day is already before the letter', () => {
    expect(findDeadline('Báo cáo sơ kết trước 30/6.', '2026-11-20')?.deadline).toBe('2027-06-30')
    expect(findDeadline('Hoàn thành chậm nhất ngày 15 tháng 01.', '2026-11-20')?.deadline).toBe('2027-01-15')
  })

  it('never invents a date: no year and no letter date, or an impossible day, give null with the phrase', () => {
    expect(findDeadline('Báo cáo trước 30/6.', null)).toEqual({ deadline: null, phrase: 'Báo cáo trước 30/6' })
    expect(findDeadline('Hoàn thành trước ngày 31/02/2027.', LETTER)).toEqual({ deadline: null, phrase: 'Hoàn thành trước ngày 31/02/2027' })
  })

  it('with several dated cues the latest counts (the requirement is done when all its parts are)', () => {
    const found = findDeadline('Báo cáo sơ bộ trước ngày 15/12/2026; hoàn thành trước ngày 20/01/2027.', LETTER)
    expect(found?.deadline).toBe('2027-01-20')
  })

  it.each([
    'Thực hiện nghiêm Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.',
    'Tổng hợp số liệu từ ngày 01/01/2026 đến ngày 30/6/2026.',
    'Tăng cường công tác bảo vệ chính trị nội bộ.',
    'Giảm ít nhất 1/2 số hồ sơ tồn đọng trong 1/2 thời gian.',
    'Tổ chức hội nghị tại hội trường tầng 2.',
  ])('no deadline cue, no deadline: %s', (text) => {
    expect(findDeadline(text, LETTER)).toBeNull()
  })
})

describe('withDeadlines and the parser', () => {
  it('leaves a requirement without a date exactly as it was', () => {
    const [r] = withDeadlines([{ label: '1.', text: 'Quán triệt sâu sắc.', children: [] }], LETTER)
    expect(r).toEqual({ label: '1.', text: 'Quán triệt sâu sắc.', children: [] })
    expect('deadline' in r).toBe(false)
  })

  it("a pasted letter proposes each dated requirement's deadline, its children too", () => {
    const text = [
      'BAN CÁN SỰ ĐẢNG BỘ Y TẾ',
      'Số 12-CV/BCSĐ',
      'Hà Nội, ngày 20 tháng 11 năm 2026',
      'V/v tăng cường công tác bảo vệ chính trị nội bộ',
      'Kính gửi: Các đơn vị trực thuộc Bộ',
      '',
      '1. Quán triệt Quy định số 126-QĐ/TW đến toàn thể đảng viên, hoàn thành trước ngày 20/12/2026.',
      '2. Rà soát, bổ sung hồ sơ đảng viên:',
      'a) Lập danh sách trong tháng 12/2026;',
      'b) Gửi báo cáo về Ban cán sự đảng trước 15/01.',
      '3. Thường xuyên theo dõi, nắm tình hình.',
      '',
      'Nơi nhận:',
      '- Như trên;',
      '- Lưu VT.',
    ].join('\n')
    const parsed = parseDirectiveText(text)
    expect(parsed.date).toBe('2026-11-20')
    const [one, two, three] = parsed.requirements
    expect(one.deadline).toBe('2026-12-20')
    expect(one.deadlinePhrase).toBe('hoàn thành trước ngày 20/12/2026')
    expect(two.deadline).toBeUndefined()
    expect(two.children.map((c) => c.deadline)).toEqual(['2026-12-31', '2027-01-15'])
    expect(three.deadline).toBeUndefined()
  })
})

describe('dates that look back', () => {
  it('a date before the letter is not a deadline', () => {
    expect(findDeadline('Phát huy kết quả đạt được trong năm 2025.', LETTER)).toBeNull()
    expect(findDeadline('Khắc phục hạn chế đã nêu trong quý III/2026; hoàn thành trước ngày 31/01/2027.', LETTER)?.deadline).toBe('2027-01-31')
  })
})

describe('recurring schedules', () => {
  it('a schedule that repeats every year names no single deadline', () => {
    expect(findDeadline('Định kỳ 6 tháng, 01 năm báo cáo kết quả trước ngày 15 tháng 6 và ngày 15 tháng 12 hằng năm.', LETTER)).toBeNull()
    expect(findDeadline('Hằng quý báo cáo trước ngày 20 của tháng cuối quý.', LETTER)).toBeNull()
  })
})
