// Registering a unit's official channels and keeping the register current. Every change is one
// transaction with its audit entry. What BVCT will not keep is refused by field: a personal account
// as a channel or as a recovery contact, a password or a code anywhere (contract/safeguards.ts).
import {
  addressKey, addressProblem, type ChannelDto, type ChannelKind, type ChannelSummaryDto, type CreateChannelInput, type UpdateChannelInput,
} from '../../../contract/channels.ts'
import type { ChannelCounts } from '../../../contract/incidents.ts'
import { isPublicMailDomain, mailDomain } from '../../../contract/safeguards.ts'
import type { Config } from '../../config.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { Actor, CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid, type FieldError } from '../../http/errors.ts'
import { once, type Answer } from '../../http/idempotency.ts'
import { isUnder, scopePaths } from '../../http/scope.ts'
import { vnDay } from '../../lib/dates.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { personById } from '../people/people.access.ts'
import { unitForField, unitInScope } from '../units/units.access.ts'
import { channelInScope } from './channels.access.ts'
import { CHANNEL_EDIT_ROLES, CHANNEL_READ_ROLES, cycleMonths, nextReviewDue, reviewRulesOf, reviewStatusOn, type ReviewRules } from './channels.policy.ts'
import {
  channelAdmins, channelReviews, countChannels, insertChannel, listChannelRows, replaceAdmins, retireChannelRow, sameAddress, updateChannelRow,
  type ChannelFilter, type ChannelRow, type RecoveryContact,
} from './channels.queries.ts'

export interface ChannelDeps {
  db: Db
  rules: ReviewRules
}

/** What the channel services need, from the app's database and configuration (also for other features and jobs). */
export const channelDepsOf = (db: Db, config: Config): ChannelDeps => ({ db, rules: reviewRulesOf(config) })

type Issues = Record<string, FieldError>

export const toChannelSummary = (c: ChannelRow, rules: ReviewRules, today: string): ChannelSummaryDto => ({
  id: c.id, unitId: c.unitId, kind: c.kind, address: c.address, twoFactor: c.twoFactor, reviewStatus: reviewStatusOn(c, rules, today),
  unitName: c.unitName, name: c.name, status: c.status, responsiblePersonId: c.responsiblePersonId, responsibleName: c.responsibleName,
  adminCount: c.adminCount, reviewCycleMonths: cycleMonths(c, rules), lastReviewedOn: c.lastReviewedOn, nextReviewDue: nextReviewDue(c, rules),
})

/** The channel as the API shows it, with its administrators and reviews. */
export async function channelDetail(db: Queryable, c: ChannelRow, rules: ReviewRules, today: string): Promise<ChannelDto> {
  return {
    ...toChannelSummary(c, rules, today),
    purpose: c.purpose, responsiblePosition: c.responsiblePosition, admins: await channelAdmins(db, c.id), recoveryContacts: c.recoveryContacts,
    ownReviewCycleMonths: c.reviewCycleMonths, registeredOn: c.registeredOn, retiredOn: c.retiredOn, retiredReason: c.retiredReason,
    reviews: await channelReviews(db, c.id), version: c.version,
  }
}

/** A person of the unit's subtree, active (unless already in place): named by `field` otherwise. */
async function checkPerson(tx: Queryable, issues: Issues, field: string, personId: number, unitPath: string, isAlreadyThere = false) {
  if (issues[field]) return
  const p = await personById(tx, personId)
  if (!p || !isUnder(p.unitPath, unitPath)) issues[field] = 'notInUnit'
  else if (!p.isActive && !isAlreadyThere) issues[field] = 'personInactive'
}

/** Recovery contacts are the unit's: a mailbox at a public provider is a person's own. */
function checkRecovery(issues: Issues, contacts: RecoveryContact[]) {
  contacts.forEach((c, i) => {
    if (c.kind === 'email') {
      const domain = mailDomain(c.value)
      if (!domain) issues[`recoveryContacts.${i}.value`] = 'format'
      else if (isPublicMailDomain(domain)) issues[`recoveryContacts.${i}.value`] = 'notUnitControlled'
    } else if (c.kind === 'phone' && !/^\+?[\d\s.()-]{6,}$/.test(c.value)) {
      issues[`recoveryContacts.${i}.value`] = 'format'
    }
  })
}

function checkAdmins(issues: Issues, admins: { personId: number }[]) {
  const seen = new Set<number>()
  admins.forEach((a, i) => {
    if (seen.has(a.personId)) issues[`admins.${i}.personId`] = 'taken'
    seen.add(a.personId)
  })
}

async function checkAddress(tx: Queryable, issues: Issues, kind: ChannelKind, address: string, exceptId: number | null) {
  const problem = addressProblem(kind, address)
  if (problem) issues.address = problem
  else if (await sameAddress(tx, kind, addressKey(kind, address), exceptId)) issues.address = 'taken'
}

const snapshot = (c: { name: string; address: string; purpose: string; responsiblePersonId: number; reviewCycleMonths: number | null; recoveryContacts: RecoveryContact[] }, admins: unknown) => ({
  name: c.name, address: c.address, purpose: c.purpose, responsiblePersonId: c.responsiblePersonId, reviewCycleMonths: c.reviewCycleMonths,
  recoveryContacts: c.recoveryContacts.length, admins,
})

/** A unit registers one of its official channels (Idempotency-Key honoured). */
export async function registerChannel(deps: ChannelDeps, user: CurrentUser, actor: Actor, input: CreateChannelInput, idempotencyKey?: string): Promise<Answer<ChannelDto>> {
  const { db, rules } = deps
  const today = vnDay(actor.now)
  return db.transaction((tx) =>
    once(tx, actor.id, idempotencyKey, 201, async () => {
      const unit = await unitForField(tx, user, CHANNEL_EDIT_ROLES, input.unitId, 'unitId')
      const issues: Issues = {}
      if (!unit.isActive) issues.unitId = 'inactive'
      await checkAddress(tx, issues, input.kind, input.address, null)
      await checkPerson(tx, issues, 'responsiblePersonId', input.responsiblePersonId, unit.path)
      checkAdmins(issues, input.admins)
      for (const [i, a] of input.admins.entries()) await checkPerson(tx, issues, `admins.${i}.personId`, a.personId, unit.path)
      checkRecovery(issues, input.recoveryContacts)
      if (input.lastReviewedOn && input.lastReviewedOn > today) issues.lastReviewedOn = 'afterToday'
      if (Object.keys(issues).length) throw invalid(issues)
      const recoveryContacts = input.recoveryContacts.map(({ kind, value, note }) => ({ kind, value, note }))
      const id = await insertChannel(tx, {
        unitId: unit.id, kind: input.kind, name: input.name, address: input.address, addressKey: addressKey(input.kind, input.address), purpose: input.purpose,
        responsiblePersonId: input.responsiblePersonId, recoveryContacts, reviewCycleMonths: input.reviewCycleMonths ?? null,
        lastReviewedOn: input.lastReviewedOn ?? null, registeredOn: today, createdBy: actor.id, now: actor.now,
      })
      const admins = input.admins.map(({ personId, hasTwoFactor }) => ({ personId, hasTwoFactor }))
      await replaceAdmins(tx, id, admins)
      const saved = await channelInScope(tx, user, CHANNEL_EDIT_ROLES, id)
      await recordAudit(tx, actor, { action: 'register', entity: 'channel', entityId: id, unitId: unit.id, after: { kind: input.kind, ...snapshot(saved, admins) } })
      return channelDetail(tx, saved, rules, today)
    }),
  )
}

/** Name, address, purpose, people, recovery contacts, cycle: what is sent changes (version checked). */
export async function updateChannel(deps: ChannelDeps, user: CurrentUser, actor: Actor, id: number, input: UpdateChannelInput): Promise<ChannelDto> {
  const { db, rules } = deps
  const today = vnDay(actor.now)
  return db.transaction(async (tx) => {
    const c = await channelInScope(tx, user, CHANNEL_EDIT_ROLES, id, { forUpdate: true })
    if (c.version !== input.version) throw new AppError('CONFLICT', undefined, { current: await channelDetail(tx, c, rules, today) })
    if (c.status !== 'active') throw new AppError('INVALID_STATE')
    const before = await channelAdmins(tx, id)
    const issues: Issues = {}
    if (input.address !== undefined && input.address !== c.address) await checkAddress(tx, issues, c.kind, input.address, id)
    if (input.responsiblePersonId !== undefined && input.responsiblePersonId !== c.responsiblePersonId) await checkPerson(tx, issues, 'responsiblePersonId', input.responsiblePersonId, c.unitPath)
    if (input.admins) {
      checkAdmins(issues, input.admins)
      for (const [i, a] of input.admins.entries()) await checkPerson(tx, issues, `admins.${i}.personId`, a.personId, c.unitPath, before.some((b) => b.personId === a.personId))
    }
    if (input.recoveryContacts) checkRecovery(issues, input.recoveryContacts)
    if (Object.keys(issues).length) throw invalid(issues)
    const address = input.address ?? c.address
    const next = {
      name: input.name ?? c.name, address, addressKey: addressKey(c.kind, address), purpose: input.purpose ?? c.purpose,
      responsiblePersonId: input.responsiblePersonId ?? c.responsiblePersonId,
      recoveryContacts: input.recoveryContacts ? input.recoveryContacts.map(({ kind, value, note }) => ({ kind, value, note })) : c.recoveryContacts,
      reviewCycleMonths: input.reviewCycleMonths !== undefined ? input.reviewCycleMonths : c.reviewCycleMonths,
    }
    await updateChannelRow(tx, id, next, actor.now)
    const admins = input.admins ? input.admins.map(({ personId, hasTwoFactor }) => ({ personId, hasTwoFactor })) : before.map(({ personId, hasTwoFactor }) => ({ personId, hasTwoFactor }))
    if (input.admins) await replaceAdmins(tx, id, admins)
    await recordAudit(tx, actor, {
      action: 'update', entity: 'channel', entityId: id, unitId: c.unitId,
      before: snapshot(c, before.map(({ personId, hasTwoFactor }) => ({ personId, hasTwoFactor }))), after: snapshot(next, admins),
    })
    return channelDetail(tx, await channelInScope(tx, user, CHANNEL_EDIT_ROLES, id), rules, today)
  })
}

/** The unit no longer runs the channel: it stays in the register, reviewed no more. */
export async function retireChannel(deps: ChannelDeps, user: CurrentUser, actor: Actor, id: number, input: { version: number; reason: string }): Promise<ChannelDto> {
  const { db, rules } = deps
  const today = vnDay(actor.now)
  return db.transaction(async (tx) => {
    const c = await channelInScope(tx, user, CHANNEL_EDIT_ROLES, id, { forUpdate: true })
    if (c.version !== input.version) throw new AppError('CONFLICT', undefined, { current: await channelDetail(tx, c, rules, today) })
    if (c.status !== 'active') throw new AppError('INVALID_STATE')
    await retireChannelRow(tx, id, today, input.reason, actor.now)
    await recordAudit(tx, actor, { action: 'retire', entity: 'channel', entityId: id, unitId: c.unitId, before: { status: 'active' }, after: { status: 'retired', reason: input.reason } })
    return channelDetail(tx, await channelInScope(tx, user, CHANNEL_EDIT_ROLES, id), rules, today)
  })
}

export async function readChannel(deps: ChannelDeps, user: CurrentUser, id: number, today: string): Promise<ChannelDto> {
  return channelDetail(deps.db, await channelInScope(deps.db, user, CHANNEL_READ_ROLES, id), deps.rules, today)
}

export interface ChannelQuery {
  under?: number
  kind?: ChannelKind
  reviewStatus?: ChannelFilter['reviewStatus']
  twoFactor?: '0' | '1'
  status: 'active' | 'retired'
  q?: string
  limit?: number
  offset?: number
}

/** Channels in the caller's scope, under `under` (a unit in reach, else 404), filtered. */
export async function findChannels(deps: ChannelDeps, user: CurrentUser, query: ChannelQuery, today: string) {
  const { db, rules } = deps
  const underPath = query.under ? (await unitInScope(db, user, CHANNEL_READ_ROLES, query.under)).path : undefined
  const { rows, total } = await listChannelRows(db, scopePaths(user, CHANNEL_READ_ROLES), {
    underPath, kind: query.kind, reviewStatus: query.reviewStatus, twoFactor: query.twoFactor === undefined ? undefined : query.twoFactor === '1',
    status: query.status, q: query.q, today, defaultMonths: rules.defaultMonths, firstReviewDays: rules.firstReviewDays, soonDays: rules.soonDays,
    limit: query.limit, offset: query.offset,
  })
  return { items: rows.map((c) => toChannelSummary(c, rules, today)), total }
}

/**
 * Active channels counted per unit path (its subtree, or with `ownOnly` the unit alone), within the
 * caller's scope: the board view's figures, and the overview's later.
 */
export async function channelCountsFor(deps: ChannelDeps, scopes: string[], paths: string[], ownOnly: boolean, today: string): Promise<Map<string, ChannelCounts>> {
  const { rules } = deps
  const rows = await countChannels(deps.db, scopes, paths, { ownOnly, today, defaultMonths: rules.defaultMonths, firstReviewDays: rules.firstReviewDays, soonDays: rules.soonDays })
  return new Map([...rows].map(([path, { path: _p, ...counts }]) => [path, counts]))
}
