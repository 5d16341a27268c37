// The register as a workbook, in the columns the import reads (a unit can export, correct and import
// it back), plus the vetting status and validity for the reader.
import { CLASSIFICATION_LABELS, VETTING_LABELS, type PositionDto } from '../../../contract/positions.ts'
import { streamedWorkbook } from '../../lib/xlsx-stream.ts'

const fmtDate = (iso: string | null) => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '')
const FILL: Record<string, string> = { current: 'FFC8E6C9', expiring: 'FFFFF9C4', expired: 'FFFFCDD2', not_met: 'FFFFCDD2', none: 'FFFFE0B2', not_required: 'FFEFEFEF' }

export async function registerWorkbook(items: (PositionDto & { unitCode: string })[], title: string, asOf: string): Promise<Buffer> {
  return streamedWorkbook((wb) => {
    const ws = wb.addWorksheet('Vị trí trọng yếu', { views: [{ state: 'frozen', ySplit: 3 }] })
    for (const [col, width] of [[3, 35], [4, 25], [5, 35], [6, 30], [9, 28], [12, 28], [14, 30]] as const) ws.getColumn(col).width = width
    ws.addRow([title]).commit()
    ws.addRow([`Số liệu tính đến ngày ${fmtDate(asOf)}`]).commit()
    const head = ['STT', 'Mã đơn vị', 'Đơn vị', 'Bộ phận', 'Vị trí', 'Lý do trọng yếu', 'Yêu cầu kết luận TCCT', 'Chu kỳ thẩm định (tháng)',
      'Người giữ vị trí', 'Từ ngày', 'Quyền', 'Tình trạng kết luận', 'Hiệu lực đến', 'Ghi chú']
    const headRow = ws.addRow(head)
    headRow.font = { bold: true }
    headRow.commit()
    items.forEach((p, i) => {
      const row = ws.addRow([
        i + 1, p.unitCode, p.unitName, p.department, p.title, CLASSIFICATION_LABELS[p.classification].vi, p.requiresConclusion ? 'Có' : 'Không',
        p.reviewCycleMonths ?? '', p.holder?.name ?? '', fmtDate(p.holder?.since ?? null), p.holder?.isActing ? 'Có' : '',
        p.holder ? VETTING_LABELS[p.vetting].vi : 'Khuyết', fmtDate(p.validUntil), p.note,
      ])
      row.getCell(12).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[p.holder ? p.vetting : 'not_required'] } }
      row.commit()
    })
    ws.commit()
  })
}
