// Which stored files the server accepts and how it hands them back. Evidence and case documents
// are opened by other people's browsers and office programs, so a file is taken only when its
// content is one of a few document and image types (the MIME type a browser declares is a guess
// by file name, and anyone can send any), its name ends as its content does (a PDF named
// "bien-ban.html" opened from the downloads folder would run as a web page), and it is always
// served as a download that a browser will not render in the app's origin.
import { cleanName } from '../../contract/common.ts'
import { ZipFormatError, ZipLimitError, openZip } from './zip.ts'

const OOXML = 'application/vnd.openxmlformats-officedocument'
const ODF = 'application/vnd.oasis.opendocument'

/** Every type a stored file may have, with the file name endings that go with it. */
export const STORED_FILE_TYPES = {
  'application/pdf': ['pdf'],
  [`${OOXML}.wordprocessingml.document`]: ['docx'],
  [`${OOXML}.spreadsheetml.sheet`]: ['xlsx'],
  [`${OOXML}.presentationml.presentation`]: ['pptx'],
  [`${ODF}.text`]: ['odt'],
  [`${ODF}.spreadsheet`]: ['ods'],
  [`${ODF}.presentation`]: ['odp'],
  'text/plain': ['txt', 'text', 'log'],
  'text/csv': ['csv'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
} as const satisfies Record<string, readonly string[]>

export type StoredFileType = keyof typeof STORED_FILE_TYPES

const isStoredFileType = (mime: string): mime is StoredFileType => Object.hasOwn(STORED_FILE_TYPES, mime)

/** What the allow-list says, for the message of a refused upload. */
export const STORED_FILE_TYPES_TEXT = {
  vi: 'Chỉ nhận tệp PDF, Word/Excel/PowerPoint (.docx, .xlsx, .pptx), OpenDocument (.odt, .ods, .odp), văn bản (.txt, .csv) và ảnh JPEG, PNG; tên tệp phải có đuôi đúng với nội dung',
  en: 'Only PDF, Word/Excel/PowerPoint (.docx, .xlsx, .pptx), OpenDocument (.odt, .ods, .odp), text (.txt, .csv) and JPEG or PNG images are accepted; the file name must end as its content is',
}

/** Longest stored file name, in characters; a longer one is cut before its ending. */
export const FILE_NAME_MAX = 250

/**
 * A file name as it is stored and shown: NFC, without control characters, invisible and bidi
 * characters (so "invoice\u202Efdp.exe" reads as the .exe it is), path parts or leading dots, and
 * at most FILE_NAME_MAX characters with its ending kept. Null when no letter or digit is left.
 */
export function cleanFileName(name: string): string | null {
  const base = name.replace(/[\t\n\r]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').split(/[/\\]/).pop()!
  const clean = cleanName(base).replace(/^[.\s]+/, '')
  if (!/[\p{L}\p{N}]/u.test(clean)) return null
  if (clean.length <= FILE_NAME_MAX) return clean
  const ext = /\.[^.]{1,16}$/.exec(clean)?.[0] ?? ''
  return clean.slice(0, FILE_NAME_MAX - ext.length).trimEnd() + ext
}

const startsWith = (bytes: Uint8Array, ...signature: number[]) => signature.every((b, i) => bytes[i] === b)
const extensionOf = (filename: string) => /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? ''

/**
 * The allow-listed type of an upload, judged by its content and then its name; null when it is not
 * one (an executable, a web page, an SVG image, a script, a macro-enabled or unknown archive, or a
 * name that does not end as the content is).
 */
export function storedFileType(bytes: Uint8Array, filename: string): StoredFileType | null {
  const type = typeByContent(bytes, extensionOf(filename))
  if (!type) return null
  return (STORED_FILE_TYPES[type] as readonly string[]).includes(extensionOf(filename)) ? type : null
}

function typeByContent(bytes: Uint8Array, ext: string): StoredFileType | null {
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return officeType(bytes)
  if (isPlainText(bytes)) return ext === 'csv' ? 'text/csv' : 'text/plain'
  return null
}

// Only the directory is read (and ODF's tiny "mimetype" entry): nothing is unpacked to judge a file.
const SNIFF_ZIP_LIMITS = { maxEntries: 20_000, maxUnpacked: Number.MAX_SAFE_INTEGER, maxRatio: Number.MAX_SAFE_INTEGER }

function officeType(bytes: Uint8Array): StoredFileType | null {
  try {
    const zip = openZip(bytes, SNIFF_ZIP_LIMITS)
    const has = (name: string) => zip.entries.has(name)
    // Macros (vbaProject.bin, in .docm/.xlsm/.pptm and renamed copies) are code: refused.
    if ([...zip.entries.keys()].some((name) => /vbaProject\.bin$/i.test(name))) return null
    if (has('[Content_Types].xml')) {
      if (has('word/document.xml')) return `${OOXML}.wordprocessingml.document`
      if (has('xl/workbook.xml')) return `${OOXML}.spreadsheetml.sheet`
      if (has('ppt/presentation.xml')) return `${OOXML}.presentationml.presentation`
      return null
    }
    const mimetype = zip.entries.get('mimetype')
    if (!mimetype || mimetype.size > 100) return null
    const declared = new TextDecoder().decode(zip.read('mimetype')!).trim()
    return declared.startsWith(ODF) && isStoredFileType(declared) ? declared : null
  } catch (e) {
    if (e instanceof ZipFormatError || e instanceof ZipLimitError) return null
    throw e
  }
}

/**
 * Text a person wrote: UTF-8, UTF-16 with its byte-order mark, or a single-byte Vietnamese code page,
 * with no NUL or other control bytes, and not markup a browser would run (HTML, SVG, XML) nor a
 * script with a "#!" line.
 */
function isPlainText(bytes: Uint8Array): boolean {
  let text: string
  if (startsWith(bytes, 0xff, 0xfe)) text = new TextDecoder('utf-16le').decode(bytes.subarray(2))
  else if (startsWith(bytes, 0xfe, 0xff)) text = new TextDecoder('utf-16be').decode(bytes.subarray(2))
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      text = new TextDecoder('windows-1258').decode(bytes)
    }
  }
  // Tab, line feed, form feed and carriage return are the only control characters text has.
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return false
  const head = text.slice(0, 4096).replace(/^\ufeff/, '').trimStart().toLowerCase()
  if (head.startsWith('#!')) return false
  return !/<(!doctype|html|head|body|script|svg|\?xml|iframe|object|embed|meta|style|link|form|img|a\s)/.test(head)
}

/**
 * Headers for handing a stored file back: always a download (never shown in the app's origin),
 * its type only when it is on the allow-list, no type guessing by the browser, and a sandbox
 * with nothing allowed should a browser render it anyway.
 */
export function downloadHeaders(file: { filename: string; mime: string }): Record<string, string> {
  const base = file.mime.split(';')[0].trim().toLowerCase()
  // A name stored before names were cleaned is cleaned on the way out too.
  const filename = cleanFileName(file.filename) ?? 'tep'
  // The plain name is for old clients: ASCII, no quotes or backslashes; filename* carries the real one.
  const ascii = filename.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_')
  return {
    'content-type': isStoredFileType(base) ? base : 'application/octet-stream',
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(filename)}`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "sandbox; default-src 'none'",
  }
}

/** Percent-encoding for filename* (RFC 5987): encodeURIComponent leaves ' ( ) * as they are. */
const rfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
