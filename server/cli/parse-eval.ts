// npm run parse:eval -- DIR [--min PERCENT]: scores the directive parser on a folder of letters
// (.txt, .docx, .pdf) each with a hand-checked <name>.expected.json, field by field. Exits 1
// when the total exact rate is below --min (default 100: CI runs it on test/fixtures/parse).
import { existsSync } from 'node:fs'
import { evaluateFolder, formatEvaluation, rate } from '../features/directives/parse/evaluate.ts'

const args = process.argv.slice(2)
const minAt = args.indexOf('--min')
const min = minAt >= 0 ? Number(args[minAt + 1]) : 100
const dir = args.find((a, i) => !a.startsWith('--') && (minAt < 0 || i !== minAt + 1))

if (!dir || !existsSync(dir) || Number.isNaN(min)) {
  process.stderr.write('Cách dùng / usage: npm run parse:eval -- DIR [--min PERCENT]\n')
  process.exit(2)
}

const evaluation = await evaluateFolder(dir)
process.stdout.write(formatEvaluation(evaluation) + '\n')
const total = Number(rate(evaluation.exact, evaluation.total))
if (evaluation.documents === 0 || total < min) {
  process.stderr.write(`Dưới ngưỡng / below threshold: ${total} % < ${min} %\n`)
  process.exit(1)
}
