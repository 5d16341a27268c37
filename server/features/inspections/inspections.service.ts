// Inspections: opened from an approved plan item or ad hoc, with the decision, the team, the subject
// units, the period reviewed and a deadline that follows from the level's time limit; then moved
// through preparation → conduct → closing (concluded comes with the notice), extended within the
// rules with the reason and decision kept, and the original deadline always visible.
import type { CreateInspectionInput, InspectionDto, InspectionRules, UpdateInspectionInput } from '../../../contract/inspections.ts'
import { DEFAULT_ISSUER_SYMBOL, INSPECTION_LABELS } from '../../../contract/inspections.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { Actor, CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid, type FieldError } from '../../http/errors.ts'
import { once, type Answer } from '../../http/idempotency.ts'
import { vnDay } from '../../lib/dates.ts'
import type { Mailer } from '../../mail/mailer.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { vnTextDate } from '../reports/documents/vn-format.ts'
import { unitById } from '../units/units.access.ts'
import { inspectionDetail, savedInspection } from './inspection-detail.ts'
import { startableItem } from './inspection-plans.service.ts'
import { boardUnitFor, managedInspection, readableInspection } from './inspections.access.ts'
import { INSPECTION_MANAGE_ROLES } from './inspections.policy.ts'
import { extensionsOf, nextDocumentNumber, nextInspectionNumber, replaceTeam } from './inspections.queries.ts'
import { checkSubjectUnits, checkTeam, checkTopics } from './input-checks.ts'
import { deadlineFor, extensionRefusal, lastDay, periodRefusal } from './time-limits.ts'
import { notifyAccounts, notifyUnits, sendMails, type PendingMail } from './unit-notices.ts'

export interface InspectionDeps {
  db: Db
  mailer: Mailer
  rules: InspectionRules
}

const PHASE_ORDER = ['preparation', 'conduct', 'closing', 'concluded'] as const

function checkVersion(found: { version: number }, version: number) {
  if (found.version !== version) throw new AppError('CONFLICT', undefined, { current: { version: found.version } })
}

const audit = (tx: Queryable, actor: Actor, id: number, unitId: number, action: string, after?: unknown, before?: unknown) =>
  recordAudit(tx, actor, { action, entity: 'inspection', entityId: id, unitId, after, before })

export async function readInspection(db: Queryable, user: CurrentUser, id: number, rules: InspectionRules, today: string): Promise<InspectionDto> {
  return inspectionDetail(db, user, await readableInspection(db, user, id), rules, today)
}

/**
 * Opens an inspection. From a plan item, what is not given is the item's; ad hoc, the form, title
 * and units are required. Everything is checked before anything is written, each failure naming
 * its field. A retry with the same key creates nothing and tells no one twice.
 */
export async function createInspection(deps: InspectionDeps, user: CurrentUser, actor: Actor, input: CreateInspectionInput, key?: string): Promise<Answer<InspectionDto>> {
  let mails: PendingMail[] = []
  const answer = await deps.db.transaction((tx) => once(tx, actor.id, key, 201, async () => {
    const from = input.planItemId ? await startableItem(tx, user, input.planItemId) : null
    const it = from?.item
    const f = {
      title: input.title ?? it?.title, content: input.content ?? it?.content ?? '', kind: input.kind ?? it?.kind, mode: input.mode ?? it?.mode, method: input.method ?? it?.method,
      unitIds: input.unitIds ?? it?.unitIds, directiveIds: input.directiveIds ?? it?.directiveIds ?? [], requirementIds: input.requirementIds ?? it?.requirementIds ?? [],
    }
    const missing = Object.fromEntries((['title', 'kind', 'mode', 'method', 'unitIds'] as const).filter((k) => !f[k]).map((k) => [k, 'required' as const]))
    if (Object.keys(missing).length) throw invalid(missing)
    const form = { kind: f.kind!, mode: f.mode!, method: f.method! }
    let ownerUnitId = from?.plan.ownerUnitId
    if (!ownerUnitId) {
      const given = input.ownerUnitId ? await unitById(tx, input.ownerUnitId) : null
      if (input.ownerUnitId && !given) throw invalid({ ownerUnitId: 'notFound' })
      ownerUnitId = boardUnitFor(user, INSPECTION_MANAGE_ROLES, given, 'ownerUnitId')
    }
    const unitIds = await checkSubjectUnits(tx, user, f.unitIds!)
    const topics = await checkTopics(tx, user, f.directiveIds, f.requirementIds)
    const bad: Record<string, FieldError> = { ...periodRefusal(input.periodFrom, input.periodTo, input.decisionDate, deps.rules) }
    if (input.startDate < input.decisionDate) bad.startDate = { key: 'notBefore', n: vnTextDate(input.decisionDate) }
    if (input.decisionNumber && (await tx.query('SELECT 1 FROM inspection WHERE lower(decision_number) = lower($1)', [input.decisionNumber])).length) bad.decisionNumber = 'taken'
    if (Object.keys(bad).length) throw invalid(bad)
    await checkTeam(tx, input.team, form, deps.rules)

    const year = Number(input.decisionDate.slice(0, 4))
    const number = await nextInspectionNumber(tx, form.kind, year)
    const decisionNumber = input.decisionNumber ?? (await nextDocumentNumber(tx, 'QĐ', DEFAULT_ISSUER_SYMBOL))
    const { durationDays, deadline } = deadlineFor(input.startDate, input.level, deps.rules)
    const [{ id }] = await tx.query<{ id: number }>(
      `INSERT INTO inspection (number, year, owner_unit_id, plan_item_id, title, content, directive_ids, requirement_ids, kind, mode, method, level, decision_number,
         decision_date, period_from, period_to, start_date, duration_days, original_deadline, deadline, created_by, created_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$19,$20,$21,$21) RETURNING id`,
      [number, year, ownerUnitId, it?.id ?? null, f.title, f.content, topics.directiveIds, topics.requirementIds, form.kind, form.mode, form.method, input.level,
        decisionNumber, input.decisionDate, input.periodFrom, input.periodTo, input.startDate, durationDays, deadline, actor.id, actor.now],
    )
    await tx.query('INSERT INTO inspection_unit (inspection_id, unit_id) SELECT $1, u FROM unnest($2::int[]) AS u', [id, unitIds])
    await replaceTeam(tx, id, input.team)
    await audit(tx, actor, id, ownerUnitId, 'create', { number, decisionNumber, planItemId: it?.id ?? null, unitIds, team: input.team, startDate: input.startDate, deadline, level: input.level })
    const word = INSPECTION_LABELS.kind[form.kind].vi.toLocaleLowerCase('vi')
    const notice = {
      kind: 'inspection.decision', title: `Quyết định ${word} số ${decisionNumber}`,
      body: `${f.title}: bắt đầu từ ngày ${vnTextDate(input.startDate)}, thời hạn đến ngày ${vnTextDate(deadline)}.`, link: `/inspections/${id}`, dedupeKey: `inspection:${id}:decision`,
    }
    mails = await notifyUnits(tx, unitIds, notice, actor.now)
    await notifyAccounts(tx, input.team.map((m) => m.accountId), notice, actor.now)
    return savedInspection(tx, user, id, deps.rules, actor.now)
  }))
  if (!answer.isReplay) await sendMails(deps.mailer, mails)
  return answer
}

/**
 * Edits what the inspection is (title, content, topics, period) and its team until it is concluded.
 * The start date moves only in preparation and before any extension, taking the deadline with it.
 */
export async function updateInspection(deps: InspectionDeps, user: CurrentUser, actor: Actor, id: number, input: UpdateInspectionInput): Promise<InspectionDto> {
  return deps.db.transaction(async (tx) => {
    const { inspection: i } = await managedInspection(tx, user, id, { forUpdate: true })
    checkVersion(i, input.version)
    if (i.phase === 'concluded') throw new AppError('INVALID_STATE')
    const topics = await checkTopics(tx, user, input.directiveIds ?? i.directiveIds, input.requirementIds ?? i.requirementIds)
    const periodFrom = input.periodFrom ?? i.periodFrom
    const periodTo = input.periodTo ?? i.periodTo
    const refused = periodRefusal(periodFrom, periodTo, i.decisionDate, deps.rules)
    if (refused) throw invalid(refused)
    let { startDate, deadline, originalDeadline } = i
    if (input.startDate && input.startDate !== i.startDate) {
      if (i.phase !== 'preparation' || (await extensionsOf(tx, id)).length) throw invalid({ startDate: { key: 'nextPhase', n: INSPECTION_LABELS.phase.preparation.vi } })
      if (input.startDate < i.decisionDate) throw invalid({ startDate: { key: 'notBefore', n: vnTextDate(i.decisionDate) } })
      startDate = input.startDate
      // The duration fixed when the inspection was decided, not today's rule.
      deadline = originalDeadline = lastDay(startDate, i.durationDays)
    }
    if (input.team) {
      await checkTeam(tx, input.team, i, deps.rules)
      await replaceTeam(tx, id, input.team)
    }
    await tx.query(
      `UPDATE inspection SET title = $2, content = $3, directive_ids = $4, requirement_ids = $5, period_from = $6, period_to = $7, start_date = $8, deadline = $9,
         original_deadline = $10, version = version + 1, updated_at = $11 WHERE id = $1`,
      [id, input.title ?? i.title, input.content ?? i.content, topics.directiveIds, topics.requirementIds, periodFrom, periodTo, startDate, deadline, originalDeadline, actor.now],
    )
    const { version: _v, ...changed } = input
    await audit(tx, actor, id, i.ownerUnitId, 'update', changed, { title: i.title, periodFrom: i.periodFrom, periodTo: i.periodTo, startDate: i.startDate, team: i.team })
    return savedInspection(tx, user, id, deps.rules, actor.now)
  })
}

/** Moves to the next phase (conduct, then closing) from the day given: not before the last, not after today. */
export async function advancePhase(deps: InspectionDeps, user: CurrentUser, actor: Actor, id: number, input: { version: number; phase: 'conduct' | 'closing'; on: string }): Promise<InspectionDto> {
  return deps.db.transaction(async (tx) => {
    const { inspection: i } = await managedInspection(tx, user, id, { forUpdate: true })
    checkVersion(i, input.version)
    const next = PHASE_ORDER[PHASE_ORDER.indexOf(i.phase) + 1]
    if (input.phase !== next) throw invalid({ phase: { key: 'nextPhase', n: next ? INSPECTION_LABELS.phase[next].vi : '—' } })
    const since = i.phase === 'preparation' ? i.decisionDate : i.conductOn!
    if (input.on < since) throw invalid({ on: { key: 'notBefore', n: vnTextDate(since) } })
    if (input.on > vnDay(actor.now)) throw invalid({ on: 'afterToday' })
    await tx.query(`UPDATE inspection SET phase = $2, ${input.phase === 'conduct' ? 'conduct_on' : 'closing_on'} = $3, version = version + 1, updated_at = $4 WHERE id = $1`, [
      id, input.phase, input.on, actor.now,
    ])
    await audit(tx, actor, id, i.ownerUnitId, 'advancePhase', { phase: input.phase, on: input.on }, { phase: i.phase })
    return savedInspection(tx, user, id, deps.rules, actor.now)
  })
}

/**
 * Extends the deadline by a decision, with its reason: within the number of extensions and the
 * share of the time limit the rules allow (one, by a third, by default), counted from the original.
 */
export async function extendInspection(
  deps: InspectionDeps, user: CurrentUser, actor: Actor, id: number, input: { version: number; newDeadline: string; reason: string; decisionNumber: string; decisionDate: string },
): Promise<InspectionDto> {
  return deps.db.transaction(async (tx) => {
    const { inspection: i } = await managedInspection(tx, user, id, { forUpdate: true })
    checkVersion(i, input.version)
    if (i.phase === 'concluded') throw new AppError('INVALID_STATE')
    const refused = extensionRefusal(i, (await extensionsOf(tx, id)).length, input.newDeadline, deps.rules)
    if (refused) throw invalid(refused)
    if (input.decisionDate > vnDay(actor.now)) throw invalid({ decisionDate: 'afterToday' })
    await tx.query(
      `INSERT INTO inspection_extension (inspection_id, previous_deadline, new_deadline, reason, decision_number, decision_date, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [id, i.deadline, input.newDeadline, input.reason, input.decisionNumber, input.decisionDate, actor.id, actor.now],
    )
    await tx.query('UPDATE inspection SET deadline = $2, version = version + 1, updated_at = $3 WHERE id = $1', [id, input.newDeadline, actor.now])
    await audit(tx, actor, id, i.ownerUnitId, 'extend', { newDeadline: input.newDeadline, reason: input.reason, decisionNumber: input.decisionNumber }, { deadline: i.deadline })
    return savedInspection(tx, user, id, deps.rules, actor.now)
  })
}
