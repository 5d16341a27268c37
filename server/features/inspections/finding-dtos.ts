// Findings as a caller sees them: evidence resolved to files, and the link to a confidential case
// shown only as "one exists" — the case itself (its id) only for those on its need-to-know list,
// asked through the cases feature's own rule. Nothing of the case is read here.
import type { FindingDto } from '../../../contract/inspections.ts'
import type { Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { caseOnList } from '../cases/cases.access.ts'
import type { FindingRow } from './findings.queries.ts'
import { needsCorrection } from './inspections.policy.ts'
import { filesByIds, type FileMeta } from './inspections.queries.ts'

/** Is the caller on the case's need-to-know list? Asked through the cases feature's own rule. */
export async function onCaseList(db: Queryable, user: CurrentUser, caseId: number): Promise<boolean> {
  try {
    await caseOnList(db, user, caseId)
    return true
  } catch {
    return false
  }
}

/** Findings as the caller sees them: evidence resolved, the case link only for the case's list. */
export async function findingDtos(db: Queryable, user: CurrentUser, rows: FindingRow[], known?: Map<number, FileMeta>): Promise<FindingDto[]> {
  const files = known ?? (await filesByIds(db, rows.flatMap((r) => r.evidenceFileIds)))
  const onList = new Map<number, boolean>()
  for (const id of new Set(rows.map((r) => r.caseId).filter((x): x is number => x !== null))) onList.set(id, await onCaseList(db, user, id))
  return rows.map((r) => ({
    id: r.id, inspectionId: r.inspectionId, assignmentId: r.assignmentId, unitId: r.unitId, unitName: r.unitName, requirementId: r.requirementId,
    requirementLabel: r.requirementLabel, kind: r.kind, text: r.text,
    evidence: r.evidenceFileIds.map((id) => files.get(id)).filter((f): f is FileMeta => !!f),
    hasConfidentialCase: r.caseId !== null,
    caseId: r.caseId !== null && onList.get(r.caseId) ? r.caseId : null,
    isOpen: needsCorrection(r.kind) && r.resolvedOn === null,
    resolvedOn: r.resolvedOn, correctiveActionIds: r.correctiveActionIds, version: r.version,
  }))
}
