import type { Fragment } from './extract-pdf.ts'

// LibreOffice, when its font lacks a glyph ("ế"), prints the run with a gap in its place and
// then prints the glyph from a fallback font on top. pdf.js reports the gap as a space (one
// space even when the gap also held a real space: "trị nội" arrives as "tr n i"), so each
// fallback glyph goes back into the gap nearest to it, and a space is kept beside it when the
// gap is wider than the glyph. Widths not given by pdf.js are estimated from Times New Roman's.

// Letters a Latin-1 font lacks: what a fallback font is asked for in Vietnamese text.
const EXTENDED = /^[\u0100-\u024F\u1E00-\u1EFF\u0300-\u036F]+$/u

/** Fragments of one line, sorted by x, with fallback glyphs merged into the runs they belong to. */
export function fillPlaceholders(fragments: Fragment[]): Fragment[] {
  const glyphs = fragments.flatMap((f) => (isFallback(f) ? splitClusters(f, fontScale(fragments, f.font)) : [f]))
  const slots = new Map<Fragment, Map<number, Fragment>>()
  const kept: Fragment[] = []
  for (const g of glyphs) {
    const host = isFallback(g)
      ? glyphs.find((h) => h !== g && h.font !== g.font && h.text.includes(' ') && h.x <= g.x + 0.5 && g.end <= h.end + 0.5)
      : undefined
    const taken = host ? (slots.get(host) ?? new Map<number, Fragment>()) : null
    const index = host && taken ? nearestSpace(host, taken, (g.x + g.end) / 2) : -1
    if (!host || !taken || index < 0) {
      kept.push(g)
      continue
    }
    taken.set(index, g)
    slots.set(host, taken)
  }
  return kept.map((f) => (slots.has(f) ? { ...f, text: fill(f, slots.get(f)!) } : f)).sort((p, q) => p.x - q.x)
}

function isFallback(f: Fragment): boolean {
  const clusters = f.text.split(' ')
  return f.font !== undefined && clusters.every((c) => EXTENDED.test(c) && [...c].length <= 3)
}

/**
 * pdf.js merges nearby fallback glyphs into one fragment ("ế ự" over "thế lực"). The first glyph
 * starts where the fragment starts and the last ends where it ends; their widths come from the
 * letter-width table scaled to this font.
 */
function splitClusters(f: Fragment, scale: number): Fragment[] {
  const clusters = f.text.split(' ').filter(Boolean)
  if (clusters.length < 2) return [f]
  const widths = clusters.map((c) => [...c].reduce((sum, ch) => sum + letterWidth(ch), 0) * scale)
  const span = f.end - f.x
  return clusters.map((text, i) => {
    const x = i === 0 ? f.x : i === clusters.length - 1 ? f.end - widths[i] : f.x + (span * i) / (clusters.length - 1) - widths[i] / 2
    return { ...f, text, x, end: x + widths[i] }
  })
}

/** Points per thousandth of an em for a font's letters, measured on its single-glyph fragments. */
function fontScale(fragments: Fragment[], font: string | undefined): number {
  let real = 0
  let model = 0
  for (const f of fragments) {
    if (f.font !== font || f.text.includes(' ') || !EXTENDED.test(f.text)) continue
    real += f.end - f.x
    model += [...f.text].reduce((sum, ch) => sum + letterWidth(ch), 0)
  }
  const size = fragments.find((f) => f.font === font)?.size ?? 12
  return model > 0 ? real / model : (size / 1000) * 1.2
}

/** The free space of the host whose estimated position is nearest to x. */
function nearestSpace(host: Fragment, taken: Map<number, Fragment>, x: number): number {
  const chars = [...host.text]
  const total = chars.reduce((sum, ch) => sum + letterWidth(ch), 0)
  const scale = total > 0 ? (host.end - host.x) / total : 0
  let at = host.x
  let best = -1
  let bestDistance = Infinity
  chars.forEach((ch, i) => {
    const width = letterWidth(ch) * scale
    const distance = Math.abs(at + width / 2 - x)
    if (ch === ' ' && !taken.has(i) && distance < bestDistance) [best, bestDistance] = [i, distance]
    at += width
  })
  return best
}

function fill(host: Fragment, taken: Map<number, Fragment>): string {
  const chars = [...host.text]
  const order = [...taken.keys()].sort((a, b) => a - b)
  const glyphs = [...taken.values()].reduce((sum, g) => sum + (g.end - g.x), 0)
  const model = chars.reduce((sum, ch, i) => sum + (taken.has(i) ? 0 : letterWidth(ch)), 0)
  const scale = model > 0 ? (host.end - host.x - glyphs) / model : 0
  const space = 0.25 * host.size
  const widthOf = (from: number, to: number) => chars.slice(from, to).reduce((sum, ch) => sum + letterWidth(ch), 0) * scale
  const pieces = chars.slice()
  let edge = host.x
  let last = -1
  for (const [n, index] of order.entries()) {
    const glyph = taken.get(index)!
    // What the gap before this glyph holds beyond the letters is a real space: after the previous
    // glyph, or before this one when it opens the run ("Đảng ủy" printed as "Đảng" + gap + "y").
    const spaced = glyph.x - edge - widthOf(last + 1, index) > space * 0.5
    pieces[index] = glyph.text
    if (spaced && n > 0) pieces[last] += ' '
    if (spaced && n === 0) pieces[index] = ' ' + glyph.text
    edge = glyph.end
    last = index
  }
  if (last >= 0 && host.end - edge - widthOf(last + 1, chars.length) > space * 0.5) pieces[last] += ' '
  return pieces.join('').replace(/ {2,}/g, ' ')
}

// Advance widths of Times New Roman, in thousandths of an em, for the letters without their marks.
const TIMES: Record<string, number> = {
  a: 444, b: 500, c: 444, d: 500, e: 444, f: 333, g: 500, h: 500, i: 278, j: 278, k: 500, l: 278, m: 778, n: 500, o: 500, p: 500,
  q: 500, r: 333, s: 389, t: 278, u: 500, v: 500, w: 722, x: 500, y: 500, z: 444, đ: 500, A: 722, B: 667, C: 667, D: 722, E: 611,
  F: 556, G: 722, H: 722, I: 333, J: 389, K: 722, L: 611, M: 889, N: 722, O: 722, P: 556, Q: 722, R: 667, S: 556, T: 611, U: 722,
  V: 722, W: 944, X: 722, Y: 722, Z: 611, Đ: 722, ' ': 250, ',': 250, '.': 250, ';': 278, ':': 278, '-': 333, '/': 278, '(': 333, ')': 333,
}

function letterWidth(ch: string): number {
  const base = ch.normalize('NFD')[0] ?? ch
  return TIMES[base] ?? (/\p{N}/u.test(base) ? 500 : /\p{Lu}/u.test(base) ? 667 : 444)
}
