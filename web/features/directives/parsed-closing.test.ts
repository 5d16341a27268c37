import { describe, it, expect } from 'vitest'
import { markedAddressees, signerLine } from './parsed-closing.ts'

describe('markedAddressees', () => {
  it('marks those written under "Đồng kính gửi", keeping the letter order', () => {
    expect(markedAddressees({ addressees: ['Các huyện ủy', 'Ban Tổ chức Tỉnh ủy'], coAddressees: ['Ban Tổ chức Tỉnh ủy'] })).toEqual([
      { name: 'Các huyện ủy', isCo: false },
      { name: 'Ban Tổ chức Tỉnh ủy', isCo: true },
    ])
  })
})

describe('signerLine', () => {
  it('joins authority, title and name', () => {
    expect(signerLine({ authority: 'T/M BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ', name: 'Nguyễn Văn Thắng' })).toBe('T/M BAN THƯỜNG VỤ · PHÓ BÍ THƯ · Nguyễn Văn Thắng')
  })
  it('leaves out what the letter does not show', () => {
    expect(signerLine({ authority: null, title: 'BÍ THƯ', name: null })).toBe('BÍ THƯ')
    expect(signerLine(null)).toBeNull()
  })
})

describe('signerLine on the directive page', () => {
  it('joins with the separator given', () => {
    expect(signerLine({ authority: 'T/M BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ', name: 'Nguyễn Văn A' }, ' — ')).toBe('T/M BAN THƯỜNG VỤ — PHÓ BÍ THƯ — Nguyễn Văn A')
  })
})
