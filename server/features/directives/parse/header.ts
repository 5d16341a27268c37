import { isAllCaps, isBlank, squash } from './normalize.ts'
import { findPlaceDate } from './dates.ts'
import { findNumberLine, normalizeNumber } from './number.ts'
import { warning } from './warnings.ts'
import { isBodyName, issuingBodies, startsWithBodyNoun } from './header-issuer.ts'
import { subjectContinues, subjectOf, subjectOpening, type SubjectOpening } from './header-subject.ts'
import { addresseesOf, coAddresseesOf, kinhGuiSoon, openAddressees, takeAddresseeLine, type AddresseeLines } from './header-addressees.ts'

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
  /** The addressees under "Đồng kính gửi" (also in `addressees`). */
  coAddressees: string[]
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
// A lone "-" or "|" on its own: a short rule or a cell border that a web copy of the header table
// leaves. Only alone: the "-" in "BỘ LAO ĐỘNG - THƯƠNG BINH" is part of the name.
const LONE_MARK = /^[-–—|]$/u
const MARKS = /^(?:MẬT|TỐI MẬT|TUYỆT MẬT|KHẨN|THƯỢNG KHẨN|HỎA TỐC|HOẢ TỐC|HỎA TỐC HẸN GIỜ|DỰ THẢO|BẢN SAO|SAO Y BẢN CHÍNH)$/u

/** What reading the header's lines has found so far. */
interface HeaderReading {
  /** The line of the number or the place and date: see isBodyName. */
  anchor: number
  number: string | null
  isNumberBlank: boolean
  place: string | null
  date: string | null
  isDateInvalid: boolean
  /** Body names, one per piece, before wrapped names are joined. */
  names: string[]
  subjectLines: string[]
  titleType: string | null
  /** The title as printed ("QUYẾT ĐỊNH"): a "QUY ĐỊNH …" under it is its subject, not a repeat. */
  titleName: string | null
  hasSubjectLine: boolean
  isSubjectSeen: boolean
  /** The piece before belonged to the subject, so this one may wrap it. */
  isInSubject: boolean
  /** Set from "Kính gửi" on; every later line is an addressee or the body's first. */
  addressees: AddresseeLines | null
  /** A blank line or a decoration since the last piece placed: a wrapped subject or addressee does not cross one. */
  afterGap: boolean
  /** Lines left unplaced inside the header. */
  warnings: string[]
}

interface LineScan {
  /** What is left of the line's columns once the number, date and national headers are taken out. */
  pieces: string[]
  /** Nothing but rules, stars and "oOo": a visual break that ends a subject block. */
  decorationOnly: boolean
}

export function parseHeader(original: string[], limit: number): HeaderParts {
  const top = propertiesEnd(original, limit)
  const lines = joinSplitHeaderLines(original.map((line, at) => (at < top ? '' : line)), top, limit)
  const anchor = firstAnchor(lines, top, limit)
  const r = startReading(anchor)
  let i = letterheadStart(lines, anchor)
  if (anchor < 0) i = Math.max(i, titleStart(lines, top, limit))
  for (; i < limit; i++) {
    const raw = lines[i]
    if (isBlank(raw)) {
      r.afterGap = true
      continue
    }
    if (r.addressees) {
      if (!takeAddresseeLine(r.addressees, raw, r.afterGap)) break
      r.afterGap = false
      continue
    }
    const addressees = openAddressees(raw)
    if (addressees) {
      r.addressees = addressees
      r.afterGap = false
      continue
    }
    const { pieces, decorationOnly } = scanLine(r, raw)
    if (pieces.length === 0) {
      if (decorationOnly) r.afterGap = true
      continue
    }
    if (!placePieces(r, pieces, lines, i, limit)) break
    r.afterGap = false
  }

  const parts: HeaderParts = {
    ...issuingBodies(r.names),
    number: r.number,
    place: r.place,
    date: r.date,
    subject: subjectOf(r.subjectLines),
    titleType: r.titleType,
    addressees: addresseesOf(r.addressees),
    coAddressees: coAddresseesOf(r.addressees),
    bodyStart: i,
    warnings: r.warnings,
    hasSubjectLine: r.hasSubjectLine,
    hasAddresseeLine: r.addressees !== null,
  }
  parts.warnings.push(...missingPartWarnings(parts, r))
  return parts
}

function startReading(anchor: number): HeaderReading {
  return {
    anchor, number: null, isNumberBlank: false, place: null, date: null, isDateInvalid: false,
    names: [], subjectLines: [], titleType: null, titleName: null, hasSubjectLine: false, isSubjectSeen: false, isInSubject: false,
    addressees: null, afterGap: false, warnings: [],
  }
}

/**
 * A web page or a table copy breaks the header's fixed phrases and the place and date over lines:
 * "CỘNG" + "HÒA XÃ HỘI…", "ĐẢNG CỘNG SẢN" + "VIỆT NAM", "Số:" + "80/NQ-CP", "Hà" + "Nội, ngày 25 tháng 07" + "năm 2016".
 * Such lines are joined onto the first one (the others left blank, so line numbers hold).
 */
function joinSplitHeaderLines(lines: string[], top: number, limit: number): string[] {
  const out = [...lines]
  const end = Math.min(limit, top + HEADER_REACH)
  // search() ignores the global flag's lastIndex, which test() would carry between calls.
  const whole = (text: string) => text.search(QUOC_HIEU) >= 0 || text.search(MOTTO) >= 0 || text.search(PARTY_HEADER) >= 0
  for (let i = top; i < end; i++) {
    if (isBlank(out[i])) continue
    for (let take = 1; take <= 2 && i + take < end; take++) {
      const parts = out.slice(i, i + take + 1)
      if (parts.some(isBlank)) break
      const joined = parts.map((l) => l.trim()).join(' ')
      // The phrase must straddle the break: "CHI BỘ KHOA NỘI TIẾT" over "ĐẢNG CỘNG SẢN VIỆT NAM" is two lines.
      const splitPhrase = !whole(out[i]) && whole(joined) && !parts.slice(1).some(whole)
      const splitNumber = take === 1 && /^(?:Số|SỐ)\s*[:.]?$/u.test(out[i].trim()) && findNumberLine(joined) !== null
      const splitDate = !findPlaceDate(out[i]) && /\p{L}/u.test(out[i]) && isWholePlaceDate(joined) && !isWholePlaceDate(parts.slice(0, -1).join(' '))
      if (splitPhrase || splitNumber || splitDate) {
        out[i] = joined
        for (let k = 1; k <= take; k++) out[i + k] = ''
        break
      }
    }
    joinScatteredCell(out, i, end)
  }
  return out
}

/**
 * A table copy of a draft gives each cell of the header its own line, blank lines between and the
 * other column's cells in between: "Số:" … "/TTr-VPCP", "Hà Nội, ngày" + "" + "tháng" + "" + "năm 2016".
 * A lone "Số:" takes the first later line that is a number by itself; a place and date cut after
 * "ngày" or "tháng" takes the next lines that complete it.
 */
function joinScatteredCell(out: string[], i: number, end: number): void {
  const line = out[i].trim()
  if (/^(?:Số|SỐ)\s*[:.]?$/u.test(line)) {
    for (let j = i + 1; j < end && j <= i + 8; j++) {
      const cell = out[j].trim()
      if (!cell) continue
      if (/\s/u.test(cell) || findNumberLine(`Số: ${cell}`) === null) continue
      out[i] = `${line} ${cell}`
      out[j] = ''
      return
    }
    return
  }
  if (!/\p{L}.*,?\s*(?:ngày|tháng)$/u.test(line) || findPlaceDate(line)) return
  const taken: number[] = []
  let joined = line
  for (let j = i + 1; j < end && taken.length < 2; j++) {
    if (isBlank(out[j])) continue
    joined = `${joined} ${out[j].trim()}`
    taken.push(j)
    const pd = findPlaceDate(joined)
    // A draft leaves the day and month blank ("ngày tháng năm 2016"): still a whole place and date.
    const whole = pd !== null && pd.place !== null && (pd.date !== null || pd.invalid) && squash(joined.slice(0, pd.start)) === '' && squash(joined.slice(pd.end)) === ''
    if (whole) {
      out[i] = joined
      for (const k of taken) out[k] = ''
      return
    }
  }
}

/** What stands before a header's place and date on its line: nothing, or another column in capitals. */
function isHeaderColumn(before: string): boolean {
  return before === '' || isAllCaps(before)
}

/** The text is a place and date and nothing else: "Hà Nội, ngày 25 tháng 07 năm 2016". */
function isWholePlaceDate(text: string): boolean {
  const pd = findPlaceDate(text)
  return pd !== null && pd.place !== null && pd.date !== null && squash(text.slice(0, pd.start)) === '' && squash(text.slice(pd.end)) === ''
}

/**
 * Where the letterhead starts. A copy from a web page brings the page's own lines first (the
 * site's name, "Đang tải văn bản…", the document's properties); the letterhead is the block of
 * capitals (body names, national or Party heading, rules) right above the number or the date, and
 * whatever comes before it is page furniture, not part of the letter.
 */
function letterheadStart(lines: string[], anchor: number): number {
  if (anchor < 0) return 0
  let start = anchor
  let sawBodyName = false
  for (let i = anchor - 1; i >= 0; i--) {
    const line = squash(lines[i])
    if (!line) continue
    const rest = squash(line.replace(QUOC_HIEU, ' ').replace(MOTTO, ' ').replace(PARTY_HEADER, ' ').replace(/\|/g, ' '))
    const isDecoration = LONE_MARK.test(rest) || rest.split(' ').every((w) => !w || DECORATION.test(w))
    if (isDecoration || isAllCaps(rest) || MARKS.test(rest)) {
      if (!isDecoration) sawBodyName = true
      start = i
      continue
    }
    // A mixed-case line above capitals is the page's, not the letter's; with no capitals at all
    // the header may be typed in mixed case ("Ban cán sự đảng Bộ Y tế"), so nothing is cut.
    return sawBodyName ? start : 0
  }
  return 0
}

/**
 * With no number and no date, a document may open with its title ("ĐỀ CƯƠNG TUYÊN TRUYỀN"); the
 * lines a web page sets above it, its heading and its posting date or time ("Thứ ba - 13/06/2023
 * 00:37"), are the page's. They are cut only when they carry such a stamp: a header typed in mixed
 * case ("Ban cán sự đảng Bộ Y tế") has none, and stays.
 */
function titleStart(lines: string[], top: number, limit: number): number {
  const end = Math.min(limit, top + HEADER_REACH)
  for (let i = top; i < end; i++) {
    if (subjectOpening(squash(lines[i]))?.kind !== 'title') continue
    const above = lines.slice(0, i)
    return above.some((line) => PAGE_STAMP.test(line)) ? i : 0
  }
  return 0
}

const PAGE_STAMP = /\b\d{1,2}\/\d{1,2}\/\d{4}\b|\b\d{1,2}:\d{2}\b/u

// How far below the top (or below a web page's properties table) the letterhead is looked for.
const HEADER_REACH = 40

// The labels of the properties table a legal-document site sets above the letter ("Số hiệu:" |
// "432-TB/VPTW", "Loại văn bản:" | "Thông báo", "Nơi ban hành:" …).
const PROPERTY_LABEL = /^(?:Số hiệu|Loại văn bản|Nơi ban hành|Người ký|Ngày ban hành|Ngày hiệu lực|Ngày công báo|Số công báo|Tình trạng|Lĩnh vực)\s*:/u

/**
 * The line after a web page's table of the document's properties, 0 if there is none. The table
 * restates the number, the issuing body and the date in its own words ("Văn phòng Ban Chấp hành
 * Trung ương", "26/11/2025") and may run past the first 40 lines; the letterhead is below it, so
 * the header is read from there. Three labels near the top make a table: a letter has none.
 */
function propertiesEnd(lines: string[], limit: number): number {
  let labels = 0
  let end = 0
  for (let i = 0; i < Math.min(limit, 120); i++) {
    const line = squash(lines[i]).replace(/^[|#\s]+/, '')
    if (!PROPERTY_LABEL.test(line)) continue
    labels++
    // "Tình trạng: Đã biết" holds its value; "Số hiệu:" alone has it on a later line.
    end = /:\s*[|\s]*$/u.test(line) ? valueEnd(lines, i + 1, limit) : i + 1
  }
  return labels >= 3 ? end : 0
}

/** The line after a property's value: the first line with words below its label (cell borders "|" skipped). */
function valueEnd(lines: string[], from: number, limit: number): number {
  for (let i = from; i < limit; i++) if (/[\p{L}\p{N}]/u.test(lines[i])) return i + 1
  return from
}

/** Index of the first line holding the number or the place and date; -1 if none near the top. */
function firstAnchor(lines: string[], top: number, limit: number): number {
  const end = Math.min(limit, top + HEADER_REACH)
  for (let i = top; i < end; i++) {
    const text = lines[i].replace(QUOC_HIEU, ' ').replace(MOTTO, ' ')
    // A date without a place before it is a date in running text (a web page's summary above
    // the letter: "Công văn 2928/SGDĐT-KHTC ngày 21/09/2022 …"), not the header's.
    const pd = findPlaceDate(text)
    // Nor is "Ngày 15/11/2017, Ban chấp hành …" opening a paragraph: the header's date has a place or stands alone.
    const standsAlone = pd !== null && (pd.place !== null || pd.invalid || squash(text.slice(pd.end)) === '')
    if (findNumberLine(text) || (pd && standsAlone && isHeaderColumn(squash(text.slice(0, pd.start))))) return i
  }
  return -1
}

function scanLine(r: HeaderReading, raw: string): LineScan {
  // Number and date first, on the whole line: a blank draft date ("ngày     tháng     năm")
  // has the same wide gaps that separate columns. What they leave is then cut into columns.
  const text = takePlaceDate(r, takeNumber(r, raw.replace(QUOC_HIEU, '\t').replace(MOTTO, '\t').replace(PARTY_HEADER, '\t')))
  const pieces: string[] = []
  for (const cell of text.split(/\t+| {3,}|\s*\|\s*/)) {
    const rest = squash(cell).split(' ').filter((w) => w && !DECORATION.test(w)).join(' ')
    if (rest && !LONE_MARK.test(rest)) pieces.push(rest)
  }
  const decorationOnly = LONE_MARK.test(squash(raw)) || squash(raw).split(' ').every((w) => DECORATION.test(w))
  return { pieces, decorationOnly }
}

/** Takes the number out of the line, keeping the first found; returns what is left. */
function takeNumber(r: HeaderReading, text: string): string {
  const number = findNumberLine(text)
  // Only the letter's own number is cut out; a later one ("QUY ĐỊNH SỐ 07-QĐI/TW" in a
  // subject) is part of the text it stands in.
  if (!number || (r.number !== null && number.number !== r.number)) return text
  if (r.number === null) {
    r.number = number.number
    r.isNumberBlank = number.blank
  }
  return text.slice(0, number.start) + '\t' + text.slice(number.end)
}

/** Takes the place and date out of the line until one is found; returns what is left. */
function takePlaceDate(r: HeaderReading, text: string): string {
  if (r.date !== null || r.isDateInvalid) return text
  const pd = findPlaceDate(text)
  // A date inside a subject ("V/v thực hiện Quyết định … ngày 15/3/2024") has no place before it.
  if (!pd || (pd.place === null && squash(text.slice(0, pd.start)) !== '')) return text
  r.place = pd.place
  r.date = pd.date
  r.isDateInvalid = pd.invalid
  return text.slice(0, pd.start) + '\t' + text.slice(pd.end)
}

/** Places each piece of a line; false when one opens the body, which ends the header. */
function placePieces(r: HeaderReading, pieces: string[], lines: string[], index: number, limit: number): boolean {
  for (const piece of pieces) {
    if (placePiece(r, piece, index, lines)) continue
    // An unknown line just before "Kính gửi" is noise in the header, not the start of the body.
    if (!kinhGuiSoon(lines, index, limit)) return false
    r.warnings.push(warning('UNPLACED_LINE', piece))
  }
  return true
}

function placePiece(r: HeaderReading, piece: string, index: number, lines: string[]): boolean {
  const opening = subjectOpening(piece, r.number !== null && !r.isSubjectSeen && kinhGuiSoon(lines, index, lines.length))
  if (opening && !r.isSubjectSeen) {
    openSubject(r, opening)
    return true
  }
  // A Party letter may carry both a "V/v" line under its number and its type as a title
  // ("HƯỚNG DẪN" alone): the title names the type, the subject stays the "V/v" one.
  if (opening?.kind === 'title' && r.titleType === null && opening.rest === '') {
    r.titleType = opening.type
    r.titleName = opening.name
    r.isInSubject = false
    return true
  }
  // "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" or "BAN CHẤP HÀNH TRUNG ƯƠNG" above "Căn cứ …" is the
  // authority that decides, the body's first line, not the end of a subject in capitals.
  if (r.isInSubject && isAuthorityLine(piece, lines, index)) return false
  // A web copy heads the letter "QUY ĐỊNH 102-QĐ/TW" and then gives the title again in full:
  // "QUY ĐỊNH XỬ LÝ KỶ LUẬT…"; the repeated type name is not part of the subject.
  if (r.isInSubject && r.subjectLines.length === 0 && opening?.kind === 'title' && opening.name === r.titleName && opening.rest) {
    r.subjectLines.push(opening.rest)
    r.afterGap = false
    return true
  }
  if (r.isInSubject) {
    if (subjectContinues(piece, r.subjectLines, r.afterGap, r.titleType !== null, kinhGuiSoon(lines, index, lines.length))) {
      r.subjectLines.push(piece)
      r.afterGap = false
      return true
    }
    r.isInSubject = false
  }
  if (MARKS.test(piece)) return true
  if (!r.isSubjectSeen && isBodyName(piece, index, r.anchor)) {
    r.names.push(piece)
    return true
  }
  return false
}

const GROUNDS = /^[-–+]?\s*(?:Căn cứ|Xét|Theo đề nghị|Thi hành)(?=\s|$)/u

function isAuthorityLine(piece: string, lines: string[], index: number): boolean {
  // "BAN HÀNH QUY ĐỊNH …" (issuing a regulation) is a subject, not the body "BAN …".
  if (!isAllCaps(piece) || !startsWithBodyNoun(piece) || /^BAN\s+HÀNH(?![\p{L}])/u.test(piece)) return false
  for (let j = index + 1; j < lines.length && j <= index + 3; j++) {
    const next = squash(lines[j])
    if (!next) continue
    // "Căn" + "cứ Luật …": a table copy may break even the grounds' first words.
    if (GROUNDS.test(next) || GROUNDS.test(squash(`${next} ${lines[j + 1] ?? ''}`))) return true
    if (!isAllCaps(next)) return false
  }
  return false
}

function openSubject(r: HeaderReading, opening: SubjectOpening): void {
  r.isSubjectSeen = true
  r.isInSubject = true
  r.afterGap = false
  if (opening.kind === 'subjectLine') r.hasSubjectLine = true
  else {
    r.titleType = opening.type
    r.titleName = opening.name
  }
  // "QUY ĐỊNH 102-QĐ/TW": a web page's heading repeats the number after the type; it is no subject.
  const isOwnNumber = r.number !== null && normalizeNumber(opening.rest) === r.number
  if (opening.rest && !isOwnNumber) r.subjectLines.push(opening.rest)
}

function missingPartWarnings(parts: HeaderParts, r: HeaderReading): string[] {
  const warnings: string[] = []
  if (parts.number === null) warnings.push(warning('NO_NUMBER'))
  else if (r.isNumberBlank) warnings.push(warning('NUMBER_BLANK', parts.number))
  if (r.isDateInvalid) warnings.push(warning('DATE_INVALID'))
  else if (parts.date === null) warnings.push(warning('NO_DATE'))
  if (parts.issuer === null) warnings.push(warning('NO_ISSUER'))
  if (parts.subject === null) warnings.push(warning('NO_SUBJECT'))
  // Only a công văn must name addressees; a "V/v" under the number of a HƯỚNG DẪN does not make it one.
  if (parts.hasSubjectLine && parts.titleType === null && parts.addressees.length === 0) warnings.push(warning('NO_ADDRESSEES'))
  return warnings
}
