// How sure OCR was of each parsed field. The parser works on plain text and does not say where a
// field came from, so each field's words are found again among the OCR words: the best run of
// the field's words in reading order (a few OCR words may sit between them: a "-" label, a
// hyphen). The field's confidence is the mean of the words found; its doubtful words are shown to
// the person who confirms, so they know what to look at in the scan.
import type { OcrField, OcrFieldConfidence, OcrReport, ParsedDirective, Requirement } from '../../../../contract/directive-parse.ts'
import type { OcrWord } from './ocr.ts'

/** A word Tesseract gave less than this is shown as doubtful. */
export const LOW_WORD_CONFIDENCE = 75
/** A field whose words average less than this is flagged even without one doubtful word. */
export const LOW_FIELD_CONFIDENCE = 85

const FIELD_LABELS: Record<OcrField, [string, string]> = {
  parentBody: ['Cơ quan cấp trên', 'Parent body'],
  issuer: ['Cơ quan ban hành', 'Issuer'],
  number: ['Số, ký hiệu', 'Number'],
  place: ['Địa danh', 'Place'],
  date: ['Ngày ban hành', 'Date'],
  subject: ['Trích yếu', 'Subject'],
  addressees: ['Nơi gửi', 'Addressees'],
  preamble: ['Phần mở đầu', 'Preamble'],
  requirements: ['Nội dung yêu cầu', 'Requirements'],
  closing: ['Phần kết', 'Closing'],
  distribution: ['Nơi nhận', 'Distribution'],
}

// Lower case, no punctuation around the word, numbers without leading zeros ("08" is "8").
function norm(word: string): string {
  const w = word.normalize('NFC').toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
  return /^\d+$/.test(w) ? String(Number(w)) : w
}

const tokens = (text: string) => text.split(/\s+/).map(norm).filter(Boolean)

function flattenRequirements(rs: Requirement[]): string[] {
  return rs.flatMap((r) => [`${r.label} ${r.text}`, ...flattenRequirements(r.children)])
}

/** The words each field was read from, as the letter prints them. */
function fieldTexts(p: ParsedDirective): [OcrField, string[]][] {
  const date = p.date ? (([y, m, d]) => [`${d} tháng ${m} năm ${y}`])(p.date.split('-')) : []
  const one = (s: string | null) => (s ? [s] : [])
  return [
    ['parentBody', one(p.parentBody)],
    ['issuer', one(p.issuer)],
    ['number', one(p.number)],
    ['place', one(p.place)],
    ['date', date],
    ['subject', one(p.subject)],
    ['addressees', p.addressees],
    ['preamble', one(p.preamble)],
    ['requirements', flattenRequirements(p.requirements)],
    ['closing', one(p.closing)],
    ['distribution', p.distribution],
  ]
}

/**
 * Positions of the OCR words that best spell `want`: from each place the first word (or, failing
 * that, the second) occurs, the field's words are followed forward, skipping up to two OCR words
 * between them; the start that matches most wins.
 */
export function locate(want: string[], words: string[], index: Map<string, number[]>): number[] {
  if (!want.length) return []
  const starts = [...(index.get(want[0]) ?? []), ...(index.get(want[1] ?? '') ?? [])].sort((a, b) => a - b).slice(0, 200)
  let best: number[] = []
  for (const start of starts) {
    const found: number[] = []
    let at = start
    for (let j = 0; j < want.length; j++) {
      const w = want[j]
      for (let k = at; k < Math.min(at + 3, words.length); k++) {
        if (words[k] === w || (w.length > 3 && words[k].includes(w))) {
          found.push(k)
          at = k + 1
          break
        }
      }
      // Cannot beat the best start any more.
      if (found.length + (want.length - j - 1) <= best.length) break
    }
    if (found.length > best.length) best = found
    if (best.length === want.length) break
  }
  return best
}

/** The OCR report of a parsed scan: overall confidence, and per field, which ones to check. */
export function ocrReportFor(parsed: ParsedDirective, ocr: { words: OcrWord[]; pages: number; meanConfidence: number }): OcrReport {
  const words = ocr.words.map((w) => norm(w.text))
  const index = new Map<string, number[]>()
  words.forEach((w, i) => index.set(w, [...(index.get(w) ?? []), i]))
  const fields: OcrFieldConfidence[] = []
  for (const [field, texts] of fieldTexts(parsed)) {
    const found = texts.flatMap((t) => locate(tokens(t), words, index))
    // A field whose words cannot be found again (the parser rewrote it) has no confidence to report.
    if (!found.length) continue
    const confs = found.map((i) => ocr.words[i].confidence)
    const confidence = Math.round((confs.reduce((a, b) => a + b, 0) / confs.length) * 10) / 10
    const lowWords = [...new Set(found.filter((i) => ocr.words[i].confidence < LOW_WORD_CONFIDENCE).map((i) => ocr.words[i].text))].slice(0, 10)
    fields.push({ field, confidence, lowWords, isLow: lowWords.length > 0 || confidence < LOW_FIELD_CONFIDENCE })
  }
  return { pages: ocr.pages, meanConfidence: ocr.meanConfidence, fields, lowConfidenceFields: fields.filter((f) => f.isLow).map((f) => f.field) }
}

/**
 * Warnings for a person confirming a scan, in the parser's own format ("CODE: vi / en: «detail»"):
 * that the text was read by OCR, and each field to check with the words OCR was unsure of.
 */
export function ocrWarnings(report: OcrReport): string[] {
  const out = [`OCR_USED: Văn bản được đọc bằng nhận dạng chữ (OCR) từ bản quét, độ tin cậy trung bình ${Math.round(report.meanConfidence)}%; hãy đối chiếu với bản quét / The letter was read from a scan by OCR, mean confidence ${Math.round(report.meanConfidence)}%; check it against the scan: «${Math.round(report.meanConfidence)}%»`]
  for (const f of report.fields.filter((x) => x.isLow)) {
    const [vi, en] = FIELD_LABELS[f.field]
    const words = f.lowWords.length ? ` — ${f.lowWords.join(', ')}` : ''
    out.push(`OCR_LOW_CONFIDENCE: Trường đọc bằng OCR có độ tin cậy thấp, cần kiểm tra / A field read by OCR with low confidence, to check: «${vi} / ${en} (${Math.round(f.confidence)}%)${words}»`)
  }
  return out
}
