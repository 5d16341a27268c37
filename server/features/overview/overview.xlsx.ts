// The overview as a workbook for a committee meeting: one row per indicator, grouped by seed
// requirement, with its figures and the last 12 months side by side.
import ExcelJS from 'exceljs'
import { REQUIREMENT_LABELS, type OverviewDto } from '../../../contract/overview.ts'

const fmtDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/')
const fmtMonth = (ym: string) => `${ym.slice(5, 7)}/${ym.slice(0, 4)}`

/** `scopeName`: the unit the figures cover, or the caller's whole scope. */
export async function overviewWorkbook(o: OverviewDto, scopeName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'BVCT'
  const ws = wb.addWorksheet('Tổng quan', { views: [{ state: 'frozen', ySplit: 4, xSplit: 2 }] })
  ws.addRow(['Tổng quan kết quả thực hiện công tác bảo vệ chính trị nội bộ'])
  ws.addRow([`${scopeName} — số liệu tính đến ngày ${fmtDate(o.asOf)}`])
  ws.addRow([])
  const months = o.indicators.find((i) => i.trend.length)?.trend.map((t) => t.month) ?? []
  ws.addRow(['Yêu cầu', 'Nội dung', 'Chỉ số', 'Kết quả', 'Đạt', 'Tổng số', ...months.map(fmtMonth)]).font = { bold: true }
  for (const i of o.indicators) {
    const share = i.kind === 'share'
    const row = ws.addRow([
      i.requirement, REQUIREMENT_LABELS[i.requirement].vi, i.label.vi,
      !i.tracked ? 'Chưa theo dõi' : i.value ?? '', i.numerator ?? '', i.denominator ?? '',
      ...months.map((m) => i.trend.find((t) => t.month === m)?.value ?? ''),
    ])
    if (share) for (let c = 4; c <= 6 + months.length; c++) if (c === 4 || c > 6) row.getCell(c).numFmt = '0.0%'
  }
  ws.getColumn(2).width = 40
  ws.getColumn(3).width = 55
  return Buffer.from(await wb.xlsx.writeBuffer())
}
