// List markers that open a requirement. A rank orders the numbered kinds (a section holds
// numbered items, which hold lettered points); bullets have no fixed rank and nest by the order
// they appear in (see requirements.ts).

export type MarkerKind =
  | 'part' | 'chapter' | 'upperLetter' | 'section' | 'roman' | 'article' | 'arabic' | 'dotted' | 'parenNumber' | 'letter' | 'bullet'

export interface Marker {
  kind: MarkerKind
  label: string
  /** Lower is outer. Bullets share one rank and nest by their character. */
  rank: number
  /** The bullet character, for telling "-" from "+" apart. */
  bullet?: string
  rest: string
}

const BULLETS: Record<string, string> = {
  '-': '-', '–': '-', '—': '-', '−': '-', '+': '+', '•': '•', '●': '•', '▪': '•', '■': '•', '◦': '•',
  '∙': '•', '·': '•', '*': '*', '\uF0B7': '•', '\uF0A7': '•', '\uF02D': '-', 'o': '•', '➢': '•', '✓': '•',
}

// "I.", "II)", "II -" and, in older Party texts, "I-" glued to its heading ("I- MỤC ĐÍCH").
const ROMAN = /^(X{0,3}(?:IX|IV|V?I{0,3}))\s*([.)]|-(?=\s*\p{Lu})|\s[-–—])\s*(?=\S)/u

const RULES: ReadonlyArray<{ kind: MarkerKind; rank: number; re: RegExp; label: (m: RegExpExecArray) => string }> = [
  { kind: 'part', rank: 0, re: /^(PHẦN|Phần)\s+(THỨ\s+\p{Lu}+|thứ\s+\p{Ll}+|[IVX]+|\d{1,2})\b\s*[.:]?\s*/u, label: (m) => `${m[1]} ${m[2]}` },
  { kind: 'chapter', rank: 1, re: /^(CHƯƠNG|Chương)\s+([IVX]+|\d{1,2})\b\s*[.:]?\s*/u, label: (m) => `${m[1]} ${m[2]}` },
  { kind: 'section', rank: 3, re: /^(MỤC|Mục)\s+([IVX]+|\d{1,2})\b\s*[.:]?\s*/u, label: (m) => `${m[1]} ${m[2]}` },
  { kind: 'article', rank: 5, re: /^(Điều|ĐIỀU)\s+(\d{1,3})\s*[.:]?\s*/u, label: (m) => `${m[1]} ${m[2]}.` },
    // "1.1.", "1.1" and "1.1-" ("1.1- Về tuổi đời").
  { kind: 'dotted', rank: 6.5, re: /^(\d{1,2}(?:\.\d{1,2})+)(\.|-(?=\s))?\s*(?=\p{L}|["“(])/u, label: (m) => `${m[1]}${m[2] ?? ''}` },
  // "1.", "1)", "1/" and "1-" (never "1-2" or "2024-2025").
  { kind: 'arabic', rank: 6, re: /^(\d{1,2})\s*([.)/]|-(?=\s*[\p{L}"“(]))\s*(?=\S)/u, label: (m) => `${m[1]}${m[2]}` },
  // "(1)", "(2)": a Party report numbers the points under "1." in brackets ("(1) Đẩy mạnh tuyên truyền …").
  { kind: 'parenNumber', rank: 6.8, re: /^\((\d{1,2})\)\s*(?=[\p{L}"“])/u, label: (m) => `(${m[1]})` },
  // "a)", "a/", "a-" and "a." followed by a space.
  { kind: 'letter', rank: 7, re: /^([a-zđ])\s*([)/]|-(?=\s))\s*(?=\S)|^([a-zđ])(\.)\s+(?=\S)/u, label: (m) => `${m[1] ?? m[3]}${m[2] ?? m[4]}` },
  // "A. MỤC ĐÍCH", "B- BỔ NHIỆM …": a capital letter groups what follows it, chapters included
  // ("A- PHÂN CẤP QUẢN LÝ CÁN BỘ" over "Chương I"), so it ranks between parts and chapters.
  { kind: 'upperLetter', rank: 0.5, re: /^([A-HJ-UWYZ])([.)]|-(?=\s))\s+(?=\p{Lu})/u, label: (m) => `${m[1]}${m[2]}` },
]

export function detectMarker(paragraph: string): Marker | null {
  const text = paragraph.trimStart()
  const roman = ROMAN.exec(text)
  if (roman && roman[1]) {
    const sep = roman[2].trim()
    return { kind: 'roman', label: `${roman[1]}${sep === ')' ? sep : '.'}`, rank: 4, rest: text.slice(roman[0].length) }
  }
  for (const rule of RULES) {
    const m = rule.re.exec(text)
    if (!m) continue
    const rest = text.slice(m[0].length)
    // "2024 là năm…" and "1.5 triệu" are not items; an item needs a letter or quote after its number.
    if (rule.kind === 'arabic' && /^\d/.test(rest)) continue
    return { kind: rule.kind, label: rule.label(m), rank: rule.rank + (rule.kind === 'dotted' ? m[1].split('.').length / 100 : 0), rest }
  }
  const bullet = /^([-–—−+•●▪■◦∙·*\uF0B7\uF0A7\uF02D➢✓])\s*(?=\S)/u.exec(text) ?? /^(o)\s+(?=\p{Lu})/u.exec(text)
  if (bullet) {
    const rest = text.slice(bullet[0].length)
    // "-5%" or "*" decorations are not bullets.
    if (/^\d/.test(rest) && bullet[1] !== '+' && bullet[1] !== '•') return null
    const ch = BULLETS[bullet[1]] ?? bullet[1]
    return { kind: 'bullet', label: ch, rank: 10, bullet: ch, rest }
  }
  return null
}

export function startsWithMarker(line: string): boolean {
  return detectMarker(line) !== null
}
