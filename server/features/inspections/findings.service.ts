// Findings: each belongs to a subject unit and, where it applies, to a requirement of a directive the
// inspection covers; a strength, a shortcoming or a violation, with evidence files. A finding is
// about the organization's work. One that concerns a person's conduct does not name the person: it
// links to a confidential case, and shows only that one exists — the case itself (its id) only to
// those on the case's need-to-know list. Nothing of the case is read or kept here.
import type { FindingDto } from '../../../contract/inspections.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { Actor, CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid, type FieldError } from '../../http/errors.ts'
import { once, type Answer } from '../../http/idempotency.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { subjectUnitForField, teamFindingInspection, teamInspection, type InspectionReach } from './inspections.access.ts'
import { findFinding, insertFinding } from './findings.queries.ts'
import { filesOwnedBy, requirementDirectives } from './inspections.queries.ts'
import { findingDtos, onCaseList } from './finding-dtos.ts'

interface FindingFields {
  unitId: number
  requirementId: number | null
  kind: string
  text: string
  evidenceFileIds: number[]
  caseId: number | null
}

/** Checks what a finding names, each failure a 400 on its field: nothing is written before. */
async function checkFinding(tx: Queryable, user: CurrentUser, reach: InspectionReach, f: FindingFields) {
  subjectUnitForField(reach, f.unitId, 'unitId')
  const bad: Record<string, FieldError> = {}
  if (f.requirementId) {
    const r = (await requirementDirectives(tx, [f.requirementId])).get(f.requirementId)
    if (!r) bad.requirementId = 'notFound'
    else if (!reach.inspection.directiveIds.includes(r.directiveId)) bad.requirementId = 'notInDirective'
  }
  const owned = await filesOwnedBy(tx, f.evidenceFileIds, { inspectionId: reach.inspection.id })
  f.evidenceFileIds.forEach((id, i) => { if (!owned.has(id)) bad[`evidenceFileIds.${i}`] = 'notInInspection' })
  // Only someone on the case's list may link it: the link must not reveal a case to anyone else.
  if (f.caseId && !(await onCaseList(tx, user, f.caseId))) bad.caseId = 'notFound'
  if (Object.keys(bad).length) throw invalid(bad)
}

/** Findings are recorded until the notice is issued; then they are the notice's. */
const requireOpen = (reach: InspectionReach) => {
  if (reach.inspection.phase === 'concluded') throw new AppError('INVALID_STATE')
}

const auditFinding = (tx: Queryable, actor: Actor, id: number, unitId: number, action: string, after?: unknown, before?: unknown) =>
  recordAudit(tx, actor, { action, entity: 'inspectionFinding', entityId: id, unitId, after, before })

// The text is the organization's record and goes into the audit entry; a linked case goes in by id only.
const audited = (f: FindingFields) => ({ unitId: f.unitId, requirementId: f.requirementId, kind: f.kind, text: f.text, evidenceFileIds: f.evidenceFileIds, hasCase: f.caseId !== null })

export async function createFinding(
  db: Db, user: CurrentUser, actor: Actor, inspectionId: number,
  input: { unitId: number; requirementId?: number | null; kind: string; text: string; evidenceFileIds: number[]; caseId?: number | null }, key?: string,
): Promise<Answer<FindingDto>> {
  return db.transaction((tx) => once(tx, actor.id, key, 201, async () => {
    const reach = await teamInspection(tx, user, inspectionId, { forUpdate: true })
    requireOpen(reach)
    const f: FindingFields = { ...input, requirementId: input.requirementId ?? null, caseId: input.caseId ?? null, evidenceFileIds: [...new Set(input.evidenceFileIds)] }
    await checkFinding(tx, user, reach, f)
    const id = await insertFinding(tx, { ...f, inspectionId, assignmentId: null, by: actor.id, now: actor.now })
    await auditFinding(tx, actor, id, f.unitId, 'create', { inspectionId, ...audited(f) })
    return (await findingDtos(tx, user, [(await findFinding(tx, id))!]))[0]
  }))
}

export async function updateFinding(
  db: Db, user: CurrentUser, actor: Actor, id: number,
  input: { version: number; unitId?: number; requirementId?: number | null; kind?: string; text?: string; evidenceFileIds?: number[]; caseId?: number | null },
): Promise<FindingDto> {
  return db.transaction(async (tx) => {
    const reach = await teamFindingInspection(tx, user, id)
    const row = (await findFinding(tx, id, true))!
    if (row.version !== input.version) throw new AppError('CONFLICT', undefined, { current: (await findingDtos(tx, user, [row]))[0] })
    requireOpen(reach)
    const f: FindingFields = {
      unitId: input.unitId ?? row.unitId,
      requirementId: input.requirementId !== undefined ? input.requirementId : row.requirementId,
      kind: input.kind ?? row.kind,
      text: input.text ?? row.text,
      evidenceFileIds: input.evidenceFileIds ? [...new Set(input.evidenceFileIds)] : row.evidenceFileIds,
      // A link the caller cannot see stays as it is unless they replace it.
      caseId: input.caseId !== undefined ? input.caseId : row.caseId,
    }
    await checkFinding(tx, user, reach, { ...f, caseId: input.caseId !== undefined ? f.caseId : null })
    await tx.query(
      `UPDATE inspection_finding SET unit_id = $2, requirement_id = $3, kind = $4, text = $5, evidence_file_ids = $6, case_id = $7, version = version + 1, updated_at = $8 WHERE id = $1`,
      [id, f.unitId, f.requirementId, f.kind, f.text, f.evidenceFileIds, f.caseId, actor.now],
    )
    await auditFinding(tx, actor, id, f.unitId, 'update', audited(f), audited({ ...row, caseId: row.caseId }))
    return (await findingDtos(tx, user, [(await findFinding(tx, id))!]))[0]
  })
}

export async function deleteFinding(db: Db, user: CurrentUser, actor: Actor, id: number, version: number) {
  return db.transaction(async (tx) => {
    const reach = await teamFindingInspection(tx, user, id)
    const row = (await findFinding(tx, id, true))!
    if (row.version !== version) throw new AppError('CONFLICT', undefined, { current: { version: row.version } })
    requireOpen(reach)
    await tx.query('DELETE FROM inspection_finding WHERE id = $1', [id])
    await auditFinding(tx, actor, id, row.unitId, 'delete', undefined, audited(row))
  })
}
