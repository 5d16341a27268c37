import type { FileChild, Paragraph } from 'docx'
import { DEFAULT_MARGINS, type DocumentHeader, type Margins, type Signature } from '../../../contract/report-documents.ts'
import { closingBlock, headerBlock, spacer, titleBlock } from '../reports/documents/docx-blocks.ts'
import { body, contentWidth, heading, lead, packDocument } from '../reports/documents/docx-layout.ts'
import { sentence, vnTextDate } from '../reports/documents/vn-format.ts'

// The conclusion notice (Thông báo kết luận kiểm tra / giám sát) in the Party format of Guidance
// 36-HD/VPTW, built from the same blocks as the consolidated report: header block with the number
// "…-TB/…", place and date, type name and subject, the body (overview, strengths, shortcomings and
// their causes, what each unit must correct and by when), "Nơi nhận" and the signature.
// Pure: the conclusion service gathers the input and keeps the issued file.

export interface ConclusionNoticeInput {
  /** number: "12-TB/BCSĐ" once issued, "-TB/BCSĐ" in a draft (a gap is left for the clerk). */
  header: DocumentHeader
  kind: 'inspection' | 'supervision'
  /** The subject units, by name. */
  unitNames: string[]
  overview: string
  strengths: string[]
  shortcomings: string[]
  causes: string
  /** Each unit's items, in order. */
  mustCorrect: { unitName: string; title: string; dueDate: string }[]
  recommendations: string
  distribution: string[]
  signature: Signature
  margins?: Margins
}

const KIND_WORD = { inspection: 'kiểm tra', supervision: 'giám sát' } as const

/** "- Text." for each entry, or a line saying there is none. */
const items = (list: string[], none: string): Paragraph[] => {
  const clean = list.map(sentence).filter(Boolean)
  return clean.length ? clean.map((t) => body(`- ${t}`)) : [body(none)]
}

export async function conclusionNoticeDocx(input: ConclusionNoticeInput): Promise<Buffer> {
  const margins = input.margins ?? DEFAULT_MARGINS
  const width = contentWidth(margins)
  const word = KIND_WORD[input.kind]
  const units = input.unitNames.join(', ')
  const children: FileChild[] = [
    headerBlock(input.header, width),
    ...titleBlock('THÔNG BÁO', `kết luận ${word} đối với ${units}`),
    ...input.overview.split(/\n+/).map((p) => p.trim()).filter(Boolean).map((p) => body(p)),

    heading('1. Ưu điểm'),
    ...items(input.strengths, 'Không có.'),
    heading('2. Hạn chế, khuyết điểm và nguyên nhân'),
    ...items(input.shortcomings, 'Không có.'),
    ...(input.causes.trim() ? [body(lead('Nguyên nhân: ', sentence(input.causes)))] : []),
    heading('3. Yêu cầu khắc phục'),
    ...mustCorrect(input),
    ...(input.recommendations.trim() ? [heading('4. Kiến nghị'), ...input.recommendations.split(/\n+/).filter((p) => p.trim()).map((p) => body(sentence(p)))] : []),
    body(`Trên đây là Thông báo kết luận ${word} đối với ${units}./.`),
    spacer(),
    closingBlock(input.distribution, input.signature, width),
  ]
  return packDocument(children, { title: `Thông báo kết luận ${word} ${units}`, margins })
}

/** Per unit (lettered when there are several), each item with the day it must be done by. */
function mustCorrect(input: ConclusionNoticeInput): Paragraph[] {
  if (!input.mustCorrect.length) return [body('Không có nội dung phải khắc phục.')]
  const byUnit = new Map<string, { title: string; dueDate: string }[]>()
  for (const m of input.mustCorrect) byUnit.set(m.unitName, [...(byUnit.get(m.unitName) ?? []), m])
  const several = byUnit.size > 1
  const out: Paragraph[] = []
  ;[...byUnit].forEach(([unit, list], i) => {
    if (several) out.push(heading(`${String.fromCharCode(97 + (i % 26))}) ${unit}`, { italic: true }))
    for (const m of list) out.push(body(`- ${sentence(m.title).replace(/[.;:]$/, '')} (hoàn thành trước ngày ${vnTextDate(m.dueDate)}).`))
  })
  out.push(body(`${several ? 'Các đơn vị' : input.mustCorrect[0].unitName} báo cáo kết quả khắc phục kèm minh chứng trên hệ thống BVCT theo thời hạn nêu trên.`))
  return out
}
