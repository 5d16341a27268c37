import type { ParsedDirective } from '../../../../contract/directive-parse.ts'
import { extractText } from './extract.ts'
import { parseDirectiveText } from './parse-text.ts'

/** Text extraction then parsing; throws ParseInputError when the file has no readable text. */
export async function parseDirectiveFile(bytes: Uint8Array, filename: string, mime?: string): Promise<ParsedDirective> {
  const { text } = await extractText(bytes, filename, mime)
  return parseDirectiveText(text)
}
