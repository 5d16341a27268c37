import { endsSentence, isAllCaps, joinWrapped, squash, startsLowercase } from './normalize.ts'
import { detectMarker } from './markers.ts'

/**
 * Rebuilds paragraphs from lines. Pasted Word text has one paragraph per line; PDF text wraps
 * every line and a page break leaves a blank line (and maybe a page number) inside a sentence,
 * as in the seed's requirement 3. A line joins the one before when it starts in lower case
 * (even across a blank line), when the line before ends in a hyphenated word, or, with no blank
 * line between, when the line before stopped mid-sentence at a full line width.
 */
export function toParagraphs(lines: string[]): string[] {
  const paragraphs: string[] = []
  let current: string | null = null
  let lastLine = ''
  let afterBlank = false
  for (const raw of lines) {
    const line = squash(raw)
    if (!line) {
      if (current !== null) afterBlank = true
      continue
    }
    if (current !== null && continues(current, lastLine, line, afterBlank)) {
      current = joinWrapped(current, line)
    } else {
      if (current !== null) paragraphs.push(current)
      current = line
    }
    lastLine = line
    afterBlank = false
  }
  if (current !== null) paragraphs.push(current)
  // "./." alone, or "|" left by a web page's table borders, is no paragraph.
  return paragraphs.filter((p) => !/^[./|\s]+$/.test(p))
}

// A wrapped PDF line fills the text width; shorter lines that stop without punctuation are
// headings ("1. Về công tác tư tưởng") whose text follows as its own paragraph.
const FULL_LINE = 55

// Words that never end a heading or a sentence, so a line ending on one was wrapped.
// "Văn phòng" and "Trụ sở" capitalised name an office that its owner follows ("Văn phòng" +
// "Trung ương Đảng", "tại Trụ sở" + "Trung ương Đảng"), as "Ban" and "Bộ" do.
const ENDS_MID_PHRASE = /(?:^|\s)(?:của|và|các|với|về|theo|trong|tại|cho|là|có|được|những|số|ngày|tháng|năm|Ban|Bộ|Sở|Ủy|Uỷ|Văn phòng|Trụ sở)$/u

function isParenOpen(line: string): boolean {
  return (line.match(/\(/g) ?? []).length > (line.match(/\)/g) ?? []).length
}

function continues(paragraph: string, lastLine: string, line: string, afterBlank: boolean): boolean {
  // A hyphen glued to the last word never ends a paragraph: the word goes on ("lu-" "ật", "COVID-" "19").
  const hyphenated = /\p{L}-$/u.test(lastLine) && /^[\p{L}\p{N}]/u.test(line)
  if (hyphenated) return true
  // An opened "(" not yet closed: "1- Điều 1 (Khoản" + "2): Tuổi đời…" is one line broken by the copy.
  if (isParenOpen(lastLine)) return true
  if (detectMarker(line)) return false
  if (startsLowercase(line)) return true
  // A line cannot end on "của", "số", "Ban": the next line goes on with it ("của Ban" + "Chấp hành").
  if (!afterBlank && ENDS_MID_PHRASE.test(lastLine)) return true
  // Nor on a comma: a list inside a sentence goes on ('"con nuôi công an xã",' + '"con nuôi bộ đội …"').
  if (!afterBlank && /,["”’)]*$/u.test(lastLine) && !isAllCaps(line)) return true
  if (afterBlank) return false
  // "Chương I" / "1." alone on a line: its text is on the next line.
  const marker = detectMarker(paragraph)
  if (marker && marker.rest.trim() === '') return true
  if (endsSentence(lastLine)) return false
  if (isAllCaps(lastLine) !== isAllCaps(line)) return false
  return lastLine.length >= FULL_LINE || (isAllCaps(lastLine) && isAllCaps(line))
}
