// npm run --silent parse -- FILE: prints what the directive parser reads from a .txt, .docx
// or .pdf letter, or a scan (PNG, JPEG, or a PDF without text, read with OCR), as the board
// officer would see it before confirming.
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { parseDirectiveFile } from '../features/directives/parse/parse-file.ts'
import { ParseInputError } from '../features/directives/parse/errors.ts'

const file = process.argv[2]
if (!file) {
  process.stderr.write('Cách dùng / usage: npm run --silent parse -- FILE (.txt, .docx, .pdf, .png, .jpg)\n')
  process.exit(2)
}

let bytes: Uint8Array
try {
  bytes = new Uint8Array(await readFile(file))
} catch (error) {
  const reason = (error as NodeJS.ErrnoException).code ?? String(error)
  process.stderr.write(`Không đọc được tệp / cannot read file: ${file} (${reason})\n`)
  process.exit(1)
}

try {
  const parsed = await parseDirectiveFile(bytes, basename(file))
  process.stdout.write(JSON.stringify(parsed, null, 2) + '\n')
} catch (error) {
  if (error instanceof ParseInputError) {
    process.stderr.write(`${error.code}: ${error.message}\n${error.en}\n`)
    process.exit(1)
  }
  throw error
}
