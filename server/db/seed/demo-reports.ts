import { unitFigures } from '../../features/reports/figures.ts'
import { checkReport } from '../../features/reports/checks.ts'
import { blankSections } from '../../features/reports/reports.queries.ts'
import type { Queryable } from '../types.ts'
import { vnDay } from '../../lib/dates.ts'
import { demoNarratives } from './demo-narratives.ts'
import { inOfficeHours } from './scale/dates.ts'

/**
 * An open report period on the seed letter, due five days ago, with a realistic mix: accepted,
 * returned with comments, submitted, drafts past the deadline, and units that have not started.
 */
export async function loadDemoReports(tx: Queryable, o: { directiveId: number; ownerUnitId: number; scopeUnitId: number; boardAccountId: number; units: { id: number; name: string; head?: number; officer?: number }[]; now: Date; rng: () => number }) {
  const day = vnDay
  const office = (d: Date) => inOfficeHours(d, o.rng)
  const deadline = day(new Date(o.now.getTime() - 5 * 86_400_000))
  const [{ id: periodId }] = await tx.query<{ id: number }>(
    `INSERT INTO report_period (owner_unit_id, scope_unit_id, title, kind, deadline, created_by, created_at)
     VALUES ($1, $2, 'Báo cáo kết quả thực hiện Công văn số 1946-CV/BCSĐ', 'adhoc', $3, $4, $5) RETURNING id`,
    [o.ownerUnitId, o.scopeUnitId, deadline, o.boardAccountId, office(new Date(o.now.getTime() - 40 * 86_400_000))],
  )
  await tx.query('INSERT INTO report_period_directive (period_id, directive_id) VALUES ($1, $2)', [periodId, o.directiveId])
  await tx.query('INSERT INTO report_period_unit (period_id, unit_id) SELECT $1, unnest($2::int[])', [periodId, `{${o.units.map((u) => u.id).join(',')}}`])
  const blank = await blankSections(tx, [o.directiveId])
  for (const [i, u] of o.units.entries()) {
    const kind = ['accepted', 'accepted', 'returned', 'submitted', 'accepted', 'draft', 'none', 'submitted'][i % 8]
    if (kind === 'none') continue
    const submittedAt = office(new Date(o.now.getTime() - (8 + Math.floor(o.rng() * 6)) * 86_400_000))
    // Each unit writes from its own figures, requirement by requirement; a draft stops part-way.
    const own = demoNarratives(u.name, blank.map((s) => s.requirementId), await unitFigures(tx, u.id, [o.directiveId], day(submittedAt)), o.rng)
    const sections = blank.map((s, k) => (kind === 'draft' && k > 4 ? s : { ...s, ...own.sections[k] }))
    const draft = { sections, proposals: own.proposals, claimedFigures: [] }
    const versions = kind === 'draft' ? 0 : 1
    const [{ id: reportId }] = await tx.query<{ id: number }>(
      `INSERT INTO unit_report (period_id, unit_id, status, draft, draft_updated_by, draft_updated_at, submitted_versions, first_submitted_at, version)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
      [periodId, u.id, kind, JSON.stringify(draft), u.officer ?? null, submittedAt, versions, versions ? submittedAt : null, versions ? 4 : 3],
    )
    if (!versions) continue
    const figures = await unitFigures(tx, u.id, [o.directiveId], day(submittedAt))
    const review = kind === 'submitted' ? ['pending', {}] : kind === 'returned'
      ? ['returned', { general: 'Đề nghị bổ sung số liệu cụ thể về số buổi quán triệt và số người tham dự.', sections: { [String(blank[1].requirementId)]: 'Nêu rõ hình thức và kết quả tuyên truyền.' } }]
      : ['accepted', {}]
    await tx.query(
      `INSERT INTO unit_report_version (report_id, number, content, figures, checks, submitted_by, submitted_at, review_status, review_comments, reviewed_by, reviewed_at)
       VALUES ($1, 1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [reportId, JSON.stringify(draft), JSON.stringify(figures), JSON.stringify(checkReport(sections, figures, [])), u.head ?? null, submittedAt, review[0], JSON.stringify(review[1]),
        kind === 'submitted' ? null : o.boardAccountId, kind === 'submitted' ? null : office(new Date(submittedAt.getTime() + 2 * 86_400_000))],
    )
  }
  return periodId
}
