import { ParseInputError } from './errors.ts'

// Plain text may come from Notepad (UTF-16 with a BOM), a Mac or Linux editor (UTF-8) or an
// old Windows tool (Windows-1258, the Vietnamese code page).
export function decodeTextFile(bytes: Uint8Array): string {
  let text: string
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2))
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2))
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
    } catch {
      text = new TextDecoder('windows-1258').decode(bytes)
    }
  }
  if (text.includes('\u0000')) throw new ParseInputError('UNREADABLE_FILE')
  if (!text.trim()) {
    throw new ParseInputError('UNREADABLE_FILE', 'Tệp không có nội dung', 'The file is empty')
  }
  return text
}
