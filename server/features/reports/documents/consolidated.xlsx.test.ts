import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { consolidatedFiguresXlsx, FIGURE_SHEET_COLUMNS, NARRATIVE_COLUMNS } from './consolidated.xlsx.ts'
import { DIRECTIVE_1946, SEED_REQUIREMENTS, UNITS, consolidatedFixture } from '../../../../test/fixtures/reports/documents.ts'

const input = consolidatedFixture()
const wb = new ExcelJS.Workbook()

beforeAll(async () => {
  await wb.xlsx.load((await consolidatedFiguresXlsx(input)) as unknown as ArrayBuffer)
})

/** A row's first `n` cell values (or as many as it has), empty cells as undefined. */
const values = (row: ExcelJS.Row, n = row.cellCount) => Array.from({ length: n }, (_, i) => row.getCell(i + 1).value ?? undefined)
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))

describe('consolidated figures .xlsx', () => {
  it('has a figures sheet, a late and missing sheet, and a sheet per directive', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Số liệu', 'Chậm, chưa gửi', '1946-CV-BCSĐ'])
  })

  it('lists every unit’s figures as numbers, fractions shown in per cent, and real dates', () => {
    const ws = wb.getWorksheet('Số liệu')!
    expect(ws.getRow(1).getCell(1).value).toBe(`Báo cáo ${input.subtitle}`)
    expect(ws.getRow(2).getCell(1).value).toBe('năm 2026; hạn báo cáo 15/11/2026. Số liệu trên hệ thống BVCT tính đến ngày 27/11/2026, cùng cơ sở với Bảng theo dõi của ngày này.')
    expect(values(ws.getRow(3))).toEqual(FIGURE_SHEET_COLUMNS.map((c) => c.header))
    expect(values(ws.getRow(4), 11)).toEqual([1, 'Vụ Tổ chức cán bộ', utc(2026, 1, 10), 2, 0.82, 6, 9, 0, 'Đã chấp nhận', utc(2026, 11, 10), undefined])
    expect(values(ws.getRow(7))).toEqual([4, 'Bệnh viện Chợ Rẫy', utc(2026, 1, 13), 5, 0.88, 9, 12, 0, 'Đã gửi', utc(2026, 11, 20), 'Có'])
    expect(values(ws.getRow(9)).slice(0, 5)).toEqual([6, 'Trường Đại học Y Hà Nội', undefined, 2, expect.closeTo(0.92)])
    expect(ws.getRow(9).getCell(9).value).toBe('Quá hạn, chưa gửi')
    expect(ws.getCell('C4').numFmt).toBe('dd/mm/yyyy')
    expect(ws.getCell('J4').numFmt).toBe('dd/mm/yyyy')
    expect(ws.getCell('E4').numFmt).toBe('0.0%')
  })

  it('ends the figures with totals as formulas that carry their values', () => {
    const ws = wb.getWorksheet('Số liệu')!
    const total = ws.getRow(10)
    expect(total.getCell(2).value).toBe('Tổng cộng')
    expect(total.getCell(4).value).toEqual({ formula: 'SUM(D4:D9)', result: 22 })
    expect(total.getCell(5).value).toMatchObject({ formula: 'AVERAGE(E4:E9)', result: expect.closeTo(0.87, 5) })
    expect(total.getCell(6).value).toEqual({ formula: 'SUM(F4:F9)', result: 43 })
    expect(total.getCell(7).value).toEqual({ formula: 'SUM(G4:G9)', result: 61 })
    expect(total.getCell(8).value).toEqual({ formula: 'SUM(H4:H9)', result: 6 })
  })

  it('freezes the header rows and the unit column, and sizes the columns', () => {
    const ws = wb.getWorksheet('Số liệu')!
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 3 })
    expect(ws.getColumn(2).width).toBe(45)
    expect(wb.getWorksheet('1946-CV-BCSĐ')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 })
  })

  it('lists late and missing units, with how many days late', () => {
    const ws = wb.getWorksheet('Chậm, chưa gửi')!
    expect(ws.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1))).toEqual([
      ['Đơn vị', 'Tình trạng', 'Ngày gửi báo cáo', 'Số ngày chậm'],
      ['Bệnh viện Chợ Rẫy', 'Gửi chậm', utc(2026, 11, 20), 5],
      ['Viện Vệ sinh dịch tễ Trung ương', 'Quá hạn, chưa gửi'],
      ['Trường Đại học Y Hà Nội', 'Quá hạn, chưa gửi'],
    ])
  })

  it('gives each directive a row per requirement and unit, empty where the unit said nothing', () => {
    const ws = wb.getWorksheet('1946-CV-BCSĐ')!
    expect(ws.getRow(1).getCell(1).value).toBe('Công văn số 1946-CV/BCSĐ ngày 15/3/2024 về tăng cường công tác bảo vệ chính trị nội bộ')
    expect(values(ws.getRow(2))).toEqual([...NARRATIVE_COLUMNS])
    expect(ws.rowCount).toBe(2 + SEED_REQUIREMENTS.length * UNITS.length)
    const rows = Array.from({ length: ws.rowCount - 2 }, (_, i) => values(ws.getRow(i + 3), NARRATIVE_COLUMNS.length))
    const narratives = input.directives[0].requirements.flatMap((r) => r.narratives.map((n) => ({ r, n })))
    for (const { r, n } of narratives) {
      const row = rows.find((x) => x[0] === r.label && x[2] === n.unitName)!
      expect(row.slice(1)).toEqual([r.text, n.unitName, n.done, n.results, n.shortcomings, n.causes, n.proposals].map((v) => v || undefined))
    }
    expect(rows.find((x) => x[0] === '9' && x[2] === UNITS[3])).toEqual(['9', SEED_REQUIREMENTS[8].text, UNITS[3], ...Array(5).fill(undefined)])
  })

  it('names sheets within Excel’s rules, even for directives with the same or no number', async () => {
    const twice = { ...input, directives: [input.directives[0], input.directives[0], { ...DIRECTIVE_1946, number: null, requirements: [] }] }
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await consolidatedFiguresXlsx(twice)) as unknown as ArrayBuffer)
    expect(book.worksheets.map((w) => w.name)).toEqual(['Số liệu', 'Chậm, chưa gửi', '1946-CV-BCSĐ', '1946-CV-BCSĐ (2)', 'Văn bản 3'])
  })
})
