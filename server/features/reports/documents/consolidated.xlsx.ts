import ExcelJS from 'exceljs'
import { REPORT_STATUS_LABELS } from '../../../../contract/reports.ts'
import {
  DOCUMENT_REPORT_STATUS_LABELS, type ConsolidatedReportInput, type DirectiveSection, type UnitFigures,
} from '../../../../contract/report-documents.ts'
import { isLateSubmission, totals } from './figures-table.ts'
import { daysBetween, vnDay } from '../../../lib/dates.ts'
import { basisSentence, directiveReference, vnTextDate } from './vn-format.ts'

// The consolidated report's figures as a workbook, for the board to sort, filter and chart: numbers
// as numbers, coverage as a fraction shown in per cent, dates as real dates shown dd/mm/yyyy.

const DATE_FORMAT = 'dd/mm/yyyy'
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } }
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } }

/** A calendar date as Excel stores it: midnight UTC of the Vietnamese day, so no time zone shifts it. */
function excelDate(value: string | null): Date | null {
  if (!value) return null
  const [y, m, d] = vnDay(value).split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d))
}

function headerRow(ws: ExcelJS.Worksheet, labels: string[]) {
  const row = ws.addRow(labels)
  row.font = { bold: true }
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
  row.eachCell((c) => { c.fill = HEAD_FILL; c.border = THIN })
  return row
}

function titleRows(ws: ExcelJS.Worksheet, lines: string[], span: number) {
  for (const [i, text] of lines.entries()) {
    const row = ws.addRow([text])
    row.font = { bold: i === 0, italic: i > 0, size: i === 0 ? 13 : 11 }
    ws.mergeCells(row.number, 1, row.number, span)
  }
}

/** The figures sheet, the late and missing units, and a sheet per directive of requirement × unit accounts. */
export async function consolidatedFiguresXlsx(input: ConsolidatedReportInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'BVCT'
  figuresSheet(wb, input)
  lateSheet(wb, input)
  const used = new Set(wb.worksheets.map((w) => w.name))
  input.directives.forEach((d, i) => directiveSheet(wb, d, i, input.figures, used))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export const FIGURE_SHEET_COLUMNS = [
  { header: 'STT', width: 6 }, { header: 'Đơn vị', width: 45 }, { header: 'Ngày tiếp nhận', width: 13 },
  { header: 'Số buổi quán triệt', width: 11 }, { header: 'Tỷ lệ quán triệt', width: 11 }, { header: 'Nhiệm vụ hoàn thành', width: 12 },
  { header: 'Tổng số nhiệm vụ', width: 11 }, { header: 'Quá hạn', width: 9 }, { header: 'Tình trạng báo cáo', width: 20 },
  { header: 'Ngày gửi báo cáo', width: 13 }, { header: 'Gửi chậm', width: 9 },
] as const

function figuresSheet(wb: ExcelJS.Workbook, input: ConsolidatedReportInput) {
  const ws = wb.addWorksheet('Số liệu', { views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } })
  const span = FIGURE_SHEET_COLUMNS.length
  titleRows(ws, [`${input.title} ${input.subtitle}`.trim(), `${input.periodTitle}; hạn báo cáo ${vnTextDate(input.deadline)}. ${basisSentence(input.basis, input.header.date)}.`], span)
  headerRow(ws, FIGURE_SHEET_COLUMNS.map((c) => c.header))
  FIGURE_SHEET_COLUMNS.forEach((c, i) => { ws.getColumn(i + 1).width = c.width })
  const first = ws.rowCount + 1
  input.figures.forEach((f: UnitFigures, i) => {
    const row = ws.addRow([
      i + 1, f.unitName, excelDate(f.acknowledgedAt), f.sessions, f.coverage, f.actionsDone, f.actionsTotal, f.actionsOverdue,
      DOCUMENT_REPORT_STATUS_LABELS[f.reportStatus].vi, excelDate(f.submittedAt), isLateSubmission(f, input.deadline) ? 'Có' : null,
    ])
    row.eachCell({ includeEmpty: true }, (c) => { c.border = THIN })
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' }
  })
  const last = ws.rowCount
  if (input.figures.length) {
    const t = totals(input.figures)
    const sum = (col: string, result: number) => ({ formula: `SUM(${col}${first}:${col}${last})`, result })
    const row = ws.addRow([null, 'Tổng cộng', null, sum('D', t.sessions), t.coverage === null ? null : { formula: `AVERAGE(E${first}:E${last})`, result: t.coverage },
      sum('F', t.actionsDone), sum('G', t.actionsTotal), sum('H', t.actionsOverdue)])
    row.font = { bold: true }
    row.eachCell({ includeEmpty: true }, (c) => { c.border = THIN })
  }
  ws.getColumn(3).numFmt = DATE_FORMAT
  ws.getColumn(5).numFmt = '0.0%'
  ws.getColumn(10).numFmt = DATE_FORMAT
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: span } }
}

function lateSheet(wb: ExcelJS.Workbook, input: ConsolidatedReportInput) {
  const ws = wb.addWorksheet('Chậm, chưa gửi', { views: [{ state: 'frozen', ySplit: 1 }] })
  headerRow(ws, ['Đơn vị', 'Tình trạng', 'Ngày gửi báo cáo', 'Số ngày chậm'])
  for (const u of input.lateUnits) ws.addRow([u.unitName, 'Gửi chậm', excelDate(u.submittedAt), Math.max(1, daysBetween(input.deadline, vnDay(u.submittedAt)))])
  for (const u of input.missingUnits) ws.addRow([u, REPORT_STATUS_LABELS.late.vi, null, null])
  ws.columns.forEach((c, i) => { c.width = [45, 20, 15, 12][i] })
  ws.getColumn(3).numFmt = DATE_FORMAT
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function sheetName(d: DirectiveSection, index: number, used: Set<string>): string {
  const base = (d.number ?? `Văn bản ${index + 1}`).replace(/[:\\/?*[\]]/g, '-').slice(0, 28)
  let name = base
  for (let n = 2; used.has(name); n++) name = `${base} (${n})`.slice(0, 31)
  used.add(name)
  return name
}

export const NARRATIVE_COLUMNS = ['Yêu cầu', 'Nội dung yêu cầu', 'Đơn vị', 'Việc đã làm', 'Kết quả', 'Hạn chế', 'Nguyên nhân', 'Đề xuất'] as const

/** One row per requirement × unit; a unit with no account of a requirement gets an empty row, so gaps show when filtered. */
function directiveSheet(wb: ExcelJS.Workbook, d: DirectiveSection, index: number, figures: UnitFigures[], used: Set<string>) {
  const ws = wb.addWorksheet(sheetName(d, index, used), { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] })
  titleRows(ws, [directiveReference(d)], NARRATIVE_COLUMNS.length)
  headerRow(ws, [...NARRATIVE_COLUMNS])
  for (const r of d.requirements) {
    const told = new Set(r.narratives.map((n) => n.unitName))
    const rows = [
      // Blank, not "", so a filter on "(Blanks)" finds what a unit left out.
      ...r.narratives.map((n) => [n.unitName, ...[n.done, n.results, n.shortcomings, n.causes, n.proposals].map((t) => t.trim() || null)]),
      ...figures.filter((f) => !told.has(f.unitName)).map((f) => [f.unitName]),
    ]
    for (const cells of rows) {
      const row = ws.addRow([r.label, r.text, ...cells])
      row.alignment = { wrapText: true, vertical: 'top' }
    }
  }
  ;[8, 40, 30, 45, 45, 35, 35, 35].forEach((w, i) => { ws.getColumn(i + 1).width = w })
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: NARRATIVE_COLUMNS.length } }
}
