import { describe, it, expect } from 'vitest'
import { findDate, findPlaceDate, toIsoDate } from './dates.ts'

describe('toIsoDate', () => {
  it('pads and validates', () => {
    expect(toIsoDate(8, 2, 2022)).toBe('2022-02-08')
    expect(toIsoDate(29, 2, 2024)).toBe('2024-02-29')
    expect(toIsoDate(29, 2, 2023)).toBeNull()
    expect(toIsoDate(31, 4, 2024)).toBeNull()
    expect(toIsoDate(1, 13, 2024)).toBeNull()
  })
})

describe('findDate', () => {
  it.each([
    ['ngày 15 tháng 3 năm 2024', '2024-03-15'],
    ['ngày 08 tháng 02 năm 2022', '2022-02-08'],
    ['ngày 8 tháng 2 năm 2018', '2018-02-08'],
    ['ngày 08/02/2022', '2022-02-08'],
    ['15/3/2024', '2024-03-15'],
    ['ngày 28-5-2004', '2004-05-28'],
    ['ngày 1.7.2024', '2024-07-01'],
  ])('reads %s', (text, iso) => {
    expect(findDate(`trước ${text} của`)!.iso).toBe(iso)
  })

  it('marks an impossible date as found but without a value', () => {
    expect(findDate('ngày 31/02/2024')).toMatchObject({ iso: null })
  })

  it('does not read a document number as a date', () => {
    expect(findDate('Nghị định 30/2020/NĐ-CP')).toBeNull()
  })
})

describe('findPlaceDate', () => {
  it.each([
    ['Hà Nội, ngày 15 tháng 3 năm 2024', 'Hà Nội', '2024-03-15'],
    ['Hà Nội, ngày 03/4/2018', 'Hà Nội', '2018-04-03'],
    ['Hạ Long, ngày 20 tháng 02 năm 2024', 'Hạ Long', '2024-02-20'],
    ['TP. Hồ Chí Minh, ngày 1 tháng 7 năm 2024', 'TP. Hồ Chí Minh', '2024-07-01'],
    ['Thành phố Hồ Chí Minh, ngày 1 tháng 7 năm 2024', 'Thành phố Hồ Chí Minh', '2024-07-01'],
    ['Hà Nội, 03/4/2018', 'Hà Nội', '2018-04-03'],
  ])('reads "%s"', (text, place, date) => {
    expect(findPlaceDate(text)).toMatchObject({ place, date, invalid: false })
  })

  it('takes only the place from a line a PDF flattened with the subject', () => {
    const line = 'V/v Tăng cường công tác bảo vệ Hà Nội, ngày 15 tháng 3 năm 2024'
    const found = findPlaceDate(line)!
    expect(found.place).toBe('Hà Nội')
    expect(line.slice(0, found.start).trim()).toBe('V/v Tăng cường công tác bảo vệ')
  })

  it('stops the place at the upper-case body name beside it', () => {
    expect(findPlaceDate('BAN CÁN SỰ ĐẢNG BỘ Y TẾ Hà Nội, ngày 15 tháng 3 năm 2024')!.place).toBe('Hà Nội')
  })

  it('flags a date left blank in a draft', () => {
    expect(findPlaceDate('Hà Nội, ngày     tháng     năm 2024')).toMatchObject({ place: 'Hà Nội', date: null, invalid: true })
  })
})
