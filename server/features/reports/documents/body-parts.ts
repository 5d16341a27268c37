import { Paragraph, TextRun } from 'docx'
import type { DirectiveSection, RequirementSection, SectionNarrative } from '../../../../contract/report-documents.ts'
import { body, heading } from './docx-layout.ts'
import type { ParagraphSpec, RunSpec } from './paragraph-xml.ts'
import { directiveReference, sentence } from './vn-format.ts'

// Pieces of the body that the consolidated report and a unit's report share.

export const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X']

/** "a) Công văn số … về …" when there are several directives; unlettered when there is one. */
export function directiveHeading(d: DirectiveSection, index: number, count: number): Paragraph {
  const letter = count > 1 ? `${String.fromCharCode(97 + (index % 26))}) ` : ''
  return heading(`${letter}${directiveReference(d)}`, { italic: true })
}

/** "Yêu cầu 3: <the requirement's text>": the label bold, the letter's words in italics. */
export function requirementHeading(r: RequirementSection): Paragraph {
  return body([new TextRun({ text: `Yêu cầu ${r.label}: `, bold: true }), new TextRun({ text: sentence(r.text), italics: true })], { keepNext: true })
}

const FIELDS = [
  ['done', 'Việc đã làm: '], ['results', 'Kết quả: '], ['shortcomings', 'Hạn chế: '], ['causes', 'Nguyên nhân: '], ['proposals', 'Đề xuất: '],
] as const satisfies readonly (readonly [keyof SectionNarrative, string])[]

export const hasNarrative = (n: SectionNarrative) => FIELDS.some(([k]) => n[k].trim() !== '')

/**
 * One unit's account in the consolidated report, attributed: "- <Unit>: <done> <results> Hạn chế: …
 * Nguyên nhân: … Đề xuất: …", what it did run together and the weaknesses under italic labels. Plain
 * data, written as XML (paragraph-xml.ts): a report has one per unit and requirement.
 */
export function attributedNarrative(n: SectionNarrative): ParagraphSpec {
  const runs: RunSpec[] = [{ text: '- ' }, { text: n.unitName.trim(), bold: true }, { text: ': ' }]
  const did = [sentence(n.done), sentence(n.results)].filter(Boolean).join(' ')
  if (did) runs.push({ text: did })
  for (const [key, label] of FIELDS.slice(2)) {
    const text = sentence(n[key])
    if (text) runs.push({ text: `${runs.length > 3 ? ' ' : ''}${label}`, italics: true }, { text })
  }
  return { style: 'body', runs }
}

/** One unit's account in its own report: a paragraph per field that has text, under an italic label. */
export function narrativeParagraphs(n: SectionNarrative): Paragraph[] {
  return FIELDS.filter(([k]) => n[k].trim()).map(([k, label]) => body([new TextRun({ text: label, italics: true }), new TextRun(sentence(n[k]))]))
}

/** "- <proposal>" paragraphs, or a line saying there are none. */
export function proposalParagraphs(proposals: string[]): Paragraph[] {
  const items = proposals.map(sentence).filter(Boolean)
  return items.length ? items.map((p) => body(`- ${p}`)) : [body('Không có kiến nghị, đề xuất.')]
}

/** "Trên đây là báo cáo kết quả …./." – the body's last line, closed with "./." as Vietnamese documents are. */
export function closingSentence(subtitle: string): Paragraph {
  const about = subtitle.trim().replace(/\s+/g, ' ').replace(/[.;:]+$/, '')
  return body(`Trên đây là báo cáo ${about}./.`)
}

/**
 * What a report is about, as a phrase to follow "báo cáo" or "được tổng hợp": a period titled
 * "Báo cáo kết quả thực hiện Công văn số 1946-CV/BCSĐ" gives "kết quả thực hiện Công văn số
 * 1946-CV/BCSĐ" (not "kết quả thực hiện Báo cáo kết quả thực hiện …"); "Quý IV năm 2026" gives
 * "kết quả thực hiện Quý IV năm 2026".
 */
export function reportAbout(periodTitle: string): string {
  const title = periodTitle.trim().replace(/\s+/g, ' ').replace(/^báo cáo\s+/i, '').replace(/[.;:]+$/, '')
  return /^(kết quả|tình hình)\b/i.test(title) ? title.charAt(0).toLocaleLowerCase('vi') + title.slice(1) : `kết quả thực hiện ${title}`
}
