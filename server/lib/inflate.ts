// Unpacking with a ceiling. An upload of a few MB can inflate to gigabytes (a "zip bomb"), so no
// caller asks zlib for "all of it": each says how much it is prepared to hold, and zlib stops as
// soon as its output passes that, before the rest is ever produced.
import { constants, createInflate, createInflateRaw, inflateRawSync } from 'node:zlib'

/** Unpacked data would pass the caller's ceiling. */
export class InflateLimitError extends Error {
  constructor(readonly limit: number) {
    super(`Unpacked data exceeds ${limit} bytes`)
    this.name = 'InflateLimitError'
  }
}

/** Raw DEFLATE data (a ZIP entry) unpacked, refusing to produce more than `limit` bytes. */
export function inflateRawLimited(data: Uint8Array, limit: number): Buffer {
  try {
    // maxOutputLength is checked chunk by chunk while zlib works, not after.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, limit) })
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateLimitError(limit)
    throw e
  }
}

/**
 * How many bytes zlib (or, with `raw`, DEFLATE) data unpacks to, counted up to just past `limit`
 * and then abandoned; nothing is kept. Damaged or truncated data counts what it gave before the
 * damage, as a lenient reader (pdf.js) would use that much of it.
 */
export function inflatedSize(data: Uint8Array, limit: number, opts: { raw?: boolean } = {}): Promise<number> {
  const z = (opts.raw ? createInflateRaw : createInflate)({ finishFlush: constants.Z_SYNC_FLUSH, chunkSize: 256 * 1024 })
  return new Promise((resolve) => {
    let size = 0
    const done = () => {
      z.removeAllListeners('data')
      z.destroy()
      resolve(size)
    }
    z.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) done()
    })
    z.on('error', done)
    z.on('end', done)
    z.end(data)
  })
}
