import { BorderStyle, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType } from 'docx'
import { DOCUMENT_REPORT_STATUS_LABELS, type UnitFigures } from '../../../../contract/report-documents.ts'
import { cellText, mmToTwip } from './docx-layout.ts'
import { vnDay } from '../../../lib/dates.ts'
import { ddmmyyyy, vnInteger, vnPercent } from './vn-format.ts'

// The per-unit table of figures: the same columns in the consolidated report, the unit's own report
// and the .xlsx, so a reader can compare one with another.

export const FIGURE_COLUMNS = [
  'STT', 'Đơn vị', 'Ngày tiếp nhận', 'Số buổi quán triệt', 'Tỷ lệ quán triệt', 'Nhiệm vụ hoàn thành / tổng', 'Quá hạn', 'Tình trạng báo cáo',
] as const
/**
 * Column widths in mm at 12 pt, measured so "STT", a dd/mm/yyyy date and "gửi dd/mm/yyyy" never wrap
 * (LibreOffice's rendering checked with render-preview.ts);
 * "Đơn vị" (null) takes what is left of the text width.
 */
const WIDTHS_MM = [10, null, 22, 16, 15, 20, 14, 29]
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const
const CELL_MARGIN = { left: 50, right: 50, top: 30, bottom: 30 }
/** Below this the unit names become unreadable, so every column shrinks instead. */
const MIN_UNIT_COLUMN = mmToTwip(30)

function columnWidths(width: number): number[] {
  const fixed = WIDTHS_MM.map((mm) => (mm === null ? 0 : mmToTwip(mm)))
  const fixedSum = fixed.reduce((a, b) => a + b, 0)
  const scale = Math.min(1, (width - MIN_UNIT_COLUMN) / fixedSum)
  const widths = fixed.map((w) => Math.floor(w * scale))
  widths[1] = width - widths.reduce((a, b) => a + b, 0)
  return widths
}

export function isLateSubmission(f: Pick<UnitFigures, 'submittedAt'>, deadline: string | undefined): boolean {
  return !!(deadline && f.submittedAt && vnDay(f.submittedAt) > deadline)
}

/** The status cell's text: the label, and the submission date, marked when after the deadline. */
export function statusText(f: UnitFigures, deadline?: string): string[] {
  const lines = [DOCUMENT_REPORT_STATUS_LABELS[f.reportStatus].vi]
  if (!f.submittedAt || f.reportStatus === 'late') return lines
  const when = `${ddmmyyyy(f.submittedAt)}${isLateSubmission(f, deadline) ? ' (chậm)' : ''}`
  // "Đã gửi 14/11/2026" reads as one phrase; the other statuses add when the report was sent.
  return f.reportStatus === 'submitted' ? [`${lines[0]} ${when}`] : [...lines, `gửi ${when}`]
}

export function figureCells(f: UnitFigures, index: number, deadline?: string): string[][] {
  return [
    [String(index + 1)],
    [f.unitName],
    [f.acknowledgedAt ? ddmmyyyy(f.acknowledgedAt) : 'Chưa tiếp nhận'],
    [vnInteger(f.sessions)],
    [f.coverage === null ? '–' : vnPercent(f.coverage)],
    [`${vnInteger(f.actionsDone)}/${vnInteger(f.actionsTotal)}`],
    [vnInteger(f.actionsOverdue)],
    statusText(f, deadline),
  ]
}

export interface FigureTotals { units: number; sessions: number; coverage: number | null; actionsDone: number; actionsTotal: number; actionsOverdue: number }

/** Sums, and the plain mean of the units' coverage (each unit counts once, whatever its size). */
export function totals(figures: UnitFigures[]): FigureTotals {
  const covered = figures.filter((f) => f.coverage !== null)
  return {
    units: figures.length,
    sessions: figures.reduce((n, f) => n + f.sessions, 0),
    coverage: covered.length ? covered.reduce((n, f) => n + f.coverage!, 0) / covered.length : null,
    actionsDone: figures.reduce((n, f) => n + f.actionsDone, 0),
    actionsTotal: figures.reduce((n, f) => n + f.actionsTotal, 0),
    actionsOverdue: figures.reduce((n, f) => n + f.actionsOverdue, 0),
  }
}

const ALIGN = ['center', 'left', 'center', 'center', 'center', 'center', 'center', 'center'] as const

function row(texts: string[][], widths: number[], opts: { header?: boolean; bold?: boolean } = {}): TableRow {
  return new TableRow({
    tableHeader: opts.header,
    cantSplit: true,
    children: texts.map((lines, i) => new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      children: lines.map((t) => cellText(t, { head: opts.header, bold: opts.bold, align: ALIGN[i] })),
    })),
  })
}

/** Bordered, fixed layout, its header row repeated on every page; a total row when there is more than one unit. */
export function figuresTable(figures: UnitFigures[], width: number, deadline?: string): Table {
  const widths = columnWidths(width)
  const rows = [row(FIGURE_COLUMNS.map((c) => [c]), widths, { header: true }), ...figures.map((f, i) => row(figureCells(f, i, deadline), widths))]
  if (figures.length > 1) {
    const t = totals(figures)
    rows.push(row([[''], ['Tổng cộng'], [''], [vnInteger(t.sessions)], t.coverage === null ? ['–'] : [vnPercent(t.coverage), '(bình quân)'],
      [`${vnInteger(t.actionsDone)}/${vnInteger(t.actionsTotal)}`], [vnInteger(t.actionsOverdue)], ['']], widths, { bold: true }))
  }
  return new Table({
    rows,
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: CELL_MARGIN,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
  })
}
