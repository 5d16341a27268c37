import {
  AlignmentType, Document, Header, LineRuleType, Packer, PageNumber, Paragraph, TextRun,
  type FileChild, type IParagraphStyleOptions, type IRunOptions, type ParagraphChild,
} from 'docx'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { randomUUID } from 'node:crypto'
import { DEFAULT_MARGINS, type Margins } from '../../../../contract/report-documents.ts'

// Page, type and paragraph settings shared by every report document, following Guidance 36-HD/VPTW:
// A4, Times New Roman (Unicode), body 14 pt, page numbers from page 2 centred at the top.
//
// Paragraph formatting lives in named styles rather than on each paragraph: whoever finishes the
// report in Word can restyle the body in one place, and a 200-unit report has a third fewer XML
// elements to write (the docx package spends its time and garbage per element).

export const FONT = 'Times New Roman'
/** docx sizes are half-points. */
export const pt = (points: number) => points * 2
export const mmToTwip = (mm: number) => Math.round((mm * 1440) / 25.4)
export const A4 = { width: 11906, height: 16838 } as const

const FIRST_LINE_INDENT = mmToTwip(10)
/** 1.2 lines: inside the 1.15–1.5 the guidance and practice allow, and keeps long reports shorter. */
const BODY_LINE = 288
const AFTER_PARAGRAPH = 120 // 6 pt

export const STYLE = { body: 'BvctBody', heading: 'BvctHeading', compact: 'BvctCompact', cell: 'BvctCell', cellHead: 'BvctCellHead' } as const

const PARAGRAPH_STYLES: IParagraphStyleOptions[] = [
  {
    id: STYLE.body, name: 'BVCT Nội dung', basedOn: 'Normal', quickFormat: true,
    paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: FIRST_LINE_INDENT }, spacing: { line: BODY_LINE, lineRule: LineRuleType.AUTO, after: AFTER_PARAGRAPH } },
  },
  {
    id: STYLE.heading, name: 'BVCT Đề mục', basedOn: STYLE.body, next: STYLE.body, quickFormat: true,
    run: { bold: true },
    paragraph: { keepNext: true, keepLines: true, spacing: { line: BODY_LINE, lineRule: LineRuleType.AUTO, before: AFTER_PARAGRAPH, after: AFTER_PARAGRAPH } },
  },
  { id: STYLE.compact, name: 'BVCT Dòng đơn', basedOn: 'Normal', paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } } },
  { id: STYLE.cell, name: 'BVCT Ô bảng', basedOn: STYLE.compact, run: { size: pt(12) } },
  { id: STYLE.cellHead, name: 'BVCT Tiêu đề bảng', basedOn: STYLE.cell, run: { bold: true }, paragraph: { alignment: AlignmentType.CENTER } },
]

/** Text width between the margins, in twips: what the header and closing tables span. */
export function contentWidth(margins: Margins): number {
  return A4.width - mmToTwip(margins.leftMm) - mmToTwip(margins.rightMm)
}

export type Runs = string | ParagraphChild[]
const runsOf = (content: Runs, style?: IRunOptions) => (typeof content === 'string' ? [new TextRun(style ? { text: content, ...style } : content)] : content)

/** A body paragraph: 14 pt, justified, first line indented 1 cm. */
export function body(content: Runs, opts: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({ style: STYLE.body, children: runsOf(content), keepNext: opts.keepNext })
}

/** Section headings ("I. KẾT QUẢ THỰC HIỆN", "1. Tình hình chung"): bold, indented like the body, kept with what follows. */
export function heading(text: string, opts: { italic?: boolean } = {}): Paragraph {
  return new Paragraph({ style: STYLE.heading, children: runsOf(text, opts.italic ? { italics: true } : undefined) })
}

/** A run with a bold or italic lead-in: lead("Hạn chế: ", "…", { italics: true }). */
export function lead(label: string, text: string, style: IRunOptions = { italics: true }): ParagraphChild[] {
  return [new TextRun({ text: label, ...style }), new TextRun(text)]
}

type Align = 'left' | 'center' | 'right' | 'both'
const ALIGNMENT = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.JUSTIFIED }

/** A single-spaced paragraph for the header and closing blocks. */
export function compact(content: Runs, opts: { size?: number; bold?: boolean; italics?: boolean; align?: Align; before?: number; after?: number } = {}): Paragraph {
  const style = { size: opts.size ? pt(opts.size) : undefined, bold: opts.bold, italics: opts.italics }
  return new Paragraph({
    style: STYLE.compact,
    children: runsOf(content, style),
    alignment: ALIGNMENT[opts.align ?? 'left'],
    spacing: opts.before || opts.after ? { before: opts.before ?? 0, after: opts.after ?? 0 } : undefined,
  })
}

/** A table cell's paragraph, 12 pt; a header cell's is bold and centred by its style. */
export function cellText(text: string, opts: { head?: boolean; bold?: boolean; align?: Align } = {}): Paragraph {
  return new Paragraph({
    style: opts.head ? STYLE.cellHead : STYLE.cell,
    children: [new TextRun(opts.bold ? { text, bold: true } : text)],
    alignment: opts.head || !opts.align || opts.align === 'left' ? undefined : ALIGNMENT[opts.align],
  })
}

/**
 * Paragraphs written as XML (paragraph-xml.ts) instead of docx objects: `add` puts a stand-in
 * paragraph in the document, and packDocument writes the XML in its place. The stand-in's text
 * carries a key no one's text can hold (a random one per document).
 */
export function xmlParts() {
  const key = randomUUID()
  const parts: string[] = []
  return {
    add(xml: string): Paragraph {
      parts.push(xml)
      return new Paragraph({ children: [new TextRun(`${key}:${parts.length - 1}`)] })
    },
    /** document.xml with each stand-in paragraph replaced by its XML. */
    splice(documentXml: string): string {
      const out: string[] = []
      let from = 0
      parts.forEach((xml, i) => {
        const at = documentXml.indexOf(`${key}:${i}<`, from)
        if (at < 0) throw new Error(`xmlParts: stand-in ${i} is not in the document`)
        const start = documentXml.lastIndexOf('<w:p>', at)
        out.push(documentXml.slice(from, start), xml)
        from = documentXml.indexOf('</w:p>', at) + '</w:p>'.length
      })
      out.push(documentXml.slice(from))
      return out.join('')
    },
    get size() {
      return parts.length
    },
  }
}
export type XmlParts = ReturnType<typeof xmlParts>

/**
 * The document: one A4 section, the given margins, the page number centred in the header from
 * page 2 on; `parts` written where their stand-ins are.
 */
export async function packDocument(children: FileChild[], opts: { title: string; margins?: Margins; parts?: XmlParts }): Promise<Buffer> {
  const m = opts.margins ?? DEFAULT_MARGINS
  const doc = new Document({
    title: opts.title,
    creator: 'BVCT',
    styles: {
      default: { document: { run: { font: FONT, size: pt(14) } } },
      paragraphStyles: PARAGRAPH_STYLES,
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
  const packed = await Packer.toBuffer(doc)
  if (!opts.parts?.size) return packed
  // The package as docx zipped it (fflate, docx's own zip library, its default level), document.xml spliced.
  const files = unzipSync(packed)
  files['word/document.xml'] = strToU8(opts.parts.splice(strFromU8(files['word/document.xml'])))
  return Buffer.from(zipSync(files))
}
