// Parser accuracy figures: reviews (letters registered from a parsed proposal) and the fields
// corrected in them, per month or ISO week in Vietnamese time, over a window ending at `asOf`.
import type { ParseSourceKind } from '../../../contract/directive-parse.ts'
import { CORRECTABLE_FIELDS, type AccuracyPeriodDto, type CorrectableField, type ParserAccuracyDto } from '../../../contract/parser-accuracy.ts'
import type { Queryable } from '../../db/types.ts'

const FORMAT = { month: 'YYYY-MM', week: 'IYYY-"W"IW' } as const

export async function parserAccuracy(db: Queryable, q: { period: 'month' | 'week'; kind?: ParseSourceKind; periods: number }, asOf: Date): Promise<ParserAccuracyDto> {
  // The window starts at the beginning of the period `periods - 1` before the current one.
  const window = `
    WITH w AS (
      SELECT date_trunc($1, $2::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')
             - CASE $1 WHEN 'week' THEN make_interval(weeks => $3::int - 1) ELSE make_interval(months => $3::int - 1) END AS since
    ), r AS (
      SELECT pr.id, pr.source_kind, to_char(date_trunc($1, pr.reviewed_at AT TIME ZONE 'Asia/Ho_Chi_Minh'), $4) AS period
      FROM parse_review pr, w
      WHERE pr.reviewed_at AT TIME ZONE 'Asia/Ho_Chi_Minh' >= w.since AND pr.reviewed_at <= $2::timestamptz
    )`
  const params = [q.period, asOf.toISOString(), q.periods, FORMAT[q.period]]
  const kindOnly = q.kind ? `WHERE r.source_kind = $5` : ''
  const withKind = q.kind ? [...params, q.kind] : params
  const reviews = await db.query<{ period: string; reviewed: number }>(`${window} SELECT period, count(*)::int AS reviewed FROM r ${kindOnly} GROUP BY period`, withKind)
  const corrections = await db.query<{ period: string; field: CorrectableField; corrected: number }>(
    `${window} SELECT r.period, c.field, count(*)::int AS corrected FROM r JOIN parse_correction c ON c.review_id = r.id ${kindOnly} GROUP BY r.period, c.field`, withKind,
  )
  const byKind = await db.query<{ kind: ParseSourceKind; reviewed: number }>(`${window} SELECT source_kind AS kind, count(*)::int AS reviewed FROM r GROUP BY source_kind ORDER BY source_kind`, params)

  const figures = (period: string, reviewed: number, corrected: (f: CorrectableField) => number): AccuracyPeriodDto => ({
    period, reviewed,
    fields: CORRECTABLE_FIELDS.map((field) => {
      const n = corrected(field)
      return { field, corrected: n, exactRate: reviewed ? Math.round((1 - n / reviewed) * 10_000) / 10_000 : null }
    }),
  })
  const count = (period: string | null, field: CorrectableField) =>
    corrections.filter((c) => (period === null || c.period === period) && c.field === field).reduce((n, c) => n + c.corrected, 0)
  const periods = reviews.sort((a, b) => b.period.localeCompare(a.period)).map((r) => figures(r.period, r.reviewed, (f) => count(r.period, f)))
  const total = figures('total', reviews.reduce((n, r) => n + r.reviewed, 0), (f) => count(null, f))
  return { period: q.period, kind: q.kind ?? null, periods, total, byKind }
}
