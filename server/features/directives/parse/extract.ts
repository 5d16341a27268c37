import { MAX_TEXT_CHARS, UPLOAD_LIMIT_MESSAGES } from '../../../lib/upload-limits.ts'
import { PARSE_INPUT_ERRORS, type ParseSourceKind } from '../../../../contract/directive-parse.ts'
import { ParseInputError } from './errors.ts'
import { extractDocxText } from './extract-docx.ts'
import { extractPdfText } from './extract-pdf.ts'
import { decodeTextFile } from './extract-text-file.ts'
import { ocrFile, type OcrText } from './ocr.ts'

type Kind = 'pdf' | 'docx' | 'text' | 'image'

export interface ExtractedText {
  text: string
  /** Where the text came from; 'ocr' for an image or a PDF without a text layer. */
  kind: ParseSourceKind
  /** For OCR'd input: the words read, with their confidence. */
  ocr?: OcrText
}

/**
 * Text of an uploaded letter. The file's first bytes decide what it is; the name and MIME
 * type only break ties, because browsers and mail clients label files inconsistently. An image,
 * or a PDF without a text layer, is read with OCR unless `ocr` is false: then it is refused as
 * NO_TEXT_LAYER, so that a caller can give the slower OCR its own time limit.
 */
export async function extractText(bytes: Uint8Array, filename: string, mime?: string, { ocr = true }: { ocr?: boolean } = {}): Promise<ExtractedText> {
  const kind = kindOf(bytes, filename, mime)
  if (kind === 'image') {
    if (!ocr) throw new ParseInputError('NO_TEXT_LAYER', PARSE_INPUT_ERRORS.NO_TEXT_LAYER.vi, PARSE_INPUT_ERRORS.NO_TEXT_LAYER.en)
    return fromOcr(await ocrFile(bytes, 'image'))
  }
  let text: string
  try {
    text = kind === 'pdf' ? await extractPdfText(bytes) : kind === 'docx' ? extractDocxText(bytes) : decodeTextFile(bytes)
  } catch (error) {
    if (ocr && kind === 'pdf' && error instanceof ParseInputError && error.code === 'NO_TEXT_LAYER') return fromOcr(await ocrFile(bytes, 'pdf'))
    throw error
  }
  // The parser's time grows with the text: more than any letter has is refused, not parsed.
  if (text.length > MAX_TEXT_CHARS) {
    const { vi, en } = UPLOAD_LIMIT_MESSAGES.tooMuchText(MAX_TEXT_CHARS)
    throw new ParseInputError('UNREADABLE_FILE', vi, en)
  }
  return { text, kind }
}

function fromOcr(ocr: OcrText): ExtractedText {
  if (ocr.text.length > MAX_TEXT_CHARS) {
    const { vi, en } = UPLOAD_LIMIT_MESSAGES.tooMuchText(MAX_TEXT_CHARS)
    throw new ParseInputError('UNREADABLE_FILE', vi, en)
  }
  return { text: ocr.text, kind: 'ocr', ocr }
}

function startsWith(bytes: Uint8Array, ...signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b)
}

function kindOf(bytes: Uint8Array, filename: string, mime = ''): Kind {
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? ''
  const type = mime.toLowerCase()
  if (bytes.length === 0) throw new ParseInputError('UNREADABLE_FILE', 'Tệp không có nội dung', 'The file is empty')
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
  if (head.includes('%PDF-')) return 'pdf'
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    if (ext === 'docx' || ext === 'docm' || ext === 'dotx' || type.includes('wordprocessingml') || head.includes('word/')) return 'docx'
    throw new ParseInputError('UNSUPPORTED_FILE')
  }
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    throw new ParseInputError(
      'UNSUPPORTED_FILE',
      'Tệp Word 97-2003 (.doc) chưa được hỗ trợ. Hãy mở bằng Word và lưu thành .docx hoặc PDF',
      'Word 97-2003 files (.doc) are not supported. Open the file in Word and save it as .docx or PDF',
    )
  }
  const image = startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) || startsWith(bytes, 0xff, 0xd8, 0xff) || startsWith(bytes, 0x49, 0x49, 0x2a, 0x00) || startsWith(bytes, 0x4d, 0x4d, 0x00, 0x2a)
  if (image) return 'image'
  if (type.startsWith('image/')) {
    throw new ParseInputError(
      'UNSUPPORTED_FILE',
      'Chỉ đọc được ảnh PNG, JPEG hoặc TIFF. Hãy quét lại thành một trong các dạng đó hoặc dán nội dung',
      'Only PNG, JPEG or TIFF images can be read. Scan again to one of those, or paste the text',
    )
  }
  if (ext === 'pdf' || type === 'application/pdf') throw new ParseInputError('UNREADABLE_FILE')
  if (ext === 'docx') throw new ParseInputError('UNREADABLE_FILE')
  if (startsWith(bytes, 0x7b, 0x5c, 0x72, 0x74, 0x66)) throw new ParseInputError('UNSUPPORTED_FILE')
  if (['txt', 'text', 'md', ''].includes(ext) || type.startsWith('text/plain') || type === 'text/markdown') return 'text'
  throw new ParseInputError('UNSUPPORTED_FILE')
}
