// State changes of the key-positions register: each in one transaction, scope checked first, an
// audit entry with before and after, `version` on edits and an Idempotency-Key on creation. A
// holder change re-reads the new holder's standing and raises or clears alerts in the same
// transaction; their e-mails go out once it has committed.
import type { AssignHolderInput, CreatePositionInput, PositionDetailDto, PositionDto, UpdatePositionInput } from '../../../contract/positions.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { Actor, CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid, type FieldError } from '../../http/errors.ts'
import { once, type Answer } from '../../http/idempotency.ts'
import { addDays, vnDay } from '../../lib/dates.ts'
import type { Keyring } from '../../lib/keyring.ts'
import type { Mail, Mailer } from '../../mail/mailer.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { unitForField } from '../units/units.access.ts'
import { positionInScope } from './positions.access.ts'
import { POSITION_READ_ROLES, POSITION_WRITE_ROLES } from './positions.policy.ts'
import {
  endHolding, findOpenPositionByTitle, findPosition, holdingsOf, insertHolding, insertPosition, openAlertOf, personUnder, toPositionDto, touchPosition,
  updatePositionRow, type PositionRow,
} from './positions.queries.ts'
import { reevaluateHoldings, sendMails } from './vetting.service.ts'

export interface PositionDeps {
  db: Db
  keys: Keyring
  mailer: Mailer
  /** Days before a conclusion's end it reads "expiring". */
  expiringDays: number
}

const snapshot = (p: PositionRow) => ({
  unitId: p.unitId, title: p.title, department: p.department, classification: p.classification, requiresConclusion: p.requiresConclusion,
  reviewCycleMonths: p.reviewCycleMonths, note: p.note, closedOn: p.closedOn, holder: p.holder ? { personId: p.holder.personId, since: p.holder.since, isActing: p.holder.isActing } : null,
})

const dto = async (tx: Queryable, id: number, actor: Actor, expiringDays: number) => toPositionDto((await findPosition(tx, id))!, vnDay(actor.now), expiringDays)

function checkVersion(p: PositionRow, version: number, actor: Actor, expiringDays: number) {
  if (p.version !== version) throw new AppError('CONFLICT', undefined, { current: toPositionDto(p, vnDay(actor.now), expiringDays) })
}

/** A person who may hold a position of the unit: active, in the unit or one of its sub-units. */
export async function checkHolder(tx: Queryable, personId: number, unitPath: string, field: string, issues: Record<string, FieldError>) {
  const p = await personUnder(tx, personId, unitPath)
  if (!p || !p.isUnder) issues[field] = 'notInUnit'
  else if (!p.isActive) issues[field] = 'personInactive'
}

/** Runs a write that may raise or clear alerts, then sends their e-mails once it has committed. */
async function withMails<T>(deps: PositionDeps, work: (tx: Queryable, mails: Mail[]) => Promise<T>): Promise<T> {
  const mails: Mail[] = []
  const result = await deps.db.transaction((tx) => work(tx, mails))
  await sendMails(deps.mailer, mails)
  return result
}

export async function createPosition(deps: PositionDeps, user: CurrentUser, actor: Actor, input: CreatePositionInput, idempotencyKey?: string): Promise<Answer<PositionDto>> {
  return deps.db.transaction((tx) =>
    once(tx, actor.id, idempotencyKey, 201, async () => {
      const unit = await unitForField(tx, user, POSITION_WRITE_ROLES, input.unitId, 'unitId')
      if (!unit.isActive) throw invalid({ unitId: 'inactive' })
      if (await findOpenPositionByTitle(tx, unit.id, input.title, input.department)) throw invalid({ title: 'taken' })
      const id = await insertPosition(tx, { ...input, createdBy: actor.id, now: actor.now })
      const saved = (await findPosition(tx, id))!
      await recordAudit(tx, actor, { action: 'create', entity: 'keyPosition', entityId: id, unitId: unit.id, after: snapshot(saved) })
      return toPositionDto(saved, vnDay(actor.now), deps.expiringDays)
    }),
  )
}

/**
 * Edits a position. Closing it (`closedOn`) ends its holder's term that day; requiring a
 * conclusion or no longer requiring one re-evaluates the holder's alert.
 */
export async function updatePosition(deps: PositionDeps, user: CurrentUser, actor: Actor, id: number, input: UpdatePositionInput): Promise<PositionDto> {
  return withMails(deps, async (tx, mails) => {
    const p = await positionInScope(tx, user, POSITION_WRITE_ROLES, id, { forUpdate: true })
    checkVersion(p, input.version, actor, deps.expiringDays)
    if (p.closedOn) throw new AppError('INVALID_STATE')
    const today = vnDay(actor.now)
    const next = {
      title: input.title ?? p.title, department: input.department ?? p.department, classification: input.classification ?? p.classification,
      requiresConclusion: input.requiresConclusion ?? p.requiresConclusion, reviewCycleMonths: input.reviewCycleMonths !== undefined ? input.reviewCycleMonths : p.reviewCycleMonths,
      note: input.note ?? p.note, closedOn: input.closedOn ?? null,
    }
    if (next.closedOn && next.closedOn > today) throw invalid({ closedOn: 'afterToday' })
    if (next.closedOn && p.holder && next.closedOn < p.holder.since) throw invalid({ closedOn: { key: 'notBefore', n: p.holder.since } })
    if ((next.title !== p.title || next.department !== p.department) && !next.closedOn) {
      const other = await findOpenPositionByTitle(tx, p.unitId, next.title, next.department)
      if (other && other !== p.id) throw invalid({ title: 'taken' })
    }
    await updatePositionRow(tx, id, { ...next, now: actor.now })
    if (next.closedOn && p.holdingId) await endHolding(tx, p.holdingId, next.closedOn)
    const after = (await findPosition(tx, id))!
    await recordAudit(tx, actor, { action: next.closedOn ? 'close' : 'update', entity: 'keyPosition', entityId: id, unitId: p.unitId, before: snapshot(p), after: snapshot(after) })
    if (p.holdingId && (next.closedOn || next.requiresConclusion !== p.requiresConclusion)) {
      mails.push(...(await reevaluateHoldings(tx, deps.keys, [p.holdingId], { today, expiringDays: deps.expiringDays, actor })).mails)
    }
    return toPositionDto(after, today, deps.expiringDays)
  })
}

/**
 * A new holder from `from`; the one before (if any) held it until the day before. The new holder's
 * standing is read at once, so the register and any alert are right from the first answer.
 */
export async function assignHolder(deps: PositionDeps, user: CurrentUser, actor: Actor, id: number, input: AssignHolderInput): Promise<PositionDto> {
  return withMails(deps, async (tx, mails) => {
    const p = await positionInScope(tx, user, POSITION_WRITE_ROLES, id, { forUpdate: true })
    checkVersion(p, input.version, actor, deps.expiringDays)
    if (p.closedOn) throw new AppError('INVALID_STATE')
    const today = vnDay(actor.now)
    const issues: Record<string, FieldError> = {}
    await checkHolder(tx, input.personId, p.unitPath, 'personId', issues)
    if (p.holder?.personId === input.personId) issues.personId = 'alreadyHolder'
    if (input.from > today) issues.from = 'afterToday'
    else if (p.holder && input.from <= p.holder.since) issues.from = { key: 'notBefore', n: addDays(p.holder.since, 1) }
    if (Object.keys(issues).length) throw invalid(issues)
    const previous = p.holdingId
    if (previous) await endHolding(tx, previous, addDays(input.from, -1))
    const holdingId = await insertHolding(tx, { positionId: id, personId: input.personId, from: input.from, isActing: input.isActing, createdBy: actor.id, now: actor.now })
    await touchPosition(tx, id, actor.now)
    await recordAudit(tx, actor, {
      action: 'assignHolder', entity: 'keyPosition', entityId: id, unitId: p.unitId,
      before: { holder: snapshot(p).holder }, after: { holder: { personId: input.personId, since: input.from, isActing: input.isActing } },
    })
    const outcome = await reevaluateHoldings(tx, deps.keys, [holdingId], { today, expiringDays: deps.expiringDays, actor }, previous ? [previous] : [])
    mails.push(...outcome.mails)
    return dto(tx, id, actor, deps.expiringDays)
  })
}

/** The holder leaves on `on` (their last day): the position is vacant, and their alert clears. */
export async function vacatePosition(deps: PositionDeps, user: CurrentUser, actor: Actor, id: number, input: { version: number; on: string }): Promise<PositionDto> {
  return withMails(deps, async (tx, mails) => {
    const p = await positionInScope(tx, user, POSITION_WRITE_ROLES, id, { forUpdate: true })
    checkVersion(p, input.version, actor, deps.expiringDays)
    if (p.closedOn || !p.holder || !p.holdingId) throw new AppError('INVALID_STATE')
    const today = vnDay(actor.now)
    if (input.on > today) throw invalid({ on: 'afterToday' })
    if (input.on < p.holder.since) throw invalid({ on: { key: 'notBefore', n: p.holder.since } })
    await endHolding(tx, p.holdingId, input.on)
    await touchPosition(tx, id, actor.now)
    await recordAudit(tx, actor, { action: 'vacate', entity: 'keyPosition', entityId: id, unitId: p.unitId, before: { holder: snapshot(p).holder }, after: { holder: null, lastDay: input.on } })
    mails.push(...(await reevaluateHoldings(tx, deps.keys, [], { today, expiringDays: deps.expiringDays, actor }, [p.holdingId])).mails)
    return dto(tx, id, actor, deps.expiringDays)
  })
}

/** A position with everyone who held it and its open alert. */
export async function positionDetail(db: Queryable, user: CurrentUser, id: number, today: string, expiringDays: number): Promise<PositionDetailDto> {
  const p = await positionInScope(db, user, POSITION_READ_ROLES, id)
  return { ...toPositionDto(p, today, expiringDays), holders: await holdingsOf(db, id), alert: await openAlertOf(db, id) }
}
