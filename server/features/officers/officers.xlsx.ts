// The board's view of officers as a workbook: the roster with each officer's training status, the
// units without an officer, and the units whose officers have no current training.
import ExcelJS from 'exceljs'
import { OFFICER_ROLE_LABELS, TRAINING_STATUS_LABELS, type OfficerDto, type OfficerGapsDto } from '../../../contract/officers.ts'

const fmtDate = (iso: string | null) => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '')
const FILL: Record<string, string> = { current: 'FFC8E6C9', due: 'FFFFF9C4', overdue: 'FFFFCDD2', none: 'FFFFE0B2' }

export async function officersWorkbook(officers: OfficerDto[], gaps: OfficerGapsDto, title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'BVCT'
  const ws = wb.addWorksheet('Cán bộ làm công tác BVCTNB', { views: [{ state: 'frozen', ySplit: 3 }] })
  ws.addRow([title])
  ws.addRow([`Số liệu tính đến ngày ${fmtDate(gaps.asOf)}`])
  ws.addRow(['STT', 'Đơn vị', 'Họ và tên', 'Chức vụ', 'Chuyên trách / kiêm nhiệm', 'Quyết định phân công', 'Ngày phân công', 'Đến ngày',
    'Bồi dưỡng gần nhất', 'Hạn bồi dưỡng lại', 'Tình trạng bồi dưỡng']).font = { bold: true }
  officers.forEach((o, i) => {
    const row = ws.addRow([i + 1, o.unitName, o.name, o.position, OFFICER_ROLE_LABELS[o.role].vi, o.decisionNumber, fmtDate(o.appointedOn), fmtDate(o.until),
      fmtDate(o.lastTrainedOn), fmtDate(o.refresherDueOn), TRAINING_STATUS_LABELS[o.trainingStatus].vi])
    row.getCell(11).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[o.trainingStatus] } }
  })
  for (const [col, width] of [[2, 35], [3, 28], [4, 22], [6, 22], [11, 30]] as const) ws.getColumn(col).width = width

  for (const [name, units] of [['Đơn vị chưa có cán bộ', gaps.unitsWithoutOfficer], ['Chưa có cán bộ được bồi dưỡng', gaps.unitsWithoutCurrentTraining]] as const) {
    const sheet = wb.addWorksheet(name)
    sheet.addRow(['STT', 'Mã đơn vị', 'Đơn vị', 'Trực thuộc']).font = { bold: true }
    units.forEach((u, i) => sheet.addRow([i + 1, u.code, u.name, u.parentName ?? '']))
    sheet.getColumn(3).width = 45
    sheet.getColumn(4).width = 35
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
