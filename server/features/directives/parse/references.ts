import type { DirectiveReference } from '../../../../contract/directive-parse.ts'
import { leadingDate, type FoundDate } from './dates.ts'
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
  const found = new Map<string, DirectiveReference>()
  for (const text of texts) {
    for (const m of text.matchAll(CITED)) {
      const number = normalizeNumber(m[1])
      if (!/\p{L}/u.test(number) || number === ownNumber) continue
      const after = text.slice(m.index + m[0].length)
      const ref = readContext(number, after)
      const known = found.get(number)
      if (!known) found.set(number, ref)
      else {
        known.date ??= ref.date
        known.issuer ??= ref.issuer
      }
    }
  }
  return [...found.values()]
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
    const of = issuer === null ? /^\s*,?\s*của\s+/u.exec(rest) : null
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
  for (const m of text.matchAll(re)) {
    if (m.index !== length) break
    let word = m[2]
    // "trị." or "Đảng./." ends the sentence, and with it the name.
    const endsClause = /\.$/.test(word) && !/^(?:TP\.|Tp\.)$/.test(word)
    if (endsClause) word = word.replace(/[./]+$/, '')
    const previous = words[words.length - 1]?.word ?? ''
    const paired = word in NAME_PAIRS && new RegExp(`^(?:${NAME_PAIRS[word]})$`, 'u').test(previous)
    const stop = !ISSUER_WORD.test(word) || (words.length > 0 && ISSUER_STOP.has(word) && !paired) || (words.length === 0 && !/^\p{Lu}/u.test(word))
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
  if (!keep) return { text: null, length: 0 }
  return { text: words.slice(0, keep).map((w) => w.word).join(' '), length: words[keep - 1].end }
}
