// Scanned letters (an image, or a PDF of images) read with Tesseract's Vietnamese model, pages
// rendered with poppler's pdftoppm. Both are separate programs (Debian: tesseract-ocr
// tesseract-ocr-vie poppler-utils), run with execFile (no shell), each with its own time limit, in a
// temporary folder that is removed whatever happens. Without them BVCT runs as before and a scan
// is answered with what to install.
//
// Tesseract gives words with their boxes and a confidence (its TSV output). The boxes are laid
// out into lines by the same code that lays out a PDF's text (layoutPage), so the two header
// columns come out as the parser expects them from a PDF: one line, three spaces between columns.
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ParseInputError } from './errors.ts'
import { layoutPage, type Fragment } from './extract-pdf.ts'

/** A word as Tesseract read it, in reading order, with its confidence (0–100). */
export interface OcrWord {
  text: string
  confidence: number
}

export interface OcrText {
  text: string
  words: OcrWord[]
  pages: number
  /** Mean word confidence (0–100), each word weighted by its length. */
  meanConfidence: number
}

export const OCR_LIMITS = {
  /** A letter is a few pages; a 200-page scan would hold a file worker for half an hour. */
  maxPages: 20,
  /** One page: about 3 s on an idle core at 300 dpi. */
  pageSeconds: 45,
  /** The whole file; the route gives the file worker this much and a margin. */
  totalSeconds: 150,
  dpi: 300,
}

export const OCR_INSTALL = 'apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils'

// One engine thread per page: the server's cores are shared with requests and other uploads.
const env = () => ({ ...process.env, OMP_THREAD_LIMIT: '1' })

interface Run {
  stdout: string
}

function run(cmd: string, args: string[], seconds: number, deadline: number): Promise<Run> {
  const timeout = Math.max(1, Math.min(seconds * 1000, deadline - Date.now()))
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout, killSignal: 'SIGKILL', maxBuffer: 32 * 1024 * 1024, env: env(), encoding: 'utf8' }, (error, stdout) => {
      if (error) reject(Object.assign(error, { timedOut: !!(error as { killed?: boolean }).killed || Date.now() >= deadline }))
      else resolve({ stdout })
    })
  })
}

let availability: Promise<'ok' | 'noTesseract' | 'noVietnamese'> | null = null

/** Whether Tesseract with the Vietnamese model is installed; asked once per process. */
export function ocrAvailability(): Promise<'ok' | 'noTesseract' | 'noVietnamese'> {
  availability ??= run('tesseract', ['--list-langs'], 10, Date.now() + 10_000).then(
    ({ stdout }) => (stdout.split(/\s+/).includes('vie') ? 'ok' : 'noVietnamese'),
    () => 'noTesseract',
  )
  return availability
}

/** Forget the cached answer (tests that change PATH). */
export function resetOcrAvailability(): void {
  availability = null
}

async function requireOcr(): Promise<void> {
  const state = await ocrAvailability()
  if (state === 'ok') return
  const what = state === 'noTesseract' ? 'chưa cài Tesseract' : 'Tesseract chưa có gói tiếng Việt'
  const whatEn = state === 'noTesseract' ? 'Tesseract is not installed' : "Tesseract's Vietnamese model is not installed"
  throw new ParseInputError(
    'OCR_UNAVAILABLE',
    `Tệp là bản quét hoặc ảnh nên cần nhận dạng chữ (OCR), nhưng máy chủ ${what}. Quản trị viên cần cài: ${OCR_INSTALL}. Trong lúc chờ, hãy dán nội dung văn bản`,
    `The file is a scan or an image and needs OCR, but on the server ${whatEn}. The administrator must install: ${OCR_INSTALL}. Meanwhile, paste the letter's text`,
  )
}

function tooSlow(): never {
  throw new ParseInputError(
    'UNREADABLE_FILE',
    `Nhận dạng chữ (OCR) quá ${OCR_LIMITS.totalSeconds} giây nên đã dừng. Hãy tải lên ít trang hơn hoặc dán nội dung`,
    `OCR took over ${OCR_LIMITS.totalSeconds} seconds and was stopped. Upload fewer pages, or paste the text`,
  )
}

/** Reads an image (PNG, JPEG, TIFF) or an image-only PDF with OCR. Throws ParseInputError. */
export async function ocrFile(bytes: Uint8Array, kind: 'image' | 'pdf'): Promise<OcrText> {
  await requireOcr()
  const deadline = Date.now() + OCR_LIMITS.totalSeconds * 1000
  const dir = await mkdtemp(join(tmpdir(), 'bvct-ocr-'))
  try {
    const input = join(dir, kind === 'pdf' ? 'in.pdf' : 'in.img')
    await writeFile(input, bytes, { mode: 0o600 })
    let images: string[]
    if (kind === 'pdf') {
      // One page more than allowed is rendered only to tell that there are too many.
      try {
        await run('pdftoppm', ['-r', String(OCR_LIMITS.dpi), '-gray', '-png', '-l', String(OCR_LIMITS.maxPages + 1), input, join(dir, 'page')], OCR_LIMITS.totalSeconds, deadline)
      } catch (e) {
        if ((e as { timedOut?: boolean }).timedOut) tooSlow()
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new ParseInputError('OCR_UNAVAILABLE', `Máy chủ chưa cài poppler (pdftoppm) để đọc bản quét PDF. Quản trị viên cần cài: ${OCR_INSTALL}`, `poppler (pdftoppm) is not installed on the server to read scanned PDFs. The administrator must install: ${OCR_INSTALL}`)
        }
        throw new ParseInputError('UNREADABLE_FILE')
      }
      images = (await readdir(dir)).filter((f) => /^page-\d+\.png$/.test(f)).sort((a, b) => pageNo(a) - pageNo(b)).map((f) => join(dir, f))
      if (images.length > OCR_LIMITS.maxPages) {
        throw new ParseInputError(
          'UNREADABLE_FILE',
          `Bản quét có quá nhiều trang để nhận dạng chữ (tối đa ${OCR_LIMITS.maxPages} trang)`,
          `The scan has too many pages to OCR (at most ${OCR_LIMITS.maxPages})`,
        )
      }
    } else images = [input]

    const pages: { text: string; words: OcrWord[] }[] = []
    for (const image of images) {
      let tsv: string
      try {
        tsv = (await run('tesseract', [image, 'stdout', '-l', 'vie', '--psm', '6', ...(kind === 'pdf' ? ['--dpi', String(OCR_LIMITS.dpi)] : []), 'tsv'], OCR_LIMITS.pageSeconds, deadline)).stdout
      } catch (e) {
        if ((e as { timedOut?: boolean }).timedOut) tooSlow()
        throw new ParseInputError('UNREADABLE_FILE')
      }
      pages.push(pageFromTsv(tsv))
    }
    const words = pages.flatMap((p) => p.words)
    const letters = words.reduce((n, w) => n + (w.text.match(/\p{L}/gu)?.length ?? 0), 0)
    if (letters < 30) {
      throw new ParseInputError(
        'NO_TEXT_LAYER',
        'Tệp không có lớp chữ, và nhận dạng chữ (OCR) không thấy chữ nào trong bản quét. Hãy quét lại rõ hơn (300 dpi, thẳng trang) hoặc dán nội dung văn bản',
        'The file has no text layer, and OCR found no text in the scan. Scan it again more clearly (300 dpi, page straight), or paste the text',
      )
    }
    return { text: pages.map((p, i) => (i === 0 ? restoreHeaderStar(p.text) : p.text)).join('\n\n'), words, pages: pages.length, meanConfidence: meanConfidence(words) }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * The "*" under a Party body's name is a small mark Tesseract reads as "+%", "_5" or "»": a line
 * of one to three marks without a letter or digit among the header's first lines is that star.
 */
export function restoreHeaderStar(text: string): string {
  const lines = text.split('\n')
  for (let i = 0, seen = 0; i < lines.length && seen < 8; i++) {
    if (!lines[i].trim()) continue
    seen++
    if (/^[^\p{L}\p{N}\s]{1,3}$/u.test(lines[i].trim()) && !/^-+$/.test(lines[i].trim())) lines[i] = '*'
  }
  return lines.join('\n')
}

const pageNo = (f: string) => Number(/(\d+)\.png$/.exec(f)![1])

export function meanConfidence(words: OcrWord[]): number {
  let sum = 0
  let weight = 0
  for (const w of words) {
    sum += w.confidence * w.text.length
    weight += w.text.length
  }
  return weight ? Math.round((sum / weight) * 10) / 10 : 0
}

// Tesseract reads the Vietnamese "Đ" as the look-alike Icelandic "Ð" (U+00D0); Vietnamese never has it.
const fixLookAlikes = (s: string) => s.normalize('NFC').replace(/\u00D0/g, 'Đ').replace(/\u00F0/g, 'đ')

/**
 * One page of Tesseract's TSV as text and words. Each word becomes a positioned fragment (in
 * points, y upwards, as pdf.js gives them); its line's box gives the baseline and size, so the
 * words of one printed line stay together even where accents make their own boxes uneven.
 */
export function pageFromTsv(tsv: string): { text: string; words: OcrWord[] } {
  const rows = tsv.split('\n').slice(1).map((r) => r.split('\t')).filter((c) => c.length >= 12)
  const page = rows.find((c) => c[0] === '1')
  const pageHeight = page ? Number(page[9]) : 0
  const lines = new Map<string, { bottom: number; height: number }>()
  for (const c of rows) if (c[0] === '4') lines.set(`${c[2]}.${c[3]}.${c[4]}`, { bottom: Number(c[7]) + Number(c[9]), height: Number(c[9]) })
  const wordRows = rows.filter((c) => c[0] === '5' && c[11].trim())
  // Pixels to points: the usual line box of a letter's 13–14 pt text is about 17 pt high, which
  // holds whatever the scan's resolution (a phone photo says none).
  const heights = [...lines.values()].map((l) => l.height).sort((a, b) => a - b)
  const medianHeight = heights[Math.floor(heights.length / 2)] || 50
  const scale = 17 / medianHeight

  const words: OcrWord[] = []
  const fragments: Fragment[] = []
  for (const c of wordRows) {
    const text = fixLookAlikes(c[11].trim())
    const line = lines.get(`${c[2]}.${c[3]}.${c[4]}`)
    const left = Number(c[6])
    const bottom = line?.bottom ?? Number(c[7]) + Number(c[9])
    const height = line?.height ?? Number(c[9])
    words.push({ text, confidence: Math.max(0, Number(c[10])) })
    fragments.push({ text, x: left * scale, end: (left + Number(c[8])) * scale, y: (pageHeight - bottom) * scale, size: Math.min(height * scale * 0.75, 20) })
  }
  return { text: layoutPage(fragments), words }
}
