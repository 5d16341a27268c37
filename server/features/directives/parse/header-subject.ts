import { endsSentence, isAllCaps, joinWrapped, squash, startsLowercase } from './normalize.ts'
import { TITLE_TYPES } from './number.ts'
import { startsWithMarker } from './markers.ts'
import { DONG_KINH_GUI, KINH_GUI } from './header-addressees.ts'

// The subject (trích yếu): a công văn's "V/v …" line in the left column, or the type's name set
// as a title ("KẾ HOẠCH") over a subject that spans the page. Either may wrap over several lines.

const SUBJECT_PREFIX = /^(?:V\/v|v\/v|V\/V|V\.v\.?|Vv\.?|Về\s+việc|về\s+việc)\s*[:.]?\s*/u

// A cited document's name that may open a line wrapping a subject ("về thực hiện / Nghị quyết số …").
const CITED_NAME = /^(?:Nghị\s+quyết|Chỉ\s+thị|Kết\s+luận|Quyết\s+định|Quy\s+định|Kế\s+hoạch|Hướng\s+dẫn|Thông\s+báo|Thông\s+tri|Luật|Nghị\s+định|Thông\s+tư|Chương\s+trình|Đề\s+án|Hiến\s+pháp|Điều\s+lệ|Quy\s+chế)(?![\p{L}])/u

/** `rest`: the subject's first words, on the opening line; `type`: the title's abbreviation (KẾ HOẠCH → KH). */
export type SubjectOpening = { kind: 'subjectLine'; rest: string } | { kind: 'title'; type: string; name: string; rest: string }

// A công văn's subject may open with "Về" alone instead of "V/v" ("Số: 2430-CV/VPTW" over "Về một
// số vấn đề …"); only under the number and right above "Kính gửi" is such a line the subject.
const VE_PREFIX = /^Về\s+(?=\p{Ll})/u

/**
 * The piece that opens the subject, with what follows the "V/v" or the title on its line.
 * `underNumber`: the piece sits between the number and "Kính gửi", where "Về …" is a subject too.
 */
export function subjectOpening(piece: string, underNumber = false): SubjectOpening | null {
  const prefix = SUBJECT_PREFIX.exec(piece) ?? (underNumber ? VE_PREFIX.exec(piece) : null)
  if (prefix) return { kind: 'subjectLine', rest: piece.slice(prefix[0].length) }
  const title = titleOf(piece) ?? ocrTitleOf(piece)
  return title && { kind: 'title', ...title }
}

function titleOf(piece: string): { type: string; name: string; rest: string } | null {
  for (const [name, type] of TITLE_TYPES) {
    const re = new RegExp(`^${name.replace(/ /g, '\\s+')}(?![\\p{L}])\\s*:?\\s*`, 'u')
    const m = re.exec(piece)
    if (m) return { type, name, rest: piece.slice(m[0].length) }
  }
  return null
}

// Letters without their marks and spaces: a scan read by OCR gives "K ÉT LUẬN" for "KẾT LUẬN".
const bare = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f\s]/gu, '').replace(/Đ/gu, 'D')

/**
 * A line in capitals that is a type's name alone, as OCR misreads it: the marks or a space
 * wrong ("K ÉT LUẬN"). Only a whole line is read so, never the start of a longer one.
 */
function ocrTitleOf(piece: string): { type: string; name: string; rest: string } | null {
  if (!isAllCaps(piece)) return null
  const letters = bare(piece)
  const found = TITLE_TYPES.find(([name]) => bare(name) === letters)
  return found ? { type: found[1], name: found[0], rest: '' } : null
}

/**
 * Whether a piece wraps the subject read so far (`subjectLines`) rather than starting the
 * addressees or the body. `afterGap`: a blank line or a decoration came between them.
 * `beforeKinhGui`: "Kính gửi" follows within a few lines, so the piece is still in the header.
 */
export function subjectContinues(piece: string, subjectLines: string[], afterGap: boolean, isTitle: boolean, beforeKinhGui = false): boolean {
  if (startsWithMarker(piece) || KINH_GUI.test(piece) || DONG_KINH_GUI.test(piece)) return false
  // A title's subject in capitals closed by its "về …" phrase ("HỘI NGHỊ LẦN THỨ BẢY …", "về xây
  // dựng …, định hướng đến năm 2030") ends there: a line in sentence case after it opens the body
  // ("Hội nghị lần thứ bảy … họp"), unless it names a cited document the phrase runs on to.
  if (isTitle && subjectLines.some(isAllCaps) && subjectLines.some(startsLowercase) && /^\p{Lu}/u.test(piece) && !isAllCaps(piece) && !CITED_NAME.test(piece)) return false
  if (startsLowercase(piece)) return true
  // Web copies put a blank line between the title and its subject ("HƯỚNG DẪN", "", "VỀ CÔNG
  // TÁC…") and between parts of it ("NGHỊ QUYẾT HỘI NGHỊ…", "", "VỀ NÂNG CAO…").
  // A web copy also puts one between the wrapped lines of a "V/v" subject ("V/v tuyên truyền kỷ niệm
  // 87 năm", "", "Ngày thành lập Đảng …", "", "(3/2/1930 - 3/2/2017)") over "Kính gửi".
  if (afterGap) {
    if (isTitle) return isAllCaps(piece) && (subjectLines.length === 0 || /^VỀ\s/u.test(piece))
    const last = subjectLines[subjectLines.length - 1]
    return beforeKinhGui && last !== undefined && !endsSentence(last) && !endsSentence(piece) && piece.length <= 65
  }
  if (subjectLines.length === 0) return true
  const last = subjectLines[subjectLines.length - 1]
  if (isAllCaps(last) && isAllCaps(piece)) return true
  if (endsSentence(last) || isAllCaps(last) !== isAllCaps(piece)) return false
  // A "V/v" subject sits in the narrow left column; a title's subject spans the page. A longer
  // line is the body's first line, wrapped at full width.
  return piece.length <= (isTitle ? 80 : 65) && !endsSentence(piece)
}

export function subjectOf(subjectLines: string[]): string | null {
  if (subjectLines.length === 0) return null
  const joined = subjectLines.reduce((acc, line) => joinWrapped(acc, line))
  const subject = squash(joined).replace(/^(?:về\s+việc|về)\s*:?\s+/iu, '').replace(/\s*[.;,]+$/, '')
  return subject || null
}
