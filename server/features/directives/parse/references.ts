import type { DirectiveReference } from '../../../../contract/directive-parse.ts'
import { DATE_SOURCE, leadingDate, type FoundDate } from './dates.ts'
import { normalizeNumber, TIGHT_NUMBER } from './number.ts'

// Other documents a letter cites: "quy định 58-QĐ/TW ngày 08/02/2022 của Bộ Chính trị",
// "Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ", "Chỉ thị 35-CT/TW của Bộ Chính trị, ngày …".

const CITED = new RegExp(String.raw`(?<![\p{L}\p{N}/:.-])(${TIGHT_NUMBER})`, 'gu')

// Words that end an issuer's name: what follows "của Bộ Chính trị" is no longer its name.
const ISSUER_STOP = new Set([
  'về', 'quy', 'hướng', 'ban', 'triển', 'thực', 'theo', 'tại', 'đối', 'nhằm', 'để', 'trong', 'và', 'với', 'đã', 'thì',
  'là', 'có', 'của', 'ngày', 'số', 'nay', 'đến', 'cho', 'khi', 'sau', 'trước', 'đề', 'yêu', 'như', 'nên', 'mà', 'được',
  'sẽ', 'cần', 'phải', 'nhưng', 'hoặc', 'gồm', 'kèm', 'tiếp', 'đồng', 'thi',
  // A capital after the name starts the cited title: "của Chính phủ Quy định cơ chế…".
  'Quy', 'Hướng', 'Về', 'Triển', 'Thực',
])
// Stop words that are part of a name right after these: "Ủy ban", "Hội đồng".
const NAME_PAIRS: Record<string, string> = { ban: 'Ủy|Uỷ|ủy|uỷ', đồng: 'Hội' }
// Lower-case words that do belong inside a body's name ("Ban cán sự đảng Bộ Y tế").
const ISSUER_WORD = /^[\p{L}\p{N}.&-]+$/u

export function findReferences(texts: string[], ownNumber: string | null): DirectiveReference[] {
  // One document cited in a title in capitals ("07-QĐI/TW … CỦA BỘ CHÍNH TRỊ") and in the body
  // ("07-QĐi/TW … của Bộ Chính trị") is listed once, with the body's spelling.
  const found = new Map<string, DirectiveReference>()
  for (const raw of texts) {
    // A web copy glues "số" to the number: "Chỉ thị số15-CT/TW".
    // … and "ngày" to its neighbours: "45-CT/TW ngày22 tháng 7", "70-TB/TWngày 06 tháng 01".
    // … and a copy wrapped at a fixed width splits a year: "ngày 16/7/20 21 của Thủ tướng".
    const text = raw
      .replace(/(số|SỐ)(?=\d)/gu, '$1 ')
      .replace(/(?<=\S)(ngày)(?=\s*\d)/gu, ' $1')
      .replace(/(ngày)(?=\d)/gu, '$1 ')
      .replace(/(?<=\b\d{1,2}[/-]\d{1,2}[/-])(19|20) (\d{2})\b/gu, '$1$2')
    let sharesIssuerWithNext: DirectiveReference | null = null
    for (const m of text.matchAll(CITED)) {
      const number = normalizeNumber(m[1])
      if (!/\p{L}/u.test(number) || number === ownNumber) continue
      const after = text.slice(m.index + m[0].length)
      const ref = readContext(number, after)
      ref.issuer ??= issuerBefore(text.slice(0, m.index))
      // "Chỉ thị số 15-CT/TW, ngày 24-2-2012 và Kế hoạch số 08-KH/TW, ngày 12-3-2012 của Bộ Chính trị": one issuer for both.
      if (sharesIssuerWithNext && sharesIssuerWithNext.issuer === null) sharesIssuerWithNext.issuer = ref.issuer
      sharesIssuerWithNext = null
      const key = number.toUpperCase()
      const known = found.get(key)
      if (!known) found.set(key, ref)
      else merge(known, ref)
      const next = nextCitedIndex(after)
      if (ref.issuer === null && next >= 0 && next <= 80 && SHARED_ISSUER_GAP.test(after.slice(0, next))) sharesIssuerWithNext = found.get(key) ?? null
    }
  }
  return [...found.values()]
}

/** Where the next cited number (one with letters: not a date) starts, or -1. */
function nextCitedIndex(text: string): number {
  for (const m of text.matchAll(CITED)) if (/\p{L}/u.test(m[1])) return m.index
  return -1
}
// Between two cited numbers: an optional date, then "và Kế hoạch số ".
const SHARED_ISSUER_GAP = new RegExp(String.raw`^\s*,?\s*(?:${DATE_SOURCE})?\s*và\s+[\p{L}\s]{0,30}$`, 'iu')

function merge(known: DirectiveReference, ref: DirectiveReference): void {
  const isCaps = (t: string | null) => t !== null && !/\p{Ll}/u.test(t)
  if (isCaps(known.number) && /\p{Ll}/u.test(ref.number)) known.number = ref.number
  known.date ??= ref.date
  if (known.issuer === null || (isCaps(known.issuer) && ref.issuer !== null && !isCaps(ref.issuer))) known.issuer = ref.issuer ?? known.issuer
}

/** "Quyết định của Bộ Chính trị số 31-QĐ/TW": the issuer named before the number. */
function issuerBefore(before: string): string | null {
  // Also "của Sở Y tế tại Tờ trình số …", "của Bộ Y tế tại văn bản số …".
  const m = /(?:^|\s)của\s+([^,;:()“”"]+?)\s+(?:tại\s+[\p{L}\s]{1,25}?\s+)?số\s*$/u.exec(before)
  if (!m) return null
  // The whole phrase must be the name: "của Bộ Y tế tại văn bản số …" names the sender only loosely.
  const name = readIssuer(m[1]).text
  return name === m[1].trim().replace(/\s+/g, ' ') ? name : null
}

function readContext(number: string, after: string): DirectiveReference {
  let rest = after
  let date: string | null = null
  let issuer: string | null = null
  for (let step = 0; step < 2; step++) {
    const d: FoundDate | null = date === null ? leadingDate(rest) : null
    if (d) {
      date = d.iso
      rest = rest.slice(d.length)
      continue
    }
    const of = issuer === null ? /^\s*,?\s*(?:của|CỦA)\s+/u.exec(rest) : null
    if (of) {
      const name = readIssuer(rest.slice(of[0].length))
      issuer = name.text
      rest = rest.slice(of[0].length + name.length)
      continue
    }
    break
  }
  return { number, date, issuer }
}

function readIssuer(text: string): { text: string | null; length: number } {
  const words: { word: string; end: number }[] = []
  let length = 0
  const re = /(\s*)([^\s,;:()“”"]+)/gu
  const matches = [...text.matchAll(re)]
  for (const [at, m] of matches.entries()) {
    if (m.index !== length) break
    let word = m[2]
    // "trị." or "Đảng./." ends the sentence, and with it the name.
    const endsClause = /\.$/.test(word) && !/^(?:TP\.|Tp\.)$/.test(word)
    if (endsClause) word = word.replace(/[./]+$/, '')
    const previous = words[words.length - 1]?.word ?? ''
    // "Sở Kế hoạch và Đầu tư", "Sở Giáo dục và Đào tạo": "và" joins two capitalised parts of one name.
    const joinsCapitals = word === 'và' && /^\p{Lu}/u.test(matches[at + 1]?.[2] ?? '')
    const paired = joinsCapitals || (word in NAME_PAIRS && new RegExp(`^(?:${NAME_PAIRS[word]})$`, 'u').test(previous))
    // A name in a title in capitals stops at the same words in capitals ("BỘ CHÍNH TRỊ VỀ …").
    const isStopWord = ISSUER_STOP.has(word) || (!/\p{Ll}/u.test(word) && ISSUER_STOP.has(word.toLowerCase()))
    const stop = !ISSUER_WORD.test(word) || (words.length > 0 && isStopWord && !paired) || (words.length === 0 && !/^\p{Lu}/u.test(word))
    if (stop) break
    length += m[0].length
    words.push({ word, end: length - (m[2].length - word.length) })
    if (endsClause || words.length >= 16) break
  }
  // Names mix capitals with a few lower-case syllables ("Bộ Chính trị", "Ban cán sự đảng Bộ Y
  // tế"); a lower-case run that does not lead back to a capital is the sentence going on.
  const capital = (i: number) => /^[\p{Lu}\p{N}]/u.test(words[i].word)
  let keep = 0
  for (let i = 0; i < words.length; i++) {
    if (capital(i)) {
      keep = i + 1
      continue
    }
    const tail = i > 0 && capital(i - 1)
    let next = i
    while (next < words.length && !capital(next)) next++
    const leadsBack = next < words.length && next - i <= 4
    if (leadsBack) continue
    if (tail) keep = i + 1
    break
  }
  // "Hội đồng nhân dân tỉnh", "Ủy ban nhân dân huyện": a name may end in these lower-case words.
  const tail = words.slice(keep).map((w) => w.word).join(' ')
  const local = keep ? /^nhân dân(?: (?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường))?(?= |$)/u.exec(tail) : null
  if (local) keep += local[0].split(' ').length
  if (!keep) return { text: null, length: 0 }
  return { text: words.slice(0, keep).map((w) => w.word).join(' '), length: words[keep - 1].end }
}
