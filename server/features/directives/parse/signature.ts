import { isAllCaps, squash } from './normalize.ts'

// The signature block (authority, title, name) sits beside or below "Nơi nhận". PDF extraction
// interleaves it with the distribution lines, so it has to be recognised and cut out.

// Authority prefixes: Party "T/M, K/T, T/L", state "TM., KT., TL., TUQ., Q.".
const AUTHORITY = String.raw`(?:T\/M|K\/T|T\/L|TM\.|KT\.|TL\.|TUQ\.|Q\.)`
const SIGN_LINE = new RegExp(String.raw`^${AUTHORITY}\s*\p{Lu}`, 'u')
// "TM." alone, the body it acts for on the next line (a table copy breaks them apart).
const BARE_AUTHORITY = new RegExp(String.raw`^${AUTHORITY}$`, 'u')

const TITLES = [
  'TỔNG BÍ THƯ', 'PHÓ BÍ THƯ THƯỜNG TRỰC', 'PHÓ BÍ THƯ', 'BÍ THƯ', 'BỘ TRƯỞNG', 'THỨ TRƯỞNG', 'PHÓ TRƯỞNG BAN THƯỜNG TRỰC',
  'PHÓ TRƯỞNG BAN', 'TRƯỞNG BAN', 'PHÓ CHÁNH VĂN PHÒNG', 'CHÁNH VĂN PHÒNG', 'PHÓ GIÁM ĐỐC', 'GIÁM ĐỐC',
  'PHÓ CHỦ TỊCH', 'CHỦ TỊCH', 'PHÓ CỤC TRƯỞNG', 'CỤC TRƯỞNG', 'PHÓ VỤ TRƯỞNG', 'VỤ TRƯỞNG', 'PHÓ TỔNG CỤC TRƯỞNG',
  'TỔNG CỤC TRƯỞNG', 'PHÓ THỦ TƯỚNG', 'THỦ TƯỚNG', 'PHÓ CHÁNH THANH TRA', 'CHÁNH THANH TRA', 'PHÓ TRƯỞNG PHÒNG',
  'TRƯỞNG PHÒNG', 'PHÓ HIỆU TRƯỞNG', 'HIỆU TRƯỞNG', 'PHÓ VIỆN TRƯỞNG', 'VIỆN TRƯỞNG', 'THỦ TRƯỞNG', 'ỦY VIÊN', 'UỶ VIÊN',
  'CHỦ NHIỆM', 'PHÓ CHỦ NHIỆM', 'TỔNG GIÁM ĐỐC', 'PHÓ TỔNG GIÁM ĐỐC',
]
const TITLE = `(?:${TITLES.join('|')})`
const TITLE_LINE = new RegExp(String.raw`^${TITLE}(?:\s+[\p{Lu}\p{N} ,-]*)?$`, 'u')
const SIGNED_NOTE = /^\(\s*(?:Đã ký|đã ký|Ký tên|ký tên|Ký,|ký,|Ký và|ký và|Chữ ký|chữ ký)/u
// A signer's name: two to six capitalised words and nothing else ("Đào Hồng Lan").
const NAME_LINE = /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,5}$/u

export interface Signature {
  authority: string | null
  title: string | null
  name: string | null
}

const AUTHORITY_TAIL = new RegExp(String.raw`(?:^|\s)(${AUTHORITY}\s*\p{Lu}.*)$`, 'u')
const TITLE_TAIL = new RegExp(String.raw`(?:^|\s)(${TITLE}(?:\s+[\p{Lu}\p{N} ,-]*)?)$`, 'u')
const NAME_TAIL = /\.\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,5})$/u
const NOI_NHAN_PREFIX = /^Nơi\s+nhận\s*:?\s*/iu

/**
 * Reads the signature block from `lines` (the letter's closing: from the signature or "Nơi nhận",
 * whichever comes first, to the end): the authority lines ("T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH";
 * several are joined with ", "), the signer's title ("PHÓ BÍ THƯ") and name ("Nguyễn Văn A").
 * Columns flattened onto one line (distribution left, signature right) are read apart, and a
 * fragment glued to the end of a distribution entry ("- Lưu VP. PHÓ BÍ THƯ") is found too.
 * Null when the letter shows neither an authority nor a title.
 */
export function readSignature(lines: string[]): Signature | null {
  const pieces = lines
    .flatMap((line) => line.split(/\t+| {3,}/))
    .map((piece) => squash(piece).replace(NOI_NHAN_PREFIX, ''))
    .filter(Boolean)
  const authorities: string[] = []
  let title: string | null = null
  let name: string | null = null
  let afterAuthority = false
  for (const [at, piece] of pieces.entries()) {
    if (SIGNED_NOTE.test(piece) || (at > 0 && BARE_AUTHORITY.test(pieces[at - 1]))) continue
    const authority = BARE_AUTHORITY.test(piece) && pieces[at + 1] ? `${piece} ${pieces[at + 1]}` : SIGN_LINE.test(piece) ? piece : AUTHORITY_TAIL.exec(piece)?.[1]
    if (authority && title === null) {
      authorities.push(authority)
      afterAuthority = true
      continue
    }
    // "K/T CHÁNH" + "VĂN PHÒNG": a copy breaks the authority's body name over lines; capitals
    // that are no title ("PHÓ CHÁNH VĂN PHÒNG …") and no new authority go on with it.
    if (afterAuthority && title === null && isAuthorityWrap(piece)) {
      authorities[authorities.length - 1] += ` ${piece}`
      continue
    }
    afterAuthority = false
    const titled = TITLE_LINE.test(piece) ? piece : TITLE_TAIL.exec(piece)?.[1]
    if (titled && title === null) {
      title = titled
      continue
    }
    if (authorities.length === 0 && title === null) continue
    const named = isNameLine(piece) ? piece : NAME_TAIL.exec(piece)?.[1]
    if (named) {
      name = named
      break
    }
  }
  if (authorities.length === 0 && title === null) return null
  return { authority: authorities.length ? authorities.join(', ') : null, title, name }
}

function isAuthorityWrap(piece: string): boolean {
  return isAllCaps(piece) && !/\p{N}/u.test(piece) && !TITLE_LINE.test(piece) && !SIGN_LINE.test(piece) && !BARE_AUTHORITY.test(piece)
}

export function isSignatureLine(line: string): boolean {
  const text = line.trim()
  return SIGN_LINE.test(text) || BARE_AUTHORITY.test(text) || TITLE_LINE.test(text) || SIGNED_NOTE.test(text)
}

export function isNameLine(line: string): boolean {
  const text = line.trim()
  return NAME_LINE.test(text) && /\p{Ll}/u.test(text)
}

/** Removes a signature fragment that a flattened PDF put at the end of a distribution line. */
export function stripSignatureTail(line: string): string {
  let text = line
  text = text.replace(new RegExp(String.raw`(?:^|\s)${AUTHORITY}\s*\p{Lu}.*$`, 'u'), '')
  text = text.replace(new RegExp(String.raw`(?:^|\s)${TITLE}(?:\s+[\p{Lu}\p{N} ,-]*)?$`, 'u'), '')
  text = text.replace(/\s*\((?:Đã ký|đã ký|Ký tên[^)]*|ký tên[^)]*)\)\s*$/u, '')
  text = text.replace(/\.\s+\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,5}$/u, '.')
  return text.trimEnd()
}
