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
    ['Quyết định số 24/2021/QĐ-TTg ngày 16/7/20 21 của Thủ tướng Chính phủ quy định', { number: '24/2021/QĐ-TTg', date: '2021-07-16', issuer: 'Thủ tướng Chính phủ' }],
    ['thay thế Quyết định số 01/1999/QĐ.UB ngày 15/01/1999 của Ủy ban nhân dân tỉnh Tiền Giang về', { number: '01/1999/QĐ.UB', date: '1999-01-15', issuer: 'Ủy ban nhân dân tỉnh Tiền Giang' }],
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

  it('reads numbers glued to "số", an issuer named before the number and one issuer shared by two documents', () => {
    expect(findReferences(['Chỉ thị số15-CT/TW, ngày 24-2-2012 và Kế hoạch số 08-KH/TW, ngày 12-3-2012 của Bộ Chính trị về việc'], null)).toEqual([
      { number: '15-CT/TW', date: '2012-02-24', issuer: 'Bộ Chính trị' },
      { number: '08-KH/TW', date: '2012-03-12', issuer: 'Bộ Chính trị' },
    ])
    expect(findReferences(['Căn cứ Thông báo số 70-TB/TWngày 06 tháng 01 năm 2012 của Ban Bí thư; Chỉ thị số 45-CT/TW ngày22 tháng 7 năm 2010 của Bộ Chính trị'], null)).toEqual([
      { number: '70-TB/TW', date: '2012-01-06', issuer: 'Ban Bí thư' },
      { number: '45-CT/TW', date: '2010-07-22', issuer: 'Bộ Chính trị' },
    ])
    expect(findReferences(['Thi hành Quyết định của Bộ Chính trị số31-QĐ/TW, ngày 01-10-1997 ban hành Quy định'], null)).toEqual([
      { number: '31-QĐ/TW', date: '1997-10-01', issuer: 'Bộ Chính trị' },
    ])
  })

  it('lists a document cited in a title in capitals and in the body once, with the body\'s spelling', () => {
    const refs = findReferences(['QUY ĐỊNH SỐ 07-QĐI/TW, NGÀY 28/8/2018 CỦA BỘ CHÍNH TRỊ VỀ XỬ LÝ', 'Căn cứ Quy định số 07-QĐi/TW, ngày 28/8/2018 của Bộ Chính trị về xử lý'], null)
    expect(refs).toEqual([{ number: '07-QĐi/TW', date: '2018-08-28', issuer: 'Bộ Chính trị' }])
  })

  it('leaves out the letter itself, dates and ranges of years', () => {
    expect(findReferences(['Công văn 1946-CV/BCSD ngày 15/3/2024; giai đoạn 2021-2025; COVID-19; tháng 6/2024; QCVN 01:2021/BYT'], '1946-CV/BCSD')).toEqual([])
  })
})
