// Hostile uploads built in memory for the upload-limit tests and for scripts/upload-bombs.ts: zip
// bombs (honest and lying central directories), a PDF whose page stream inflates hugely, a roster
// of whitespace. Each is a few KB on the wire; the measurements build the full-size ones.
import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib'

/** An entry's data already deflated (raw), for contents too large to hold unpacked. */
export interface Packed {
  packed: Buffer
  size: number
  crc: number
}

export interface ZipInput {
  name: string
  data: Buffer | string | Packed
  /** Written in both headers instead of the true unpacked size: a lying central directory. */
  declaredSize?: number
}

function pack(data: Buffer | string | Packed): Packed {
  if (typeof data !== 'string' && !Buffer.isBuffer(data)) return data
  const bytes = Buffer.from(data)
  return { packed: deflateRawSync(bytes, { level: 9 }), size: bytes.length, crc: crc32(bytes) }
}

/** A little-endian record: [offset, width in bytes, value] for each field; the rest is zero. */
function record(size: number, fields: [number, 2 | 4, number][]): Buffer {
  const b = Buffer.alloc(size)
  for (const [at, width, value] of fields) {
    if (width === 2) b.writeUInt16LE(value, at)
    else b.writeUInt32LE(value, at)
  }
  return b
}

/** A ZIP archive of deflated entries (what .docx and .xlsx are). */
export function makeZip(entries: ZipInput[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const { packed, size: trueSize, crc } = pack(e.data)
    const name = Buffer.from(e.name)
    const size = e.declaredSize ?? trueSize
    // Version 2.0, deflate (8), 1980-01-01, then the sizes the directory declares.
    const common: [number, 2 | 4, number][] = [[0, 2, 20], [4, 2, 8], [8, 2, 0x21], [10, 4, crc], [14, 4, packed.length], [18, 4, size], [22, 2, name.length]]
    const shift = (by: number) => common.map(([at, width, value]): [number, 2 | 4, number] => [at + by, width, value])
    locals.push(record(30, [[0, 4, 0x04034b50], ...shift(4)]), name, packed)
    centrals.push(record(46, [[0, 4, 0x02014b50], [4, 2, 20], ...shift(6), [42, 4, offset]]), name)
    offset += 30 + name.length + packed.length
  }
  const cd = Buffer.concat(centrals)
  const end = record(22, [[0, 4, 0x06054b50], [8, 2, entries.length], [10, 2, entries.length], [12, 4, cd.length], [16, 4, offset]])
  return Buffer.concat([...locals, cd, end])
}

/**
 * `head`, then `total` bytes of `byte`, then `tail`, deflated (raw for a zip entry, zlib-wrapped
 * for a PDF stream): gigabytes unpacked, built in moments without ever holding them. Each MB is
 * deflated once and its blocks repeated: a full flush ends them on a byte with the history reset,
 * so identical input gives identical, concatenable blocks.
 */
export function packRepeated(o: { head: string; byte: number; total: number; tail: string; raw: boolean }): Packed {
  const flush = { level: 9, finishFlush: constants.Z_FULL_FLUSH }
  const chunk = Buffer.alloc(MiB, o.byte)
  const block = deflateRawSync(chunk, flush)
  const head = Buffer.from(o.head)
  const tail = Buffer.from(o.tail)
  const parts = [deflateRawSync(head, flush)]
  let crc = crc32(head)
  let adler = adler32(head)
  const chunkAdler = adler32(chunk)
  for (let left = o.total; left > 0; left -= MiB) {
    const piece = left >= MiB ? chunk : chunk.subarray(0, left)
    parts.push(left >= MiB ? block : deflateRawSync(piece, flush))
    crc = crc32(piece, crc)
    adler = left >= MiB ? adler32Combine(adler, chunkAdler, MiB) : adler32Combine(adler, adler32(piece), piece.length)
  }
  parts.push(deflateRawSync(tail))
  crc = crc32(tail, crc)
  adler = adler32Combine(adler, adler32(tail), tail.length)
  const raw = Buffer.concat(parts)
  const trailer = Buffer.alloc(4)
  trailer.writeUInt32BE(adler >>> 0)
  return { packed: o.raw ? raw : Buffer.concat([Buffer.from([0x78, 0xda]), raw, trailer]), size: head.length + o.total + tail.length, crc }
}

const MiB = 1024 * 1024
const ADLER = 65521

function adler32(data: Uint8Array): number {
  let a = 1
  let b = 0
  for (const byte of data) {
    a = (a + byte) % ADLER
    b = (b + a) % ADLER
  }
  return ((b << 16) | a) >>> 0
}

/** zlib's adler32_combine: the checksum of A followed by B from theirs and B's length. */
function adler32Combine(a1: number, a2: number, len2: number): number {
  const rem = len2 % ADLER
  let sum1 = a1 & 0xffff
  let sum2 = (rem * sum1) % ADLER
  sum1 += (a2 & 0xffff) + ADLER - 1
  sum2 += ((a1 >>> 16) & 0xffff) + ((a2 >>> 16) & 0xffff) + ADLER - rem
  if (sum1 >= ADLER) sum1 -= ADLER
  if (sum1 >= ADLER) sum1 -= ADLER
  if (sum2 >= ADLER * 2) sum2 -= ADLER * 2
  if (sum2 >= ADLER) sum2 -= ADLER
  return ((sum2 << 16) | sum1) >>> 0
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
export const DOCX_HEAD = `<w:document ${W}><w:body><w:p><w:r><w:t>`
export const DOCX_TAIL = '</w:t></w:r></w:p></w:body></w:document>'

/** A .docx whose word/document.xml is `xml`. */
export function docxWith(xml: string | Buffer | Packed, declaredSize?: number): Buffer {
  return makeZip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>' },
    { name: 'word/document.xml', data: xml, declaredSize },
  ])
}

/**
 * A .docx whose document.xml is `mb` MB of one repeated letter inside a paragraph: a few KB packed.
 * `lie`: the central directory says the part is 4 KB.
 */
export function docxBomb(mb: number, opts: { lie?: boolean } = {}): Buffer {
  const xml = Buffer.alloc(mb * 1024 * 1024, 0x61)
  Buffer.from(DOCX_HEAD).copy(xml)
  Buffer.from(DOCX_TAIL).copy(xml, xml.length - DOCX_TAIL.length)
  return docxWith(xml, opts.lie ? 4096 : undefined)
}

export const PDF_PAGE_HEAD = 'BT /F1 12 Tf 72 720 Td (Bom) Tj ET\n'

/** A one-page PDF whose content stream (FlateDecode) inflates to `mb` MB of spaces. */
export function pdfBomb(mb: number): Buffer {
  const content = Buffer.alloc(mb * 1024 * 1024, 0x20)
  Buffer.from(PDF_PAGE_HEAD).copy(content)
  return pdfWith([deflateSync(content, { level: 9 })])
}

/** A stream's data with the filters that undo it, when it is not just FlateDecode (`[/ASCIIHexDecode /FlateDecode]`). */
export interface Filtered {
  data: Buffer
  filter: string
}

/** A FlateDecode stream wrapped in ASCIIHexDecode or ASCII85Decode, as 7-bit PDFs from PostScript tools have it. */
export function asciiWrapped(packed: Buffer, encoding: 'hex' | '85'): Filtered {
  if (encoding === 'hex') return { data: Buffer.from(`${packed.toString('hex')}>`), filter: '[/ASCIIHexDecode /FlateDecode]' }
  const out: string[] = []
  for (let i = 0; i < packed.length; i += 4) {
    const group = packed.subarray(i, i + 4)
    const v = Buffer.concat([group, Buffer.alloc(4 - group.length)]).readUInt32BE()
    if (v === 0 && group.length === 4) {
      out.push('z')
      continue
    }
    const chars = Array.from({ length: 5 }, (_, k) => String.fromCharCode(33 + (Math.floor(v / 85 ** (4 - k)) % 85)))
    out.push(chars.slice(0, group.length + 1).join(''))
  }
  return { data: Buffer.from(`${out.join('')}~>`), filter: '[/A85 /Fl]' }
}

/**
 * A PDF with one page per content stream (each FlateDecode-compressed, or with the filters given)
 * and a Helvetica font.
 */
export function pdfWith(contents: (Buffer | Filtered)[]): Buffer {
  const objects: Buffer[] = []
  const pageIds = contents.map((_, i) => 4 + 2 * i)
  objects.push(Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'))
  objects.push(Buffer.from(`<< /Type /Pages /Count ${contents.length} /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] >>`))
  objects.push(Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'))
  for (const [i, content] of contents.entries()) {
    const { data, filter } = Buffer.isBuffer(content) ? { data: content, filter: '/FlateDecode' } : content
    objects.push(Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`))
    objects.push(Buffer.concat([Buffer.from(`<< /Length ${data.length} /Filter ${filter} >>\nstream\n`), data, Buffer.from('\nendstream')]))
  }
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')]
  const offsets: number[] = []
  let size = parts[0].length
  for (const [i, body] of objects.entries()) {
    offsets.push(size)
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')])
    parts.push(obj)
    size += obj.length
  }
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('')
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`))
  return Buffer.concat(parts)
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')

/** A first sheet's XML start: `rows` as inline strings (cells A, B, …). */
export function sheetHead(rows: string[][]): string {
  const body = rows.map((cells, r) => `<row r="${r + 1}">${cells.map((c, i) => `<c r="${String.fromCharCode(65 + i)}${r + 1}" t="inlineStr"><is><t>${esc(c)}</t></is></c>`).join('')}</row>`).join('')
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}`
}
export const SHEET_TAIL = '</sheetData></worksheet>'
/** The start of a shared-strings part whose first string is then continued by the caller (the padding). */
export const SHARED_STRINGS_HEAD = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>'
export const SHARED_STRINGS_TAIL = '</t></si></sst>'

/**
 * A minimal .xlsx whose one sheet holds `rows`; `paddingMb` MB of spaces follow the last row
 * (`sheet` replaces the sheet's XML). `lie`: the central directory gives the sheet's size without the padding.
 */
export function xlsxWith(rows: string[][], opts: { paddingMb?: number; lie?: boolean; sheet?: Packed; sharedStrings?: Packed } = {}): Buffer {
  const head = sheetHead(rows)
  const sheet = opts.sheet ?? Buffer.concat([Buffer.from(head), Buffer.alloc((opts.paddingMb ?? 0) * 1024 * 1024, 0x20), Buffer.from(SHEET_TAIL)])
  return makeZip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>' },
    { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>' },
    { name: 'xl/workbook.xml', data: '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>' },
    { name: 'xl/_rels/workbook.xml.rels', data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>${opts.sharedStrings ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : ''}</Relationships>` },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: opts.lie ? Buffer.byteLength(head) + SHEET_TAIL.length : undefined },
    ...(opts.sharedStrings ? [{ name: 'xl/sharedStrings.xml', data: opts.sharedStrings }] : []),
  ])
}

/**
 * Sends `request` and, until it is answered, asks `health` every 50 ms: the slowest health answer
 * (how long the server was unavailable) and how far resident memory rose above where it started.
 * An answer is timed from when the question was due, so a server that blocks its thread shows as
 * slow even when the question goes in-process (app.inject) and is only asked once it unblocks.
 */
export async function whileHandling<T>(request: () => Promise<T>, health: () => Promise<unknown>): Promise<{ answer: T; healthMaxMs: number; rssGrowthMb: number }> {
  const before = process.memoryUsage.rss()
  let peak = before
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10)
  let healthMaxMs = 0
  let done = false
  const probe = (async () => {
    let due = performance.now()
    for (;;) {
      await health()
      healthMaxMs = Math.max(healthMaxMs, performance.now() - due)
      // One more question after the answer came: a thread blocked until then delayed it too.
      if (done) break
      due = performance.now() + 50
      await new Promise((r) => setTimeout(r, 50))
    }
  })()
  try {
    const answer = await request()
    done = true
    await probe
    return { answer, healthMaxMs, rssGrowthMb: Math.round((Math.max(peak, process.memoryUsage.rss()) - before) / 1024 / 1024) }
  } finally {
    done = true
    clearInterval(sample)
  }
}
