import type { ParsedDirective } from '../../../../contract/directive-parse.ts'
import { extractText } from './extract.ts'
import { ocrReportFor, ocrWarnings } from './ocr-confidence.ts'
import { parseDirectiveText } from './parse-text.ts'

/**
 * Text extraction then parsing; throws ParseInputError when the file has no readable text. The
 * answer says where the text came from and carries it (what a person confirms it against, and
 * what the parser read); a scan read by OCR also says how sure OCR was of each field.
 * `ocr: false` refuses a scan as NO_TEXT_LAYER instead of reading it (see extractText).
 */
export async function parseDirectiveFile(bytes: Uint8Array, filename: string, mime?: string, options: { ocr?: boolean } = {}): Promise<ParsedDirective> {
  const extracted = await extractText(bytes, filename, mime, options)
  const parsed = parseDirectiveText(extracted.text)
  const source = { kind: extracted.kind, text: extracted.text }
  if (!extracted.ocr) return { ...parsed, source }
  const ocr = ocrReportFor(parsed, extracted.ocr)
  return { ...parsed, warnings: [...parsed.warnings, ...ocrWarnings(ocr)], source, ocr }
}
