import { DOCX_ZIP_LIMITS } from '../../../lib/upload-limits.ts'
import { openZip, type ZipLimits } from '../../../lib/zip.ts'

export { ZipFormatError, ZipLimitError } from '../../../lib/zip.ts'

/** Every entry of a .docx by name, each unpacked when asked for (the reader itself: lib/zip.ts). */
export type ZipEntries = Map<string, () => Uint8Array>

/** Opens a .docx within `limits`: throws ZipLimitError for a bomb, ZipFormatError for a broken archive. */
export function readZip(bytes: Uint8Array, limits: ZipLimits = DOCX_ZIP_LIMITS): ZipEntries {
  const zip = openZip(bytes, limits)
  return new Map([...zip.entries.keys()].map((name) => [name, () => zip.read(name)!]))
}
