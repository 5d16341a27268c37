// State changes for dissemination: each in one transaction, scope checked on the first lines, an
// audit entry with before and after, and an Idempotency-Key honoured where a retry could duplicate.
import type { CreateSessionInput, ImportResultDto, ReceiptDto, SessionDetailDto, UpdateSessionInput } from '../../../contract/dissemination.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid, invalidRows, notFound, type FieldError } from '../../http/errors.ts'
import { once, type Answer } from '../../http/idempotency.ts'
import { vnDay } from '../../lib/dates.ts'
import { recordAudit, type Actor } from '../audit/audit.service.ts'
import { directiveReachingUnit, visibleDirective } from '../directives/directives.access.ts'
import { unitById } from '../units/units.access.ts'
import { canReadSessionsOf, canRecordSessionsOf } from './dissemination.policy.ts'
import {
  addAttendees, attendeeIdsOf, confirmReceiptRow, deleteSessionRow, findSession, insertSession, isAddressee, myDirectives, peopleByIds, peopleUnder,
  personUnit, removeAttendees, requirementsOf, sessionDetail, setRequirements, touchSession, updateSessionRow, type SessionRow,
} from './dissemination.queries.ts'
import type { RosterRow } from './roster.parse.ts'
import { matchRoster, toRowError } from './roster.match.ts'

type Issues = Record<string, FieldError>

const uniq = (xs: number[]) => [...new Set(xs)]

const snapshot = (s: SessionRow, attendeeIds: number[]) => ({
  directiveId: s.directiveId, unitId: s.unitId, heldOn: s.heldOn, form: s.form, title: s.title, note: s.note, requirementIds: s.requirementIds, attendeeIds,
})

function checkHeldOn(issues: Issues, heldOn: string, directive: { date: string | null }, now: Date) {
  if (heldOn > vnDay(now)) issues.heldOn = 'future'
  else if (directive.date && heldOn < directive.date) issues.heldOn = { key: 'beforeDirective', n: directive.date }
}

async function checkRequirements(tx: Queryable, issues: Issues, directiveId: number, ids: number[]) {
  const known = await requirementsOf(tx, directiveId, ids)
  ids.forEach((id, i) => {
    if (!known.has(id)) issues[`requirementIds.${i}`] = 'notInDirective'
  })
}

/** New attendees must be active people of the session's unit or its sub-units. */
async function checkAttendees(tx: Queryable, issues: Issues, unitPath: string, ids: number[], alreadyPresent = new Set<number>()) {
  const toCheck = ids.filter((id) => !alreadyPresent.has(id))
  const people = await peopleByIds(tx, toCheck, unitPath)
  ids.forEach((id, i) => {
    if (alreadyPresent.has(id)) return
    const p = people.get(id)
    if (!p || !p.isUnder) issues[`attendeeIds.${i}`] = 'notInUnit'
    else if (!p.isActive) issues[`attendeeIds.${i}`] = 'personInactive'
  })
}

const requireIssued = (status: string) => {
  if (status !== 'issued') throw new AppError('INVALID_STATE')
}

export async function createSession(
  db: Db, user: CurrentUser, actor: Actor, directiveId: number, input: CreateSessionInput, idempotencyKey?: string,
): Promise<Answer<SessionDetailDto>> {
  return db.transaction((tx) =>
    once(tx, actor.id, idempotencyKey, 201, async () => {
      const directive = await visibleDirective(tx, user, directiveId)
      requireIssued(directive.status)
      const issues: Issues = {}
      const unit = await unitById(tx, input.unitId)
      if (!unit || !canRecordSessionsOf(user, unit.path)) issues.unitId = 'notFound'
      else if (!unit.isActive) issues.unitId = 'inactive'
      else if (!(await isAddressee(tx, directiveId, unit.id))) issues.unitId = 'notAddressee'
      checkHeldOn(issues, input.heldOn, directive, actor.now)
      const requirementIds = uniq(input.requirementIds)
      await checkRequirements(tx, issues, directiveId, input.requirementIds)
      if (unit && !issues.unitId) await checkAttendees(tx, issues, unit.path, input.attendeeIds)
      if (Object.keys(issues).length) throw invalid(issues)

      const id = await insertSession(tx, { directiveId, unitId: unit!.id, heldOn: input.heldOn, form: input.form, title: input.title, note: input.note, createdBy: actor.id, now: actor.now })
      await setRequirements(tx, id, requirementIds)
      await addAttendees(tx, id, uniq(input.attendeeIds))
      const session = (await findSession(tx, id))!
      await recordAudit(tx, actor, { action: 'create', entity: 'dissemination_session', entityId: id, unitId: unit!.id, after: snapshot(session, await attendeeIdsOf(tx, id)) })
      return sessionDetail(tx, session)
    }),
  )
}

/** A session the user may read: its unit is in their scope. 404 otherwise. */
export async function readableSession(db: Queryable, user: CurrentUser, id: number): Promise<SessionRow> {
  const session = await findSession(db, id)
  if (!session || !canReadSessionsOf(user, session.unitPath)) throw notFound()
  return session
}

/** The session, locked, if the user may change it: unreadable is "not found", read-only is "forbidden". */
export async function writableSession(tx: Queryable, user: CurrentUser, id: number): Promise<SessionRow> {
  const session = await findSession(tx, id, true)
  if (!session || !canReadSessionsOf(user, session.unitPath)) throw notFound()
  if (!canRecordSessionsOf(user, session.unitPath)) throw new AppError('FORBIDDEN')
  return session
}

/** Something another feature attaches to a session changed (the materials it used): its version moves, as for an edit. */
export const markSessionChanged = (tx: Queryable, id: number, now: Date) => touchSession(tx, id, now)

async function checkVersion(tx: Queryable, session: SessionRow, version: number) {
  if (session.version !== version) throw new AppError('CONFLICT', undefined, { current: await sessionDetail(tx, session) })
}

export async function updateSession(db: Db, user: CurrentUser, actor: Actor, id: number, input: UpdateSessionInput): Promise<SessionDetailDto> {
  return db.transaction(async (tx) => {
    const session = await writableSession(tx, user, id)
    await checkVersion(tx, session, input.version)
    requireIssued(session.directiveStatus)
    const directive = await visibleDirective(tx, user, session.directiveId)
    const before = await attendeeIdsOf(tx, id)
    const issues: Issues = {}
    if (input.heldOn !== undefined) checkHeldOn(issues, input.heldOn, directive, actor.now)
    if (input.requirementIds) await checkRequirements(tx, issues, session.directiveId, input.requirementIds)
    // People already on the list may stay even if they have since left or moved: they did attend.
    if (input.attendeeIds) await checkAttendees(tx, issues, session.unitPath, input.attendeeIds, new Set(before))
    if (Object.keys(issues).length) throw invalid(issues)

    await updateSessionRow(tx, id, {
      heldOn: input.heldOn ?? session.heldOn, form: input.form ?? session.form, title: input.title ?? session.title, note: input.note ?? session.note, now: actor.now,
    })
    if (input.requirementIds) await setRequirements(tx, id, uniq(input.requirementIds))
    if (input.attendeeIds) {
      const next = new Set(input.attendeeIds)
      await removeAttendees(tx, id, before.filter((p) => !next.has(p)))
      await addAttendees(tx, id, [...next])
    }
    const after = (await findSession(tx, id))!
    await recordAudit(tx, actor, {
      action: 'update', entity: 'dissemination_session', entityId: id, unitId: session.unitId,
      before: snapshot(session, before), after: snapshot(after, await attendeeIdsOf(tx, id)),
    })
    return sessionDetail(tx, after)
  })
}

export async function deleteSession(db: Db, user: CurrentUser, actor: Actor, id: number, version: number | undefined): Promise<void> {
  return db.transaction(async (tx) => {
    const session = await writableSession(tx, user, id)
    if (version === undefined) throw invalid({ version: 'required' })
    await checkVersion(tx, session, version)
    requireIssued(session.directiveStatus)
    const before = snapshot(session, await attendeeIdsOf(tx, id))
    await deleteSessionRow(tx, id)
    await recordAudit(tx, actor, { action: 'delete', entity: 'dissemination_session', entityId: id, unitId: session.unitId, before })
  })
}

/**
 * Adds a roster's people to a session, all or nothing: any row that does not name exactly one
 * active person of the unit fails the whole import with every bad row listed.
 */
export async function importAttendees(
  db: Db, user: CurrentUser, actor: Actor, sessionId: number, rows: RosterRow[], idempotencyKey?: string,
): Promise<Answer<ImportResultDto>> {
  return db.transaction((tx) =>
    once(tx, actor.id, idempotencyKey, 200, async () => {
      const session = await writableSession(tx, user, sessionId)
      requireIssued(session.directiveStatus)
      const { personIds, errors } = matchRoster(rows, await peopleUnder(tx, session.unitPath))
      if (errors.length) throw invalidRows(errors.map(toRowError))
      const before = await attendeeIdsOf(tx, sessionId)
      const added = await addAttendees(tx, sessionId, personIds)
      if (added) await touchSession(tx, sessionId, actor.now)
      const after = (await findSession(tx, sessionId))!
      await recordAudit(tx, actor, {
        action: 'importAttendees', entity: 'dissemination_session', entityId: sessionId, unitId: session.unitId,
        before: { attendeeIds: before }, after: { attendeeIds: await attendeeIdsOf(tx, sessionId), rows: rows.length, added },
      })
      const body: ImportResultDto = {
        sessionId, rows: rows.length, added, alreadyPresent: personIds.length - added, attendeeCount: after.attendeeCount, version: after.version,
      }
      return body
    }),
  )
}

/** A person confirms they received a directive addressed to their unit or a unit above it. Idempotent. */
export async function confirmReceipt(db: Db, user: CurrentUser, actor: Actor, directiveId: number): Promise<ReceiptDto> {
  return db.transaction(async (tx) => {
    if (!user.personId) throw new AppError('INVALID_STATE', undefined, { reason: 'noPerson' })
    const who = await personUnit(tx, user.personId)
    if (!who) throw notFound()
    const directive = await directiveReachingUnit(tx, directiveId, who.unitPath)
    requireIssued(directive.status)
    const { confirmedAt, isNew } = await confirmReceiptRow(tx, directiveId, who.personId, user.id, actor.now)
    if (isNew) {
      await recordAudit(tx, actor, { action: 'confirmReceipt', entity: 'directive', entityId: directiveId, unitId: who.unitId, after: { personId: who.personId, confirmedAt } })
    }
    return { directiveId, personId: who.personId, confirmedAt }
  })
}

/** One directive of a person's own list (their confirmation and the sessions they attended), or null. */
export async function directiveOfPerson(db: Queryable, personId: number, directiveId: number) {
  const who = await personUnit(db, personId)
  return who ? (await myDirectives(db, who, { directiveId, limit: 1, offset: 0 })).items[0] ?? null : null
}

/** The directives sent to a person's unit, with their confirmation and the sessions they attended: their own page. */
export async function directivesOfPerson(db: Queryable, personId: number, opts: { q?: string; limit: number; offset: number }) {
  const who = await personUnit(db, personId)
  return who ? myDirectives(db, who, opts) : { items: [], total: 0 }
}
