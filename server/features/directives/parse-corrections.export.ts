// Letters people corrected, written out as parser fixtures: the text the parser read and the
// expected result with the confirmed values, in the format of test/fixtures/parse/ (a .txt and
// its .expected.json), so a correction made in production becomes a test the parser must pass.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ParseSourceKind } from '../../../contract/directive-parse.ts'
import type { CorrectableField } from '../../../contract/parser-accuracy.ts'
import type { Queryable } from '../../db/types.ts'
import { expectedFixture, type FieldValues } from './parse-review.ts'

export interface ExportOptions {
  /** Only letters reviewed on or after this day (yyyy-mm-dd, Vietnamese time). */
  since?: string
  kind?: ParseSourceKind
  /** Letters confirmed unchanged too (by default only corrected ones). */
  all?: boolean
}

export interface ExportedFixture {
  name: string
  corrected: CorrectableField[]
}

const slug = (s: string) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40)

/** Writes `<name>.txt` and `<name>.expected.json` into `dir` for each review; returns what it wrote. */
export async function exportCorrections(db: Queryable, dir: string, opts: ExportOptions = {}): Promise<ExportedFixture[]> {
  const rows = await db.query<{
    id: number; source_kind: string; source_text: string; proposal: FieldValues; confirmed: FieldValues; warnings: string[]; day: string; corrected: CorrectableField[]
  }>(
    `SELECT r.id, r.source_kind, r.source_text, r.proposal, r.confirmed, r.warnings,
            to_char(r.reviewed_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS day,
            coalesce(array_agg(c.field ORDER BY c.field) FILTER (WHERE c.field IS NOT NULL), '{}') AS corrected
     FROM parse_review r LEFT JOIN parse_correction c ON c.review_id = r.id
     WHERE ($1::date IS NULL OR (r.reviewed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date >= $1::date) AND ($2::text IS NULL OR r.source_kind = $2)
     GROUP BY r.id ORDER BY r.id`,
    [opts.since ?? null, opts.kind ?? null],
  )
  mkdirSync(dir, { recursive: true })
  const out: ExportedFixture[] = []
  for (const r of rows) {
    if (!opts.all && !r.corrected.length) continue
    const number = (r.confirmed.number as string | null) ?? (r.proposal.number as string | null)
    const name = ['corrected', r.day, number ? slug(number) : null, `r${r.id}`, r.source_kind].filter(Boolean).join('-')
    writeFileSync(join(dir, `${name}.txt`), r.source_text.endsWith('\n') ? r.source_text : r.source_text + '\n')
    const expected = expectedFixture({ proposal: r.proposal, confirmed: r.confirmed, warnings: r.warnings, corrected: r.corrected })
    writeFileSync(join(dir, `${name}.expected.json`), JSON.stringify(expected, null, 2) + '\n')
    out.push({ name, corrected: r.corrected })
  }
  return out
}
