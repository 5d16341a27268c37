import { Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType } from 'docx'
import type { DocumentHeader, Signature } from '../../../../contract/report-documents.ts'
import { compact, mmToTwip, pt } from './docx-layout.ts'
import { distributionEntries, numberLine, vnDatePhrase } from './vn-format.ts'

// The fixed blocks of a Party document (Guidance 36-HD/VPTW, appendix 3): the header block at the
// top of page 1, the type name and subject, and the closing with "Nơi nhận" beside the signature.
// The two side-by-side blocks are borderless tables, as Party documents are typed in Word.

const NO_CELL_MARGIN = { left: 0, right: 0, top: 0, bottom: 0 }
/**
 * The right column fits "ĐẢNG CỘNG SẢN VIỆT NAM" (15 bold, 73 mm) and a date line (14 italic, 72 mm) on
 * one line each; the left takes the rest (87 mm with the default margins), enough for "BAN CHẤP HÀNH
 * TRUNG ƯƠNG" (74 mm) on one line. Halving the width wrapped it.
 */
const RIGHT_COLUMN = mmToTwip(78)
const columns = (width: number) => [width - RIGHT_COLUMN, RIGHT_COLUMN]

function borderless(rows: TableRow[], widths: number[]): Table {
  return new Table({
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
  })
}

const cell = (children: Paragraph[], width: number, valign: 'top' | 'bottom' = 'top') =>
  new TableCell({ children, width: { size: width, type: WidthType.DXA }, margins: NO_CELL_MARGIN, verticalAlign: valign === 'top' ? VerticalAlignTable.TOP : VerticalAlignTable.BOTTOM })

/**
 * Left: superior body (caps 14), issuing body (caps 14 bold), "*", "Số …" (14).
 * Right: "ĐẢNG CỘNG SẢN VIỆT NAM" (caps 15 bold, ruled below by an underline of its own length) and the
 * place/date line (14 italic). The number and the date share the second row, so they sit on one line
 * as in the guidance's model.
 */
export function headerBlock(h: DocumentHeader, width: number): Table {
  const widths = columns(width)
  const upper = (s: string) => s.trim().toLocaleUpperCase('vi')
  const leftTop = [
    ...(h.parentBody.trim() ? [compact(upper(h.parentBody), { size: 14, align: 'center' })] : []),
    compact(upper(h.issuer), { size: 14, bold: true, align: 'center' }),
    compact('*', { size: 14, align: 'center' }),
  ]
  const party = new Paragraph({
    alignment: 'center',
    children: [new TextRun({ text: 'ĐẢNG CỘNG SẢN VIỆT NAM', bold: true, size: pt(15), underline: { type: 'single' } })],
  })
  return borderless([
    new TableRow({ children: [cell(leftTop, widths[0]), cell([party], widths[1])] }),
    new TableRow({
      children: [
        cell([compact(numberLine(h.number), { size: 14, align: 'center', before: 60 })], widths[0], 'bottom'),
        cell([compact(`${h.place.trim()}, ${vnDatePhrase(h.date)}`, { size: 14, italics: true, align: 'center', before: 60 })], widths[1], 'bottom'),
      ],
    }),
  ], widths)
}

/** The type name (caps 16 bold, centred) and subject (14 bold), then the five-dash rule Party documents put under it. */
export function titleBlock(title: string, subtitle: string): Paragraph[] {
  return [
    compact(title.trim().toLocaleUpperCase('vi'), { size: 16, bold: true, align: 'center', before: 480 }),
    ...subtitle.split('\n').filter((s) => s.trim()).map((s) => compact(s.trim(), { size: 14, bold: true, align: 'center' })),
    compact('-----', { size: 14, align: 'center', after: 240 }),
  ]
}

/**
 * Left: "Nơi nhận:" (12, bold italic) and its entries (12). Right: authority and title (caps 14 bold),
 * room for the signature and seal, the signer's name (14 bold). One row that cannot split, so the
 * signature never lands on a page of its own.
 */
export function closingBlock(distribution: string[], s: Signature, width: number): Table {
  const widths = columns(width)
  const recipients = [
    compact('Nơi nhận:', { size: 12, bold: true, italics: true }),
    ...distributionEntries(distribution).map((e) => compact(e, { size: 12 })),
  ]
  const upper = (t: string) => t.trim().toLocaleUpperCase('vi')
  const signature = [
    ...(s.authority.trim() ? [compact(upper(s.authority), { size: 14, bold: true, align: 'center' })] : []),
    ...(s.title.trim() ? [compact(upper(s.title), { size: 14, bold: true, align: 'center' })] : []),
    compact(s.name.trim(), { size: 14, bold: true, align: 'center', before: 1700 }),
  ]
  return borderless([new TableRow({ cantSplit: true, children: [cell(recipients, widths[0]), cell(signature, widths[1])] })], widths)
}

/** Space between the body and the closing block. */
export const spacer = (twips = 120) => new Paragraph({ spacing: { before: 0, after: twips } })
