import type { ConsolidatedReportInput, DirectiveSection, DocumentReportStatus, FiguresBasis, UnitFigures, UnitReportInput } from '../../../contract/report-documents.ts'
import type { DirectiveFigures, ReportSection } from '../../../contract/reports.ts'
import type { Queryable } from '../../db/types.ts'
import { vnDay } from '../../lib/dates.ts'
import { unitsFigures } from './figures.ts'
import { periodUnits, type PeriodRow, type PeriodUnitRow } from './periods.queries.ts'
import { latestVersions, type DraftContent } from './reports.queries.ts'

interface UnitContent {
  unit: PeriodUnitRow
  content: DraftContent | null
  figures: DirectiveFigures[]
  submittedAt: string | null
}

/** Per-unit figures summed over the period's directives (coverage as a ratio of sums). */
function sumFigures(unitName: string, status: DocumentReportStatus, submittedAt: string | null, figs: DirectiveFigures[]): UnitFigures {
  const active = figs.reduce((s, f) => s + f.activePeople, 0)
  const reached = figs.reduce((s, f) => s + f.reached, 0)
  const acks = figs.map((f) => f.acknowledgedAt).filter((x): x is string => !!x).sort()
  return {
    unitName, reportStatus: status, submittedAt, acknowledgedAt: acks[0] ?? null, sessions: figs.reduce((s, f) => s + f.sessions, 0),
    coverage: active ? reached / active : null, actionsTotal: figs.reduce((s, f) => s + f.actionsTotal, 0),
    actionsDone: figs.reduce((s, f) => s + f.actionsDone, 0), actionsOverdue: figs.reduce((s, f) => s + f.actionsOverdue, 0),
  }
}

/**
 * Each unit's latest submitted version (its text), with the figures on `basis`: frozen in that
 * version (`submitted`), or counted on `asOf` (`live`, and always for a unit that has sent nothing).
 */
async function unitContents(db: Queryable, period: PeriodRow, units: PeriodUnitRow[], asOf: string, basis: FiguresBasis): Promise<UnitContent[]> {
  const latest = await latestVersions(db, units.flatMap((u) => (u.reportId ? [u.reportId] : [])))
  const live = units.filter((u) => !(basis === 'submitted' && u.reportId && latest.has(u.reportId))).map((u) => u.unitId)
  const counted = await unitsFigures(db, live, period.directiveIds, asOf)
  return units.map((u) => {
    const v = u.reportId ? latest.get(u.reportId) : undefined
    const figures = counted.get(u.unitId) ?? (v!.figures as DirectiveFigures[])
    return { unit: u, content: v?.content ?? null, figures, submittedAt: v?.submittedAt ?? null }
  })
}

async function directiveSections(db: Queryable, directiveIds: number[], contents: { unitName: string; sections: ReportSection[] }[]): Promise<DirectiveSection[]> {
  const out: DirectiveSection[] = []
  for (const id of directiveIds) {
    const [d] = await db.query<{ number: string | null; subject: string; date: string | null }>('SELECT number, subject, date FROM directive WHERE id = $1', [id])
    const reqs = await db.query<{ id: number; label: string; text: string }>('SELECT id, label, text FROM requirement WHERE directive_id = $1 AND parent_id IS NULL ORDER BY ordinal', [id])
    out.push({
      number: d.number, subject: d.subject, date: d.date,
      requirements: reqs.map((r) => ({
        label: r.label.replace(/\.$/, ''), text: r.text,
        narratives: contents.flatMap((c) => c.sections.filter((s) => s.requirementId === r.id).map((s) => ({ unitName: c.unitName, done: s.done, results: s.results, shortcomings: s.shortcomings, causes: s.causes, proposals: s.proposals }))),
      })),
    })
  }
  return out
}

/**
 * Gathers the consolidated report for a period (optionally one subtree): what each unit reported by
 * requirement, their figures, who is late or missing, their proposals.
 */
export async function consolidatedInput(db: Queryable, period: PeriodRow, opts: { underPath?: string; asOf: string; basis?: FiguresBasis }): Promise<ConsolidatedReportInput> {
  const basis = opts.basis ?? 'live'
  const units = await periodUnits(db, period, opts.underPath ? [opts.underPath] : null, opts.asOf)
  const contents = await unitContents(db, period, units, opts.asOf, basis)
  const [first] = period.directiveIds.length ? await db.query<{ number: string | null; date: string | null; parent_body: string | null; issuer: string | null }>('SELECT number, date, parent_body, issuer FROM directive WHERE id = $1', [period.directiveIds[0]]) : []
  const submitted = contents.filter((c) => c.content)
  return {
    header: { parentBody: first?.parent_body ?? 'BAN CHẤP HÀNH TRUNG ƯƠNG', issuer: first?.issuer ?? 'BAN CÁN SỰ ĐẢNG BỘ Y TẾ', number: '-BC/BCSĐ', place: 'Hà Nội', date: opts.asOf },
    title: 'BÁO CÁO',
    subtitle: period.title.replace(/^Báo cáo\s+/i, ''),
    periodTitle: period.title,
    deadline: period.deadline,
    basis,
    directives: await directiveSections(db, period.directiveIds, submitted.map((c) => ({ unitName: c.unit.unitName, sections: c.content!.sections }))),
    figures: contents.map((c) => sumFigures(c.unit.unitName, c.unit.status, c.submittedAt, c.figures)),
    lateUnits: contents.filter((c) => c.submittedAt && c.unit.firstSubmittedAt && vnDay(c.unit.firstSubmittedAt) > period.deadline).map((c) => ({ unitName: c.unit.unitName, submittedAt: c.unit.firstSubmittedAt! })),
    // The screen's "Quá hạn, chưa gửi" (reports.queries reportStatus): the same units, the same words.
    missingUnits: contents.filter((c) => c.unit.status === 'late').map((c) => c.unit.unitName),
    proposals: submitted.filter((c) => c.content!.proposals.trim()).map((c) => `${c.unit.unitName}: ${c.content!.proposals.trim()}`),
    distribution: ['Ban Tổ chức Trung ương (để b/c)', 'Đ/c Bí thư Ban cán sự đảng (để b/c)', 'Các đ/c Ủy viên Ban cán sự đảng', 'Lưu: VP BCSĐ, Ban BVCTNB'],
    signature: { authority: 'T/M BAN CÁN SỰ ĐẢNG', title: 'BÍ THƯ', name: '' },
  }
}

/** One unit's report in the same format: its latest submitted version, or its draft. */
export async function unitReportInput(db: Queryable, period: PeriodRow, unitId: number, asOf: string): Promise<UnitReportInput> {
  const [unit] = await periodUnits(db, period, null, asOf).then((us) => us.filter((u) => u.unitId === unitId))
  const [content] = await unitContents(db, period, [unit], asOf, 'submitted')
  const [info] = await db.query<{ code: string; parent_name: string | null; head_name: string | null }>(
    `SELECT u.code, parent.name AS parent_name, (SELECT pe.full_name FROM role_grant g JOIN account a ON a.id = g.account_id JOIN person pe ON pe.id = a.person_id
       WHERE g.unit_id = u.id AND g.role = 'unitHead' ORDER BY g.id LIMIT 1) AS head_name
     FROM unit u LEFT JOIN unit parent ON parent.id = u.parent_id WHERE u.id = $1`,
    [unitId],
  )
  const [draft] = content.content ? [content.content] : await db.query<{ draft: DraftContent }>('SELECT draft FROM unit_report WHERE id = $1', [unit.reportId ?? 0]).then((r) => r.map((x) => x.draft))
  const sections = draft?.sections ?? []
  return {
    header: { parentBody: (info.parent_name ?? '').toUpperCase(), issuer: unit.unitName.toUpperCase(), number: `-BC/${info.code}`, place: 'Hà Nội', date: asOf },
    title: 'BÁO CÁO', subtitle: period.title.replace(/^Báo cáo\s+/i, ''), periodTitle: period.title, unitName: unit.unitName,
    directives: await directiveSections(db, period.directiveIds, [{ unitName: unit.unitName, sections }]),
    figures: sumFigures(unit.unitName, unit.status, content.submittedAt, content.figures),
    proposals: draft?.proposals?.trim() ? [draft.proposals.trim()] : [],
    distribution: ['Ban Bảo vệ chính trị nội bộ (để b/c)', 'Lưu: VT'],
    signature: { authority: '', title: 'THỦ TRƯỞNG ĐƠN VỊ', name: info.head_name ?? '' },
  }
}
