// The officer roster's state changes: one transaction each, scope checked first, an audit entry,
// `version` on edits and an Idempotency-Key on creation.
import type { CreateOfficerInput, OfficerDetailDto, OfficerDto, TrainingRecordDto, UpdateOfficerInput } from '../../../contract/officers.ts'
import { classifyTraining, refresherDueOn } from '../../../contract/officers.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { Actor, CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid, type FieldError } from '../../http/errors.ts'
import { once, type Answer } from '../../http/idempotency.ts'
import { vnDay } from '../../lib/dates.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { unitForField } from '../units/units.access.ts'
import { officerInScope } from './officers.access.ts'
import { OFFICER_READ_ROLES, OFFICER_WRITE_ROLES } from './officers.policy.ts'
import {
  appointmentsOf, findOfficer, insertOfficer, lastTrainedOn, overlappingAppointment, personUnder, toOfficerDto, trainingHistory, updateOfficerRow,
  type OfficerRow, type TrainingRule,
} from './officers.queries.ts'

export type { TrainingRule }

const snapshot = (o: OfficerRow) => ({ unitId: o.unitId, personId: o.personId, role: o.role, decisionNumber: o.decisionNumber, appointedOn: o.appointedOn, until: o.until, note: o.note })

function checkDates(issues: Record<string, FieldError>, appointedOn: string, until: string | null, today: string) {
  if (appointedOn > today) issues.appointedOn = 'afterToday'
  if (until && until < appointedOn) issues.until = { key: 'notBefore', n: appointedOn }
}

export async function createOfficer(db: Db, user: CurrentUser, actor: Actor, input: CreateOfficerInput, rule: TrainingRule, idempotencyKey?: string): Promise<Answer<OfficerDto>> {
  return db.transaction((tx) =>
    once(tx, actor.id, idempotencyKey, 201, async () => {
      const unit = await unitForField(tx, user, OFFICER_WRITE_ROLES, input.unitId, 'unitId')
      if (!unit.isActive) throw invalid({ unitId: 'inactive' })
      const today = vnDay(actor.now)
      const issues: Record<string, FieldError> = {}
      const p = await personUnder(tx, input.personId, unit.path)
      if (!p || !p.isUnder) issues.personId = 'notInUnit'
      else if (!p.isActive) issues.personId = 'personInactive'
      else if (await overlappingAppointment(tx, unit.id, input.personId, input.appointedOn, input.until)) issues.personId = 'alreadyOfficer'
      checkDates(issues, input.appointedOn, input.until, today)
      if (Object.keys(issues).length) throw invalid(issues)
      const id = await insertOfficer(tx, { ...input, createdBy: actor.id, now: actor.now })
      const saved = (await findOfficer(tx, id))!
      await recordAudit(tx, actor, { action: 'appoint', entity: 'officer', entityId: id, unitId: unit.id, after: snapshot(saved) })
      return toOfficerDto(saved, today, rule)
    }),
  )
}

/** Edits an appointment; setting `until` ends it. */
export async function updateOfficer(db: Db, user: CurrentUser, actor: Actor, id: number, input: UpdateOfficerInput, rule: TrainingRule): Promise<OfficerDto> {
  return db.transaction(async (tx) => {
    const o = await officerInScope(tx, user, OFFICER_WRITE_ROLES, id, { forUpdate: true })
    const today = vnDay(actor.now)
    if (o.version !== input.version) throw new AppError('CONFLICT', undefined, { current: toOfficerDto(o, today, rule) })
    const next = {
      role: input.role ?? o.role, decisionNumber: input.decisionNumber ?? o.decisionNumber, appointedOn: input.appointedOn ?? o.appointedOn,
      until: input.until !== undefined ? input.until : o.until, note: input.note ?? o.note,
    }
    const issues: Record<string, FieldError> = {}
    checkDates(issues, next.appointedOn, next.until, today)
    if (!issues.appointedOn && (await overlappingAppointment(tx, o.unitId, o.personId, next.appointedOn, next.until, o.id))) issues.appointedOn = 'alreadyOfficer'
    if (Object.keys(issues).length) throw invalid(issues)
    await updateOfficerRow(tx, id, { ...next, now: actor.now })
    const saved = (await findOfficer(tx, id))!
    await recordAudit(tx, actor, { action: next.until && !o.until ? 'endAppointment' : 'update', entity: 'officer', entityId: id, unitId: o.unitId, before: snapshot(o), after: snapshot(saved) })
    return toOfficerDto(saved, today, rule)
  })
}

export async function officerDetail(db: Queryable, user: CurrentUser, id: number, today: string, rule: TrainingRule): Promise<OfficerDetailDto> {
  const o = await officerInScope(db, user, OFFICER_READ_ROLES, id)
  return { ...toOfficerDto(o, today, rule), history: await trainingHistory(db, o.personId) }
}

/**
 * A person's own training record, for their own page: only while they are an officer in office
 * (null otherwise); every course they attended, with results and certificates.
 */
export async function ownTrainingRecord(db: Queryable, personId: number, today: string, rule: TrainingRule): Promise<TrainingRecordDto | null> {
  if (!(await appointmentsOf(db, personId, today)).length) return null
  const last = await lastTrainedOn(db, personId)
  return {
    personId, trainingStatus: classifyTraining(last, today, rule.cycleMonths, rule.dueDays), lastTrainedOn: last,
    refresherDueOn: last ? refresherDueOn(last, rule.cycleMonths) : null, history: await trainingHistory(db, personId),
  }
}
