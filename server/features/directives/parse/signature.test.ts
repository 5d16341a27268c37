import { describe, it, expect } from 'vitest'
import { readSignature } from './signature.ts'
import { parseDirectiveText } from './parse-text.ts'

// The signature block read apart from "Nơi nhận": authority, title, name.

describe('readSignature', () => {
  it('reads a Party block set below the distribution', () => {
    const lines = ['Nơi nhận:', '- Như trên,', '- Lưu VP.', '', 'T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', '(Đã ký)', 'Nguyễn Văn Thắng']
    expect(readSignature(lines)).toEqual({ authority: 'T/M BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ', name: 'Nguyễn Văn Thắng' })
  })

  it('reads the right-hand column of lines flattened with the distribution', () => {
    const lines = ['Nơi nhận:\tTL. BAN THƯỜNG VỤ', '- Như trên;\tCHÁNH VĂN PHÒNG', '- Lưu VP.\tLê Thị Hoa']
    expect(readSignature(lines)).toEqual({ authority: 'TL. BAN THƯỜNG VỤ', title: 'CHÁNH VĂN PHÒNG', name: 'Lê Thị Hoa' })
  })

  it('finds a title and a name glued to the end of a distribution entry', () => {
    const lines = ['Nơi nhận: TUQ. CHỦ TỊCH', '- Như trên;', '- Lưu: VT. CHÁNH VĂN PHÒNG', 'Trần Văn Bình']
    expect(readSignature(lines)).toEqual({ authority: 'TUQ. CHỦ TỊCH', title: 'CHÁNH VĂN PHÒNG', name: 'Trần Văn Bình' })
  })

  it('keeps two authority lines (state: on behalf of the committee, for the chair)', () => {
    const lines = ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Đặng Văn Hùng']
    expect(readSignature(lines)).toEqual({ authority: 'TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Đặng Văn Hùng' })
  })

  it('joins "TM." alone on its line to the body it acts for', () => {
    const lines = ['|', 'TM.', 'ỦY BAN NHÂN DÂN TỈNH', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn Phòng', '|', 'QUY ĐỊNH']
    expect(readSignature(lines)).toEqual({ authority: 'TM. ỦY BAN NHÂN DÂN TỈNH, KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn Phòng' })
  })

  it('signs in one own name: no authority', () => {
    expect(readSignature(['BÍ THƯ', 'Hoàng Văn Quân'])).toEqual({ authority: null, title: 'BÍ THƯ', name: 'Hoàng Văn Quân' })
  })

  it('joins an authority whose body name a copy broke over lines', () => {
    expect(readSignature(['K/T CHÁNH', 'VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG THƯỜNG TRỰC', 'Lâm Thị Phương Thanh'])).toEqual({
      authority: 'K/T CHÁNH VĂN PHÒNG', title: 'PHÓ CHÁNH VĂN PHÒNG THƯỜNG TRỰC', name: 'Lâm Thị Phương Thanh',
    })
  })

  it('is null when the letter stops at the distribution', () => {
    expect(readSignature(['Nơi nhận:', '- Như trên,', '- Lưu: VP BCSD.'])).toBeNull()
  })
})

describe('parseDirectiveText keeps the signer out of the distribution', () => {
  it('reads a huyện ủy letter whose signature precedes Nơi nhận', () => {
    const text = [
      'ĐẢNG BỘ TỈNH THÁI NGUYÊN', 'HUYỆN ỦY ĐỊNH HÓA', '*', 'Số 15-CV/HU', 'Định Hóa, ngày 02 tháng 3 năm 2024',
      'V/v triển khai công tác kiểm tra', '', 'Kính gửi: Các chi, đảng bộ trực thuộc', '',
      '1. Rà soát danh sách đảng viên trước ngày 20/3/2024.', '',
      'T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', 'Nguyễn Thị Lan', '',
      'Nơi nhận:', '- Như trên,', '- Lưu Văn phòng Huyện ủy.',
    ].join('\n')
    const parsed = parseDirectiveText(text)
    expect(parsed.signature).toEqual({ authority: 'T/M BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ', name: 'Nguyễn Thị Lan' })
    expect(parsed.distribution).toEqual(['Như trên', 'Lưu Văn phòng Huyện ủy'])
    expect(parsed.requirements.map((r) => r.label)).toEqual(['1.'])
  })
})
