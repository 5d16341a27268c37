import { STYLE } from './docx-layout.ts'

// The consolidated report's accounts (a paragraph per unit and requirement: 1,350 for 200 units
// and 9 requirements) as plain data, written straight to WordprocessingML. Built as docx objects,
// they held ~7 MB of components and, while the document was written, ~20 MB more of the library's
// intermediate trees: measured, the document thread peaked +69–81 MB with them and +39–51 MB
// without. The text written is the docx library's own for the same paragraph, byte for byte
// (paragraph-xml.test.ts compares them), so the look stays defined in one place.

export interface RunSpec {
  text: string
  bold?: boolean
  italics?: boolean
}

export interface ParagraphSpec {
  style: keyof typeof STYLE
  runs: RunSpec[]
  keepNext?: boolean
}

// What docx escapes in text, and the control characters XML 1.0 cannot hold, which it drops.
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' }
const escapeText = (s: string) => s.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '')

function runXml(r: RunSpec): string {
  const props = (r.bold ? '<w:b/><w:bCs/>' : '') + (r.italics ? '<w:i/><w:iCs/>' : '')
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeText(r.text)}</w:t></w:r>`
}

/**
 * The paragraph's WordprocessingML (`<w:p>…</w:p>`), as docx writes `new Paragraph({ style, keepNext,
 * children: runs as TextRuns })`. It goes into a document through xmlParts (docx-layout.ts).
 */
export function paragraphXml(p: ParagraphSpec): string {
  return `<w:p><w:pPr><w:pStyle w:val="${STYLE[p.style]}"/>${p.keepNext ? '<w:keepNext/>' : ''}</w:pPr>${p.runs.map(runXml).join('')}</w:p>`
}

