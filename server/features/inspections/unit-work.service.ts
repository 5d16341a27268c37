// Working with the units: the team's document requests (a list of items and a due date), each item
// answered by the unit (files and a note) and marked received or asked again; the unit's
// self-inspection report; and the working sessions (date, participants, minutes as a file).
// Every write answers with the inspection as the caller now sees it.
import type { InspectionDto, InspectionRules } from '../../../contract/inspections.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { Actor, CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid, type FieldError } from '../../http/errors.ts'
import { once, type Answer } from '../../http/idempotency.ts'
import { vnDay } from '../../lib/dates.ts'
import type { Mailer } from '../../mail/mailer.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { vnTextDate } from '../reports/documents/vn-format.ts'
import { savedInspection } from './inspection-detail.ts'
import { answerableItem, reviewableItem, subjectUnitForField, teamInspection, teamSession, unitOfInspection, type InspectionReach } from './inspections.access.ts'
import { filesOwnedBy } from './inspections.queries.ts'
import { notifyAccounts, notifyUnits, sendMails, type PendingMail } from './unit-notices.ts'

export interface WorkDeps {
  db: Db
  mailer: Mailer
  rules: InspectionRules
}

const audit = (tx: Queryable, actor: Actor, reach: InspectionReach, action: string, unitId: number | null, after?: unknown) =>
  recordAudit(tx, actor, { action, entity: 'inspection', entityId: reach.inspection.id, unitId: unitId ?? reach.inspection.ownerUnitId, after })

/** The unit's work happens while the inspection runs: not after it is concluded. */
const requireRunning = (reach: InspectionReach) => {
  if (reach.inspection.phase === 'concluded') throw new AppError('INVALID_STATE')
}

/** Files named in a body: each must be one of this inspection's (and, for a unit, its own). */
async function checkFiles(tx: Queryable, reach: InspectionReach, ids: number[], field: string, unitId?: number) {
  const owned = await filesOwnedBy(tx, ids, { inspectionId: reach.inspection.id }, unitId)
  const bad: Record<string, FieldError> = {}
  ids.forEach((id, i) => { if (!owned.has(id)) bad[`${field}.${i}`] = 'notInInspection' })
  if (Object.keys(bad).length) throw invalid(bad)
}

/** The team asks a subject unit for documents; its head and officer are told. */
export async function createRequest(
  deps: WorkDeps, user: CurrentUser, actor: Actor, inspectionId: number, input: { unitId: number; dueDate: string; note: string; items: string[] }, key?: string,
): Promise<Answer<InspectionDto>> {
  let mails: PendingMail[] = []
  const answer = await deps.db.transaction((tx) => once(tx, actor.id, key, 201, async () => {
    const reach = await teamInspection(tx, user, inspectionId, { forUpdate: true })
    requireRunning(reach)
    const unit = subjectUnitForField(reach, input.unitId, 'unitId')
    const sentOn = vnDay(actor.now)
    if (input.dueDate < sentOn) throw invalid({ dueDate: { key: 'notBefore', n: vnTextDate(sentOn) } })
    const [{ id }] = await tx.query<{ id: number }>(
      'INSERT INTO inspection_request (inspection_id, unit_id, note, sent_on, due_date, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id',
      [inspectionId, unit.id, input.note, sentOn, input.dueDate, actor.id, actor.now],
    )
    await tx.query('INSERT INTO inspection_request_item (request_id, ordinal, text) SELECT $1, o, t FROM unnest($2::text[]) WITH ORDINALITY AS x(t, o)', [id, input.items])
    await audit(tx, actor, reach, 'requestDocuments', unit.id, { requestId: id, items: input.items.length, dueDate: input.dueDate })
    mails = await notifyUnits(tx, [unit.id], {
      kind: 'inspection.request', title: `Đề nghị cung cấp tài liệu: ${reach.inspection.number}`,
      body: `${reach.inspection.title}: ${input.items.length} nội dung, hạn ngày ${vnTextDate(input.dueDate)}.`, link: `/inspections/${inspectionId}`, dedupeKey: `inspection-request:${id}`,
    }, actor.now)
    return savedInspection(tx, user, inspectionId, deps.rules, actor.now)
  }))
  if (!answer.isReplay) await sendMails(deps.mailer, mails)
  return answer
}

/** The unit answers one item with its files and a note; answering again after "asked again" is the same call. */
export async function answerItem(deps: WorkDeps, user: CurrentUser, actor: Actor, itemId: number, input: { version: number; note: string; fileIds: number[] }): Promise<InspectionDto> {
  return deps.db.transaction(async (tx) => {
    const { item, reach } = await answerableItem(tx, user, itemId)
    if (item.version !== input.version) throw new AppError('CONFLICT', undefined, { current: { version: item.version, status: item.status } })
    requireRunning(reach)
    if (item.status === 'received') throw new AppError('INVALID_STATE')
    await checkFiles(tx, reach, input.fileIds, 'fileIds', item.unit_id)
    await tx.query(
      `UPDATE inspection_request_item SET status = 'answered', answer_note = $2, answer_file_ids = $3, answered_at = $4, answered_by = $5, version = version + 1 WHERE id = $1`,
      [itemId, input.note, [...new Set(input.fileIds)], actor.now, actor.id],
    )
    await audit(tx, actor, reach, 'answerRequest', item.unit_id, { itemId, files: input.fileIds.length })
    await notifyAccounts(tx, reach.inspection.team.map((m) => m.accountId), {
      kind: 'inspection.answer', title: `Đơn vị đã cung cấp tài liệu: ${reach.inspection.number}`, body: reach.inspection.title,
      link: `/inspections/${reach.inspection.id}`, dedupeKey: `inspection-answer:${itemId}:${item.version}`,
    }, actor.now)
    return savedInspection(tx, user, reach.inspection.id, deps.rules, actor.now)
  })
}

/** The team marks an answered item received, or asks again with what is missing. */
export async function reviewItem(
  deps: WorkDeps, user: CurrentUser, actor: Actor, itemId: number, input: { version: number; decision: 'received' | 'askAgain'; comment: string },
): Promise<InspectionDto> {
  let mails: PendingMail[] = []
  const dto = await deps.db.transaction(async (tx) => {
    const { item, reach } = await reviewableItem(tx, user, itemId)
    if (item.version !== input.version) throw new AppError('CONFLICT', undefined, { current: { version: item.version, status: item.status } })
    requireRunning(reach)
    if (item.status !== 'answered') throw new AppError('INVALID_STATE')
    const status = input.decision === 'received' ? 'received' : 'askedAgain'
    await tx.query('UPDATE inspection_request_item SET status = $2, review_comment = $3, reviewed_at = $4, reviewed_by = $5, version = version + 1 WHERE id = $1', [
      itemId, status, input.comment || null, actor.now, actor.id,
    ])
    await audit(tx, actor, reach, status === 'received' ? 'receiveDocuments' : 'askAgain', item.unit_id, { itemId, comment: input.comment })
    if (status === 'askedAgain') {
      mails = await notifyUnits(tx, [item.unit_id], {
        kind: 'inspection.askAgain', title: `Đề nghị bổ sung tài liệu: ${reach.inspection.number}`, body: input.comment,
        link: `/inspections/${reach.inspection.id}`, dedupeKey: `inspection-ask-again:${itemId}:${item.version}`,
      }, actor.now)
    }
    return savedInspection(tx, user, reach.inspection.id, deps.rules, actor.now)
  })
  await sendMails(deps.mailer, mails)
  return dto
}

/** The unit submits (or resubmits) its self-inspection report; version 1 is the first submission. */
export async function submitSelfReport(
  deps: WorkDeps, user: CurrentUser, actor: Actor, inspectionId: number, unitId: number, input: { version: number; summary: string; fileIds: number[] },
): Promise<InspectionDto> {
  return deps.db.transaction(async (tx) => {
    const reach = await unitOfInspection(tx, user, inspectionId, unitId, { forUpdate: true })
    requireRunning(reach)
    const [current] = await tx.query<{ version: number }>('SELECT version FROM inspection_self_report WHERE inspection_id = $1 AND unit_id = $2 FOR UPDATE', [inspectionId, unitId])
    if ((current?.version ?? 1) !== input.version) throw new AppError('CONFLICT', undefined, { current: { version: current?.version ?? 1 } })
    await checkFiles(tx, reach, input.fileIds, 'fileIds', unitId)
    await tx.query(
      `INSERT INTO inspection_self_report (inspection_id, unit_id, summary, file_ids, submitted_at, submitted_by, version) VALUES ($1,$2,$3,$4,$5,$6,2)
       ON CONFLICT (inspection_id, unit_id) DO UPDATE SET summary = excluded.summary, file_ids = excluded.file_ids, submitted_at = excluded.submitted_at,
         submitted_by = excluded.submitted_by, version = inspection_self_report.version + 1`,
      [inspectionId, unitId, input.summary, [...new Set(input.fileIds)], actor.now, actor.id],
    )
    await audit(tx, actor, reach, 'selfReport', unitId, { files: input.fileIds.length, resubmitted: !!current })
    await notifyAccounts(tx, reach.inspection.team.map((m) => m.accountId), {
      kind: 'inspection.selfReport', title: `Báo cáo tự kiểm tra: ${reach.inspection.number}`, body: reach.inspection.title,
      link: `/inspections/${inspectionId}`, dedupeKey: `inspection-self-report:${inspectionId}:${unitId}:${current?.version ?? 1}`,
    }, actor.now)
    return savedInspection(tx, user, inspectionId, deps.rules, actor.now)
  })
}

interface SessionFields { unitId?: number | null; heldOn: string; place: string; participants: string[]; note: string; minutesFileId?: number | null }

async function checkSession(tx: Queryable, reach: InspectionReach, f: SessionFields, today: string) {
  if (f.unitId) subjectUnitForField(reach, f.unitId, 'unitId')
  if (f.heldOn > today) throw invalid({ heldOn: 'future' })
  if (f.heldOn < reach.inspection.decisionDate) throw invalid({ heldOn: { key: 'notBefore', n: vnTextDate(reach.inspection.decisionDate) } })
  if (f.minutesFileId) await checkFiles(tx, reach, [f.minutesFileId], 'minutesFileId')
}

export async function recordSession(deps: WorkDeps, user: CurrentUser, actor: Actor, inspectionId: number, input: SessionFields, key?: string): Promise<Answer<InspectionDto>> {
  return deps.db.transaction((tx) => once(tx, actor.id, key, 201, async () => {
    const reach = await teamInspection(tx, user, inspectionId, { forUpdate: true })
    requireRunning(reach)
    await checkSession(tx, reach, input, vnDay(actor.now))
    const [{ id }] = await tx.query<{ id: number }>(
      `INSERT INTO inspection_session (inspection_id, unit_id, held_on, place, participants, note, minutes_file_id, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
      [inspectionId, input.unitId ?? null, input.heldOn, input.place, input.participants, input.note, input.minutesFileId ?? null, actor.id, actor.now],
    )
    await audit(tx, actor, reach, 'recordSession', input.unitId ?? null, { sessionId: id, heldOn: input.heldOn, participants: input.participants.length })
    return savedInspection(tx, user, inspectionId, deps.rules, actor.now)
  }))
}

export async function updateSession(deps: WorkDeps, user: CurrentUser, actor: Actor, sessionId: number, input: Partial<SessionFields> & { version: number }): Promise<InspectionDto> {
  return deps.db.transaction(async (tx) => {
    const { session: s, reach } = await teamSession(tx, user, sessionId)
    if (s.version !== input.version) throw new AppError('CONFLICT', undefined, { current: { version: s.version } })
    const f: SessionFields = {
      unitId: input.unitId !== undefined ? input.unitId : s.unit_id, heldOn: input.heldOn ?? s.held_on, place: input.place ?? s.place,
      participants: input.participants ?? s.participants, note: input.note ?? s.note, minutesFileId: input.minutesFileId !== undefined ? input.minutesFileId : s.minutes_file_id,
    }
    await checkSession(tx, reach, f, vnDay(actor.now))
    await tx.query(
      'UPDATE inspection_session SET unit_id = $2, held_on = $3, place = $4, participants = $5, note = $6, minutes_file_id = $7, version = version + 1 WHERE id = $1',
      [sessionId, f.unitId ?? null, f.heldOn, f.place, f.participants, f.note, f.minutesFileId ?? null],
    )
    await audit(tx, actor, reach, 'updateSession', f.unitId ?? null, { sessionId, heldOn: f.heldOn, minutes: !!f.minutesFileId })
    return savedInspection(tx, user, reach.inspection.id, deps.rules, actor.now)
  })
}
