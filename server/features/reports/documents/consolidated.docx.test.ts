import { beforeAll, describe, expect, it } from 'vitest'
import { consolidatedReportDocx } from './consolidated.docx.ts'
import { SEED_REQUIREMENTS, UNITS, consolidatedFixture, manyUnitsFixture } from '../../../../test/fixtures/reports/documents.ts'
import { attrsOf, cellText, findRun, openDocx, tableText, type DocTable, type OpenedDocx } from './test-helpers.ts'

const input = consolidatedFixture()
let doc: OpenedDocx

beforeAll(async () => {
  doc = openDocx(await consolidatedReportDocx(input))
})

/** The figures table: the bordered one whose first row starts with "STT". */
const figuresTable = (d: OpenedDocx) => d.tables.find((t) => cellText(t.rows[0][0]) === 'STT')!
const paragraphsAfter = (d: OpenedDocx, text: string) => d.paragraphs.slice(d.paragraphs.findIndex((p) => p.text === text) + 1)

describe('consolidated report .docx', () => {
  it('opens with the header block: issuing body left, ĐẢNG CỘNG SẢN VIỆT NAM right, in a borderless two-column table', () => {
    const header = doc.blocks[0] as DocTable
    expect(header.kind).toBe('table')
    expect(Object.values(header.borders).every((v) => v === 'none')).toBe(true)
    const [[left, right], [numberCell, dateCell]] = tableText(header)
    expect(left).toBe('BAN CHẤP HÀNH TRUNG ƯƠNG\nBAN CÁN SỰ ĐẢNG BỘ Y TẾ\n*')
    expect(right).toBe('ĐẢNG CỘNG SẢN VIỆT NAM')
    // The number is left blank for the clerk: "Số", a gap, then the symbol.
    expect(numberCell).toMatch(/^Số\s{4,}-BC\/BCSĐ$/)
    expect(dateCell).toBe('Hà Nội, ngày 27 tháng 11 năm 2026')
  })

  it('sets the header block in the sizes of Guidance 36', () => {
    expect(findRun(doc, 'BAN CHẤP HÀNH TRUNG ƯƠNG')).toMatchObject({ size: 14, bold: false })
    expect(findRun(doc, 'BAN CÁN SỰ ĐẢNG BỘ Y TẾ')).toMatchObject({ size: 14, bold: true })
    expect(findRun(doc, 'ĐẢNG CỘNG SẢN VIỆT NAM')).toMatchObject({ size: 15, bold: true, underline: true })
    expect(findRun(doc, 'Hà Nội, ngày 27 tháng 11 năm 2026')).toMatchObject({ size: 14, italic: true })
  })

  it('writes the type name and subject centred and bold, with the subject below', () => {
    const i = doc.paragraphs.findIndex((p) => p.text === 'BÁO CÁO')
    expect(doc.paragraphs[i]).toMatchObject({ align: 'center' })
    expect(doc.paragraphs[i].runs[0]).toMatchObject({ bold: true, size: 16 })
    expect(doc.paragraphs[i + 1].text).toBe(input.subtitle)
    expect(doc.paragraphs[i + 1].runs[0]).toMatchObject({ bold: true, size: 14 })
  })

  it('reports on every requirement of the letter, each unit’s account attributed to it', () => {
    for (const r of SEED_REQUIREMENTS) expect(doc.text).toContain(`Yêu cầu ${r.label}: ${r.text}`)
    const narratives = input.directives[0].requirements.flatMap((r) => r.narratives)
    expect(narratives.length).toBe(4 * 9 - 1)
    for (const n of narratives) {
      const p = doc.paragraphs.find((x) => x.text.startsWith(`- ${n.unitName}: `) && x.text.includes(n.done))
      expect(p, `${n.unitName}: ${n.done}`).toBeDefined()
      expect(p!.runs[1]).toMatchObject({ text: n.unitName, bold: true })
      if (n.results) expect(p!.text).toContain(n.results)
      if (n.shortcomings) expect(p!.text).toContain(`Hạn chế: ${n.shortcomings}`)
      if (n.causes) expect(p!.text).toContain(`Nguyên nhân: ${n.causes}`)
      if (n.proposals) expect(p!.text).toContain(`Đề xuất: ${n.proposals}`)
    }
  })

  it('sums up each requirement and names the units that said nothing of it', () => {
    const req9 = paragraphsAfter(doc, `Yêu cầu 9: ${SEED_REQUIREMENTS[8].text}`)
    expect(req9[0].text).toBe('Có 3/6 đơn vị báo cáo kết quả thực hiện nội dung này.')
    expect(doc.text).toContain(`Chưa có nội dung báo cáo: ${UNITS[3]}; ${UNITS[4]}; ${UNITS[5]}.`)
    const req2 = paragraphsAfter(doc, `Yêu cầu 2: ${SEED_REQUIREMENTS[1].text}`)
    expect(req2[0].text).toBe('Có 4/6 đơn vị báo cáo kết quả thực hiện nội dung này; 4 đơn vị nêu hạn chế.')
  })

  it('states how many units reported, late or not yet, and the totals of their figures on the basis it names', () => {
    expect(doc.text).toContain('Tổng số đơn vị thuộc phạm vi báo cáo: 6. Đến ngày 27/11/2026, 4/6 đơn vị đã gửi báo cáo (trong đó 1 đơn vị gửi chậm so với hạn ngày 15/11/2026); 2 đơn vị quá hạn, chưa gửi báo cáo.')
    expect(doc.text).toContain('Số liệu trên hệ thống BVCT tính đến ngày 27/11/2026, cùng cơ sở với Bảng theo dõi của ngày này: 5/6 đơn vị')
    expect(doc.text).toMatch(/5\/6 đơn vị đã tiếp nhận văn bản; các đơn vị đã tổ chức 22 buổi quán triệt, .* bình quân đạt \d+(,\d)?%; hoàn thành 43\/61 nhiệm vụ theo kế hoạch, 6 nhiệm vụ quá hạn\./)
  })

  it('has a bordered figures table, one row per unit and a total, its header row repeated on each page', () => {
    const t = figuresTable(doc)
    expect(t.headerRows[0]).toBe(true)
    expect(t.headerRows.slice(1).some(Boolean)).toBe(false)
    expect(Object.values(t.borders).every((v) => v === 'single')).toBe(true)
    const rows = tableText(t)
    expect(rows[0]).toEqual(['STT', 'Đơn vị', 'Ngày tiếp nhận', 'Số buổi quán triệt', 'Tỷ lệ quán triệt', 'Nhiệm vụ hoàn thành / tổng', 'Quá hạn', 'Tình trạng báo cáo'])
    expect(rows).toHaveLength(1 + 6 + 1)
    expect(rows[1]).toEqual(['1', 'Vụ Tổ chức cán bộ', '10/01/2026', '2', '82%', '6/9', '0', 'Đã chấp nhận\ngửi 10/11/2026'])
    // Submitted on 20/11 at 10:15 Vietnam time, after the 15/11 deadline.
    expect(rows[4]).toEqual(['4', 'Bệnh viện Chợ Rẫy', '13/01/2026', '5', '88%', '9/12', '0', 'Đã gửi 20/11/2026 (chậm)'])
    expect(rows[5][7]).toBe('Quá hạn, chưa gửi')
    expect(rows[6].slice(1, 3)).toEqual(['Trường Đại học Y Hà Nội', 'Chưa tiếp nhận'])
    expect(rows[6][7]).toBe('Quá hạn, chưa gửi')
    expect(rows[7].slice(1, 7)).toEqual(['Tổng cộng', '', '22', expect.stringMatching(/^\d+(,\d)?%\n\(bình quân\)$/), '43/61', '6'])
  })

  it('names late and missing units, with how late', () => {
    expect(doc.text).toContain('- Bệnh viện Chợ Rẫy: gửi ngày 20/11/2026, chậm 5 ngày so với hạn.')
    expect(doc.text).toContain('2. Đơn vị quá hạn, chưa gửi báo cáo (2)\n- Viện Vệ sinh dịch tễ Trung ương.\n- Trường Đại học Y Hà Nội.')
    expect(doc.text).not.toContain('không báo cáo')
  })

  it('lists the proposals and closes the body with "./."', () => {
    for (const p of input.proposals) expect(doc.text).toContain(`- ${p}.`)
    expect(doc.text).toContain(`Trên đây là báo cáo ${input.subtitle}./.`)
  })

  it('ends with "Nơi nhận" on the left and the signature block on the right', () => {
    const closing = doc.blocks.at(-1) as DocTable
    expect(closing.kind).toBe('table')
    const [[recipients, signature]] = tableText(closing)
    expect(recipients).toBe([
      'Nơi nhận:', '- Ban Tổ chức Trung ương (để b/c),', '- Đ/c Bí thư BCSĐ (để b/c),', '- Các đ/c Ủy viên BCSĐ,',
      '- Các đơn vị thuộc, trực thuộc Bộ,', '- Lưu VP BCSĐ, Ban BVCTNB.',
    ].join('\n'))
    expect(findRun(doc, 'Nơi nhận:')).toMatchObject({ bold: true, italic: true, size: 12 })
    expect(findRun(doc, '- Lưu VP BCSĐ, Ban BVCTNB.')).toMatchObject({ size: 12, bold: false })
    expect(signature).toBe('T/M BAN CÁN SỰ ĐẢNG\nBÍ THƯ\nNguyễn Văn Thành')
    for (const t of ['T/M BAN CÁN SỰ ĐẢNG', 'BÍ THƯ', 'Nguyễn Văn Thành']) expect(findRun(doc, t)).toMatchObject({ bold: true, size: 14 })
  })

  it('is A4 with the default margins of 20/20/30/15 mm, in Times New Roman', () => {
    expect(attrsOf(doc.documentXml, 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838' })
    expect(attrsOf(doc.documentXml, 'w:pgMar')).toMatchObject({ 'w:top': '1134', 'w:bottom': '1134', 'w:left': '1701', 'w:right': '850' })
    const styles = doc.files.get('word/styles.xml')!
    expect(attrsOf(styles.slice(styles.indexOf('<w:docDefaults')), 'w:rFonts')).toMatchObject({ 'w:ascii': 'Times New Roman', 'w:hAnsi': 'Times New Roman' })
    expect(attrsOf(styles.slice(styles.indexOf('<w:docDefaults')), 'w:sz')).toMatchObject({ 'w:val': '28' })
    expect(doc.documentXml).not.toMatch(/w:rFonts w:ascii="(?!Times New Roman)/)
  })

  it('numbers pages from page 2, centred in the header', () => {
    expect(doc.documentXml).toContain('<w:titlePg/>')
    const rels = doc.files.get('word/_rels/document.xml.rels')!
    const target = (type: string) => {
      const id = doc.documentXml.match(new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"`))![1]
      return doc.files.get('word/' + rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))![1])!
    }
    expect(target('default')).toMatch(/<w:jc w:val="center"\/>[\s\S]*PAGE/)
    expect(target('first')).not.toContain('PAGE')
  })

  it('takes the margins from the input', async () => {
    const d = openDocx(await consolidatedReportDocx({ ...input, margins: { topMm: 25, bottomMm: 25, leftMm: 35, rightMm: 15 } }))
    expect(attrsOf(d.documentXml, 'w:pgMar')).toMatchObject({ 'w:top': '1417', 'w:bottom': '1417', 'w:left': '1984', 'w:right': '850' })
    // The tables span the narrower text width: 210 − 35 − 15 = 160 mm.
    expect(attrsOf(d.documentXml, 'w:tblW')).toMatchObject({ 'w:w': String(11906 - 1984 - 850) })
  })

  it('uses the given opening paragraph and says so when nothing was reported', async () => {
    const d = openDocx(await consolidatedReportDocx({ ...input, intro: 'Thực hiện chỉ đạo của Ban cán sự đảng, Ban Bảo vệ chính trị nội bộ báo cáo như sau:', directives: [], lateUnits: [], missingUnits: [], proposals: [] }))
    expect(d.text).toContain('-----\nThực hiện chỉ đạo của Ban cán sự đảng, Ban Bảo vệ chính trị nội bộ báo cáo như sau:')
    expect(d.text).toContain('2. Kết quả thực hiện các nội dung yêu cầu\nChưa có nội dung báo cáo.')
    expect(d.text).toContain('1. Đơn vị gửi báo cáo chậm (0)\nKhông có.')
    expect(d.text).toContain('Không có kiến nghị, đề xuất.')
  })

  it('consolidates many units: a table row and an account per unit, silent units counted rather than listed', async () => {
    const many = manyUnitsFixture(40)
    many.directives[0].requirements[0].narratives = many.directives[0].requirements[0].narratives.slice(0, 25)
    const d = openDocx(await consolidatedReportDocx(many))
    expect(figuresTable(d).rows).toHaveLength(1 + 40 + 1)
    expect(d.paragraphs.filter((p) => p.text.startsWith('- Bệnh viện số 1: '))).toHaveLength(9)
    expect(d.text).toContain('Có 25/40 đơn vị báo cáo kết quả thực hiện nội dung này')
    expect(d.text).toContain('15 đơn vị chưa có nội dung báo cáo về yêu cầu này.')
  })
})
