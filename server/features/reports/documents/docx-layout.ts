import {
  AlignmentType, Document, Header, LineRuleType, Packer, PageNumber, Paragraph, TextRun,
  type FileChild, type IRunOptions, type ParagraphChild,
} from 'docx'
import { DEFAULT_MARGINS, type Margins } from '../../../../contract/report-documents.ts'

// Page, type and paragraph settings shared by every report document, following Guidance 36-HD/VPTW:
// A4, Times New Roman (Unicode), body 14 pt, page numbers from page 2 centred at the top.

export const FONT = 'Times New Roman'
/** docx sizes are half-points. */
export const pt = (points: number) => points * 2
export const mmToTwip = (mm: number) => Math.round((mm * 1440) / 25.4)
export const A4 = { width: 11906, height: 16838 } as const

const FIRST_LINE_INDENT = mmToTwip(10)
/** 1.2 lines: inside the 1.15–1.5 the guidance and practice allow, and keeps long reports shorter. */
const BODY_LINE = 288
const AFTER_PARAGRAPH = 120 // 6 pt

/** Text width between the margins, in twips: what the header and closing tables span. */
export function contentWidth(margins: Margins): number {
  return A4.width - mmToTwip(margins.leftMm) - mmToTwip(margins.rightMm)
}

export type Runs = string | ParagraphChild[]
const runsOf = (content: Runs, style: IRunOptions = {}) => (typeof content === 'string' ? [new TextRun({ text: content, ...style })] : content)

/** A body paragraph: 14 pt, justified, first line indented 1 cm. */
export function body(content: Runs, opts: { keepNext?: boolean; indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    children: runsOf(content),
    alignment: AlignmentType.JUSTIFIED,
    indent: opts.indent === false ? undefined : { firstLine: FIRST_LINE_INDENT },
    spacing: { line: BODY_LINE, lineRule: LineRuleType.AUTO, after: AFTER_PARAGRAPH },
    keepNext: opts.keepNext,
  })
}

/** Section headings ("I. KẾT QUẢ THỰC HIỆN", "1. Tình hình chung"): bold, indented like the body, kept with what follows. */
export function heading(text: string, opts: { italic?: boolean } = {}): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text, bold: true, italics: opts.italic })],
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: { line: BODY_LINE, lineRule: LineRuleType.AUTO, before: AFTER_PARAGRAPH, after: AFTER_PARAGRAPH },
    keepNext: true,
    keepLines: true,
  })
}

/** A run with a bold or italic lead-in: lead("Hạn chế: ", "…", { italics: true }). */
export function lead(label: string, text: string, style: IRunOptions = { italics: true }): ParagraphChild[] {
  return [new TextRun({ text: label, ...style }), new TextRun(text)]
}

/** A single-spaced paragraph for table cells and the header and closing blocks. */
export function compact(content: Runs, opts: { size?: number; bold?: boolean; italics?: boolean; align?: 'left' | 'center' | 'right' | 'both'; before?: number; after?: number } = {}): Paragraph {
  const alignment = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.JUSTIFIED }[opts.align ?? 'left']
  return new Paragraph({
    children: runsOf(content, { size: opts.size ? pt(opts.size) : undefined, bold: opts.bold, italics: opts.italics }),
    alignment,
    spacing: { line: 240, lineRule: LineRuleType.AUTO, before: opts.before ?? 0, after: opts.after ?? 0 },
  })
}

/** The document: one A4 section, the given margins, the page number centred in the header from page 2 on. */
export async function packDocument(children: FileChild[], opts: { title: string; margins?: Margins }): Promise<Buffer> {
  const m = opts.margins ?? DEFAULT_MARGINS
  const doc = new Document({
    title: opts.title,
    creator: 'BVCT',
    styles: {
      default: {
        document: { run: { font: FONT, size: pt(14) }, paragraph: { spacing: { line: BODY_LINE, lineRule: LineRuleType.AUTO } } },
      },
    },
    sections: [{
      properties: {
        page: {
          size: { width: A4.width, height: A4.height },
          // The guidance puts the page number 10 mm below the top edge, inside the top margin.
          margin: { top: mmToTwip(m.topMm), bottom: mmToTwip(m.bottomMm), left: mmToTwip(m.leftMm), right: mmToTwip(m.rightMm), header: mmToTwip(10), footer: mmToTwip(10) },
        },
        // A different first page: page 1 carries the header block and no number.
        titlePage: true,
      },
      headers: {
        default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(14) })] })] }),
        first: new Header({ children: [new Paragraph({})] }),
      },
      children,
    }],
  })
  return Packer.toBuffer(doc)
}
