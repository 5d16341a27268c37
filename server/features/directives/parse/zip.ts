import { inflateRawSync } from 'node:zlib'

// Just enough of the ZIP format to open .docx files: the central directory, stored and
// deflated entries. A .docx never needs ZIP64 or encryption; those are refused.

export type ZipEntries = Map<string, () => Uint8Array>

export class ZipFormatError extends Error {}

export function readZip(bytes: Uint8Array): ZipEntries {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const eocd = findEndOfCentralDirectory(view)
  const count = view.getUint16(eocd + 10, true)
  let offset = view.getUint32(eocd + 16, true)
  if (offset === 0xffffffff) throw new ZipFormatError('ZIP64 archives are not supported')
  const entries: ZipEntries = new Map()
  const decoder = new TextDecoder()
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) throw new ZipFormatError('Broken central directory')
    const flags = view.getUint16(offset + 8, true)
    const method = view.getUint16(offset + 10, true)
    const compressedSize = view.getUint32(offset + 20, true)
    const nameLength = view.getUint16(offset + 28, true)
    const extraLength = view.getUint16(offset + 30, true)
    const commentLength = view.getUint16(offset + 32, true)
    const localOffset = view.getUint32(offset + 42, true)
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength))
    offset += 46 + nameLength + extraLength + commentLength
    if (flags & 1) throw new ZipFormatError('Encrypted archive')
    entries.set(name, () => {
      if (view.getUint32(localOffset, true) !== 0x04034b50) throw new ZipFormatError('Broken local header')
      const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true)
      const data = bytes.subarray(start, start + compressedSize)
      if (method === 0) return data
      if (method === 8) return inflateRawSync(data)
      throw new ZipFormatError(`Unsupported compression method ${method}`)
    })
  }
  return entries
}

function findEndOfCentralDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff)
  for (let i = view.byteLength - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i
  }
  throw new ZipFormatError('Not a ZIP archive')
}
