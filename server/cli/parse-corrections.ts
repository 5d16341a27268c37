// npm run parse:corrections -- --out DIR [--since YYYY-MM-DD] [--kind text|docx|pdf|ocr] [--all]
// Writes every letter whose parsed fields a person corrected when registering it as a parser
// fixture: DIR/<name>.txt (the text the parser read) and DIR/<name>.expected.json (the confirmed
// values, as in test/fixtures/parse/). Copy the ones worth keeping into test/fixtures/parse/.
import { PARSE_SOURCE_KINDS, type ParseSourceKind } from '../../contract/directive-parse.ts'
import { exportCorrections } from '../features/directives/parse-corrections.export.ts'
import { openCliDatabase } from './open-db.ts'

const USAGE = 'Cách dùng / usage: npm run parse:corrections -- --out DIR [--since YYYY-MM-DD] [--kind text|docx|pdf|ocr] [--all]\n'
const args = process.argv.slice(2)
const arg = (name: string) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const out = arg('--out')
const since = arg('--since')
const kind = arg('--kind')
if (!out || (since && !/^\d{4}-\d{2}-\d{2}$/.test(since)) || (kind && !PARSE_SOURCE_KINDS.includes(kind as ParseSourceKind))) {
  process.stderr.write(USAGE)
  process.exit(2)
}

const { db, release } = await openCliDatabase()
try {
  const written = await exportCorrections(db, out, { since, kind: kind as ParseSourceKind | undefined, all: args.includes('--all') })
  for (const f of written) process.stdout.write(`${f.name}: ${f.corrected.length ? f.corrected.join(', ') : '(không sửa / unchanged)'}\n`)
  process.stdout.write(`Đã xuất ${written.length} văn bản vào ${out} / exported ${written.length} letters to ${out}\n`)
} finally {
  await db.close()
  release()
}
