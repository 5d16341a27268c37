// Recording a cybersecurity incident and reading incidents with their times. The targets and the
// four classes are contract/incidents.ts's; a change is one transaction with its audit entry.
import {
  closeTimeliness, incidentTimeliness, reportTimeliness, type CreateIncidentInput, type IncidentCounts, type IncidentDto, type IncidentKind, type IncidentSummaryDto,
  type IncidentTargets, type UpdateIncidentInput,
} from '../../../contract/incidents.ts'
import type { Timeliness } from '../../../contract/timeliness.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { Actor, CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid, type FieldError } from '../../http/errors.ts'
import { once, type Answer } from '../../http/idempotency.ts'
import { isUnder, scopePaths } from '../../http/scope.ts'
import { addDays, daysBetween, vnDay } from '../../lib/dates.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { channelForField } from '../channels/channels.access.ts'
import { unitForField, unitInScope } from '../units/units.access.ts'
import { incidentInScope } from './incidents.access.ts'
import { INCIDENT_EDIT_ROLES, INCIDENT_READ_ROLES, type Recipient } from './incidents.policy.ts'
import { incidentReports, incidentSteps, insertIncident, listIncidentRows, updateIncidentRow, type IncidentRow } from './incidents.queries.ts'

export interface IncidentDeps {
  db: Db
  targets: IncidentTargets
  recipients: Recipient[]
}

const HOUR_MS = 3_600_000
const oneDecimal = (n: number) => Math.round(n * 10) / 10

/** An incident's times and classes on instant `now`. */
export function toIncidentSummary(i: IncidentRow, targets: IncidentTargets, now: Date): IncidentSummaryDto {
  const today = vnDay(now)
  const closeDueOn = addDays(vnDay(i.detectedAt), targets.closeDays)
  const report = reportTimeliness(i.detectedAt, i.firstReportedAt, targets.reportHours, now)
  const close = closeTimeliness(closeDueOn, i.closedAt ? vnDay(i.closedAt) : null, today)
  return {
    id: i.id, unitId: i.unitId, kind: i.kind, detectedAt: i.detectedAt.toISOString(), status: i.status, timeliness: incidentTimeliness(report, close, i.status === 'closed'),
    unitName: i.unitName, channelId: i.channelId, channelName: i.channelName, channelAddress: i.channelAddress, system: i.system,
    reportDueAt: new Date(i.detectedAt.getTime() + targets.reportHours * HOUR_MS).toISOString(),
    firstReportedAt: i.firstReportedAt?.toISOString() ?? null,
    hoursToReport: i.firstReportedAt ? oneDecimal((i.firstReportedAt.getTime() - i.detectedAt.getTime()) / HOUR_MS) : null,
    reportTimeliness: report, closeDueOn, closedAt: i.closedAt?.toISOString() ?? null,
    daysToClose: i.closedAt ? daysBetween(i.detectedAt, i.closedAt) : null, closeTimeliness: close,
  }
}

export async function incidentDetail(db: Queryable, deps: Pick<IncidentDeps, 'targets' | 'recipients'>, i: IncidentRow, now: Date): Promise<IncidentDto> {
  const labelOf = (key: string) => deps.recipients.find((r) => r.key === key)?.label ?? { vi: key, en: key }
  return {
    ...toIncidentSummary(i, deps.targets, now), summary: i.summary, lessons: i.lessons, version: i.version,
    reports: (await incidentReports(db, i.id)).map((r) => ({ ...r, recipientLabel: labelOf(r.recipient) })),
    steps: await incidentSteps(db, i.id),
  }
}

type Issues = Record<string, FieldError>

/** The channel (the unit's own) and the detection time; named by field when wrong. */
async function checkWhere(tx: Queryable, user: CurrentUser, issues: Issues, unitId: number, channelId: number | null | undefined, detectedAt: Date | undefined, now: Date) {
  if (channelId) {
    try {
      await channelForField(tx, user, INCIDENT_EDIT_ROLES, channelId, unitId, 'channelId')
    } catch (e) {
      if (!(e instanceof AppError) || !e.fields) throw e
      Object.assign(issues, e.fields)
    }
  }
  if (detectedAt && detectedAt.getTime() > now.getTime()) issues.detectedAt = 'inFuture'
}

/** A unit records an incident on one of its channels or systems (Idempotency-Key honoured). */
export async function recordIncident(deps: IncidentDeps, user: CurrentUser, actor: Actor, input: CreateIncidentInput, idempotencyKey?: string): Promise<Answer<IncidentDto>> {
  return deps.db.transaction((tx) =>
    once(tx, actor.id, idempotencyKey, 201, async () => {
      const unit = await unitForField(tx, user, INCIDENT_EDIT_ROLES, input.unitId, 'unitId')
      const issues: Issues = {}
      const detectedAt = new Date(input.detectedAt)
      await checkWhere(tx, user, issues, unit.id, input.channelId, detectedAt, actor.now)
      if (Object.keys(issues).length) throw invalid(issues)
      const id = await insertIncident(tx, { unitId: unit.id, kind: input.kind, channelId: input.channelId ?? null, system: input.system, summary: input.summary, detectedAt, createdBy: actor.id, now: actor.now })
      await recordAudit(tx, actor, { action: 'record', entity: 'securityIncident', entityId: id, unitId: unit.id, after: { kind: input.kind, channelId: input.channelId ?? null, system: input.system, detectedAt } })
      return incidentDetail(tx, deps, await incidentInScope(tx, user, INCIDENT_EDIT_ROLES, id), actor.now)
    }),
  )
}

/** While open: kind, channel or system, summary, detection time (version checked). */
export async function updateIncident(deps: IncidentDeps, user: CurrentUser, actor: Actor, id: number, input: UpdateIncidentInput): Promise<IncidentDto> {
  return deps.db.transaction(async (tx) => {
    const i = await incidentInScope(tx, user, INCIDENT_EDIT_ROLES, id, { forUpdate: true })
    if (i.version !== input.version) throw new AppError('CONFLICT', undefined, { current: await incidentDetail(tx, deps, i, actor.now) })
    if (i.status !== 'open') throw new AppError('INVALID_STATE')
    const next = {
      kind: (input.kind ?? i.kind) as IncidentKind,
      channelId: input.channelId !== undefined ? input.channelId : i.channelId,
      system: input.system ?? i.system,
      summary: input.summary ?? i.summary,
      detectedAt: input.detectedAt ? new Date(input.detectedAt) : i.detectedAt,
    }
    const issues: Issues = {}
    await checkWhere(tx, user, issues, i.unitId, next.channelId !== i.channelId ? next.channelId : null, input.detectedAt ? next.detectedAt : undefined, actor.now)
    if (!next.channelId && !next.system) issues[input.channelId === null ? 'channelId' : 'system'] = 'required'
    if (input.detectedAt && i.firstResponseAt && next.detectedAt.getTime() > i.firstResponseAt.getTime()) issues.detectedAt = 'afterResponse'
    if (Object.keys(issues).length) throw invalid(issues)
    await updateIncidentRow(tx, id, next, actor.now)
    const pick = (x: typeof next) => ({ kind: x.kind, channelId: x.channelId, system: x.system, detectedAt: x.detectedAt })
    await recordAudit(tx, actor, { action: 'update', entity: 'securityIncident', entityId: id, unitId: i.unitId, before: pick(i), after: pick(next) })
    return incidentDetail(tx, deps, await incidentInScope(tx, user, INCIDENT_EDIT_ROLES, id), actor.now)
  })
}

export async function readIncident(deps: IncidentDeps, user: CurrentUser, id: number, now: Date): Promise<IncidentDto> {
  return incidentDetail(deps.db, deps, await incidentInScope(deps.db, user, INCIDENT_READ_ROLES, id), now)
}

export interface IncidentQuery {
  under?: number
  status?: 'open' | 'closed'
  kind?: IncidentKind
  timeliness?: Timeliness
  since?: string
  limit?: number
  offset?: number
}

/**
 * Incidents in the caller's scope, under `under` (a unit in reach, else 404), newest first. The
 * class filter runs on the classes as computed here, so a list never disagrees with its rows.
 */
export async function findIncidents(deps: IncidentDeps, user: CurrentUser, query: IncidentQuery, now: Date) {
  const { db, targets } = deps
  const underPath = query.under ? (await unitInScope(db, user, INCIDENT_READ_ROLES, query.under)).path : undefined
  const rows = await listIncidentRows(db, scopePaths(user, INCIDENT_READ_ROLES), { underPath, status: query.status, kind: query.kind, since: query.since })
  const all = rows.map((i) => toIncidentSummary(i, targets, now)).filter((i) => !query.timeliness || i.timeliness === query.timeliness)
  const start = query.offset ?? 0
  return { items: query.limit !== undefined ? all.slice(start, start + query.limit) : all, total: all.length }
}

/** The p-th percentile, interpolated between neighbours as PostgreSQL's percentile_cont; null for none. */
export function percentile(values: number[], p: number): number | null {
  if (!values.length) return null
  const xs = [...values].sort((a, b) => a - b)
  const pos = (xs.length - 1) * p
  const lo = Math.floor(pos)
  return oneDecimal(xs[lo] + (xs[Math.min(lo + 1, xs.length - 1)] - xs[lo]) * (pos - lo))
}

const emptyCounts = (): IncidentCounts => ({ open: 0, openOverdue: 0, closed: 0, closedLate: 0, medianHoursToReport: null, medianDaysToClose: null })

/** Counts and median times of a set of incidents. */
export function countIncidents(items: IncidentSummaryDto[]): IncidentCounts {
  const c = emptyCounts()
  for (const i of items) {
    if (i.status === 'open') {
      c.open++
      if (i.timeliness === 'overdue') c.openOverdue++
    } else {
      c.closed++
      if (i.timeliness === 'done_late') c.closedLate++
    }
  }
  c.medianHoursToReport = percentile(items.flatMap((i) => (i.hoursToReport === null ? [] : [i.hoursToReport])), 0.5)
  c.medianDaysToClose = percentile(items.flatMap((i) => (i.daysToClose === null ? [] : [i.daysToClose])), 0.5)
  return c
}

/**
 * Incidents within `scopes` counted per unit path (its subtree, or with `ownOnly` the unit alone):
 * the board view's figures. Closed incidents count when detected on or after `since`; open ones always.
 */
export async function incidentCountsFor(deps: IncidentDeps, scopes: string[], paths: string[], opts: { ownOnly: boolean; since?: string; now: Date }): Promise<Map<string, IncidentCounts>> {
  const items = await countable(deps, scopes, opts)
  return new Map(paths.map((p) => [p, countIncidents(items.filter((i) => (opts.ownOnly ? i.path === p : isUnder(i.path, p))).map((i) => i.summary))]))
}

/** The same figures over everything within `scopes`. */
export async function incidentTotals(deps: IncidentDeps, scopes: string[], opts: { since?: string; now: Date }): Promise<IncidentCounts> {
  return countIncidents((await countable(deps, scopes, opts)).map((i) => i.summary))
}

async function countable(deps: IncidentDeps, scopes: string[], opts: { since?: string; now: Date }) {
  const rows = (await listIncidentRows(deps.db, scopes, {})).filter((i) => i.status === 'open' || !opts.since || vnDay(i.detectedAt) >= opts.since)
  return rows.map((i) => ({ path: i.unitPath, summary: toIncidentSummary(i, deps.targets, opts.now) }))
}
