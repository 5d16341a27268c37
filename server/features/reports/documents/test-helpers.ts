// Reads a generated .docx back for the tests: the body as a list of paragraphs and tables, with
// each run's direct formatting, so tests assert what a reader sees rather than that bytes came back.
// The ZIP and XML readers are the directive parser's (no dependency, already tested on real letters).
import { xmlTokens } from '../../directives/parse/xml.ts'
import { readZip } from '../../directives/parse/zip.ts'

export interface DocRun { text: string; bold: boolean; italic: boolean; underline: boolean; size: number | null }
export interface DocParagraph { kind: 'p'; style: string | null; align: string | null; runs: DocRun[]; text: string }
export interface DocTable {
  kind: 'table'
  /** Rows of cells; a cell is its paragraphs. */
  rows: DocParagraph[][][]
  /** Whether each row is marked to repeat as a header on every page. */
  headerRows: boolean[]
  borders: Record<string, string>
}
export type DocBlock = DocParagraph | DocTable

export interface OpenedDocx {
  files: Map<string, string>
  documentXml: string
  blocks: DocBlock[]
  paragraphs: DocParagraph[]
  tables: DocTable[]
  /** All the body's text, paragraphs joined by newlines (table cells included). */
  text: string
}

const decoder = new TextDecoder()
const on = (attrs: Record<string, string>) => attrs['w:val'] === undefined || !['0', 'false', 'none'].includes(attrs['w:val'])

export function openDocx(bytes: Uint8Array): OpenedDocx {
  const zip = readZip(bytes)
  const files = new Map([...zip].filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels')).map(([name, read]) => [name, decoder.decode(read())]))
  const documentXml = files.get('word/document.xml') ?? ''
  const blocks = parseBody(documentXml)
  const paragraphs: DocParagraph[] = []
  const tables: DocTable[] = []
  const lines: string[] = []
  for (const b of blocks) {
    if (b.kind === 'p') { paragraphs.push(b); lines.push(b.text) } else {
      tables.push(b)
      for (const row of b.rows) for (const cell of row) for (const p of cell) lines.push(p.text)
    }
  }
  return { files, documentXml, blocks, paragraphs, tables, text: lines.join('\n') }
}

/** Top-level paragraphs and tables of w:body, one level of tables deep (the documents nest none). */
function parseBody(xml: string): DocBlock[] {
  const blocks: DocBlock[] = []
  let table: DocTable | null = null
  let row: DocParagraph[][] | null = null
  let cell: DocParagraph[] | null = null
  let para: DocParagraph | null = null
  let run: DocRun | null = null
  let inText = false
  let inTblBorders = false
  for (const t of xmlTokens(xml)) {
    if (t.type === 'open') {
      const a = t.attrs
      switch (t.name) {
        case 'w:tbl': table = { kind: 'table', rows: [], headerRows: [], borders: {} }; break
        case 'w:tblBorders': inTblBorders = !t.selfClosing; break
        case 'w:tr': row = []; table?.headerRows.push(false); break
        case 'w:tblHeader': if (table && on(a)) table.headerRows[table.headerRows.length - 1] = true; break
        case 'w:tc': cell = []; break
        case 'w:p': para = { kind: 'p', style: null, align: null, runs: [], text: '' }; if (t.selfClosing) endParagraph(); break
        case 'w:pStyle': if (para) para.style = a['w:val']; break
        case 'w:jc': if (para && !run) para.align = a['w:val']; break
        case 'w:r': run = { text: '', bold: false, italic: false, underline: false, size: null }; break
        case 'w:b': if (run) run.bold = on(a); break
        case 'w:i': if (run) run.italic = on(a); break
        case 'w:u': if (run) run.underline = on(a); break
        case 'w:sz': if (run) run.size = Number(a['w:val']) / 2; break
        case 'w:t': inText = !t.selfClosing; break
        case 'w:tab': if (run) run.text += '\t'; break
        default:
          if (inTblBorders && table && a['w:val']) table.borders[t.name.replace('w:', '')] = a['w:val']
      }
    } else if (t.type === 'close') {
      switch (t.name) {
        case 'w:tbl': if (table) blocks.push(table); table = null; break
        case 'w:tblBorders': inTblBorders = false; break
        case 'w:tr': if (table && row) table.rows.push(row); row = null; break
        case 'w:tc': if (row && cell) row.push(cell); cell = null; break
        case 'w:p': endParagraph(); break
        case 'w:r': if (para && run) { para.runs.push(run); para.text += run.text } run = null; break
        case 'w:t': inText = false; break
      }
    } else if (inText && run) {
      run.text += t.text
    }
  }
  return blocks

  function endParagraph() {
    if (!para) return
    if (cell) cell.push(para)
    else if (!table) blocks.push(para)
    para = null
  }
}

/** A cell's text, its paragraphs joined by newlines. */
export const cellText = (cell: DocParagraph[]) => cell.map((p) => p.text).join('\n')
/** A table's rows as text. */
export const tableText = (t: DocTable) => t.rows.map((r) => r.map(cellText))

/** The first run whose text is exactly `text` (or contains it, when `exact` is false). */
export function findRun(doc: OpenedDocx, text: string, exact = true): DocRun | undefined {
  for (const b of doc.blocks) {
    const ps = b.kind === 'p' ? [b] : b.rows.flat(2)
    for (const p of ps) for (const r of p.runs) if (exact ? r.text === text : r.text.includes(text)) return r
  }
  return undefined
}

/** The attributes of the first element `name` in `xml`. */
export function attrsOf(xml: string, name: string): Record<string, string> | undefined {
  for (const t of xmlTokens(xml)) if (t.type === 'open' && t.name === name) return t.attrs
  return undefined
}
