// The board's view of officers as a workbook: the roster with each officer's training status, the
// units without an officer, and the units whose officers have no current training.
import { OFFICER_ROLE_LABELS, TRAINING_STATUS_LABELS, type OfficerDto, type OfficerGapsDto } from '../../../contract/officers.ts'
import { streamedWorkbook } from '../../lib/xlsx-stream.ts'

const fmtDate = (iso: string | null) => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '')
const FILL: Record<string, string> = { current: 'FFC8E6C9', due: 'FFFFF9C4', overdue: 'FFFFCDD2', none: 'FFFFE0B2' }

export async function officersWorkbook(officers: OfficerDto[], gaps: OfficerGapsDto, title: string): Promise<Buffer> {
  return streamedWorkbook((wb) => {
    const ws = wb.addWorksheet('Cán bộ làm công tác BVCTNB', { views: [{ state: 'frozen', ySplit: 3 }] })
    for (const [col, width] of [[2, 35], [3, 28], [4, 22], [6, 22], [11, 30]] as const) ws.getColumn(col).width = width
    ws.addRow([title]).commit()
    ws.addRow([`Số liệu tính đến ngày ${fmtDate(gaps.asOf)}`]).commit()
    const head = ws.addRow(['STT', 'Đơn vị', 'Họ và tên', 'Chức vụ', 'Chuyên trách / kiêm nhiệm', 'Quyết định phân công', 'Ngày phân công', 'Đến ngày',
      'Bồi dưỡng gần nhất', 'Hạn bồi dưỡng lại', 'Tình trạng bồi dưỡng'])
    head.font = { bold: true }
    head.commit()
    officers.forEach((o, i) => {
      const row = ws.addRow([i + 1, o.unitName, o.name, o.position, OFFICER_ROLE_LABELS[o.role].vi, o.decisionNumber, fmtDate(o.appointedOn), fmtDate(o.until),
        fmtDate(o.lastTrainedOn), fmtDate(o.refresherDueOn), TRAINING_STATUS_LABELS[o.trainingStatus].vi])
      row.getCell(11).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[o.trainingStatus] } }
      row.commit()
    })
    ws.commit()

    for (const [name, units] of [['Đơn vị chưa có cán bộ', gaps.unitsWithoutOfficer], ['Chưa có cán bộ được bồi dưỡng', gaps.unitsWithoutCurrentTraining]] as const) {
      const sheet = wb.addWorksheet(name)
      sheet.getColumn(3).width = 45
      sheet.getColumn(4).width = 35
      const sheetHead = sheet.addRow(['STT', 'Mã đơn vị', 'Đơn vị', 'Trực thuộc'])
      sheetHead.font = { bold: true }
      sheetHead.commit()
      units.forEach((u, i) => sheet.addRow([i + 1, u.code, u.name, u.parentName ?? '']).commit())
      sheet.commit()
    }
  })
}
