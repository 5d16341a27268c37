// Opening, reading and moving a confidential case through its steps. Every state change is one
// transaction with its audit entry; every read of content writes an audit entry too; nothing
// sealed ever goes into an audit entry, a notification or a log line.
import {
  REVIEW_STEPS, VIOLATION_STEPS, DISCIPLINE_FORMS, type CaseDto, type CaseStepInput, type CaseSummaryDto, type CreateCaseInput,
} from '../../../contract/cases.ts'
import { classifyAction } from '../../../contract/timeliness.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { Actor, CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid, notFound } from '../../http/errors.ts'
import { scopePaths } from '../../http/scope.ts'
import { addDays, vnDay } from '../../lib/dates.ts'
import type { Keyring } from '../../lib/keyring.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { blindRef, createDataKey } from '../keys/keys.service.ts'
import { notify } from '../notifications/notifications.service.ts'
import { personById } from '../people/people.access.ts'
import { unitById } from '../units/units.access.ts'
import { AAD, caseKey, caseKeyOf, type CaseKey, type Subject } from './case-content.ts'
import { caseForBreakGlass, caseOnList, managesAccess } from './cases.access.ts'
import { CASE_OPEN_ROLES, CASE_SUMMARY_ROLES, isAdministrator } from './cases.policy.ts'
import {
  accountHasAdminRole, addAccessRow, boardUnitIn, caseContent, caseOwners, countCases, findAccountBrief, findCase, findCaseIdByNumber, insertCase, isOnList, listCasesFor, nextCaseNumber, nextId,
  type CaseRow, type CaseSummaryRow,
} from './cases.queries.ts'

export interface CaseDeps {
  db: Db
  keys: Keyring
  /** Days the subject of a decision has to appeal. */
  appealDays: number
}

const STEPS = { standards_review: REVIEW_STEPS, violation: VIOLATION_STEPS } as const

/** The deadline's class on `today`: a closed case was done on its closing day. */
export function caseTimeliness(c: Pick<CaseRow, 'deadline' | 'status' | 'closedOn' | 'approvedAt'>, today: string) {
  if (!c.deadline) return null
  const doneOn = c.closedOn ?? (c.approvedAt ? vnDay(c.approvedAt) : null)
  return classifyAction({ status: doneOn ? 'done' : 'inProgress', effectiveDueDate: c.deadline, completedOn: doneOn }, today)
}

export const toSummary = (c: CaseSummaryRow, today: string): CaseSummaryDto => ({
  id: c.id, number: c.number, kind: c.kind, status: c.status, step: c.step, purpose: c.purpose, openedOn: c.openedOn, deadline: c.deadline,
  timeliness: caseTimeliness(c, today), outcome: c.outcome, validUntil: c.validUntil,
})

/** What may be recorded after the current step: the next in order, and a violation may close after its decision. */
export function nextSteps(c: Pick<CaseRow, 'kind' | 'step' | 'status'>): string[] {
  if (c.status !== 'open') return []
  const order: readonly string[] = STEPS[c.kind]
  const i = order.indexOf(c.step)
  const next = order[i + 1]
  if (c.kind === 'standards_review') return next && next !== 'approved' ? [next] : []
  if (c.step === 'decision') return ['appeal', 'closed']
  return next ? [next] : []
}

const audit = (tx: Queryable, actor: Actor, c: Pick<CaseRow, 'id' | 'boardUnitId'>, action: string, after?: unknown) =>
  recordAudit(tx, actor, { action, entity: 'case', entityId: c.id, unitId: c.boardUnitId, after })

/**
 * Opens a case. The opener owns it and is its first list entry; the board unit that holds it is
 * the one in the opener's scope. A subject in BVCT is named from the register and found again
 * later by a blind index of their id, never by a column that says who they are.
 */
export async function openCase(deps: CaseDeps, user: CurrentUser, actor: Actor, input: CreateCaseInput & { subjectType: 'person' | 'organization'; note: string }): Promise<CaseDto> {
  const { db, keys } = deps
  const today = vnDay(actor.now)
  return db.transaction(async (tx) => {
    const scopes = scopePaths(user, CASE_OPEN_ROLES)
    const boardUnitId = (await boardUnitIn(tx, scopes)) ?? user.grants.find((g) => CASE_OPEN_ROLES.includes(g.role))!.unitId
    let subject: Subject = { name: input.subjectName ?? '', personId: null }
    if (input.subjectPersonId) {
      const person = await personById(tx, input.subjectPersonId)
      if (!person) throw invalid({ subjectPersonId: 'notFound' })
      subject = { name: input.subjectName || person.fullName, personId: person.id }
    }
    const purpose = input.purpose ?? (input.kind === 'violation' ? 'notice' : 'other')
    const isViolationSource = ['finding', 'report', 'notice'].includes(purpose)
    if ((input.kind === 'violation') !== isViolationSource) throw invalid({ purpose: 'enum' })
    if (input.requestingUnitId && !(await unitById(tx, input.requestingUnitId))) throw invalid({ requestingUnitId: 'notFound' })
    const id = await nextId(tx, 'conf_case')
    const dk = await createDataKey(tx, keys)
    const number = await nextCaseNumber(tx, Number(today.slice(0, 4)))
    const step = STEPS[input.kind][0]
    await insertCase(tx, {
      id, number, kind: input.kind, step, boardUnitId, ownerAccountId: user.id, requestingUnitId: input.requestingUnitId ?? null, purpose,
      subjectType: input.subjectType, openedOn: today, deadline: input.deadline ?? null, dataKeyId: dk.id,
      subjectRef: subject.personId ? await blindRef(tx, keys, 'person', subject.personId) : null,
      subjectEnc: (await sealWith(tx, keys, dk.id)).sealJson(subject, AAD.subject(id)),
      notesEnc: (await sealWith(tx, keys, dk.id)).sealText(input.note, AAD.notes(id)),
      now: actor.now,
    })
    await addAccessRow(tx, id, { accountId: user.id }, user.id, actor.now)
    await audit(tx, actor, { id, boardUnitId }, 'open', { number, kind: input.kind, purpose })
    return caseDetail(tx, keys, user, (await findCase(tx, id))!, today, { viaBreakGlass: false })
  })
}

const sealWith = (db: Queryable, keys: Keyring, dataKeyId: number) => caseKey(db, keys, dataKeyId)

/** The case as the API shows it, content opened. The caller audits the read. */
async function caseDetail(db: Queryable, keys: Keyring, user: CurrentUser, c: CaseRow, today: string, how: { viaBreakGlass: boolean }): Promise<CaseDto> {
  const base = { ...toSummary(c, today), requestingUnitId: c.requestingUnitId, boardUnitId: c.boardUnitId, owner: c.owner, closedOn: c.closedOn, approvedAt: c.approvedAt, version: c.version }
  const access = { viaBreakGlass: how.viaBreakGlass, canManageAccess: managesAccess(user, c), isOwner: c.ownerAccountId === user.id }
  if (c.status === 'purged' || !c.dataKeyId) {
    return { ...base, subjectType: c.subjectType, subject: { name: '', personId: null }, note: '', steps: [], nextSteps: [], requests: [], files: [], notices: [], access }
  }
  const k = c.dataKeyRow ? caseKeyOf(keys, c.dataKeyRow) : await caseKey(db, keys, c.dataKeyId)
  const subject = c.subjectEnc ? k.openJson<Subject>(c.subjectEnc, AAD.subject(c.id)) : { name: '', personId: null }
  const content = await caseContent(db, c.id)
  return {
    ...base,
    subjectType: c.subjectType,
    subject,
    note: k.openText(c.notesEnc, AAD.notes(c.id)),
    steps: content.steps.map((s) => {
      const body = s.body ? k.openJson<{ note: string; details: Record<string, unknown> }>(s.body, AAD.step(s.id)) : { note: '', details: {} }
      return { id: s.id, step: s.step, doneOn: s.doneOn, note: body.note, details: body.details, by: s.by }
    }),
    nextSteps: nextSteps(c),
    requests: content.requests.map((r) => {
      const q = k.openJson<{ agency: string; asked: string }>(r.request, AAD.request(r.id))
      return {
        id: r.id, agency: q.agency, asked: q.asked, sentOn: r.sentOn, dueDate: r.dueDate, repliedOn: r.repliedOn,
        reply: r.reply ? k.openText(r.reply, AAD.reply(r.id)) : null, version: r.version,
        timeliness: classifyAction({ status: r.repliedOn ? 'done' : 'inProgress', effectiveDueDate: r.dueDate, completedOn: r.repliedOn }, today),
      }
    }),
    files: content.files.map((f) => {
      const meta = k.openJson<{ name: string; mime: string; size: number }>(f.meta, AAD.file(f.id) + ':meta')
      return { id: f.id, name: meta.name, mime: meta.mime, size: meta.size, uploadedAt: f.uploadedAt }
    }),
    notices: content.notices.map((n) => ({
      id: n.id, kind: n.kind, sentAt: n.sentAt, dueDate: n.dueDate, body: k.openText(n.body, AAD.notice(n.id)),
      submissions: content.submissions.filter((s) => s.noticeId === n.id).map((s) => ({ id: s.id, kind: s.kind, submittedAt: s.submittedAt, body: k.openText(s.body, AAD.submission(s.id)) })),
    })),
    access,
  }
}

/**
 * A case file's column holds two sealed values back to back: its metadata (name, type, size), then
 * its bytes. A listing opens only the first.
 */
export function fileMeta(contentEnc: Uint8Array): Uint8Array {
  const buf = Buffer.from(contentEnc)
  return buf.subarray(4, 4 + buf.readUInt32BE(0))
}
export function fileBytes(contentEnc: Uint8Array): Uint8Array {
  const buf = Buffer.from(contentEnc)
  return buf.subarray(4 + buf.readUInt32BE(0))
}
export const packFile = (meta: Buffer, bytes: Buffer) => {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(meta.length)
  return Buffer.concat([len, meta, bytes])
}

/**
 * A committee member finds the case behind a number they were given, to open it by break-glass:
 * only a case of a board unit in their scope, and only its id and kind (no content, no read).
 */
export async function lookupForBreakGlass(db: Queryable, user: CurrentUser, number: string) {
  const id = await findCaseIdByNumber(db, number)
  if (id === null) throw notFound()
  const c = await caseForBreakGlass(db, user, id)
  return { id: c.id, number: c.number, kind: c.kind, onList: await isOnList(db, c.id, user.id) }
}

/** Reads a case the user is on the list of, and audits the read (who, when, from where, which parts). */
export async function readCase(deps: CaseDeps, user: CurrentUser, actor: Actor, id: number): Promise<CaseDto> {
  return deps.db.transaction(async (tx) => {
    const c = await caseOnList(tx, user, id)
    const dto = await caseDetail(tx, deps.keys, user, c, vnDay(actor.now), { viaBreakGlass: false })
    await audit(tx, actor, c, 'read', { parts: ['subject', 'notes', 'steps', 'requests', 'files', 'notices'] })
    return dto
  })
}

/**
 * Break-glass: a committee member not on the list opens the case by giving a reason. The reason is
 * sealed with the case, the audit entry is marked, and the case's owners are notified (by number).
 */
export async function breakGlass(deps: CaseDeps, user: CurrentUser, actor: Actor, id: number, reason: string): Promise<CaseDto> {
  return deps.db.transaction(async (tx) => {
    const c = await caseForBreakGlass(tx, user, id)
    const k = await caseKey(tx, deps.keys, c.dataKeyId!)
    const bid = await nextId(tx, 'conf_case_break_glass')
    await tx.query('INSERT INTO conf_case_break_glass (id, case_id, account_id, at, reason_enc) VALUES ($1,$2,$3,$4,$5)', [bid, c.id, user.id, actor.now, k.sealText(reason, AAD.breakGlass(bid))])
    const dto = await caseDetail(tx, deps.keys, user, c, vnDay(actor.now), { viaBreakGlass: true })
    await audit(tx, actor, c, 'breakGlassRead', { breakGlass: true, reasonId: bid, parts: ['subject', 'notes', 'steps', 'requests', 'files', 'notices'] })
    const owners = (await caseOwners(tx, c.id)).filter((a) => a !== user.id)
    await notify(tx, owners.map((accountId) => ({
      accountId, kind: 'case.breakGlass', title: `Hồ sơ ${c.number} được mở theo thủ tục khẩn cấp`,
      body: `${user.username} (Ban cán sự đảng) đã mở hồ sơ ${c.number} khi không có trong danh sách được biết; lý do được lưu trong lịch sử truy cập của hồ sơ.`,
      link: `/cases/${c.id}`, dedupeKey: `case-break-glass:${bid}`,
    })), actor.now)
    return dto
  })
}

function checkVersion(c: CaseRow, version: number) {
  if (c.version !== version) throw new AppError('CONFLICT', undefined, { current: { version: c.version } })
}

const bump = (tx: Queryable, id: number, now: Date, set = '', params: unknown[] = []) =>
  tx.query(`UPDATE conf_case SET ${set}${set ? ', ' : ''}version = version + 1, updated_at = $2 WHERE id = $1`, [id, now, ...params])

export async function updateCase(deps: CaseDeps, user: CurrentUser, actor: Actor, id: number, input: { version: number; deadline?: string | null; note?: string; requestingUnitId?: number | null }): Promise<CaseDto> {
  return deps.db.transaction(async (tx) => {
    const c = await caseOnList(tx, user, id, { forUpdate: true })
    checkVersion(c, input.version)
    if (c.status !== 'open') throw new AppError('INVALID_STATE')
    if (input.requestingUnitId && !(await unitById(tx, input.requestingUnitId))) throw invalid({ requestingUnitId: 'notFound' })
    const k = await caseKey(tx, deps.keys, c.dataKeyId!)
    await bump(tx, id, actor.now, 'deadline = $3, requesting_unit_id = $4, notes_enc = $5', [
      input.deadline !== undefined ? input.deadline : c.deadline,
      input.requestingUnitId !== undefined ? input.requestingUnitId : c.requestingUnitId,
      input.note !== undefined ? k.sealText(input.note, AAD.notes(id)) : c.notesEnc,
    ])
    await audit(tx, actor, c, 'update', { fields: Object.keys(input).filter((f) => f !== 'version') })
    return caseDetail(tx, deps.keys, user, (await findCase(tx, id))!, vnDay(actor.now), { viaBreakGlass: false })
  })
}

/**
 * Records the next step. Each step's note and details are sealed; what the workflow needs in clear
 * follows: a conclusion's outcome class and validity, a decision's outcome class (its form and
 * basis stay sealed), the dates. A notice to the subject is filed where they can see it.
 */
export async function recordStep(deps: CaseDeps, user: CurrentUser, actor: Actor, id: number, input: CaseStepInput & { note: string }): Promise<CaseDto> {
  return deps.db.transaction(async (tx) => {
    const c = await caseOnList(tx, user, id, { forUpdate: true })
    if (!nextSteps(c).includes(input.step)) throw invalid({ step: 'enum' })
    if (input.doneOn > vnDay(actor.now)) throw invalid({ doneOn: 'afterToday' })
    const k = await caseKey(tx, deps.keys, c.dataKeyId!)
    const { step, doneOn, note, ...details } = input
    if (step === 'verificationDecision') await addTeam(tx, user, actor, c, input.teamAccountIds)
    if (step === 'decision') {
      const allowed: readonly string[] = DISCIPLINE_FORMS[c.subjectType]
      if (!allowed.includes(input.form)) throw invalid({ form: 'enum' })
    }
    const sid = await nextId(tx, 'conf_case_step')
    await tx.query('INSERT INTO conf_case_step (id, case_id, step, done_on, body_enc, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7)', [
      sid, c.id, step, doneOn, k.sealJson({ note, details }, AAD.step(sid)), user.id, actor.now,
    ])
    switch (step) {
      case 'conclusion':
        await bump(tx, c.id, actor.now, 'step = $3, outcome = $4, valid_until = $5', [step, input.outcome, input.validUntil])
        break
      case 'subjectNotified':
        await fileNotice(tx, deps, c, k, 'notification', note, input.dueDate, actor.now)
        await bump(tx, c.id, actor.now, 'step = $3', [step])
        break
      case 'decision': {
        const appealDue = addDays(doneOn, deps.appealDays)
        await fileNotice(tx, deps, c, k, 'decision', note, appealDue, actor.now)
        await bump(tx, c.id, actor.now, 'step = $3, outcome = $4', [step, input.form === 'none' ? 'noDiscipline' : 'discipline'])
        break
      }
      case 'appeal':
        await fileNotice(tx, deps, c, k, 'appealDecision', note, null, actor.now)
        await bump(tx, c.id, actor.now, 'step = $3, outcome = CASE WHEN $4 THEN \'overturned\' ELSE outcome END', [step, input.result === 'overturned'])
        break
      case 'closed':
        await bump(tx, c.id, actor.now, 'step = $3, status = \'closed\', closed_on = $4', [step, doneOn])
        break
      default:
        await bump(tx, c.id, actor.now, 'step = $3', [step])
    }
    await audit(tx, actor, c, 'step', { step, doneOn, ...(step === 'verificationDecision' ? { team: input.teamAccountIds.length } : {}) })
    return caseDetail(tx, deps.keys, user, (await findCase(tx, id))!, vnDay(actor.now), { viaBreakGlass: false })
  })
}

/** The verification team goes on the case's list; administrators never do. */
async function addTeam(tx: Queryable, user: CurrentUser, actor: Actor, c: CaseRow, accountIds: number[]) {
  const unique = [...new Set(accountIds)]
  if (unique.length < 3) throw invalid({ teamAccountIds: { key: 'tooShort', n: 3 } })
  for (const [i, accountId] of unique.entries()) {
    const acc = await findAccountBrief(tx, accountId)
    if (!acc) throw invalid({ [`teamAccountIds.${i}`]: 'notFound' })
    if (await accountHasAdminRole(tx, accountId)) throw invalid({ [`teamAccountIds.${i}`]: 'adminNotAllowed' })
    if (await addAccessRow(tx, c.id, { accountId }, user.id, actor.now)) await audit(tx, actor, c, 'addAccess', { accountId })
  }
}

/**
 * A notice to the subject of a violation case. When the subject is a person with an account, the
 * notice is addressed to that account by a blind index, so they see it among their own notices.
 */
async function fileNotice(tx: Queryable, deps: CaseDeps, c: CaseRow, k: CaseKey, kind: 'notification' | 'decision' | 'appealDecision', body: string, dueDate: string | null, now: Date) {
  const subject = c.subjectEnc ? k.openJson<Subject>(c.subjectEnc, AAD.subject(c.id)) : null
  let ref: Buffer | null = null
  let accountId: number | null = null
  if (subject?.personId) {
    const [acc] = await tx.query<{ id: number }>('SELECT id FROM account WHERE person_id = $1 AND is_active', [subject.personId])
    if (acc) {
      accountId = acc.id
      ref = await blindRef(tx, deps.keys, 'account', acc.id)
    }
  }
  const nid = await nextId(tx, 'conf_case_notice')
  await tx.query('INSERT INTO conf_case_notice (id, case_id, kind, addressee_ref, sent_at, due_date, body_enc) VALUES ($1,$2,$3,$4,$5,$6,$7)', [
    nid, c.id, kind, ref, now, dueDate, k.sealText(body, AAD.notice(nid)),
  ])
  // The notification says only that a notice is waiting: what it is about is behind sign-in and the audit.
  if (accountId) {
    await notify(tx, [{ accountId, kind: 'case.notice', title: `Thông báo mới: hồ sơ ${c.number}`, body: 'Bạn có một thông báo cần xem và trả lời trong hạn.', link: '/my-notices', dedupeKey: `case-notice:${nid}` }], now)
  }
}

/** The committee approves a concluded standards review (from the case's list). */
export async function approveConclusion(deps: CaseDeps, user: CurrentUser, actor: Actor, id: number, version: number): Promise<CaseDto> {
  return deps.db.transaction(async (tx) => {
    const c = await caseOnList(tx, user, id, { forUpdate: true })
    checkVersion(c, version)
    if (c.kind !== 'standards_review' || c.step !== 'conclusion') throw new AppError('INVALID_STATE')
    const sid = await nextId(tx, 'conf_case_step')
    const k = await caseKey(tx, deps.keys, c.dataKeyId!)
    await tx.query('INSERT INTO conf_case_step (id, case_id, step, done_on, body_enc, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7)', [
      sid, c.id, 'approved', vnDay(actor.now), k.sealJson({ note: '', details: {} }, AAD.step(sid)), user.id, actor.now,
    ])
    await bump(tx, c.id, actor.now, `step = 'approved', status = 'closed', approved_at = $2, approved_by = $3, closed_on = $4`, [user.id, vnDay(actor.now)])
    await audit(tx, actor, c, 'approve', { outcome: c.outcome, validUntil: c.validUntil })
    return caseDetail(tx, deps.keys, user, (await findCase(tx, id))!, vnDay(actor.now), { viaBreakGlass: false })
  })
}

export { caseDetail }

/** The cases on the user's list (an administrator has none), without opening any content. */
export async function listCases(db: Queryable, user: CurrentUser, f: { kind?: string; status?: string; expiringWithin?: number; limit?: number; offset?: number }, today: string) {
  if (isAdministrator(user)) return { items: [], total: 0 }
  const { rows, total } = await listCasesFor(db, user.id, {
    kind: f.kind, status: f.status, expiringBefore: f.expiringWithin !== undefined ? addDays(today, f.expiringWithin) : undefined, limit: f.limit ?? 100, offset: f.offset ?? 0,
  })
  return { items: rows.map((c) => toSummary(c, today)), total }
}

/** Counts by kind and status (and overdue) for the board units in the user's scope: no names. */
export async function caseCounts(db: Queryable, user: CurrentUser, today: string) {
  return countCases(db, scopePaths(user, CASE_SUMMARY_ROLES), today, addDays(today, 90))
}
