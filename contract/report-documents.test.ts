import { describe, expect, it } from 'vitest'
import { reportDocumentOptionsInput } from './report-documents.ts'

const valid = {
  header: { parentBody: 'BAN CHẤP HÀNH TRUNG ƯƠNG', issuer: 'BAN CÁN SỰ ĐẢNG BỘ Y TẾ', number: '-BC/BCSĐ', place: 'Hà Nội', date: '2026-11-27' },
  subtitle: 'kết quả thực hiện Công văn số 1946-CV/BCSĐ ngày 15/3/2024',
  signature: { authority: 'T/M BAN CÁN SỰ ĐẢNG', title: 'BÍ THƯ', name: 'Nguyễn Văn Thành' },
}

describe('report document options', () => {
  it('accepts a number to be written in by hand or a full one, and fills the defaults', () => {
    expect(reportDocumentOptionsInput.parse(valid)).toMatchObject({ title: 'BÁO CÁO', proposals: [], distribution: [] })
    for (const number of ['12-BC/BCSĐ', '  -BC/BCSĐ', '1946 - CV/BCSĐ', '07-QĐi/TW', '3-BC/ĐUK-BYT']) {
      expect(reportDocumentOptionsInput.safeParse({ ...valid, header: { ...valid.header, number } }).success, number).toBe(true)
    }
  })

  it('refuses a number without the hyphen-slash form, a date not yyyy-mm-dd, and margins out of range', () => {
    for (const number of ['BC/BCSĐ', '12/BC-BCSĐ', 'Số 12-BC/BCSĐ', '']) {
      expect(reportDocumentOptionsInput.safeParse({ ...valid, header: { ...valid.header, number } }).success, number).toBe(false)
    }
    expect(reportDocumentOptionsInput.safeParse({ ...valid, header: { ...valid.header, date: '27/11/2026' } }).success).toBe(false)
    expect(reportDocumentOptionsInput.safeParse({ ...valid, margins: { topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 0 } }).success).toBe(false)
    expect(reportDocumentOptionsInput.safeParse({ ...valid, extra: 1 }).success).toBe(false)
  })
})
