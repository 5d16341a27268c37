// Turns text from any source (paste, .docx, PDF) into clean lines the other steps can trust.
// Nothing here rewrites words: glued words from HTML conversion stay glued so that a person can
// see and fix them (rules §2.5).

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g
const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g
const LINE_BREAKS = /\r\n?|[\u2028\u2029\f\v\u0085]/g

// A page number on its own line: "2", "- 2 -", "Trang 2", "Trang 2/5", "2/5".
const PAGE_NUMBER = /^(?:[-–—]\s*\d{1,3}\s*[-–—]|\d{1,3}(?:\s*\/\s*\d{1,3})?|trang\s+\d{1,3}(?:\s*\/\s*\d{1,3})?)$/i

export function normalizeLines(raw: string): string[] {
  const text = withoutMarkdown(raw.normalize('NFC').replace(LINE_BREAKS, '\n'))
    .replace(INVISIBLE, '')
    .replace(ODD_SPACES, ' ')
    // PDF and HTML conversions run the end mark and the distribution heading together.
    .replace(/(\S)[ \t]*(Nơi\s+nhận\s*:)/g, '$1\n$2')
    .replace(/(\S)[ \t]+(Kính\s+gửi\s*:)/g, '$1\n$2')

  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, '').replace(/^[ \t]+/, ''))
    .map((line) => (PAGE_NUMBER.test(line) ? '' : line))
}

// A web page saved as Markdown marks its bold text "**…**" (often across a line break:
// "**ĐẢNG CỘNG" + "SẢN VIỆT NAM**"); that is the sign the copy went through a converter.
const MARKDOWN_BOLD = /\*\*[^\s*]|[^\s*]\*\*/u
const MARKDOWN_HEADING = /^#{1,6}(?:[ \t]+|$)/u

/**
 * Takes a Markdown copy's formatting off the letter's words: bold "**", underline "__" on a word
 * ("__Nơi nhận__:"), italics "*" ("*Hà Nội, ngày" + "26 tháng 11 năm 2025*") and "#" headings.
 * Kept: a line of stars alone (the Party header's "*", bold "*****" becomes "*"), a "* " bullet
 * opening a line, "(*)" and a run of "_" (a rule or a blank to fill). Text with no bold marks is
 * not touched: a lone "*" or "* Khoản 11" in a plain copy is the letter's own.
 */
export function withoutMarkdown(text: string): string {
  if (!MARKDOWN_BOLD.test(text)) return text
  return text
    .split('\n')
    .map((line) => {
      const plain = line.replace(/\*\*/g, '').replace(/(?<=\p{L})__(?!_)|(?<!_)__(?=\p{L})/gu, '').replace(MARKDOWN_HEADING, '')
      if (/^\s*\*+\s*$/.test(plain)) return plain
      const bullet = /^\s*\*\s+/.exec(plain)?.[0] ?? ''
      return bullet + plain.slice(bullet.length).replace(/(?<!\()\*(?!\))/g, '')
    })
    .join('\n')
}

/** Collapses runs of spaces and tabs; used once a line's column layout no longer matters. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

export function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === ''
}

export function startsLowercase(text: string): boolean {
  return /^\p{Ll}/u.test(text.trimStart())
}

/** Every letter is a capital (and there are at least two): how Vietnamese headers name bodies. */
export function isAllCaps(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? []
  return letters.length >= 2 && !/\p{Ll}/u.test(text)
}

export function endsSentence(text: string): boolean {
  return /[.;:!?…]["”’)]*$/.test(text.trimEnd())
}

/**
 * Joins a wrapped line onto the text before it. A word hyphenated at the line end ("kỷ lu-" +
 * "ật") is rejoined without the hyphen; a hyphen before a capital or digit ("COVID-" + "19") is
 * part of the word and stays.
 */
export function joinWrapped(before: string, after: string): string {
  const head = before.trimEnd()
  const tail = after.trimStart()
  if (/\p{L}-$/u.test(head) && /^\p{Ll}/u.test(tail)) return head.slice(0, -1) + tail
  if (/\p{L}-$/u.test(head) && /^[\p{Lu}\p{N}]/u.test(tail)) return head + tail
  return head + ' ' + tail
}

/** Drops the list punctuation that ends an entry ("Như trên,", "Lưu: VP BCSD.") but keeps "(…)". */
export function trimEntryPunctuation(text: string): string {
  return squash(text).replace(/(?:\s*[,;.:]+)+$/, '').replace(/^[,;.:\s]+/, '')
}
