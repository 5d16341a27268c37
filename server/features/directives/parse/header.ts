import { endsSentence, isAllCaps, isBlank, joinWrapped, squash, startsLowercase, trimEntryPunctuation } from './normalize.ts'
import { findPlaceDate } from './dates.ts'
import { findNumberLine, TITLE_TYPES } from './number.ts'
import { startsWithMarker } from './markers.ts'
import { warning } from './warnings.ts'

// The header: bodies, number, place and date, subject or title, addressees. It may arrive in
// reading order (pasted text), cell by cell (Word tables, web copies: the left column then the
// right) or with both columns flattened onto one line (PDF), so each line is cut into pieces and
// every piece is recognised by what it is, not by where it is.

export interface HeaderParts {
  parentBody: string | null
  issuer: string | null
  number: string | null
  place: string | null
  date: string | null
  subject: string | null
  /** Abbreviation of a type name printed as a title (KẾ HOẠCH → KH). */
  titleType: string | null
  addressees: string[]
  /** Index of the first line of the body. */
  bodyStart: number
  warnings: string[]
  /** A công văn subject ("V/v …") was found: such a letter should also name its addressees. */
  hasSubjectLine: boolean
  hasAddresseeLine: boolean
}

const QUOC_HIEU = /CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM/giu
const MOTTO = /Độc\s+lập\s*[-–—]+\s*Tự\s+do\s*[-–—]+\s*Hạnh\s+phúc/giu
// Upper case only: the body of a letter says "Đảng Cộng sản Việt Nam" in mixed case and keeps it.
const PARTY_HEADER = /ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM/gu
const DECORATION = /^(?:[-_=–—~.·•]{3,}|\*+|[-_=–—~*]*[oO0][oO0][oO0][-_=–—~*]*|\(\*\))$/u
const MARKS = /^(?:MẬT|TỐI MẬT|TUYỆT MẬT|KHẨN|THƯỢNG KHẨN|HỎA TỐC|HOẢ TỐC|HỎA TỐC HẸN GIỜ|DỰ THẢO|BẢN SAO|SAO Y BẢN CHÍNH)$/u
const SUBJECT_PREFIX = /^(?:V\/v|v\/v|V\/V|V\.v\.?|Vv\.?|Về\s+việc|về\s+việc)\s*[:.]?\s*/u
const KINH_GUI = /^Kính\s+gửi\s*:?\s*/iu
// A body name that is unfinished at the end of its line: "BAN CÁN SỰ ĐẢNG" + "BỘ Y TẾ".
const NAME_WANTS_MORE = /(?:CÁN\s+SỰ\s+ĐẢNG|ĐẢNG\s+ĐOÀN|ĐẢNG\s+[UỦ]Y|NHÂN\s+DÂN|UBND|THƯỜNG\s+VỤ|\sVÀ|[-,&])$/u
const NAME_CONTINUES = /^(?:VÀ|&|-)\s/u
// How the name of a body begins. A header line that begins otherwise ("KHÁM, CHỮA BỆNH") is the
// wrapped end of the name above it.
const BODY_NOUNS = [
  'BAN', 'BỘ', 'SỞ', 'ỦY BAN', 'UỶ BAN', 'UBND', 'UBKT', 'ĐẢNG BỘ', 'ĐẢNG ỦY', 'ĐẢNG UỶ', 'ĐẢNG ĐOÀN', 'ĐẢNG ĐOÀN', 'HUYỆN ỦY',
  'HUYỆN UỶ', 'TỈNH ỦY', 'TỈNH UỶ', 'THÀNH ỦY', 'THÀNH UỶ', 'QUẬN ỦY', 'QUẬN UỶ', 'THỊ ỦY', 'THỊ UỶ', 'CHI BỘ', 'VĂN PHÒNG', 'CỤC',
  'VỤ', 'TỔNG CỤC', 'CHI CỤC', 'BỆNH VIỆN', 'VIỆN', 'TRƯỜNG', 'TRUNG TÂM', 'CÔNG TY', 'TỔNG CÔNG TY', 'HỌC VIỆN', 'THANH TRA',
  'CHÍNH PHỦ', 'QUỐC HỘI', 'CÔNG ĐOÀN', 'ĐOÀN', 'HỘI', 'KHỐI', 'TÒA', 'TOÀ', 'ĐẠI HỌC', 'ĐẠI HỘI', 'PHÒNG', 'KHOA', 'BCH', 'BCS',
  'BTV', 'THƯỜNG TRỰC', 'THƯỜNG VỤ', 'LIÊN ĐOÀN', 'TỔNG LIÊN ĐOÀN', 'MẶT TRẬN', 'QUÂN ỦY', 'CẤP ỦY', 'HĐND', 'HỘI ĐỒNG', 'TIỂU BAN',
  'THỦ TƯỚNG', 'CHỦ TỊCH', 'NHÀ', 'TẬP ĐOÀN', 'VIỆN KIỂM SÁT', 'KIỂM TOÁN', 'NGÂN HÀNG', 'ĐÀI', 'BÁO', 'TẠP CHÍ', 'NHÀ XUẤT BẢN',
]
const BODY_START = new RegExp(`^(?:${BODY_NOUNS.join('|')})(?![\\p{L}])`, 'u')

interface LineScan {
  /** What is left of the line's columns once the number, date and national headers are taken out. */
  pieces: string[]
  /** Nothing but rules, stars and "oOo": a visual break that ends a subject block. */
  decorationOnly: boolean
}

export function parseHeader(lines: string[], limit: number): HeaderParts {
  const out: HeaderParts = {
    parentBody: null, issuer: null, number: null, place: null, date: null, subject: null, titleType: null,
    addressees: [], bodyStart: limit, warnings: [], hasSubjectLine: false, hasAddresseeLine: false,
  }
  const names: string[] = []
  const subjectLines: string[] = []
  const addresseeLines: string[] = []
  let addresseeList = false
  let mode: 'top' | 'subject' | 'addressees' = 'top'
  let subjectSeen = false
  let gap = false
  let numberBlank = false
  let dateInvalid = false
  const anchor = firstAnchor(lines, limit)

  const scan = (raw: string): LineScan => {
    // Number and date first, on the whole line: a blank draft date ("ngày     tháng     năm")
    // has the same wide gaps that separate columns. What they leave is then cut into columns.
    let text = raw.replace(QUOC_HIEU, '\t').replace(MOTTO, '\t').replace(PARTY_HEADER, '\t')
    const number = findNumberLine(text)
    if (number) {
      if (out.number === null) {
        out.number = number.number
        numberBlank = number.blank
      }
      text = text.slice(0, number.start) + '\t' + text.slice(number.end)
    }
    const pd = out.date === null && !dateInvalid ? findPlaceDate(text) : null
    // A date inside a subject ("V/v thực hiện Quyết định … ngày 15/3/2024") has no place before it.
    if (pd && (pd.place !== null || squash(text.slice(0, pd.start)) === '')) {
      out.place = pd.place
      out.date = pd.date
      dateInvalid = pd.invalid
      text = text.slice(0, pd.start) + '\t' + text.slice(pd.end)
    }
    const pieces: string[] = []
    for (const cell of text.split(/\t+| {3,}/)) {
      const rest = squash(cell).split(' ').filter((w) => w && !DECORATION.test(w)).join(' ')
      if (rest) pieces.push(rest)
    }
    const decorationOnly = squash(raw).split(' ').every((w) => DECORATION.test(w))
    return { pieces, decorationOnly }
  }

  const subjectContinues = (piece: string): boolean => {
    if (startsWithMarker(piece) || KINH_GUI.test(piece)) return false
    if (startsLowercase(piece)) return true
    if (gap) return false
    if (subjectLines.length === 0) return true
    const last = subjectLines[subjectLines.length - 1]
    if (isAllCaps(last) && isAllCaps(piece)) return true
    if (endsSentence(last) || isAllCaps(last) !== isAllCaps(piece)) return false
    // A "V/v" subject sits in the narrow left column; a title's subject spans the page. A longer
    // line is the body's first line, wrapped at full width.
    return piece.length <= (out.titleType ? 80 : 65) && !endsSentence(piece)
  }

  const place = (piece: string, index: number): boolean => {
    const subject = SUBJECT_PREFIX.exec(piece)
    if (subject && !subjectSeen) {
      subjectSeen = true
      out.hasSubjectLine = true
      mode = 'subject'
      gap = false
      const rest = piece.slice(subject[0].length)
      if (rest) subjectLines.push(rest)
      return true
    }
    const title = !subjectSeen ? titleOf(piece) : null
    if (title) {
      subjectSeen = true
      out.titleType = title.type
      mode = 'subject'
      gap = false
      if (title.rest) subjectLines.push(title.rest)
      return true
    }
    if (mode === 'subject') {
      if (subjectContinues(piece)) {
        subjectLines.push(piece)
        gap = false
        return true
      }
      mode = 'top'
    }
    if (MARKS.test(piece)) return true
    if (!subjectSeen && isAllCaps(piece)) {
      names.push(piece)
      return true
    }
    // A header typed in mixed case ("Ban cán sự đảng Bộ Y tế") is recognised by what follows it.
    const nearAnchor = anchor >= 0 && index < anchor && anchor - index <= 8
    if (!subjectSeen && nearAnchor && piece.length <= 80 && !endsSentence(piece) && /^\p{Lu}/u.test(piece)) {
      names.push(piece)
      return true
    }
    return false
  }

  let i = 0
  outer: for (; i < limit; i++) {
    const raw = lines[i]
    if (isBlank(raw)) {
      gap = true
      continue
    }
    if (mode === 'addressees') {
      const line = squash(raw)
      const bullet = /^[-–—+•*]\s*(.+)$/u.exec(line)
      const last = addresseeLines[addresseeLines.length - 1]
      if (bullet) {
        addresseeLines.push(bullet[1])
        addresseeList = true
      } else if (last === undefined) {
        addresseeLines.push(line)
      } else if (startsLowercase(line)) {
        addresseeLines[addresseeLines.length - 1] = joinWrapped(last, line)
      } else if (!gap && !/[;.,:]$/.test(last) && !startsWithMarker(line) && line.length <= 60 && (addresseeList || !endsSentence(line))) {
        // The wrapped end of an addressee is short ("Trung ương;"); the body's first line is not.
        addresseeLines[addresseeLines.length - 1] = joinWrapped(last, line)
      } else {
        break
      }
      gap = false
      continue
    }
    const kinhGui = KINH_GUI.exec(raw.trim())
    if (kinhGui) {
      mode = 'addressees'
      out.hasAddresseeLine = true
      gap = false
      const rest = squash(raw.trim().slice(kinhGui[0].length))
      const bullet = /^[-–—+•*]\s*(.+)$/u.exec(rest)
      if (bullet) addresseeList = true
      if (rest) addresseeLines.push(bullet ? bullet[1] : rest)
      continue
    }
    const { pieces, decorationOnly } = scan(raw)
    if (pieces.length === 0) {
      if (decorationOnly) gap = true
      continue
    }
    for (const piece of pieces) {
      if (place(piece, i)) continue
      // An unknown line just before "Kính gửi" is noise in the header, not the start of the body.
      if (!out.hasAddresseeLine && kinhGuiSoon(lines, i, limit)) {
        out.warnings.push(warning('UNPLACED_LINE', piece))
        continue
      }
      break outer
    }
    gap = false
  }
  out.bodyStart = i

  const bodies = mergeNames(names)
  if (bodies.length === 1) out.issuer = bodies[0]
  if (bodies.length >= 2) {
    out.parentBody = bodies.slice(0, -1).join(' ')
    out.issuer = bodies[bodies.length - 1]
  }
  if (subjectLines.length) {
    const joined = subjectLines.reduce((acc, line) => joinWrapped(acc, line))
    const subject = squash(joined).replace(/^(?:về\s+việc|về)\s*:?\s+/iu, '').replace(/\s*[.;,]+$/, '')
    out.subject = subject || null
  }
  out.addressees = addresseeLines
    .flatMap((line) => line.split(/;\s*/))
    .map(trimEntryPunctuation)
    .filter(Boolean)

  if (out.number === null) out.warnings.push(warning('NO_NUMBER'))
  else if (numberBlank) out.warnings.push(warning('NUMBER_BLANK', out.number))
  if (dateInvalid) out.warnings.push(warning('DATE_INVALID'))
  else if (out.date === null) out.warnings.push(warning('NO_DATE'))
  if (out.issuer === null) out.warnings.push(warning('NO_ISSUER'))
  if (out.subject === null) out.warnings.push(warning('NO_SUBJECT'))
  if (out.hasSubjectLine && out.addressees.length === 0) out.warnings.push(warning('NO_ADDRESSEES'))
  return out
}

function titleOf(piece: string): { type: string; rest: string } | null {
  for (const [name, type] of TITLE_TYPES) {
    const re = new RegExp(`^${name.replace(/ /g, '\\s+')}(?![\\p{L}])\\s*:?\\s*`, 'u')
    const m = re.exec(piece)
    if (m) return { type, rest: piece.slice(m[0].length) }
  }
  return null
}

function mergeNames(names: string[]): string[] {
  const merged: string[] = []
  for (const raw of names) {
    const name = squash(raw)
    const prev = merged[merged.length - 1]
    const wrapped = NAME_WANTS_MORE.test(prev ?? '') || NAME_CONTINUES.test(name) || (isAllCaps(name) && !BODY_START.test(name))
    if (prev !== undefined && wrapped) merged[merged.length - 1] = `${prev} ${name}`
    else merged.push(name)
  }
  return merged
}

/** Index of the first line holding the number or the place and date; -1 if none near the top. */
function firstAnchor(lines: string[], limit: number): number {
  const end = Math.min(limit, 40)
  for (let i = 0; i < end; i++) {
    const text = lines[i].replace(QUOC_HIEU, ' ').replace(MOTTO, ' ')
    if (findNumberLine(text) || findPlaceDate(text)) return i
  }
  return -1
}

function kinhGuiSoon(lines: string[], from: number, limit: number): boolean {
  let seen = 0
  for (let j = from + 1; j < limit && seen < 4; j++) {
    if (isBlank(lines[j])) continue
    if (KINH_GUI.test(lines[j].trim())) return true
    seen++
  }
  return false
}
