import type { getDocumentProxy } from 'unpdf'
import { MAX_TEXT_CHARS, PDF_LIMITS, UPLOAD_LIMIT_MESSAGES } from '../../../lib/upload-limits.ts'
import { ParseInputError } from './errors.ts'
import { checkPdfStreams } from './pdf-streams.ts'
import { fillPlaceholders } from './pdf-fallback-glyphs.ts'
import { detectMarker } from './markers.ts'
import { joinWrapped } from './normalize.ts'

// PDF to text. pdf.js gives positioned fragments; this rebuilds lines from their baselines,
// keeps a wide gap between columns as three spaces (so the header's two columns can be told
// apart), rejoins body lines that were wrapped at the right margin, and leaves a blank line where
// a paragraph starts: a larger gap than the usual line spacing, or the first-line indent that
// Vietnamese letters use. Pages are separated by a blank line, which the parser rejoins when the
// next page continues a sentence in lower case.

export interface Fragment {
  text: string
  x: number
  y: number
  end: number
  size: number
  /** pdf.js font id; a glyph printed from another font on top of a run is a fallback glyph. */
  font?: string
}

interface Line {
  text: string
  x: number
  end: number
  y: number
  size: number
  /** Estimated width of the first word, to tell whether it would have fitted on the line above. */
  firstWord: number
}

type TextItem = { str?: string; width: number; height: number; transform: number[]; fontName?: string }

export async function extractPdfText(bytes: Uint8Array, limits = PDF_LIMITS): Promise<string> {
  await checkPdfStreams(bytes, limits)
  // pdf.js is loaded with the first PDF, not when the server starts.
  const unpdf = await import('unpdf')
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>
  try {
    // pdf.js may detach the buffer it is given; the caller's bytes stay usable.
    pdf = await unpdf.getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false })
  } catch (error) {
    const name = (error as { name?: string } | null)?.name
    if (name === 'PasswordException') {
      throw new ParseInputError('UNREADABLE_FILE', 'Tệp PDF được đặt mật khẩu, không đọc được', 'The PDF is password-protected')
    }
    throw new ParseInputError('UNREADABLE_FILE')
  }
  try {
    if (pdf.numPages > limits.maxPages) refuse(UPLOAD_LIMIT_MESSAGES.tooManyPages(limits.maxPages))
    const deadline = Date.now() + limits.maxSeconds * 1000
    let chars = 0
    const pages: string[] = []
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n)
      const fragments: Fragment[] = []
      // Read as a stream, so that a page of millions of fragments is abandoned at the limit
      // rather than first collected whole.
      const reader = page.streamTextContent().getReader()
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        for (const item of value.items as TextItem[]) {
          // Blank fragments are kept for now: a fallback glyph may be printed over one.
          if (!item.str || (!item.str.trim() && !(item.width > 0))) continue
          chars += item.str.length
          const [a, b, c, d, x, y] = item.transform
          const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 10
          fragments.push({ text: item.str.trim() ? item.str : ' ', x, y, end: x + item.width, size, font: item.fontName })
        }
        const over = chars > MAX_TEXT_CHARS ? UPLOAD_LIMIT_MESSAGES.tooMuchText(MAX_TEXT_CHARS) : Date.now() > deadline ? UPLOAD_LIMIT_MESSAGES.tooSlow(limits.maxSeconds) : null
        if (over) {
          await reader.cancel().catch(() => undefined)
          refuse(over)
        }
      }
      pages.push(layoutPage(fragments))
    }
    const text = pages.join('\n\n').normalize('NFC')
    const letters = text.match(/\p{L}/gu)?.length ?? 0
    // A scan carries at most a stamp or a scanner's watermark as text.
    if (letters < Math.min(200, 30 * pdf.numPages)) throw new ParseInputError('NO_TEXT_LAYER')
    const undecodable = text.match(/[\uE000-\uF8FF\uFFFD]/gu)?.length ?? 0
    if (undecodable > letters * 0.2) {
      throw new ParseInputError(
        'UNREADABLE_FILE',
        'Không giải mã được chữ trong tệp PDF (phông chữ không có bảng mã Unicode). Hãy xuất lại PDF từ Word hoặc dán nội dung',
        'The PDF text cannot be decoded (fonts without a Unicode map). Export the PDF again from Word, or paste the text',
      )
    }
    return text
  } catch (error) {
    if (error instanceof ParseInputError) throw error
    throw new ParseInputError('UNREADABLE_FILE')
  } finally {
    await pdf.destroy().catch(() => undefined)
  }
}

function refuse(message: { vi: string; en: string }): never {
  throw new ParseInputError('UNREADABLE_FILE', message.vi, message.en)
}

export function layoutPage(fragments: Fragment[]): string {
  const lines = groupLines(fragments)
  if (!lines.length) return ''
  const steps: number[] = []
  for (let i = 1; i < lines.length; i++) {
    const step = lines[i - 1].y - lines[i].y
    if (step > 0 && step < 3 * lines[i].size) steps.push(step)
  }
  // The usual line spacing: a low quantile, since in letters of one-line paragraphs separated by
  // spacing most steps are paragraph gaps.
  const leading = quantile(steps, 0.2) ?? lines[0].size * 1.2
  const margin = mode(lines.map((l) => l.x))
  const indent = margin === null ? null : mode(lines.map((l) => l.x).filter((x) => x > margin + 5 && x <= margin + 60), 2)
  const rightEdge = Math.max(...lines.filter((l) => margin !== null && Math.abs(l.x - margin) <= 3).map((l) => l.end), 0)

  const out: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (i > 0) {
      const prev = lines[i - 1]
      const step = prev.y - line.y
      // A first-line indent starts a paragraph only if the line above stopped short of the margin:
      // the text lines of a hanging-indent list item sit at the same indent but follow a full line.
      const fitted = prev.end + line.firstWord + 0.3 * line.size < rightEdge
      const indented = indent !== null && Math.abs(line.x - indent) <= 2 && fitted
      if (step > leading * 1.25 || indented) {
        out.push('', line.text)
        continue
      }
      // A body line that could not take this line's first word was wrapped: the sentence goes on,
      // even after a ";" and a capital ("… thù địch;" + "Tăng cường …"), which text alone cannot tell.
      const wrapped = !fitted && margin !== null && Math.abs(line.x - margin) <= 3 && prev.x >= margin - 3 && Math.abs(prev.size - line.size) < 0.5
      if (wrapped && !/ {3}/.test(prev.text + line.text) && !detectMarker(line.text) && out[out.length - 1]) {
        out[out.length - 1] = joinWrapped(out[out.length - 1], line.text)
        continue
      }
    }
    out.push(line.text)
  }
  return out.join('\n')
}

function groupLines(fragments: Fragment[]): Line[] {
  const sorted = dropOverprint(fragments).sort((p, q) => q.y - p.y || p.x - q.x)
  const groups: Fragment[][] = []
  for (const f of sorted) {
    const group = groups[groups.length - 1]
    if (group && Math.abs(group[0].y - f.y) <= 0.45 * Math.min(group[0].size, f.size)) group.push(f)
    else groups.push([f])
  }
  return groups.map((raw) => {
    const group = fillPlaceholders(raw.sort((p, q) => p.x - q.x)).filter((f) => f.text.trim())
    let text = ''
    for (let i = 0; i < group.length; i++) {
      const f = group[i]
      if (i > 0) {
        const prev = group[i - 1]
        const gap = f.x - prev.end
        // After punctuation ("10." then the item's text at its tab stop) any visible gap is a space.
        const minGap = /[.,;:)]$/.test(prev.text) && /^\p{L}/u.test(f.text) ? 0.03 : 0.15
        if (gap > 3 * f.size) text = text.trimEnd() + '   '
        else if (gap > minGap * f.size && !/\s$/.test(text) && !/^\s/.test(f.text)) text += ' '
      }
      text += f.text
    }
    const first = group[0]
    const firstWord = first.text.trimStart().split(/\s/)[0] ?? ''
    return {
      text: text.trimEnd(),
      x: first.x,
      end: Math.max(...group.map((f) => f.end)),
      y: first.y,
      size: Math.max(...group.map((f) => f.size)),
      firstWord: ((first.end - first.x) * firstWord.length) / Math.max(1, first.text.length),
    }
  })
}

// Some producers fake bold by drawing the same text twice, a fraction of a point apart.
function dropOverprint(fragments: Fragment[]): Fragment[] {
  const kept: Fragment[] = []
  for (const f of fragments) {
    const twin = kept.some((k) => k.text === f.text && Math.abs(k.x - f.x) < 1.5 && Math.abs(k.y - f.y) < 1.5)
    if (!twin) kept.push(f)
  }
  return kept
}

function quantile(values: number[], q: number): number | null {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) * q)]
}

/** The most common value (to the nearest point), if it occurs at least `min` times. */
function mode(values: number[], min = 1): number | null {
  const counts = new Map<number, number>()
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1)
  let best: number | null = null
  let bestCount = 0
  for (const [v, c] of counts) if (c > bestCount || (c === bestCount && best !== null && v < best)) [best, bestCount] = [v, c]
  return bestCount >= min ? best : null
}
