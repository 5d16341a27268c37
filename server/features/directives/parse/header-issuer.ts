import { endsSentence, isAllCaps, squash } from './normalize.ts'

// The issuing body and the body above it ("BAN CHẤP HÀNH TRUNG ƯƠNG" over "BAN CÁN SỰ ĐẢNG BỘ
// Y TẾ"), printed in capitals at the top left, each name possibly wrapped over several lines.

// A body name that is unfinished at the end of its line: "BAN CÁN SỰ ĐẢNG" + "BỘ Y TẾ".
// A table copy may even break "ỦY" + "BAN NHÂN DÂN".
const NAME_WANTS_MORE = /(?:CÁN\s+SỰ\s+ĐẢNG|ĐẢNG\s+ĐOÀN|ĐẢNG\s+[UỦ]Y|NHÂN\s+DÂN|UBND|THƯỜNG\s+VỤ|\sVÀ|[-,&]|^(?:ỦY|UỶ))$/u
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

/**
 * Whether a piece of the header, before the subject, is (part of) a body's name. `anchor` is the
 * line of the number or the place and date (-1 if none), `index` the piece's line.
 */
export function isBodyName(piece: string, index: number, anchor: number): boolean {
  if (isAllCaps(piece)) return true
  // A header typed in mixed case ("Ban cán sự đảng Bộ Y tế") is recognised by what follows it.
  const nearAnchor = anchor >= 0 && index < anchor && anchor - index <= 8
  return nearAnchor && piece.length <= 80 && !endsSentence(piece) && /^\p{Lu}/u.test(piece)
}

/** The text begins like a body's name or its head's title ("ỦY BAN…", "CHỦ TỊCH…", "BỘ TRƯỞNG…"). */
export function startsWithBodyNoun(text: string): boolean {
  return BODY_START.test(text)
}

/** The last body named is the issuer; the ones above it, together, its parent. */
export function issuingBodies(names: string[]): { parentBody: string | null; issuer: string | null } {
  const bodies = mergeNames(names)
  if (bodies.length === 0) return { parentBody: null, issuer: null }
  return {
    parentBody: bodies.length >= 2 ? bodies.slice(0, -1).join(' ') : null,
    issuer: bodies[bodies.length - 1],
  }
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
