import type ExcelJS from 'exceljs'
import type { MatrixDto, MatrixRow } from '../../../contract/dashboard.ts'
import { CELL_STATUS_LABELS, CELL_STATUSES } from '../../../contract/timeliness.ts'
import { PLAN_STATUS_LABELS, type PlanStatus } from '../../../contract/plans.ts'
import { UNIT_KIND_LABELS, type UnitKind } from '../../../contract/units.ts'
import { streamedWorkbook } from '../../lib/xlsx-stream.ts'

const FILL: Record<string, string> = {
  none: 'FFEFEFEF', planned: 'FFDCEBFA', done_on_time: 'FFC8E6C9', done_late: 'FFFFE0B2', in_progress_on_time: 'FFFFF9C4', overdue: 'FFFFCDD2',
}
const fmtDate = (iso: string | null) => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '')

/**
 * The matrix as a workbook: one row per unit with each requirement's status, then the totals.
 * Rows come a chunk at a time and each goes into the zip as soon as it is added (exceljs'
 * streaming writer): a 5,000-unit export holds one chunk's rows and the compressed file (~1 MB),
 * not the whole sheet's cell objects (the in-memory Workbook took tens of MB).
 */
export async function matrixWorkbook(view: Pick<MatrixDto, 'asOf' | 'requirements' | 'totals'>, rowChunks: AsyncIterable<MatrixRow[]> | Iterable<MatrixRow[]>, title: string): Promise<Buffer> {
  return streamedWorkbook((wb) => writeSheets(wb, view, rowChunks, title))
}

async function writeSheets(wb: ExcelJS.stream.xlsx.WorkbookWriter, view: Pick<MatrixDto, 'asOf' | 'requirements' | 'totals'>, rowChunks: AsyncIterable<MatrixRow[]> | Iterable<MatrixRow[]>, title: string): Promise<void> {
  const ws = wb.addWorksheet('Ma trận', { views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }] })
  const head = ['Mã', 'Đơn vị', 'Loại', 'Ngày tiếp nhận', 'Tỷ lệ quán triệt', 'Kế hoạch', ...view.requirements.map((r) => `Yêu cầu ${r.label}`),
    'Hoàn thành đúng hạn', 'Hoàn thành quá hạn', 'Đang thực hiện, trong hạn', 'Quá hạn', 'Phát hiện chưa khắc phục', 'Khắc phục quá hạn']
  // Widths go before the first row is committed: a streamed sheet writes its columns first.
  ws.getColumn(2).width = 45
  for (let i = 3; i <= head.length; i++) ws.getColumn(i).width = 16
  ws.addRow([title]).commit()
  ws.addRow([`Số liệu tính đến ngày ${fmtDate(view.asOf)}`]).commit()
  const headRow = ws.addRow(head)
  headRow.font = { bold: true }
  headRow.commit()
  for await (const rows of rowChunks) {
    for (const r of rows) {
      const row = ws.addRow([
        r.unitCode, '  '.repeat(Math.max(0, r.depth - 2)) + r.unitName, UNIT_KIND_LABELS[r.kind as UnitKind]?.vi ?? r.kind, fmtDate(r.acknowledgedAt),
        r.coverage === null ? '' : Math.round(r.coverage * 1000) / 10, r.planStatus ? PLAN_STATUS_LABELS[r.planStatus as PlanStatus].vi : '',
        ...r.cells.map((c) => (r.isAggregate ? CELL_STATUSES.filter((s) => c.counts[s]).map((s) => `${CELL_STATUS_LABELS[s].vi}: ${c.counts[s]}`).join('; ') : CELL_STATUS_LABELS[c.status].vi)),
        r.actionCounts.done_on_time, r.actionCounts.done_late, r.actionCounts.in_progress_on_time, r.actionCounts.overdue, r.openFindings, r.overdueCorrectiveActions,
      ])
      r.cells.forEach((c, i) => {
        row.getCell(7 + i).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[c.status] } }
      })
      row.commit()
    }
  }
  ws.commit()

  const totals = wb.addWorksheet('Tổng hợp')
  totals.getColumn(2).width = 80
  const totalsHead = totals.addRow(['Yêu cầu', 'Nội dung', ...CELL_STATUSES.map((s) => CELL_STATUS_LABELS[s].vi)])
  totalsHead.font = { bold: true }
  totalsHead.commit()
  for (const t of view.totals) {
    const req = view.requirements.find((r) => r.id === t.requirementId)!
    totals.addRow([req.label, req.text, ...CELL_STATUSES.map((s) => t.counts[s] ?? 0)]).commit()
  }
  totals.commit()
}
