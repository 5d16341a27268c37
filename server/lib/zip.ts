// Just enough of the ZIP format to open Office files (.docx, .xlsx): the central directory, stored
// and deflated entries. Office never needs ZIP64 or encryption; those are refused.
//
// Uploads are hostile until read: the central directory is checked before anything is unpacked
// (how many entries, how much they say they unpack to, how much each says it grows), and every
// entry is then unpacked with a ceiling of what it declared, so a directory that lies about sizes
// is caught by zlib stopping, not by memory running out.
import { InflateLimitError, inflateRawLimited } from './inflate.ts'

/** What an archive may hold before it is refused as a bomb. */
export interface ZipLimits {
  maxEntries: number
  /** Bytes all entries together may unpack to: what the directory declares, and what is actually read. */
  maxUnpacked: number
  /** Largest unpacked ÷ packed ratio of an entry that unpacks to over 1 MiB (Office XML is 5–30). */
  maxRatio: number
}

/** Not a ZIP archive we can read: damaged, encrypted, ZIP64, an unknown compression method. */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ZipFormatError'
  }
}

/** The archive would unpack to more than its limits allow (or its directory lies about that). */
export class ZipLimitError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ZipLimitError'
  }
}

export interface ZipEntry {
  name: string
  method: number
  packedSize: number
  /** The unpacked size the central directory declares. */
  size: number
  localOffset: number
}

export interface Zip {
  entries: Map<string, ZipEntry>
  /** An entry's bytes, unpacked within the limits; null when the archive has no such entry. */
  read(name: string): Uint8Array | null
}

const RATIO_FLOOR = 1024 * 1024
const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MB`

export function openZip(bytes: Uint8Array, limits: ZipLimits): Zip {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const eocd = findEndOfCentralDirectory(view)
  const count = view.getUint16(eocd + 10, true)
  let offset = view.getUint32(eocd + 16, true)
  if (offset === 0xffffffff || count === 0xffff) throw new ZipFormatError('ZIP64 archives are not supported')
  if (count > limits.maxEntries) throw new ZipLimitError(`${count} entries (at most ${limits.maxEntries})`)
  const entries = new Map<string, ZipEntry>()
  const decoder = new TextDecoder()
  let declared = 0
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) throw new ZipFormatError('Broken central directory')
    const flags = view.getUint16(offset + 8, true)
    const nameLength = view.getUint16(offset + 28, true)
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      packedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
    }
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true)
    if (flags & 1) throw new ZipFormatError('Encrypted archive')
    if (entry.packedSize === 0xffffffff || entry.size === 0xffffffff) throw new ZipFormatError('ZIP64 archives are not supported')
    declared += entry.size
    if (declared > limits.maxUnpacked) throw new ZipLimitError(`unpacks to over ${mib(limits.maxUnpacked)}`)
    if (entry.size > RATIO_FLOOR && entry.size > entry.packedSize * limits.maxRatio) {
      throw new ZipLimitError(`${entry.name} grows ${Math.round(entry.size / Math.max(1, entry.packedSize))} times when unpacked (at most ${limits.maxRatio})`)
    }
    entries.set(entry.name, entry)
  }

  let unpacked = 0
  return {
    entries,
    read(name) {
      const entry = entries.get(name)
      if (!entry) return null
      const at = entry.localOffset
      if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw new ZipFormatError('Broken local header')
      const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
      if (start + entry.packedSize > bytes.length) throw new ZipFormatError('Entry runs past the end of the archive')
      const data = bytes.subarray(start, start + entry.packedSize)
      let out: Uint8Array
      if (entry.method === 0) out = data
      else if (entry.method === 8) {
        // The ceiling is what the directory declared (within what is left of the total): an entry
        // that unpacks to more than it said is a lie, and zlib stops at the first byte past it.
        const ceiling = Math.min(entry.size, limits.maxUnpacked - unpacked)
        try {
          out = inflateRawLimited(data, ceiling)
        } catch (e) {
          if (e instanceof InflateLimitError) throw new ZipLimitError(`${name} unpacks to more than the ${ceiling} bytes declared`)
          throw new ZipFormatError(`Broken entry ${name}`)
        }
      } else throw new ZipFormatError(`Unsupported compression method ${entry.method}`)
      unpacked += out.length
      return out
    },
  }
}

function findEndOfCentralDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff)
  for (let i = view.byteLength - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i
  }
  throw new ZipFormatError('Not a ZIP archive')
}
