import { describe, it, expect } from 'vitest'
import { findReferences } from './references.ts'

describe('findReferences', () => {
  it('reads the number, date and issuer of a cited regulation', () => {
    expect(findReferences(['theo đúng quy định 58-QĐ/TW ngày 08/02/2022 của Bộ Chính trị.'], null)).toEqual([
      { number: '58-QĐ/TW', date: '2022-02-08', issuer: 'Bộ Chính trị' },
    ])
  })

  it.each([
    ['Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ về bảo vệ dữ liệu cá nhân', { number: '13/2023/NĐ-CP', date: '2023-04-17', issuer: 'Chính phủ' }],
    ['Quy định số 66-QĐ/TW, ngày 06-02-2017 của Ban Chấp hành Trung ương về thể loại', { number: '66-QĐ/TW', date: '2017-02-06', issuer: 'Ban Chấp hành Trung ương' }],
    ['Chỉ thị 35-CT/TW của Bộ Chính trị, ngày 14 tháng 6 năm 2024 về đại hội', { number: '35-CT/TW', date: '2024-06-14', issuer: 'Bộ Chính trị' }],
    ['Công văn số 1946-CV/BCSĐ ngày 15/3/2024 của Ban cán sự đảng Bộ Y tế, Đảng ủy', { number: '1946-CV/BCSĐ', date: '2024-03-15', issuer: 'Ban cán sự đảng Bộ Y tế' }],
    ['Quy định 07-QĐi/TW của Bộ Chính trị ở một số chi bộ', { number: '07-QĐi/TW', date: null, issuer: 'Bộ Chính trị' }],
    ['văn bản số 1540/BYT-DP ngày 28/3/2018 về tình hình dịch bệnh', { number: '1540/BYT-DP', date: '2018-03-28', issuer: null }],
    ['Luật số 29/2018/QH14', { number: '29/2018/QH14', date: null, issuer: null }],
    ['thay thế Hướng dẫn số 11-HD/VPTW, ngày 28-5-2004 của Văn phòng Trung ương Đảng./.', { number: '11-HD/VPTW', date: '2004-05-28', issuer: 'Văn phòng Trung ương Đảng' }],
  ])('reads %s', (text, reference) => {
    expect(findReferences([text], null)).toEqual([reference])
  })

  it('lists each document once, filling in what a later mention adds', () => {
    const refs = findReferences(['Quy định 58-QĐ/TW của Bộ Chính trị', 'Quy định 58-QĐ/TW ngày 08/02/2022'], null)
    expect(refs).toEqual([{ number: '58-QĐ/TW', date: '2022-02-08', issuer: 'Bộ Chính trị' }])
  })

  it('leaves out the letter itself, dates and ranges of years', () => {
    expect(findReferences(['Công văn 1946-CV/BCSD ngày 15/3/2024; giai đoạn 2021-2025; COVID-19; tháng 6/2024; QCVN 01:2021/BYT'], '1946-CV/BCSD')).toEqual([])
  })
})
