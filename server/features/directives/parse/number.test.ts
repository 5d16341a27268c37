import { describe, it, expect } from 'vitest'
import { documentTypeOf, findNumberLine, normalizeNumber } from './number.ts'

describe('findNumberLine', () => {
  it.each([
    ['Số 1946 - CV/BCSD', '1946-CV/BCSD'],
    ['Số 36-HD/VPTW', '36-HD/VPTW'],
    ['Số: 4737/BYT-VPB1', '4737/BYT-VPB1'],
    ['Số:30/2020/NĐ-CP', '30/2020/NĐ-CP'],
    ['Số: 2414 / VPCP - KGVX', '2414/VPCP-KGVX'],
    ['Số 07-QĐi/TW', '07-QĐi/TW'],
    ['Số 512 – CV/ĐU', '512-CV/ĐU'],
    ['Số: 12/2020/TTLT-BYT-BTC', '12/2020/TTLT-BYT-BTC'],
    ['SỐ: 15/CT-TTg', '15/CT-TTg'],
  ])('reads "%s" as %s', (line, number) => {
    expect(findNumberLine(line)).toMatchObject({ number, blank: false })
  })

  it('stops at the place and date that a flattened header puts on the same line', () => {
    const line = 'Số 1946 - CV/BCSD Hà Nội, ngày 15 tháng 3 năm 2024'
    const found = findNumberLine(line)!
    expect(found.number).toBe('1946-CV/BCSD')
    expect(line.slice(found.end).trim()).toBe('Hà Nội, ngày 15 tháng 3 năm 2024')
  })

  it('does not take a place name after a spaced dash as part of the number', () => {
    expect(findNumberLine('Số 15-TB/TU - Nam Định, ngày 2/1/2024')!.number).toBe('15-TB/TU')
  })

  it('keeps the letters exactly as written, never adding a missing Đ', () => {
    expect(findNumberLine('Số 1946-CV/BCSD')!.number).toBe('1946-CV/BCSD')
    expect(findNumberLine('Số 1946-CV/BCSĐ')!.number).toBe('1946-CV/BCSĐ')
  })

  it('reports a number left blank for registration', () => {
    expect(findNumberLine('Số:      /BYT-KCB')).toMatchObject({ number: '/BYT-KCB', blank: true })
  })

  it('ignores "số" inside running text and lines without a number', () => {
    expect(findNumberLine('một số nội dung sau:')).toBeNull()
    expect(findNumberLine('Số lượng cán bộ tăng')).toBeNull()
  })
})

describe('normalizeNumber', () => {
  it('drops spaces and turns dashes into hyphens', () => {
    expect(normalizeNumber('2414 / VPCP – KGVX')).toBe('2414/VPCP-KGVX')
  })
})

describe('documentTypeOf', () => {
  it.each([
    ['1946-CV/BCSD', 'CV'],
    ['36-HD/VPTW', 'HD'],
    ['12-CT/HU', 'CT'],
    ['45-KH/ĐU', 'KH'],
    ['07-QĐi/TW', 'QĐi'],
    ['58-QĐ/TW', 'QĐ'],
    ['08-TB/ĐU', 'TB'],
    ['30/2020/NĐ-CP', 'NĐ'],
    ['123/QĐ-BYT', 'QĐ'],
    ['15/CT-TTg', 'CT'],
    ['12/2020/TTLT-BYT-BTC', 'TTLT'],
  ])('%s is of type %s', (number, type) => {
    expect(documentTypeOf(number)).toBe(type)
  })

  it('gives null for a state công văn, whose number holds only the issuer', () => {
    expect(documentTypeOf('4737/BYT-VPB1')).toBeNull()
    expect(documentTypeOf('2414/VPCP-KGVX')).toBeNull()
    expect(documentTypeOf('29/2018/QH14')).toBeNull()
  })
})
