// Corrective actions to closure. The owner unit reports the work done with evidence (a file first);
// the board verifies and closes it, or returns it with a comment; nothing is closed unverified (and
// the database refuses a closed row without a verifier). Timeliness is the plans' four classes,
// counted from the day the unit says the work was done, against the due date in force: the first,
// or the last extension the board approved, the first staying visible.
import type { CorrectiveDto } from '../../../contract/corrective-actions.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { Actor, CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid, notFound } from '../../http/errors.ts'
import { once, type Answer } from '../../http/idempotency.ts'
import { vnDay } from '../../lib/dates.ts'
import type { Mailer } from '../../mail/mailer.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { vnTextDate } from '../reports/documents/vn-format.ts'
import {
  correctiveExtensions, findCorrectiveExtension, listCorrective, toSummary, type CorrectiveDetailRow,
} from './corrective-actions.queries.ts'
import { canReportFor, canVerifyFor, correctiveFor, reachesUnitSql, underPathOf } from './inspections.access.ts'
import { settleFindings } from './findings.queries.ts'
import { filesOf } from './inspections.queries.ts'
import { notifyAccounts, notifyUnits, sendMails, type PendingMail } from './unit-notices.ts'

export interface CorrectiveDeps {
  db: Db
  mailer: Mailer
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)

export async function correctiveDetail(db: Queryable, user: CurrentUser, c: CorrectiveDetailRow, asOf: string): Promise<CorrectiveDto> {
  return {
    ...toSummary(c, asOf),
    findingText: c.findingText, reportNote: c.reportNote, reportedAt: c.reportedAt, reportedBy: c.reportedBy, returnComment: c.returnComment, returnedAt: c.returnedAt,
    verifyNote: c.verifyNote, verifiedAt: c.verifiedAt, verifiedBy: c.verifiedBy,
    evidence: await filesOf(db, { correctiveActionId: c.id }),
    extensions: (await correctiveExtensions(db, c.id)).map((x) => ({
      id: x.id, previousDueDate: x.previous_due_date, requestedDueDate: x.requested_due_date, reason: x.reason, status: x.status, requestedBy: x.requested_by,
      requestedAt: new Date(x.requested_at).toISOString(), decidedBy: x.decided_by, decidedAt: iso(x.decided_at), decisionNote: x.decision_note,
    })),
    access: {
      canReport: (c.status === 'open' || c.status === 'returned') && canReportFor(user, c.unitPath),
      canVerify: c.status === 'reported' && canVerifyFor(user, c.unitPath),
    },
  }
}

export async function readCorrective(db: Queryable, user: CurrentUser, id: number, asOf: string): Promise<CorrectiveDto> {
  return correctiveDetail(db, user, await correctiveFor(db, user, id, 'read'), asOf)
}

/** The actions the caller reaches, paged (the whole ministry's list runs to ~10,000 at scale). */
export async function listCorrectiveActions(
  db: Queryable, user: CurrentUser,
  q: { under?: number; status?: string; timeliness?: string; inspectionId?: number; overdue?: '0' | '1'; asOf: string; limit: number; offset: number },
) {
  const params: unknown[] = []
  const reach = reachesUnitSql(user, params)
  return listCorrective(db, {
    reach, params, underPath: await underPathOf(db, user, q.under), status: q.status, timeliness: q.overdue === '1' ? 'overdue' : q.timeliness,
    inspectionId: q.inspectionId, asOf: q.asOf, limit: q.limit, offset: q.offset,
  })
}

const saved = async (tx: Queryable, user: CurrentUser, id: number, now: Date) => correctiveDetail(tx, user, (await correctiveFor(tx, user, id, 'read'))!, vnDay(now))

function checkVersion(c: { version: number }, version: number) {
  if (c.version !== version) throw new AppError('CONFLICT', undefined, { current: { version: c.version } })
}

const audit = (tx: Queryable, actor: Actor, c: CorrectiveDetailRow, action: string, after?: unknown, before?: unknown) =>
  recordAudit(tx, actor, { action, entity: 'correctiveAction', entityId: c.id, unitId: c.unitId, after, before })

/** Who verifies: the inspection's team (in-app), for an action that came from an inspection. */
async function teamOf(tx: Queryable, inspectionId: number | null) {
  if (!inspectionId) return []
  return (await tx.query<{ account_id: number }>('SELECT account_id FROM inspection_member WHERE inspection_id = $1', [inspectionId])).map((r) => r.account_id)
}

/** The unit reports the work done, on a day not after today, with at least one evidence file. */
export async function reportDone(db: Db, user: CurrentUser, actor: Actor, id: number, input: { version: number; completedOn: string; note: string }): Promise<CorrectiveDto> {
  return db.transaction(async (tx) => {
    const c = await correctiveFor(tx, user, id, 'report', { forUpdate: true })
    checkVersion(c, input.version)
    if (c.status !== 'open' && c.status !== 'returned') throw new AppError('INVALID_STATE')
    if (input.completedOn > vnDay(actor.now)) throw invalid({ completedOn: 'afterToday' })
    if (!(await filesOf(tx, { correctiveActionId: id })).length) throw invalid({ evidence: 'evidenceRequired' })
    await tx.query(
      `UPDATE corrective_action SET status = 'reported', completed_on = $2, report_note = $3, reported_at = $4, reported_by = $5, version = version + 1, updated_at = $4 WHERE id = $1`,
      [id, input.completedOn, input.note, actor.now, actor.id],
    )
    await audit(tx, actor, c, 'reportDone', { completedOn: input.completedOn, note: input.note }, { status: c.status })
    await notifyAccounts(tx, await teamOf(tx, c.inspectionId), {
      kind: 'corrective.reported', title: `Đơn vị báo cáo đã khắc phục: ${c.unitName}`, body: c.title, link: `/corrective-actions/${id}`, dedupeKey: `corrective:${id}:reported:${c.version}`,
    }, actor.now)
    return saved(tx, user, id, actor.now)
  })
}

/** The board verifies a reported action and closes it; its finding is resolved once all its actions are. */
export async function verifyCorrective(deps: CorrectiveDeps, user: CurrentUser, actor: Actor, id: number, input: { version: number; note: string }): Promise<CorrectiveDto> {
  let mails: PendingMail[] = []
  const dto = await deps.db.transaction(async (tx) => {
    const c = await correctiveFor(tx, user, id, 'verify', { forUpdate: true })
    checkVersion(c, input.version)
    // Only what the unit has reported done (with evidence) can be verified and closed.
    if (c.status !== 'reported') throw new AppError('INVALID_STATE')
    await tx.query(
      `UPDATE corrective_action SET status = 'closed', verified_by = $2, verified_at = $3, verify_note = $4, closed_on = $5, version = version + 1, updated_at = $3 WHERE id = $1`,
      [id, actor.id, actor.now, input.note, vnDay(actor.now)],
    )
    if (c.findingId) await settleFindings(tx, [c.findingId])
    await audit(tx, actor, c, 'verify', { status: 'closed', note: input.note }, { status: c.status })
    mails = await notifyUnits(tx, [c.unitId], {
      kind: 'corrective.closed', title: 'Việc khắc phục đã được xác minh, kết thúc', body: c.title, link: `/corrective-actions/${id}`, dedupeKey: `corrective:${id}:closed`,
    }, actor.now)
    return saved(tx, user, id, actor.now)
  })
  await sendMails(deps.mailer, mails)
  return dto
}

/** The board returns a reported action with what is still missing; it is open again. */
export async function returnCorrective(deps: CorrectiveDeps, user: CurrentUser, actor: Actor, id: number, input: { version: number; comment: string }): Promise<CorrectiveDto> {
  let mails: PendingMail[] = []
  const dto = await deps.db.transaction(async (tx) => {
    const c = await correctiveFor(tx, user, id, 'verify', { forUpdate: true })
    checkVersion(c, input.version)
    if (c.status !== 'reported') throw new AppError('INVALID_STATE')
    await tx.query(
      `UPDATE corrective_action SET status = 'returned', return_comment = $2, returned_at = $3, returned_by = $4, version = version + 1, updated_at = $3 WHERE id = $1`,
      [id, input.comment, actor.now, actor.id],
    )
    await audit(tx, actor, c, 'return', { comment: input.comment }, { status: c.status })
    mails = await notifyUnits(tx, [c.unitId], {
      kind: 'corrective.returned', title: 'Việc khắc phục chưa đạt, đề nghị tiếp tục', body: `${c.title}: ${input.comment}`, link: `/corrective-actions/${id}`,
      dedupeKey: `corrective:${id}:returned:${c.version}`,
    }, actor.now)
    return saved(tx, user, id, actor.now)
  })
  await sendMails(deps.mailer, mails)
  return dto
}

/** The unit asks for a later due date; one request waits at a time. */
export async function requestCorrectiveExtension(
  db: Db, user: CurrentUser, actor: Actor, id: number, input: { requestedDueDate: string; reason: string }, key?: string,
): Promise<Answer<CorrectiveDto>> {
  return db.transaction((tx) => once(tx, actor.id, key, 201, async () => {
    const c = await correctiveFor(tx, user, id, 'report', { forUpdate: true })
    if (c.status === 'closed') throw new AppError('INVALID_STATE')
    if (input.requestedDueDate <= c.effectiveDueDate) throw invalid({ requestedDueDate: 'notLater' })
    if ((await correctiveExtensions(tx, id)).some((x) => x.status === 'pending')) throw new AppError('INVALID_STATE')
    const [{ id: xid }] = await tx.query<{ id: number }>(
      `INSERT INTO corrective_action_extension (corrective_action_id, previous_due_date, requested_due_date, reason, requested_by, requested_at) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
      [id, c.effectiveDueDate, input.requestedDueDate, input.reason, actor.id, actor.now],
    )
    await tx.query('UPDATE corrective_action SET version = version + 1, updated_at = $2 WHERE id = $1', [id, actor.now])
    await audit(tx, actor, c, 'requestExtension', { extensionId: xid, requestedDueDate: input.requestedDueDate, reason: input.reason })
    await notifyAccounts(tx, await teamOf(tx, c.inspectionId), {
      kind: 'corrective.extension', title: `Đề nghị gia hạn khắc phục: ${c.unitName}`, body: `${c.title}: đến ngày ${vnTextDate(input.requestedDueDate)}.`,
      link: `/corrective-actions/${id}`, dedupeKey: `corrective-extension:${xid}`,
    }, actor.now)
    return saved(tx, user, id, actor.now)
  }))
}

/** The board approves (the new date is in force, the first stays) or refuses. */
export async function decideCorrectiveExtension(db: Db, user: CurrentUser, actor: Actor, extensionId: number, decision: 'approved' | 'refused', note: string): Promise<CorrectiveDto> {
  return db.transaction(async (tx) => {
    const x = await findCorrectiveExtension(tx, extensionId)
    if (!x) throw notFound()
    const c = await correctiveFor(tx, user, x.corrective_action_id, 'verify', { forUpdate: true })
    if (x.status !== 'pending') throw new AppError('INVALID_STATE')
    await tx.query('UPDATE corrective_action_extension SET status = $2, decided_by = $3, decided_at = $4, decision_note = $5 WHERE id = $1', [extensionId, decision, actor.id, actor.now, note])
    if (decision === 'approved') await tx.query('UPDATE corrective_action SET effective_due_date = $2, version = version + 1, updated_at = $3 WHERE id = $1', [c.id, x.requested_due_date, actor.now])
    await audit(tx, actor, c, decision === 'approved' ? 'approveExtension' : 'refuseExtension', { extensionId, note, dueDate: x.requested_due_date }, { effectiveDueDate: c.effectiveDueDate })
    await notifyUnits(tx, [c.unitId], {
      kind: 'corrective.extensionDecided', title: decision === 'approved' ? 'Đề nghị gia hạn khắc phục được chấp thuận' : 'Đề nghị gia hạn khắc phục không được chấp thuận',
      body: c.title, link: `/corrective-actions/${c.id}`, dedupeKey: `corrective-extension:${extensionId}:${decision}`,
    }, actor.now)
    return saved(tx, user, c.id, actor.now)
  })
}
