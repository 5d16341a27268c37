import type { DirectiveFigures, ReportCheck, ReportSection } from '../../../contract/reports.ts'

export interface ClaimedFigures {
  directiveId: number
  sessions?: number | null
  coveragePercent?: number | null
  actionsDone?: number | null
}

const pct = (x: number) => Math.round(x * 1000) / 10

/**
 * Data-quality checks shown before a report goes up. Errors block submission (a requirement with no
 * narrative); warnings travel with the submitted version for the board to see.
 */
export function checkReport(sections: ReportSection[], figures: DirectiveFigures[], claimed: ClaimedFigures[]): ReportCheck[] {
  const out: ReportCheck[] = []
  const has = (s: ReportSection) => [s.done, s.results, s.shortcomings, s.causes, s.proposals].some((t) => t.trim().length > 0)
  for (const s of sections) {
    if (!has(s)) out.push({ code: 'NO_NARRATIVE', severity: 'error', directiveId: s.directiveId, requirementId: s.requirementId, message: `Yêu cầu ${s.label} chưa có nội dung báo cáo`, messageEn: `Requirement ${s.label} has no narrative` })
  }
  for (const f of figures) {
    const doc = f.number ?? `#${f.directiveId}`
    if (f.actionsDoneWithoutEvidence > 0) {
      out.push({ code: 'DONE_WITHOUT_EVIDENCE', severity: 'warning', directiveId: f.directiveId, message: `${f.actionsDoneWithoutEvidence} nhiệm vụ (văn bản ${doc}) báo hoàn thành nhưng chưa có minh chứng`, messageEn: `${f.actionsDoneWithoutEvidence} action(s) (${doc}) reported done without evidence` })
    }
    if (f.activePeople > 0 && f.reached > f.activePeople) {
      out.push({ code: 'COVERAGE_OVER_100', severity: 'warning', directiveId: f.directiveId, message: `Tỷ lệ quán triệt văn bản ${doc} vượt 100% (${pct(f.reached / f.activePeople)}%)`, messageEn: `Coverage of ${doc} is above 100% (${pct(f.reached / f.activePeople)}%)` })
    }
    const wrote = sections.some((s) => s.directiveId === f.directiveId && has(s))
    if (wrote && !f.acknowledgedAt) {
      out.push({ code: 'NOT_ACKNOWLEDGED', severity: 'warning', directiveId: f.directiveId, message: `Báo cáo kết quả thực hiện văn bản ${doc} nhưng đơn vị chưa xác nhận tiếp nhận văn bản này`, messageEn: `The report describes work on ${doc}, which the unit never acknowledged` })
    }
    const c = claimed.find((x) => x.directiveId === f.directiveId)
    if (!c) continue
    const diffs: string[] = []
    if (c.sessions != null && c.sessions !== f.sessions) diffs.push(`số buổi quán triệt ${c.sessions} (hệ thống: ${f.sessions})`)
    if (c.coveragePercent != null && f.coverage !== null && Math.abs(c.coveragePercent - pct(f.coverage)) >= 1) diffs.push(`tỷ lệ quán triệt ${c.coveragePercent}% (hệ thống: ${pct(f.coverage)}%)`)
    if (c.coveragePercent != null && c.coveragePercent > 100) out.push({ code: 'COVERAGE_OVER_100', severity: 'warning', directiveId: f.directiveId, message: `Tỷ lệ quán triệt văn bản ${doc} đơn vị kê khai vượt 100% (${c.coveragePercent}%)`, messageEn: `The coverage the unit states for ${doc} is above 100% (${c.coveragePercent}%)` })
    if (c.actionsDone != null && c.actionsDone !== f.actionsDone) diffs.push(`số nhiệm vụ hoàn thành ${c.actionsDone} (hệ thống: ${f.actionsDone})`)
    if (diffs.length) out.push({ code: 'FIGURES_DIFFER', severity: 'warning', directiveId: f.directiveId, message: `Số liệu kê khai khác số liệu hệ thống (văn bản ${doc}): ${diffs.join('; ')}`, messageEn: `Stated figures differ from BVCT's (${doc}): ${diffs.join('; ')}` })
  }
  return out
}
