import type { FileChild, Paragraph } from 'docx'
import { DEFAULT_MARGINS, type UnitReportInput } from '../../../../contract/report-documents.ts'
import {
  ROMAN, reportAbout, closingSentence, directiveHeading, hasNarrative, narrativeParagraphs, proposalParagraphs, requirementHeading,
} from './body-parts.ts'
import { closingBlock, headerBlock, spacer, titleBlock } from './docx-blocks.ts'
import { body, contentWidth, heading, packDocument } from './docx-layout.ts'
import { figuresTable } from './figures-table.ts'
import { ddmmyyyy, directiveReference, vnPercent, vnTextDate } from './vn-format.ts'

/**
 * One unit's report for a period, in the same Party format as the consolidated report: header block,
 * what the unit did (receipt, dissemination, plan, with its row of figures), its account of each
 * requirement, proposals, "Nơi nhận" and the signature.
 */
export async function unitReportDocx(input: UnitReportInput): Promise<Buffer> {
  const margins = input.margins ?? DEFAULT_MARGINS
  const width = contentWidth(margins)
  const children: FileChild[] = [
    headerBlock(input.header, width),
    ...titleBlock(input.title, input.subtitle),
    body(input.intro?.trim() || defaultIntro(input)),

    heading(`${ROMAN[0]}. KẾT QUẢ THỰC HIỆN`),
    heading('1. Tiếp nhận, quán triệt và triển khai thực hiện'),
    body(figuresSentence(input)),
    figuresTable([input.figures], width),
    spacer(),
    heading('2. Kết quả thực hiện các nội dung yêu cầu'),
    ...requirementsBody(input),

    heading(`${ROMAN[1]}. KIẾN NGHỊ, ĐỀ XUẤT`),
    ...proposalParagraphs(input.proposals),
    closingSentence(input.subtitle),
    spacer(),
    closingBlock(input.distribution, input.signature, width),
  ]
  return packDocument(children, { title: `${input.title} ${input.subtitle}`, margins })
}

function defaultIntro(input: UnitReportInput): string {
  const refs = input.directives.map(directiveReference).join('; ')
  return `Thực hiện ${refs || 'các văn bản chỉ đạo về công tác bảo vệ chính trị nội bộ'}, ${input.unitName.trim()} báo cáo ${reportAbout(input.periodTitle)} như sau:`
}

function figuresSentence({ figures: f, header }: UnitReportInput): string {
  // The figures a unit signed are those frozen when it sent the report; a draft counts up to today.
  const basis = f.submittedAt ? `Số liệu chốt khi đơn vị gửi báo cáo ngày ${ddmmyyyy(f.submittedAt)}. ` : `Số liệu trên hệ thống BVCT tính đến ngày ${vnTextDate(header.date)}. `
  const receipt = f.acknowledgedAt ? `Đơn vị tiếp nhận văn bản ngày ${vnTextDate(f.acknowledgedAt)}` : 'Đơn vị chưa xác nhận tiếp nhận văn bản'
  const sessions = `; đã tổ chức ${f.sessions} buổi quán triệt`
    + (f.coverage === null ? '' : `, tỷ lệ cán bộ, đảng viên, công chức, viên chức, người lao động được quán triệt đạt ${vnPercent(f.coverage)}`)
  const plan = f.actionsTotal
    ? `; kế hoạch triển khai gồm ${f.actionsTotal} nhiệm vụ, đã hoàn thành ${f.actionsDone}, ${f.actionsOverdue} nhiệm vụ quá hạn.`
    : '; chưa có nhiệm vụ trong kế hoạch triển khai.'
  return basis + receipt + sessions + plan
}

function requirementsBody(input: UnitReportInput): Paragraph[] {
  const out: Paragraph[] = []
  input.directives.forEach((d, i) => {
    out.push(directiveHeading(d, i, input.directives.length))
    for (const r of d.requirements) {
      out.push(requirementHeading(r))
      const told = r.narratives.filter(hasNarrative)
      out.push(...(told.length ? told.flatMap(narrativeParagraphs) : [body('Chưa có nội dung báo cáo.')]))
    }
  })
  if (!out.length) out.push(body('Chưa có nội dung báo cáo.'))
  return out
}
