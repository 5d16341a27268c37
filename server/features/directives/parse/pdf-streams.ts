import { inflatedSize } from '../../../lib/inflate.ts'
import { PDF_LIMITS, UPLOAD_LIMIT_MESSAGES } from '../../../lib/upload-limits.ts'
import { ParseInputError } from './errors.ts'

// pdf.js unpacks a stream whole, into memory it allocates outside the JavaScript heap: a 1 MB PDF
// whose page stream inflates to 1 GB took 12 s and 2.2 GB, and a worker's heap limit does not
// count that memory. So before pdf.js sees a file, every FlateDecode stream in it is unpacked
// once with a ceiling, counting bytes and keeping none, and the file is refused when one
// non-image stream or all of them together would pass PDF_LIMITS.
//
// A FlateDecode stream behind ASCIIHexDecode or ASCII85Decode (7-bit PDFs from PostScript tools) is
// decoded from those first and counted the same. Streams with no FlateDecode at the head of their
// chain once those are undone (LZW, RunLength: rare since PDF 1.2) are not counted; for them the
// file worker's time and memory limits are the protection.

const DICT_WINDOW = 4096
const latin1 = (b: Buffer, from: number, to: number) => b.toString('latin1', Math.max(0, from), Math.min(b.length, to))

export async function checkPdfStreams(bytes: Uint8Array, limits = PDF_LIMITS): Promise<void> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let total = 0
  let pos = 0
  let numbers: Map<string, number> | null = null
  const numberObject = (ref: string) => (numbers ??= numberObjects(buf)).get(ref) ?? null
  for (;;) {
    const at = buf.indexOf('stream', pos, 'latin1')
    if (at < 0) return
    pos = at + 6
    if (latin1(buf, at - 3, at) === 'end') continue
    let start = at + 6
    if (buf[start] === 0x0d) start++
    if (buf[start] === 0x0a) start++
    else if (buf[start - 1] !== 0x0d) continue
    const dict = dictionaryBefore(buf, at)
    if (!dict.includes('>>')) continue
    const end = streamEnd(buf, dict, start, numberObject)
    pos = end
    const filters = filtersOf(dict)
    let data: Uint8Array = buf.subarray(start, end)
    while (filters.length && /^(ASCIIHexDecode|AHx|ASCII85Decode|A85)$/.test(filters[0])) {
      data = /^(ASCIIHexDecode|AHx)$/.test(filters.shift()!) ? asciiHex(data) : ascii85(data)
    }
    if (!/^(FlateDecode|Fl)$/.test(filters[0] ?? '')) continue
    const isImage = /\/Subtype\s*\/Image\b/.test(dict)
    const ceiling = Math.min(isImage ? Infinity : limits.maxStreamUnpacked, limits.maxUnpacked - total)
    const size = await inflatedSize(data, ceiling)
    if (size > ceiling) {
      const { vi, en } = UPLOAD_LIMIT_MESSAGES.tooLargeUnpacked(ceiling === limits.maxStreamUnpacked ? ceiling : limits.maxUnpacked)
      throw new ParseInputError('UNREADABLE_FILE', vi, en)
    }
    total += size
  }
}

/** The stream's dictionary: the text since its object's "N G obj". */
function dictionaryBefore(buf: Buffer, at: number): string {
  const head = latin1(buf, at - DICT_WINDOW, at)
  const objects = [...head.matchAll(/\d+\s+\d+\s+obj\b/g)]
  return objects.length ? head.slice(objects[objects.length - 1].index) : head
}

/** The stream's filters in the order they are undone: `/Filter /X` or `/Filter [/X /Y]`, names without the slash. */
function filtersOf(dict: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict)
  return m ? [...m[1].matchAll(/\/([A-Za-z0-9]+)/g)].map((f) => f[1]) : []
}

const HEX = /[0-9a-fA-F]/

/** ASCIIHexDecode: pairs of hex digits, white space ignored, ">" ends the data (a lone digit is followed by 0). */
function asciiHex(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(data.length / 2))
  let n = 0
  let high = -1
  for (const byte of data) {
    if (byte === 0x3e) break
    const c = String.fromCharCode(byte)
    if (!HEX.test(c)) continue
    const v = parseInt(c, 16)
    if (high < 0) high = v
    else {
      out[n++] = (high << 4) | v
      high = -1
    }
  }
  if (high >= 0) out[n++] = high << 4
  return out.subarray(0, n)
}

/** ASCII85Decode: groups of five characters "!"…"u" to four bytes, "z" for four zeros, "~>" ends the data. */
function ascii85(data: Uint8Array): Uint8Array {
  // Four bytes for each "z", four for each five other characters.
  const zs = data.reduce((count, byte) => count + (byte === 0x7a ? 1 : 0), 0)
  const out = new Uint8Array(zs * 4 + Math.ceil((data.length - zs) / 5) * 4 + 4)
  let n = 0
  const group: number[] = []
  const flush = (count: number) => {
    let v = 0
    for (let i = 0; i < 5; i++) v = v * 85 + (group[i] ?? 84)
    for (let i = 0; i < count; i++) out[n++] = (v >>> (24 - 8 * i)) & 0xff
    group.length = 0
  }
  for (const byte of data) {
    if (byte === 0x7e) break
    if (byte === 0x7a && group.length === 0) {
      n += 4 // "z": out is zero-filled
      continue
    }
    if (byte < 0x21 || byte > 0x75) continue
    group.push(byte - 0x21)
    if (group.length === 5) flush(4)
  }
  if (group.length > 1) flush(group.length - 1)
  return out.subarray(0, n)
}

/**
 * Where the stream's data ends: at /Length when "endstream" follows it (resolving "N G R" to the
 * number the object holds), otherwise at the next "endstream", as pdf.js does with a wrong Length.
 */
function streamEnd(buf: Buffer, dict: string, start: number, numberObject: (ref: string) => number | null): number {
  const m = /\/Length\s+(\d+)(?:\s+(\d+)\s+R)?/.exec(dict)
  const length = !m ? null : m[2] ? numberObject(`${m[1]} ${m[2]}`) : Number(m[1])
  if (length !== null && start + length <= buf.length && /^\s*endstream/.test(latin1(buf, start + length, start + length + 32))) return start + length
  const end = buf.indexOf('endstream', start, 'latin1')
  return end < 0 ? buf.length : end
}

/** Objects that hold just a number ("12 0 obj 3456 endobj"), the way stream lengths are often written. */
function numberObjects(buf: Buffer): Map<string, number> {
  const out = new Map<string, number>()
  for (const m of latin1(buf, 0, buf.length).matchAll(/(\d+)\s+(\d+)\s+obj\s*(\d+)\s*endobj/g)) out.set(`${m[1]} ${m[2]}`, Number(m[3]))
  return out
}
