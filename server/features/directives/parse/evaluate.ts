import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import type { ParsedDirective } from '../../../../contract/directive-parse.ts'
import { parseDirectiveFile } from './parse-file.ts'

// Scores the parser on a folder of letters, each beside its hand-checked <name>.expected.json:
// every field the expected file states is compared exactly (warnings by their codes), so one
// wrong word in a subject counts the whole field wrong, as it would for the clerk confirming it.

export interface FieldScore {
  field: string
  exact: number
  total: number
}

export interface Miss {
  file: string
  field: string
}

export interface Evaluation {
  documents: number
  fields: FieldScore[]
  exact: number
  total: number
  misses: Miss[]
}

const LETTER = /\.(txt|docx|pdf)$/

/** The (letter, expected) pairs in a folder: every .txt/.docx/.pdf with a .expected.json beside it. */
export function letterPairs(dir: string): { file: string; expected: string }[] {
  const names = readdirSync(dir)
  return names
    .filter((n) => LETTER.test(n))
    .map((file) => ({ file, expected: file.replace(LETTER, '.expected.json') }))
    .filter((p) => names.includes(p.expected))
    .sort((a, b) => a.file.localeCompare(b.file))
}

const codes = (warnings: unknown): unknown =>
  Array.isArray(warnings) ? warnings.map((w) => String(w).split(':')[0]) : warnings

export async function evaluateFolder(dir: string): Promise<Evaluation> {
  const scores = new Map<string, FieldScore>()
  const misses: Miss[] = []
  const pairs = letterPairs(dir)
  for (const { file, expected } of pairs) {
    const want = JSON.parse(readFileSync(join(dir, expected), 'utf8')) as Record<string, unknown>
    let got: Partial<ParsedDirective> = {}
    try {
      got = await parseDirectiveFile(new Uint8Array(readFileSync(join(dir, file))), file)
    } catch {
      // An unreadable letter scores zero on every field it should have given.
    }
    for (const field of Object.keys(want)) {
      const score = scores.get(field) ?? { field, exact: 0, total: 0 }
      scores.set(field, score)
      score.total++
      const value = (got as Record<string, unknown>)[field]
      const isExact = field === 'warnings' ? isDeepStrictEqual(codes(value), codes(want[field])) : isDeepStrictEqual(value, want[field])
      if (isExact) score.exact++
      else misses.push({ file, field })
    }
  }
  const fields = [...scores.values()]
  return {
    documents: pairs.length,
    fields,
    exact: fields.reduce((n, f) => n + f.exact, 0),
    total: fields.reduce((n, f) => n + f.total, 0),
    misses,
  }
}

/** A rate in percent with one decimal, "100.0"; an empty set scores 0. */
export function rate(exact: number, total: number): string {
  return (total === 0 ? 0 : (100 * exact) / total).toFixed(1)
}

export function formatEvaluation(e: Evaluation): string {
  const width = Math.max(5, ...e.fields.map((f) => f.field.length))
  const row = (name: string, exact: number, total: number) =>
    `${name.padEnd(width)}  ${String(exact).padStart(5)}/${String(total).padEnd(5)} ${rate(exact, total).padStart(6)} %`
  return [
    `${e.documents} văn bản / documents`,
    ...e.fields.map((f) => row(f.field, f.exact, f.total)),
    row('TOTAL', e.exact, e.total),
    ...e.misses.map((m) => `sai / wrong: ${m.file} ${m.field}`),
  ].join('\n')
}
