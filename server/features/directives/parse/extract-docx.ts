import { DOCX_ZIP_LIMITS, UPLOAD_LIMIT_MESSAGES } from '../../../lib/upload-limits.ts'
import { ParseInputError } from './errors.ts'
import { DocxNumbering, readStyleNumbering } from './docx-numbering.ts'
import { xmlTokens } from './xml.ts'
import { readZip, ZipLimitError, type ZipEntries } from './zip.ts'

// .docx to text, one line per paragraph, with list labels that Word generates from numbering
// put back in front of the text ("1. ", "a) ", "- "), because directive letters number their
// requirements with Word lists more often than by typing. Table cells (the two-column header,
// the distribution/signature row) end with a blank line so that columns do not run together.

const decoder = new TextDecoder('utf-8')

export function extractDocxText(bytes: Uint8Array): string {
  let zip: ZipEntries
  let documentXml: string
  try {
    zip = readZip(bytes)
    const document = zip.get('word/document.xml')
    if (!document) throw new ParseInputError('UNREADABLE_FILE')
    documentXml = decoder.decode(document())
  } catch (error) {
    if (error instanceof ParseInputError) throw error
    throw unreadable(error)
  }
  const part = (name: string): string | null => {
    const entry = zip.get(name)
    try {
      return entry ? decoder.decode(entry()) : null
    } catch (error) {
      // A damaged numbering or styles part only costs the list labels; a bomb in one refuses the file.
      if (error instanceof ZipLimitError) throw unreadable(error)
      return null
    }
  }
  const numbering = new DocxNumbering(part('word/numbering.xml'), readStyleNumbering(part('word/styles.xml')))
  return documentText(documentXml, numbering)
}

function unreadable(error: unknown): ParseInputError {
  if (!(error instanceof ZipLimitError)) return new ParseInputError('UNREADABLE_FILE')
  const { vi, en } = UPLOAD_LIMIT_MESSAGES.tooLargeUnpacked(DOCX_ZIP_LIMITS.maxUnpacked)
  return new ParseInputError('UNREADABLE_FILE', vi, en)
}

interface Paragraph {
  text: string
  numId: string | null
  ilvl: number | null
  styleId: string | null
}

// Content Word keeps but does not show: the fallback twin of a text box, field codes, deleted
// and moved-away text, and the old properties of a tracked formatting change (whose numbering
// would otherwise override the current one).
const HIDDEN = new Set(['mc:Fallback', 'w:instrText', 'w:delText', 'w:moveFrom', 'w:pPrChange', 'w:rPrChange', 'w:numberingChange'])

const SYMBOL_CHARS: Record<string, string> = { F0B7: '•', F0A7: '•', F02D: '-', F0D8: '•', F076: '•', F0FC: '✓' }

function documentText(xml: string, numbering: DocxNumbering): string {
  const lines: string[] = []
  const paragraphs: Paragraph[] = []
  let inPPr = 0
  let inRun = 0
  let inRPr = 0
  let hiddenRun = false
  let skipDepth = 0
  let inText = false

  const current = (): Paragraph | undefined => paragraphs[paragraphs.length - 1]
  const add = (text: string) => {
    const p = current()
    if (p && !hiddenRun && skipDepth === 0) p.text += text
  }

  for (const t of xmlTokens(xml)) {
    if (t.type === 'text') {
      if (inText) add(t.text)
      continue
    }
    const name = t.name
    if (t.type === 'open') {
      if (HIDDEN.has(name)) {
        if (!t.selfClosing) skipDepth++
        continue
      }
      if (skipDepth) continue
      switch (name) {
        case 'w:p':
          paragraphs.push({ text: '', numId: null, ilvl: null, styleId: null })
          if (t.selfClosing) finishParagraph()
          break
        case 'w:pPr':
          if (!t.selfClosing) inPPr++
          break
        case 'w:pStyle':
          if (inPPr && current()) current()!.styleId = t.attrs['w:val'] ?? null
          break
        case 'w:numId':
          if (inPPr && current()) current()!.numId = t.attrs['w:val'] ?? null
          break
        case 'w:ilvl':
          if (inPPr && current()) current()!.ilvl = Number(t.attrs['w:val'] ?? 0)
          break
        case 'w:r':
          if (!t.selfClosing) inRun++
          hiddenRun = false
          break
        case 'w:rPr':
          if (!t.selfClosing) inRPr++
          break
        case 'w:vanish':
          if (inRun && inRPr && !inPPr) hiddenRun = !['0', 'false', 'off'].includes(t.attrs['w:val'] ?? '')
          break
        case 'w:t':
          if (!t.selfClosing) inText = true
          break
        case 'w:tab':
          if (inRun) add('\t')
          break
        case 'w:br':
        case 'w:cr':
          add('\n')
          break
        case 'w:noBreakHyphen':
          add('-')
          break
        case 'w:sym': {
          const code = (t.attrs['w:char'] ?? '').toUpperCase()
          add(SYMBOL_CHARS[code] ?? (/^[0-9A-F]{4}$/.test(code) && !code.startsWith('F0') ? String.fromCharCode(parseInt(code, 16)) : ''))
          break
        }
      }
      continue
    }
    // closing tags
    if (HIDDEN.has(name)) {
      if (skipDepth) skipDepth--
      continue
    }
    if (skipDepth) continue
    switch (name) {
      case 'w:t':
        inText = false
        break
      case 'w:pPr':
        inPPr = Math.max(0, inPPr - 1)
        break
      case 'w:r':
        inRun = Math.max(0, inRun - 1)
        hiddenRun = false
        break
      case 'w:rPr':
        inRPr = Math.max(0, inRPr - 1)
        break
      case 'w:p':
        finishParagraph()
        break
      case 'w:tc':
      case 'w:tbl':
        lines.push('')
        break
    }
  }
  return lines.join('\n')

  function finishParagraph(): void {
    const p = paragraphs.pop()
    if (!p) return
    let numbered: { numId: string; ilvl: number } | null = null
    if (p.numId !== null) numbered = p.numId === '0' ? null : { numId: p.numId, ilvl: p.ilvl ?? 0 }
    else if (p.styleId) numbered = numbering.fromStyle(p.styleId)
    if (numbered && p.ilvl !== null) numbered.ilvl = p.ilvl
    const label = numbered ? numbering.next(numbered.numId, numbered.ilvl) : null
    const text = p.text.replace(/^[ \t]+/, '')
    if (!text.trim()) return
    for (const [i, line] of text.split('\n').entries()) lines.push(i === 0 && label ? `${label} ${line}` : line)
  }
}
