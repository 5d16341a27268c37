// One inspection as the caller sees it: the whole of it for oversight and the team; for a subject
// unit, its own requests, self-report, sessions, findings, files and corrective actions, and the
// conclusion only once issued (a draft is the team's).
import type { InspectionDto, InspectionRules } from '../../../contract/inspections.ts'
import { classifyAction } from '../../../contract/timeliness.ts'
import type { Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { vnDay } from '../../lib/dates.ts'
import { conclusionOf } from './conclusion-content.ts'
import { correctiveIdsOfInspection } from './corrective-actions.queries.ts'
import { findingDtos } from './finding-dtos.ts'
import { findingsOfInspection } from './findings.queries.ts'
import { reachOf, type InspectionReach } from './inspections.access.ts'
import { extensionsOf, filesOf, findInspection, requestsOf, selfReportsOf, sessionsOf, teamDetails, type FileMeta } from './inspections.queries.ts'
import { needsCorrection } from './inspections.policy.ts'
import { extensionAllowance } from './time-limits.ts'

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)

export async function inspectionDetail(db: Queryable, user: CurrentUser, reach: InspectionReach, rules: InspectionRules, today: string): Promise<InspectionDto> {
  const i = reach.inspection
  const sees = (unitId: number | null) => reach.seesAll || (unitId !== null && reach.visibleUnitIds.includes(unitId))
  const allFiles = await filesOf(db, { inspectionId: i.id })
  const files = allFiles.filter((f) => sees(f.unitId))
  const fileById = new Map<number, FileMeta>(files.map((f) => [f.id, f]))
  const pick = (ids: number[]) => ids.map((id) => fileById.get(id)).filter((f): f is FileMeta => !!f)

  const { requests, items } = await requestsOf(db, i.id)
  const extensions = await extensionsOf(db, i.id)
  const findingRows = (await findingsOfInspection(db, i.id)).filter((f) => sees(f.unitId))
  const findings = await findingDtos(db, user, findingRows, new Map(allFiles.map((f) => [f.id, f])))
  const actions = (await correctiveIdsOfInspection(db, i.id)).filter((a) => sees(a.unit_id))
  const conclusion = reach.seesAll || i.phase === 'concluded' ? await conclusionOf(db, i, findingRows, { draftsToo: reach.seesAll, today }) : null

  return {
    id: i.id, number: i.number, title: i.title, unitIds: i.units.map((u) => u.id), form: { kind: i.kind, mode: i.mode, method: i.method }, phase: i.phase,
    deadline: i.deadline, originalDeadline: i.originalDeadline, openFindings: findings.filter((f) => f.isOpen && needsCorrection(f.kind)).length, year: i.year,
    ownerUnitId: i.ownerUnitId, planItemId: i.planItemId, decisionNumber: i.decisionNumber, decisionDate: i.decisionDate, startDate: i.startDate,
    concludedOn: i.concludedOn, isOverdue: i.phase !== 'concluded' && today > i.deadline,
    content: i.content, directiveIds: i.directiveIds, requirementIds: i.requirementIds, level: i.level, periodFrom: i.periodFrom, periodTo: i.periodTo,
    durationDays: i.durationDays,
    timeliness: classifyAction({ status: i.concludedOn ? 'done' : 'inProgress', effectiveDueDate: i.deadline, completedOn: i.concludedOn }, today),
    extensions: extensions.map((x) => ({
      id: x.id, previousDeadline: x.previous_deadline, newDeadline: x.new_deadline, reason: x.reason, decisionNumber: x.decision_number, decisionDate: x.decision_date,
      by: x.by, at: new Date(x.created_at).toISOString(),
    })),
    extensionAllowance: extensionAllowance(i, extensions.length, rules),
    phases: { preparation: i.decisionDate, conduct: i.conductOn, closing: i.closingOn, concluded: i.concludedOn },
    units: i.units.map((u) => ({ id: u.id, name: u.name, code: u.code })),
    team: (await teamDetails(db, i.id)).map((m) => ({ accountId: m.account_id, username: m.username, fullName: m.full_name, role: m.role })),
    requests: requests.filter((r) => sees(r.unit_id)).map((r) => {
      const mine = items.filter((x) => x.request_id === r.id)
      const answered = mine.filter((x) => x.answered_at).map((x) => vnDay(x.answered_at!)).sort()
      const allIn = mine.length > 0 && mine.every((x) => x.status === 'answered' || x.status === 'received')
      return {
        id: r.id, unitId: r.unit_id, note: r.note, sentOn: r.sent_on, dueDate: r.due_date,
        timeliness: classifyAction({ status: allIn ? 'done' : 'inProgress', effectiveDueDate: r.due_date, completedOn: allIn ? answered.at(-1)! : null }, today),
        items: mine.map((x) => ({
          id: x.id, ordinal: x.ordinal, text: x.text, status: x.status, answerNote: x.answer_note, answerFiles: pick(x.answer_file_ids), answeredAt: iso(x.answered_at),
          reviewComment: x.review_comment, reviewedAt: iso(x.reviewed_at), version: x.version,
        })),
      }
    }),
    selfReports: (await selfReportsOf(db, i.id)).filter((s) => sees(s.unit_id)).map((s) => ({
      unitId: s.unit_id, summary: s.summary, files: pick(s.file_ids), submittedAt: new Date(s.submitted_at).toISOString(), submittedBy: s.submitted_by, version: s.version,
    })),
    sessions: (await sessionsOf(db, i.id)).filter((s) => sees(s.unit_id)).map((s) => ({
      id: s.id, unitId: s.unit_id, heldOn: s.held_on, place: s.place, participants: s.participants, note: s.note,
      minutes: s.minutes_file_id ? fileById.get(s.minutes_file_id) ?? null : null, version: s.version,
    })),
    findings,
    conclusion,
    correctiveActionIds: actions.map((a) => a.id),
    files,
    access: { seesAll: reach.seesAll, canManage: reach.canManage, isOnTeam: reach.isOnTeam, answersFor: reach.answersFor },
    version: i.version,
  }
}

/** The inspection as the caller sees it, read in the same transaction as a change: what a write answers. */
export async function savedInspection(tx: Queryable, user: CurrentUser, id: number, rules: InspectionRules, now: Date): Promise<InspectionDto> {
  return inspectionDetail(tx, user, reachOf(user, (await findInspection(tx, id))!), rules, vnDay(now))
}
