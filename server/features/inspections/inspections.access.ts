// "May this caller see / act on this inspection record": one function per resource, used by every
// route that touches it. Reach is of three kinds:
// - oversight (committee, board, auditor) over the inspecting body's unit: the whole inspection;
// - an inspector on the team: the whole inspection they are on;
// - any read role but inspector over a subject unit: the inspection, with that unit's records only.
// Out of reach is "not found" (404); an id of an out-of-reach record given in a body is a 400 naming its field.
import type { Role } from '../../../contract/roles.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { invalid, notFound } from '../../http/errors.ts'
import { canReach, hasRole, isUnder, scopePaths } from '../../http/scope.ts'
import {
  CHECKLIST_ANSWER_ROLES, CHECKLIST_MANAGE_ROLES, CORRECTIVE_REPORT_ROLES, CORRECTIVE_VERIFY_ROLES, INSPECTION_MANAGE_ROLES, INSPECTION_OVERSIGHT_ROLES,
  INSPECTION_READ_ROLES, INSPECTION_UNIT_ROLES,
} from './inspections.policy.ts'
import { findCorrective, type CorrectiveDetailRow } from './corrective-actions.queries.ts'
import { findInspection, findRequestItem, findSession, inspectionIdOf, type InspectionRow, type Visibility } from './inspections.queries.ts'

/** Read roles that reach by unit scope (everyone but the inspector, who reaches by team). */
const SCOPED_READ_ROLES: readonly Role[] = INSPECTION_READ_ROLES.filter((r) => r !== 'inspector')

/** What the caller's grants let them see, for list queries. */
export function visibilityOf(user: CurrentUser): Visibility {
  return {
    oversight: scopePaths(user, INSPECTION_OVERSIGHT_ROLES),
    units: scopePaths(user, SCOPED_READ_ROLES),
    teamAccountId: hasRole(user, ['inspector']) ? user.id : null,
  }
}

export interface InspectionReach {
  inspection: InspectionRow
  /** Every unit's records: oversight over the inspecting body, or on the team. */
  seesAll: boolean
  /** The board over the inspecting body: team, phases, extensions. */
  canManage: boolean
  isOnTeam: boolean
  /** Subject units whose records the caller sees. */
  visibleUnitIds: number[]
  /** Subject units the caller answers for (their head or officer). */
  answersFor: number[]
}

export function reachOf(user: CurrentUser, i: InspectionRow): InspectionReach {
  const isOnTeam = hasRole(user, ['inspector']) && i.team.some((m) => m.accountId === user.id)
  const seesAll = isOnTeam || canReach(user, INSPECTION_OVERSIGHT_ROLES, i.ownerPath)
  return {
    inspection: i,
    seesAll,
    canManage: canReach(user, INSPECTION_MANAGE_ROLES, i.ownerPath),
    isOnTeam,
    visibleUnitIds: i.units.filter((u) => seesAll || canReach(user, SCOPED_READ_ROLES, u.path)).map((u) => u.id),
    answersFor: i.units.filter((u) => canReach(user, INSPECTION_UNIT_ROLES, u.path)).map((u) => u.id),
  }
}

/** An inspection the caller sees (whole or their units' part); 404 otherwise. */
export async function readableInspection(db: Queryable, user: CurrentUser, id: number, opts: { forUpdate?: boolean } = {}): Promise<InspectionReach> {
  const i = await findInspection(db, id, opts.forUpdate)
  const reach = i && reachOf(user, i)
  if (!reach || !reach.visibleUnitIds.length && !reach.seesAll) throw notFound()
  return reach
}

/** The team's work (requests, sessions, findings, the draft conclusion): the board over it, or a team member. */
export async function teamInspection(db: Queryable, user: CurrentUser, id: number, opts: { forUpdate?: boolean } = {}): Promise<InspectionReach> {
  const i = await findInspection(db, id, opts.forUpdate)
  const reach = i && reachOf(user, i)
  if (!reach || !(reach.canManage || reach.isOnTeam)) throw notFound()
  return reach
}

/** Team, phases, time limit: the board over the inspecting body. */
export async function managedInspection(db: Queryable, user: CurrentUser, id: number, opts: { forUpdate?: boolean } = {}): Promise<InspectionReach> {
  const i = await findInspection(db, id, opts.forUpdate)
  const reach = i && reachOf(user, i)
  if (!reach || !reach.canManage) throw notFound()
  return reach
}

/** The competent level issues the notice: committee or board over the inspecting body. */
export async function issuingInspection(db: Queryable, user: CurrentUser, id: number, roles: readonly Role[], opts: { forUpdate?: boolean } = {}): Promise<InspectionReach> {
  const i = await findInspection(db, id, opts.forUpdate)
  if (!i || !canReach(user, roles, i.ownerPath)) throw notFound()
  return reachOf(user, i)
}

/** A subject unit's own work (answers, self-report): its head or officer; 404 otherwise. */
export async function unitOfInspection(db: Queryable, user: CurrentUser, id: number, unitId: number, opts: { forUpdate?: boolean } = {}): Promise<InspectionReach> {
  const i = await findInspection(db, id, opts.forUpdate)
  const reach = i && reachOf(user, i)
  if (!reach || !reach.answersFor.includes(unitId)) throw notFound()
  return reach
}

/** A request item the caller's unit answers; 404 otherwise. */
export async function answerableItem(db: Queryable, user: CurrentUser, itemId: number) {
  const item = await findRequestItem(db, itemId, true)
  if (!item) throw notFound()
  const reach = await unitOfInspection(db, user, item.inspection_id, item.unit_id)
  return { item, reach }
}

/** A request item the caller reviews as the team; 404 otherwise. */
export async function reviewableItem(db: Queryable, user: CurrentUser, itemId: number) {
  const item = await findRequestItem(db, itemId, true)
  if (!item) throw notFound()
  return { item, reach: await teamInspection(db, user, item.inspection_id) }
}

export async function teamSession(db: Queryable, user: CurrentUser, sessionId: number) {
  const s = await findSession(db, sessionId, true)
  if (!s) throw notFound()
  return { session: s, reach: await teamInspection(db, user, s.inspection_id) }
}

/** The inspection of a finding the team edits (findings from checklists belong to no team). */
export async function teamFindingInspection(db: Queryable, user: CurrentUser, findingId: number) {
  const inspectionId = await inspectionIdOf(db, 'inspection_finding', findingId)
  if (!inspectionId) throw notFound()
  return teamInspection(db, user, inspectionId, { forUpdate: true })
}

/** A subject unit of the inspection for a body field: 400 naming `field` when it is not one, or not in the caller's reach. */
export function subjectUnitForField(reach: InspectionReach, unitId: number, field: string, opts: { answering?: boolean } = {}) {
  const ids = opts.answering ? reach.answersFor : reach.seesAll ? reach.inspection.units.map((u) => u.id) : reach.visibleUnitIds
  if (!ids.includes(unitId)) throw invalid({ [field]: reach.inspection.units.some((u) => u.id === unitId) ? 'notFound' : 'notSubjectUnit' })
  return reach.inspection.units.find((u) => u.id === unitId)!
}

/** The caller's board unit for a new plan, inspection or template: the one given (in scope), or their first board grant's. */
export function boardUnitFor(user: CurrentUser, roles: readonly Role[], given: { id: number; path: string } | null, field: string): number {
  if (given) {
    if (!canReach(user, roles, given.path)) throw invalid({ [field]: 'notFound' })
    return given.id
  }
  return user.grants.find((g) => roles.includes(g.role))!.unitId
}

// ---- corrective actions, checklist rounds and units: reached through the unit they belong to

/**
 * Does the caller reach records of the unit at `path`: a read role over it, or an inspector on an
 * inspection of which it is a subject ("their subject units' relevant records")?
 */
export async function reachesUnit(db: Queryable, user: CurrentUser, unitId: number, path: string): Promise<boolean> {
  if (canReach(user, SCOPED_READ_ROLES, path)) return true
  if (!hasRole(user, ['inspector'])) return false
  const rows = await db.query(
    'SELECT 1 FROM inspection_member m JOIN inspection_unit iu ON iu.inspection_id = m.inspection_id WHERE m.account_id = $1 AND iu.unit_id = $2 LIMIT 1',
    [user.id, unitId],
  )
  return rows.length > 0
}

/** SQL: the unit `u` is one whose records the caller reaches (for list queries); params appended. */
export function reachesUnitSql(user: CurrentUser, params: unknown[], unitAlias = 'u'): string {
  const v = visibilityOf(user)
  const scopes = `$${params.push(arrayLiteral(v.units))}::ltree[]`
  if (v.teamAccountId === null) return `${unitAlias}.path <@ ANY(${scopes})`
  const me = `$${params.push(v.teamAccountId)}::int`
  return `(${unitAlias}.path <@ ANY(${scopes}) OR EXISTS (SELECT 1 FROM inspection_member m JOIN inspection_unit iu ON iu.inspection_id = m.inspection_id
    WHERE m.account_id = ${me} AND iu.unit_id = ${unitAlias}.id))`
}

/** The unit named in a path or query, if the caller reaches its records; 404 otherwise. */
export async function reachableUnitOr404(db: Queryable, user: CurrentUser, unitId: number) {
  const [u] = await db.query<{ id: number; path: string; name: string }>('SELECT id, path::text AS path, name FROM unit WHERE id = $1', [unitId])
  if (!u || !(await reachesUnit(db, user, u.id, u.path))) throw notFound()
  return u
}

/** `under` of a list: a unit the caller reaches by scope, or any unit for an inspector (whose list the team limits). */
export async function underPathOf(db: Queryable, user: CurrentUser, unitId: number | undefined): Promise<string | undefined> {
  if (!unitId) return undefined
  const [u] = await db.query<{ id: number; path: string }>('SELECT id, path::text AS path FROM unit WHERE id = $1', [unitId])
  if (!u || !(canReach(user, SCOPED_READ_ROLES, u.path) || hasRole(user, ['inspector']) || scopePaths(user, SCOPED_READ_ROLES).some((s) => isUnder(s, u.path)))) throw notFound()
  return u.path
}

export const canReportFor = (user: CurrentUser, unitPath: string) => canReach(user, CORRECTIVE_REPORT_ROLES, unitPath)
export const canVerifyFor = (user: CurrentUser, unitPath: string) => canReach(user, CORRECTIVE_VERIFY_ROLES, unitPath)
export const canManageChecklistsOver = (user: CurrentUser, unitPath: string) => canReach(user, CHECKLIST_MANAGE_ROLES, unitPath)
export const canAnswerChecklistFor = (user: CurrentUser, unitPath: string) => canReach(user, CHECKLIST_ANSWER_ROLES, unitPath)

/**
 * A corrective action for `need`: read (the caller reaches its unit's records), report (the unit's
 * head or officer), verify (the board over the unit). 404 otherwise.
 */
export async function correctiveFor(db: Queryable, user: CurrentUser, id: number, need: 'read' | 'report' | 'verify', opts: { forUpdate?: boolean } = {}): Promise<CorrectiveDetailRow> {
  const c = await findCorrective(db, id, opts.forUpdate)
  const ok = c && (need === 'read' ? await reachesUnit(db, user, c.unitId, c.unitPath) : need === 'report' ? canReportFor(user, c.unitPath) : canVerifyFor(user, c.unitPath))
  if (!c || !ok) throw notFound()
  return c
}
