// The response to an incident: to whom it was reported and when, each step taken, and the closure
// with lessons learned. Times are checked against the incident's own: nothing before its detection,
// nothing in the future, no closing before a step already taken.
import type { IncidentDto } from '../../../contract/incidents.ts'
import type { Actor, CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid, type FieldError } from '../../http/errors.ts'
import { once, type Answer } from '../../http/idempotency.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { incidentInScope } from './incidents.access.ts'
import { INCIDENT_EDIT_ROLES } from './incidents.policy.ts'
import { closeIncidentRow, insertIncidentReport, insertIncidentStep, type IncidentRow } from './incidents.queries.ts'
import { incidentDetail, type IncidentDeps } from './incidents.service.ts'

/** A time of the response: not before detection, not in the future. */
function checkTime(issues: Record<string, FieldError>, field: string, at: Date, i: IncidentRow, now: Date) {
  if (at.getTime() < i.detectedAt.getTime()) issues[field] = 'beforeDetected'
  else if (at.getTime() > now.getTime()) issues[field] = 'inFuture'
}

/** Records that the incident was reported to one of the configured recipients (Idempotency-Key honoured). */
export async function reportIncident(
  deps: IncidentDeps, user: CurrentUser, actor: Actor, id: number, input: { recipient: string; reportedAt: string; reference: string; note: string }, idempotencyKey?: string,
): Promise<Answer<IncidentDto>> {
  return deps.db.transaction((tx) =>
    once(tx, actor.id, idempotencyKey, 201, async () => {
      const i = await incidentInScope(tx, user, INCIDENT_EDIT_ROLES, id, { forUpdate: true })
      if (i.status !== 'open') throw new AppError('INVALID_STATE')
      const issues: Record<string, FieldError> = {}
      if (!deps.recipients.some((r) => r.key === input.recipient)) issues.recipient = { key: 'notInList', n: deps.recipients.map((r) => r.key).join(', ') }
      const reportedAt = new Date(input.reportedAt)
      checkTime(issues, 'reportedAt', reportedAt, i, actor.now)
      if (Object.keys(issues).length) throw invalid(issues)
      const reportId = await insertIncidentReport(tx, { incidentId: id, recipient: input.recipient, reportedAt, reference: input.reference, note: input.note, recordedBy: actor.id, now: actor.now })
      await recordAudit(tx, actor, { action: 'report', entity: 'securityIncident', entityId: id, unitId: i.unitId, after: { reportId, recipient: input.recipient, reportedAt, reference: input.reference } })
      return incidentDetail(tx, deps, await incidentInScope(tx, user, INCIDENT_EDIT_ROLES, id), actor.now)
    }),
  )
}

/** Records a step of the response with when it was taken (Idempotency-Key honoured). */
export async function addResponseStep(
  deps: IncidentDeps, user: CurrentUser, actor: Actor, id: number, input: { takenAt: string; action: string; note: string }, idempotencyKey?: string,
): Promise<Answer<IncidentDto>> {
  return deps.db.transaction((tx) =>
    once(tx, actor.id, idempotencyKey, 201, async () => {
      const i = await incidentInScope(tx, user, INCIDENT_EDIT_ROLES, id, { forUpdate: true })
      if (i.status !== 'open') throw new AppError('INVALID_STATE')
      const issues: Record<string, FieldError> = {}
      const takenAt = new Date(input.takenAt)
      checkTime(issues, 'takenAt', takenAt, i, actor.now)
      if (Object.keys(issues).length) throw invalid(issues)
      const stepId = await insertIncidentStep(tx, { incidentId: id, takenAt, action: input.action, note: input.note, recordedBy: actor.id, now: actor.now })
      await recordAudit(tx, actor, { action: 'respond', entity: 'securityIncident', entityId: id, unitId: i.unitId, after: { stepId, takenAt, action: input.action } })
      return incidentDetail(tx, deps, await incidentInScope(tx, user, INCIDENT_EDIT_ROLES, id), actor.now)
    }),
  )
}

/** Closes the incident with its lessons learned (version checked). */
export async function closeIncident(deps: IncidentDeps, user: CurrentUser, actor: Actor, id: number, input: { version: number; closedAt: string; lessons: string }): Promise<IncidentDto> {
  return deps.db.transaction(async (tx) => {
    const i = await incidentInScope(tx, user, INCIDENT_EDIT_ROLES, id, { forUpdate: true })
    if (i.version !== input.version) throw new AppError('CONFLICT', undefined, { current: await incidentDetail(tx, deps, i, actor.now) })
    if (i.status !== 'open') throw new AppError('INVALID_STATE')
    const issues: Record<string, FieldError> = {}
    const closedAt = new Date(input.closedAt)
    checkTime(issues, 'closedAt', closedAt, i, actor.now)
    if (!issues.closedAt && i.lastResponseAt && closedAt.getTime() < i.lastResponseAt.getTime()) issues.closedAt = 'beforeResponse'
    if (Object.keys(issues).length) throw invalid(issues)
    await closeIncidentRow(tx, id, closedAt, input.lessons, actor.now)
    await recordAudit(tx, actor, { action: 'close', entity: 'securityIncident', entityId: id, unitId: i.unitId, before: { status: 'open' }, after: { status: 'closed', closedAt } })
    return incidentDetail(tx, deps, await incidentInScope(tx, user, INCIDENT_EDIT_ROLES, id), actor.now)
  })
}
