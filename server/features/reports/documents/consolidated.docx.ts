import type { FileChild, Paragraph } from 'docx'
import { DEFAULT_MARGINS, type ConsolidatedReportInput, type UnitFigures } from '../../../../contract/report-documents.ts'
import {
  ROMAN, attributedNarrative, reportAbout, closingSentence, directiveHeading, hasNarrative, proposalParagraphs, requirementHeading,
} from './body-parts.ts'
import { closingBlock, headerBlock, spacer, titleBlock } from './docx-blocks.ts'
import { body, contentWidth, heading, lead, packDocument, xmlParts, type XmlParts } from './docx-layout.ts'
import { figuresTable, totals } from './figures-table.ts'
import { paragraphXml } from './paragraph-xml.ts'
import { daysBetween, vnDay } from '../../../lib/dates.ts'
import { basisSentence, directiveReference, ddmmyyyy, vnPercent, vnTextDate } from './vn-format.ts'

/** Units named one by one when a requirement has this many or fewer without an account; counted otherwise. */
const LIST_MISSING_UP_TO = 10
const SENT: UnitFigures['reportStatus'][] = ['submitted', 'returned', 'accepted']

/**
 * The board's consolidated report for a period, as a .docx in the Party format of Guidance 36-HD/VPTW:
 * header block, type name and subject, the state of reporting, each requirement with every unit's
 * account attributed, the per-unit table of figures, late and missing units, proposals, "Nơi nhận"
 * and the signature.
 */
export async function consolidatedReportDocx(input: ConsolidatedReportInput): Promise<Buffer> {
  const margins = input.margins ?? DEFAULT_MARGINS
  const width = contentWidth(margins)
  const parts = xmlParts()
  const children: FileChild[] = [
    headerBlock(input.header, width),
    ...titleBlock(input.title, input.subtitle),
    body(input.intro?.trim() || defaultIntro(input)),

    heading(`${ROMAN[0]}. KẾT QUẢ THỰC HIỆN`),
    heading('1. Tình hình tiếp nhận, quán triệt và báo cáo của các đơn vị'),
    ...overview(input),
    heading('2. Kết quả thực hiện các nội dung yêu cầu'),
    ...requirementsBody(input, parts),
    heading('3. Số liệu của các đơn vị'),
    body(`${basisSentence(input.basis, input.header.date)}; nhiệm vụ là các nhiệm vụ trong kế hoạch triển khai của đơn vị.`),
    figuresTable(input.figures, width, input.deadline),
    spacer(),

    heading(`${ROMAN[1]}. ĐƠN VỊ BÁO CÁO CHẬM, KHÔNG BÁO CÁO`),
    ...lateAndMissing(input),

    heading(`${ROMAN[2]}. KIẾN NGHỊ, ĐỀ XUẤT`),
    ...proposalParagraphs(input.proposals),
    closingSentence(input.subtitle),
    spacer(),
    closingBlock(input.distribution, input.signature, width),
  ]
  return packDocument(children, { title: `${input.title} ${input.subtitle}`, margins, parts })
}

function defaultIntro(input: ConsolidatedReportInput): string {
  const refs = input.directives.map(directiveReference).join('; ')
  return `Thực hiện ${refs || 'các văn bản chỉ đạo về công tác bảo vệ chính trị nội bộ'}, trên cơ sở báo cáo của các đơn vị `
    + `(hạn gửi ngày ${vnTextDate(input.deadline)}) và số liệu theo dõi trên hệ thống, ${reportAbout(input.periodTitle)} được tổng hợp như sau:`
}

/** The state of reporting, receipt, dissemination and plans across the units, in two paragraphs. */
function overview(input: ConsolidatedReportInput): Paragraph[] {
  const f = input.figures
  const n = f.length
  const sent = f.filter((u) => SENT.includes(u.reportStatus)).length
  const asOf = vnTextDate(input.header.date)
  const t = totals(f)
  const notSent = input.header.date > input.deadline
    ? `; ${input.missingUnits.length} đơn vị quá hạn, chưa gửi báo cáo`
    : `; ${n - sent} đơn vị chưa gửi (hạn gửi ngày ${vnTextDate(input.deadline)})`
  const reporting = `Tổng số đơn vị thuộc phạm vi báo cáo: ${n}. Đến ngày ${asOf}, ${sent}/${n} đơn vị đã gửi báo cáo`
    + (input.lateUnits.length ? ` (trong đó ${input.lateUnits.length} đơn vị gửi chậm so với hạn ngày ${vnTextDate(input.deadline)})` : '')
    + `${notSent}.`
  const acknowledged = f.filter((u) => u.acknowledgedAt).length
  const work = `${basisSentence(input.basis, input.header.date)}: ${acknowledged}/${n} đơn vị đã tiếp nhận văn bản; các đơn vị đã tổ chức ${t.sessions} buổi quán triệt`
    + (t.coverage === null ? '' : `, tỷ lệ cán bộ, đảng viên, công chức, viên chức, người lao động được quán triệt bình quân đạt ${vnPercent(t.coverage)}`)
    + `; hoàn thành ${t.actionsDone}/${t.actionsTotal} nhiệm vụ theo kế hoạch, ${t.actionsOverdue} nhiệm vụ quá hạn.`
  return [body(reporting), body(work)]
}

/** Per directive and requirement: how many units reported on it, then each unit's account (as XML, in `parts`). */
function requirementsBody(input: ConsolidatedReportInput, parts: XmlParts): Paragraph[] {
  const out: Paragraph[] = []
  const n = input.figures.length
  input.directives.forEach((d, i) => {
    out.push(directiveHeading(d, i, input.directives.length))
    for (const r of d.requirements) {
      out.push(requirementHeading(r))
      const told = r.narratives.filter(hasNarrative)
      const withShortcomings = told.filter((x) => x.shortcomings.trim()).length
      out.push(body(`Có ${told.length}/${n} đơn vị báo cáo kết quả thực hiện nội dung này`
        + (withShortcomings ? `; ${withShortcomings} đơn vị nêu hạn chế.` : '.'), { keepNext: told.length > 0 }))
      if (told.length) out.push(parts.add(told.map((n) => paragraphXml(attributedNarrative(n))).join('')))
      const toldBy = new Set(told.map((x) => x.unitName))
      const silent = input.figures.map((u) => u.unitName).filter((u) => !toldBy.has(u))
      if (silent.length && silent.length <= LIST_MISSING_UP_TO) out.push(body(lead('Chưa có nội dung báo cáo: ', `${silent.join('; ')}.`)))
      else if (silent.length) out.push(body(`${silent.length} đơn vị chưa có nội dung báo cáo về yêu cầu này.`))
    }
  })
  if (!out.length) out.push(body('Chưa có nội dung báo cáo.'))
  return out
}

function lateAndMissing(input: ConsolidatedReportInput): Paragraph[] {
  const out: Paragraph[] = [heading(`1. Đơn vị gửi báo cáo chậm (${input.lateUnits.length})`)]
  if (!input.lateUnits.length) out.push(body('Không có.'))
  for (const u of input.lateUnits) {
    out.push(body(`- ${u.unitName}: gửi ngày ${ddmmyyyy(u.submittedAt)}, chậm ${Math.max(1, daysBetween(input.deadline, vnDay(u.submittedAt)))} ngày so với hạn.`))
  }
  out.push(heading(`2. Đơn vị quá hạn, chưa gửi báo cáo (${input.missingUnits.length})`))
  if (!input.missingUnits.length) out.push(body('Không có.'))
  out.push(...input.missingUnits.map((u) => body(`- ${u}.`)))
  return out
}
