import { beforeAll, describe, expect, it } from 'vitest'
import { SEED_REQUIREMENTS, unitReportFixture } from '../../../../test/fixtures/reports/documents.ts'
import { attrsOf, cellText, findRun, openDocx, tableText, type DocTable, type OpenedDocx } from './test-helpers.ts'
import { unitReportDocx } from './unit-report.docx.ts'

const input = unitReportFixture()
let doc: OpenedDocx

beforeAll(async () => {
  doc = openDocx(await unitReportDocx(input))
})

describe('unit report .docx', () => {
  it('has the Party header block with the unit’s committee as issuer and its own number', () => {
    const header = doc.blocks[0] as DocTable
    expect(tableText(header)).toEqual([
      ['ĐẢNG BỘ BỘ Y TẾ\nĐẢNG ỦY BỆNH VIỆN BẠCH MAI\n*', 'ĐẢNG CỘNG SẢN VIỆT NAM'],
      ['Số 27-BC/ĐU', 'Hà Nội, ngày 12 tháng 11 năm 2026'],
    ])
    expect(findRun(doc, 'ĐẢNG ỦY BỆNH VIỆN BẠCH MAI')).toMatchObject({ bold: true, size: 14 })
    expect(findRun(doc, 'ĐẢNG CỘNG SẢN VIỆT NAM')).toMatchObject({ bold: true, size: 15, underline: true })
  })

  it('opens with the title, the subject and a standard paragraph naming the letter and the unit', () => {
    expect(doc.text).toContain(`BÁO CÁO\n${input.subtitle}\n-----\n`)
    expect(doc.text).toContain('Thực hiện Công văn số 1946-CV/BCSĐ ngày 15/3/2024 về tăng cường công tác bảo vệ chính trị nội bộ, Bệnh viện Bạch Mai báo cáo kết quả thực hiện năm 2026 như sau:')
  })

  it('states the unit’s figures in words and in the same table as the consolidated report', () => {
    expect(doc.text).toContain('Đơn vị tiếp nhận văn bản ngày 12/3/2026; đã tổ chức 4 buổi quán triệt, tỷ lệ cán bộ, đảng viên, công chức, viên chức, người lao động được quán triệt đạt 86%; kế hoạch triển khai gồm 11 nhiệm vụ, đã hoàn thành 8, 2 nhiệm vụ quá hạn.')
    const table = doc.tables.find((t) => cellText(t.rows[0][0]) === 'STT')!
    expect(table.headerRows[0]).toBe(true)
    // One unit: no total row.
    expect(tableText(table).slice(1)).toEqual([['1', 'Bệnh viện Bạch Mai', '12/03/2026', '4', '86%', '8/11', '2', 'Đã gửi 12/11/2026']])
  })

  it('gives the unit’s account of each requirement under labelled paragraphs', () => {
    for (const [i, r] of SEED_REQUIREMENTS.entries()) {
      expect(doc.text).toContain(`Yêu cầu ${r.label}: ${r.text}`)
      const n = input.directives[0].requirements[i].narratives[0]
      expect(doc.text).toContain(`Việc đã làm: ${n.done}.`)
      if (n.results) expect(doc.text).toContain(`Kết quả: ${n.results}`)
      if (n.shortcomings) expect(doc.text).toContain(`Hạn chế: ${n.shortcomings}`)
      if (n.causes) expect(doc.text).toContain(`Nguyên nhân: ${n.causes}`)
    }
    expect(findRun(doc, 'Việc đã làm: ')).toMatchObject({ italic: true })
    // Empty fields leave no empty label behind.
    expect(doc.text).not.toMatch(/(Hạn chế|Nguyên nhân|Đề xuất): (\n|$)/)
  })

  it('says so when the unit wrote nothing on a requirement', async () => {
    const blank = unitReportFixture()
    blank.directives[0].requirements[4].narratives = []
    const d = openDocx(await unitReportDocx(blank))
    expect(d.text).toContain(`Yêu cầu 5: ${SEED_REQUIREMENTS[4].text}\nChưa có nội dung báo cáo.`)
  })

  it('lists its proposals, then "Nơi nhận" beside the signature', () => {
    expect(doc.text).toContain(`II. KIẾN NGHỊ, ĐỀ XUẤT\n- ${input.proposals[0]}.`)
    expect(tableText(doc.blocks.at(-1) as DocTable)).toEqual([[
      'Nơi nhận:\n- Ban cán sự đảng Bộ Y tế (qua Ban BVCTNB),\n- Đảng ủy Bộ Y tế,\n- Lưu VP Đảng ủy.',
      'T/M ĐẢNG ỦY\nBÍ THƯ\nTrần Thị Minh Hạnh',
    ]])
  })

  it('is A4 with the margins it was given (25/25/35/15 mm) and page numbers from page 2', () => {
    expect(attrsOf(doc.documentXml, 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838' })
    expect(attrsOf(doc.documentXml, 'w:pgMar')).toMatchObject({ 'w:top': '1417', 'w:bottom': '1417', 'w:left': '1984', 'w:right': '850' })
    expect(doc.documentXml).toContain('<w:titlePg/>')
  })
})
