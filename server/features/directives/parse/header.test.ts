import { describe, it, expect } from 'vitest'
import { parseDirectiveText } from './parse-text.ts'
import { warningCodes } from './test-helpers.ts'

// Header shapes one at a time; the fixtures test whole letters.

const header = (text: string) => {
  const p = parseDirectiveText(text + '\n\nNội dung văn bản.')
  return { ...p, warnings: warningCodes(p.warnings) }
}

describe('header', () => {
  it('reads a Party header flattened onto shared lines', () => {
    const p = header('BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM\nBAN CÁN SỰ ĐẢNG BỘ Y TẾ\n*\nSố 1946 - CV/BCSD Hà Nội, ngày 15 tháng 3 năm 2024\nV/v Tăng cường công tác bảo vệ\nchính trị nội bộ')
    expect(p).toMatchObject({
      parentBody: 'BAN CHẤP HÀNH TRUNG ƯƠNG',
      issuer: 'BAN CÁN SỰ ĐẢNG BỘ Y TẾ',
      number: '1946-CV/BCSD',
      place: 'Hà Nội',
      date: '2024-03-15',
      subject: 'Tăng cường công tác bảo vệ chính trị nội bộ',
    })
  })

  it('reads a state header whose columns are separated by tabs or wide gaps', () => {
    const p = header('BỘ Y TẾ\tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\tĐộc lập - Tự do - Hạnh phúc\nSố: 123/BYT-KCB      Hà Nội, ngày 5 tháng 6 năm 2023\nV/v: khám sức khỏe định kỳ')
    expect(p).toMatchObject({ parentBody: null, issuer: 'BỘ Y TẾ', number: '123/BYT-KCB', documentType: null, date: '2023-06-05', subject: 'khám sức khỏe định kỳ' })
  })

  it('reads a title line OCR misread in its marks or spacing ("K ÉT LUẬN") as its type', () => {
    const p = header('TỈNH ỦY THỪA THIÊN HUẾ\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 445-KL/TU\nHuế, ngày 13 tháng 5 năm 2022\nK ÉT LUẬN\nHỘI NGHỊ LẦN THỨ BẢY\nvề xây dựng hệ thống kết cấu hạ tầng')
    expect(p).toMatchObject({ issuer: 'TỈNH ỦY THỪA THIÊN HUẾ', documentType: 'KL', subject: 'HỘI NGHỊ LẦN THỨ BẢY về xây dựng hệ thống kết cấu hạ tầng' })
  })

  it('ends a title subject in capitals and "về …" before a sentence-case line, but not before a cited document', () => {
    const top = 'TỈNH ỦY BẮC NINH\n*\nSố 12-KL/TU\nBắc Ninh, ngày 2 tháng 3 năm 2022\nKẾT LUẬN\nHỘI NGHỊ LẦN THỨ BẢY\nvề xây dựng hạ tầng\n'
    expect(header(top + 'Hội nghị lần thứ bảy Ban Chấp hành Đảng bộ tỉnh họp').subject).toBe('HỘI NGHỊ LẦN THỨ BẢY về xây dựng hạ tầng')
    expect(header(top + 'Nghị quyết số 13-NQ/TU của Tỉnh ủy').subject).toBe('HỘI NGHỊ LẦN THỨ BẢY về xây dựng hạ tầng Nghị quyết số 13-NQ/TU của Tỉnh ủy')
  })

  it('keeps "QUY ĐỊNH …" under "QUYẾT ĐỊNH" as the subject: only the same title repeated is dropped', () => {
    const p = header('ỦY BAN NHÂN DÂN\nTỈNH KON TUM\nSố: 06/2024/QĐ-UBND\nKon Tum, ngày 25 tháng 01 năm 2024\nQUYẾT ĐỊNH\nQUY ĐỊNH CHẾ ĐỘ BÁO CÁO ĐỊNH KỲ')
    expect(p.subject).toBe('QUY ĐỊNH CHẾ ĐỘ BÁO CÁO ĐỊNH KỲ')
  })

  it('joins "ỦY" broken from "BAN NHÂN DÂN" and keeps a "BAN HÀNH …" subject', () => {
    const p = header('ỦY\nBAN NHÂN DÂN\nTỈNH TIỀN GIANG\nSố: 33/2009/QĐ-UBND\nMỹ Tho, ngày 24 tháng 12 năm 2009\nQUYẾT ĐỊNH\nBAN HÀNH QUY ĐỊNH VỀ QUẢN LÝ MẠNG\nỦY BAN NHÂN DÂN TỈNH TIỀN GIANG\nCăn cứ Luật Công nghệ thông tin;')
    expect(p).toMatchObject({ parentBody: null, issuer: 'ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG', subject: 'BAN HÀNH QUY ĐỊNH VỀ QUẢN LÝ MẠNG' })
  })

  it('reads the subject after "Về việc"', () => {
    expect(header('SỞ Y TẾ\nSố: 5/SYT\nHà Nội, ngày 1/2/2024\nVề việc báo cáo công tác tháng 1').subject).toBe('báo cáo công tác tháng 1')
  })

  it('reads a công văn subject opened by "Về" alone under the number, but not one in the body', () => {
    const p = header('BAN CHẤP HÀNH TRUNG ƯƠNG\nVĂN PHÒNG\nSố: 2430-CV/VPTW\nVề một số vấn đề liên quan đến đi công tác ở cơ sở\nHà Nội, ngày 07 tháng 02 năm 2012\nKính gửi: Các tỉnh ủy, thành ủy')
    expect(p).toMatchObject({ number: '2430-CV/VPTW', subject: 'một số vấn đề liên quan đến đi công tác ở cơ sở', addressees: ['Các tỉnh ủy, thành ủy'] })
    expect(p.warnings).not.toContain('NO_SUBJECT')
    // With no "Kính gửi" after it, a "Về …" paragraph is the body's, and the letter has no subject.
    const body = header('BỘ Y TẾ\nSố: 9/BYT-VP\nHà Nội, ngày 5 tháng 6 năm 2023\n\nVề công tác phòng dịch, Bộ Y tế đề nghị các đơn vị thực hiện ngay.\n\nCác đơn vị báo cáo trước ngày 30/6/2023.\n\nNội dung thêm.\n\nNội dung cuối.')
    expect(body.subject).toBeNull()
  })

  it('joins a "V/v" subject whose wrapped lines a web copy set apart with blank lines, up to "Kính gửi"', () => {
    const p = header('TỈNH ỦY BÀ RỊA-VŨNG TÀU\nBAN TUYÊN GIÁO\nSố 580 - CV/BTGTU\n\nV/v tuyên truyền kỷ niệm 87 năm\n\nNgày thành lập Đảng Cộng sản Việt Nam\n\n(3/2/1930 - 3/2/2017)\n\nKính gửi: Báo Bà Rịa-Vũng Tàu')
    expect(p.subject).toBe('tuyên truyền kỷ niệm 87 năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 - 3/2/2017)')
    expect(p.warnings).not.toContain('UNPLACED_LINE')
    // Without "Kính gửi" close below, a line after the gap starts the body instead.
    const open = header('BỘ Y TẾ\nSố: 9/BYT-VP\nHà Nội, ngày 5 tháng 6 năm 2023\nV/v phòng dịch mùa đông\n\nBộ Y tế đề nghị các đơn vị\n\nthực hiện ngay các việc sau\n\nNội dung một\n\nNội dung hai')
    expect(open.subject).toBe('phòng dịch mùa đông')
  })

  it('takes the title of a plan as its subject and its type when there is no number', () => {
    const p = header('ĐẢNG ỦY BỘ Y TẾ\nHà Nội, ngày 2 tháng 1 năm 2024\nKẾ HOẠCH\nkiểm tra, giám sát năm 2024')
    expect(p).toMatchObject({ number: null, documentType: 'KH', subject: 'kiểm tra, giám sát năm 2024', issuer: 'ĐẢNG ỦY BỘ Y TẾ' })
    expect(p.warnings).toContain('NO_NUMBER')
  })

  it('reads "ĐỀ CƯƠNG TUYÊN TRUYỀN" as a title with no type, its subject below, cutting a web page\'s stamped lines above it', () => {
    const p = header('Đề cương tuyên truyền Kỷ niệm 75 năm (11/6/1948 - 11/6/2023)\n\nThứ ba - 13/06/2023 00:37 42 0\nĐỀ CƯƠNG TUYÊN TRUYỀN\nKỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh\nra Lời kêu gọi thi đua ái quốc')
    expect(p).toMatchObject({ documentType: null, number: null, subject: 'Kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc', preamble: 'Nội dung văn bản.' })
    expect(p.warnings).not.toContain('NO_SUBJECT')
    // Mixed-case lines above a title with no date or time in them may be the header itself: nothing is cut.
    const mixed = header('Ban cán sự đảng Bộ Y tế\n\nKẾ HOẠCH\nThực hiện công tác năm')
    expect(mixed.preamble).toMatch(/^Ban cán sự đảng Bộ Y tế/)
  })

  it('joins a body name that wraps onto a second line', () => {
    expect(header('BỘ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI\nSố: 1/LĐTBXH-VP').issuer).toBe('BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI')
    expect(header('ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH\nSỞ Y TẾ\nSố: 1/SYT').parentBody).toBe('ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH')
  })

  it('recognises a header typed in mixed case by the number line below it', () => {
    const p = header('Ban Chấp hành Trung ương\nBan cán sự đảng Bộ Y tế\nSố 1946-CV/BCSĐ\nHà Nội, ngày 15 tháng 3 năm 2024\nV/v Tăng cường công tác bảo vệ chính trị nội bộ')
    expect(p).toMatchObject({ parentBody: 'Ban Chấp hành Trung ương', issuer: 'Ban cán sự đảng Bộ Y tế', number: '1946-CV/BCSĐ' })
  })

  it('ignores secrecy and urgency marks', () => {
    expect(header('BỘ Y TẾ\nKHẨN\nSố: 9/BYT-VP').issuer).toBe('BỘ Y TẾ')
  })

  it('does not take a date inside the subject for the issue date', () => {
    const p = header('BỘ Y TẾ\nSố: 9/BYT-VP\nV/v thực hiện Quyết định số 12/QĐ-BYT ngày 15/3/2024\nHà Nội, ngày 20 tháng 3 năm 2024')
    expect(p.date).toBe('2024-03-20')
    expect(p.subject).toBe('thực hiện Quyết định số 12/QĐ-BYT ngày 15/3/2024')
  })

  it('reads addressees written inline and separated by semicolons, or as a list', () => {
    expect(header('BỘ Y TẾ\nSố: 9/BYT-VP\nV/v x\nKính gửi: Bộ Y tế; Bộ Tài chính.').addressees).toEqual(['Bộ Y tế', 'Bộ Tài chính'])
    expect(header('BỘ Y TẾ\nSố: 9/BYT-VP\nV/v x\nKính gửi:\n- Các Vụ, Cục;\n+ Các bệnh viện.').addressees).toEqual(['Các Vụ, Cục', 'Các bệnh viện'])
  })

  it('keeps "Đồng kính gửi" bodies as addressees and marks them as co-addressees', () => {
    const p = header('BỘ Y TẾ\nSố: 9/BYT-VP\nV/v x\nKính gửi:\n- Sở Y tế các tỉnh, thành phố trực thuộc\nTrung ương;\n- Các bệnh viện trực thuộc Bộ.\nĐồng kính gửi: Bảo hiểm xã hội Việt Nam; Ủy ban nhân dân\ncác tỉnh.')
    expect(p.addressees).toEqual(['Sở Y tế các tỉnh, thành phố trực thuộc Trung ương', 'Các bệnh viện trực thuộc Bộ', 'Bảo hiểm xã hội Việt Nam', 'Ủy ban nhân dân các tỉnh'])
    expect(p.coAddressees).toEqual(['Bảo hiểm xã hội Việt Nam', 'Ủy ban nhân dân các tỉnh'])
    expect(p.preamble).toBe('Nội dung văn bản.')
    const list = header('UBND TỈNH A\nSỞ Y TẾ\nSố: 9/SYT-VP\nV/v x\nKính gửi: Bệnh viện Đa khoa tỉnh\nĐồng kính gửi:\n- Ủy ban nhân dân các huyện;\n- Phòng Y tế các huyện.')
    expect(list.addressees).toEqual(['Bệnh viện Đa khoa tỉnh', 'Ủy ban nhân dân các huyện', 'Phòng Y tế các huyện'])
    expect(list.coAddressees).toEqual(['Ủy ban nhân dân các huyện', 'Phòng Y tế các huyện'])
    expect(header('BỘ Y TẾ\nSố: 9/BYT-VP\nV/v x\nKính gửi: Các đơn vị').coAddressees).toEqual([])
  })

  it('skips a web page\'s own lines above the letterhead', () => {
    const p = header('Hệ thống pháp luật\nĐang tải nội dung, vui lòng chờ giây lát...\n\nỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n-------\n-\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 594/KH-UBND\n\nNghệ An, ngày 21 tháng 10 năm 2021\n\nKẾ HOẠCH\n\nTHỰC HIỆN CHỈ THỊ SỐ 19/CT-TTG')
    expect(p).toMatchObject({ issuer: 'ỦY BAN NHÂN DÂN TỈNH NGHỆ AN', number: '594/KH-UBND', date: '2021-10-21', subject: 'THỰC HIỆN CHỈ THỊ SỐ 19/CT-TTG', preamble: 'Nội dung văn bản.' })
  })

  it('joins a national heading, a Party heading and a place and date split by a table copy', () => {
    const p = header('BAN CHẤP HÀNH\nTRUNG ƯƠNG\n-------\n|\nĐẢNG CỘNG SẢN\nVIỆT NAM\n|\nSố: 29-QĐ/TW\n|\nHà\nNội, ngày 25 tháng 07\nnăm 2016\n|\nQUY ĐỊNH\nTHI\nHÀNH ĐIỀU LỆ ĐẢNG')
    expect(p).toMatchObject({ issuer: 'BAN CHẤP HÀNH TRUNG ƯƠNG', parentBody: null, number: '29-QĐ/TW', place: 'Hà Nội', date: '2016-07-25', subject: 'THI HÀNH ĐIỀU LỆ ĐẢNG' })
    const row = header('ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 232/QĐ-UBND | Ninh Bình, ngày 12 tháng 4 năm 2019 |\nQUYẾT ĐỊNH\nVỀ VIỆC CÔNG BỐ DANH MỤC\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH BÌNH\nCăn cứ Luật Tổ chức chính quyền địa phương;')
    expect(row).toMatchObject({ issuer: 'ỦY BAN NHÂN DÂN', number: '232/QĐ-UBND', place: 'Ninh Bình', date: '2019-04-12', subject: 'CÔNG BỐ DANH MỤC' })
    expect(row.preamble).toMatch(/^CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH BÌNH\n\nCăn cứ/)
  })

  it('joins a draft\'s number and blank date that a table copy scattered over lines, other cells in between', () => {
    const p = header('VĂN PHÒNG CHÍNH PHỦ\nSố:\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n/TTr-VPCP\n\nHà Nội, ngày\n\ntháng\n\nnăm 2016\n\nDỰ THẢO\n\nTỜ TRÌNH\nVề dự thảo Nghị định\nKính gửi: Chính phủ')
    expect(p).toMatchObject({ issuer: 'VĂN PHÒNG CHÍNH PHỦ', number: '/TTr-VPCP', documentType: 'TTr', place: 'Hà Nội', date: null, subject: 'dự thảo Nghị định', addressees: ['Chính phủ'] })
    expect(p.warnings).toEqual(expect.arrayContaining(['NUMBER_BLANK', 'DATE_INVALID']))
    expect(p.warnings).not.toContain('NO_SUBJECT')
    // Cut after "ngày" and not completed by what follows, a place stays unread rather than glued to other cells.
    expect(header('SỞ Y TẾ\nSố: 9/SYT-VP\nHà Nội, ngày\n\nBAN QUẢN LÝ DỰ ÁN\n\nV/v x\nKính gửi: Các đơn vị').place).toBeNull()
  })

  it('warns about what a công văn lacks', () => {
    const p = header('V/v không rõ nơi ban hành')
    expect(p.warnings).toEqual(expect.arrayContaining(['NO_NUMBER', 'NO_DATE', 'NO_ISSUER', 'NO_ADDRESSEES']))
  })

  it('reads the letterhead below a web page\'s properties table, however far down', () => {
    const properties = ['Đang tải văn bản...', '#', 'Số hiệu:', '|', '432-TB/VPTW', '|', 'Loại văn bản:', '|', 'Thông báo', '|',
      'Nơi ban hành:', '|', 'Văn phòng Ban Chấp hành Trung ương', '|', 'Ngày ban hành:', '|', '26/11/2025', '|',
      ...Array.from({ length: 30 }, () => '|'), 'Tình trạng:', '|', 'Đã biết', '|']
    const letterhead = ['BAN CHẤP HÀNH', 'TRUNG ƯƠNG', 'VĂN PHÒNG', '*', '|', 'ĐẢNG CỘNG', 'SẢN VIỆT NAM', '|', 'Số 432-TB/VPTW', '|',
      'Hà Nội, ngày', '26 tháng 11 năm 2025', '|', 'THÔNG BÁO KẾT LUẬN', 'CỦA ĐỒNG CHÍ TỔNG BÍ THƯ', '-----']
    const p = header([...properties, ...letterhead].join('\n'))
    expect(p).toMatchObject({
      parentBody: 'BAN CHẤP HÀNH TRUNG ƯƠNG', issuer: 'VĂN PHÒNG', number: '432-TB/VPTW', documentType: 'TB',
      place: 'Hà Nội', date: '2025-11-26', subject: 'KẾT LUẬN CỦA ĐỒNG CHÍ TỔNG BÍ THƯ',
    })
  })

  it('warns about a blank number and an impossible date', () => {
    const p = header('BỘ Y TẾ\nSố:     /BYT-KCB\nHà Nội, ngày 31 tháng 2 năm 2024\nV/v x\nKính gửi: Các đơn vị')
    expect(p.number).toBe('/BYT-KCB')
    expect(p.date).toBeNull()
    expect(p.warnings).toEqual(expect.arrayContaining(['NUMBER_BLANK', 'DATE_INVALID']))
  })
})

describe('parseDirectiveText on odd input', () => {
  it('returns an empty result with warnings for empty text rather than throwing', () => {
    const p = parseDirectiveText('')
    expect(p.requirements).toEqual([])
    expect(warningCodes(p.warnings)).toEqual(expect.arrayContaining(['NO_NUMBER', 'NO_REQUIREMENTS', 'NO_DISTRIBUTION']))
  })

  it('reads a body pasted without any header', () => {
    const p = parseDirectiveText('Đề nghị các đơn vị thực hiện:\n1. Rà soát.\n2. Báo cáo.')
    expect(p.preamble).toBe('Đề nghị các đơn vị thực hiện:')
    expect(p.requirements.map((r) => r.label)).toEqual(['1.', '2.'])
  })

  it('gives every warning a code and a Vietnamese and English text', () => {
    for (const w of parseDirectiveText('').warnings) expect(w).toMatch(/^[A-Z_]+: .+ \/ .+$/)
  })
})
