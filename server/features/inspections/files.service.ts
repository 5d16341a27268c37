// Files of inspections, checklist rounds and corrective actions: taken only as a document or image
// type judged by content (lib/file-types.ts), counted against the unit's storage quota, and handed
// back only to those who see the record they belong to. A file is uploaded first and then named by
// id in the answer, finding, session or report that uses it.
import { createHash } from 'node:crypto'
import type { Db, Queryable } from '../../db/types.ts'
import type { Actor, CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid, notFound } from '../../http/errors.ts'
import { STORED_FILE_TYPES_TEXT, storedFileType } from '../../lib/file-types.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { fileContent, findFile, findInspection, insertFile, unitFileBytes, type FileMeta } from './inspections.queries.ts'
import { canAnswerChecklistFor, canManageChecklistsOver, canReportFor, reachOf, reachesUnit, subjectUnitForField, type InspectionReach } from './inspections.access.ts'

export const INSPECTION_FILE_MAX_BYTES = 10 * 1024 * 1024

/**
 * Who may put a file on an inspection, and for which unit, decided before the upload is read: the
 * team for any subject unit or none (its own), a subject unit's head or officer for their unit.
 */
export async function inspectionUploadTarget(db: Queryable, user: CurrentUser, inspectionId: number, unitId: number | undefined): Promise<{ reach: InspectionReach; unitId: number | null }> {
  const i = await findInspection(db, inspectionId)
  const reach = i && reachOf(user, i)
  if (!reach || !(reach.canManage || reach.isOnTeam || reach.answersFor.length)) throw notFound()
  if (reach.canManage || reach.isOnTeam) return { reach, unitId: unitId ? subjectUnitForField(reach, unitId, 'unitId').id : null }
  if (unitId) return { reach, unitId: subjectUnitForField(reach, unitId, 'unitId', { answering: true }).id }
  if (reach.answersFor.length !== 1) throw invalid({ unitId: 'required' })
  return { reach, unitId: reach.answersFor[0] }
}

/** The type a stored file will have; 415 naming the allow-list when it is not one. */
function fileType(bytes: Buffer, filename: string) {
  const mime = storedFileType(bytes, filename)
  if (!mime) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { file: 'format' }, undefined, STORED_FILE_TYPES_TEXT)
  return mime
}

/** Refuses a file that would take the unit's files past its quota (uploads to one unit take turns). */
async function requireQuota(tx: Queryable, unitId: number | null, size: number, quotaBytes: number) {
  if (unitId === null) return
  await tx.query('SELECT 1 FROM unit WHERE id = $1 FOR NO KEY UPDATE', [unitId])
  const used = await unitFileBytes(tx, unitId)
  if (used + size > quotaBytes) throw invalid({ file: { key: 'tooBig', n: `${Math.ceil(quotaBytes / 1024 / 1024)} MB` } })
}

type Owner = { inspectionId: number } | { assignmentId: number } | { correctiveActionId: number }

async function store(tx: Queryable, actor: Actor, owner: Owner, unitId: number | null, file: { filename: string; bytes: Buffer }, mime: string, quotaBytes: number): Promise<FileMeta> {
  await requireQuota(tx, unitId, file.bytes.length, quotaBytes)
  const sha256 = createHash('sha256').update(file.bytes).digest('hex')
  const meta = await insertFile(tx, { ...owner, unitId, filename: file.filename, mime, bytes: file.bytes, sha256, by: actor.id, now: actor.now })
  const [entity, entityId] = 'inspectionId' in owner ? ['inspection', owner.inspectionId] : 'assignmentId' in owner ? ['checklistAssignment', owner.assignmentId] : ['correctiveAction', owner.correctiveActionId]
  await recordAudit(tx, actor, { action: 'addFile', entity, entityId, unitId, after: { fileId: meta.id, filename: file.filename, size: file.bytes.length, sha256 } })
  return meta
}

export async function addInspectionFile(db: Db, user: CurrentUser, actor: Actor, inspectionId: number, unitId: number | undefined, file: { filename: string; bytes: Buffer }, quotaBytes: number): Promise<FileMeta> {
  const mime = fileType(file.bytes, file.filename)
  return db.transaction(async (tx) => {
    const target = await inspectionUploadTarget(tx, user, inspectionId, unitId)
    if (target.reach.inspection.phase === 'concluded') throw new AppError('INVALID_STATE')
    return store(tx, actor, { inspectionId }, target.unitId, file, mime, quotaBytes)
  })
}

/** A checklist round's files: its unit's head or officer, while it is not submitted. */
export async function assignmentUploadTarget(db: Queryable, user: CurrentUser, assignmentId: number) {
  const [a] = await db.query<{ id: number; unit_id: number; path: string; status: string }>(
    'SELECT a.id, a.unit_id, u.path::text AS path, a.status FROM checklist_assignment a JOIN unit u ON u.id = a.unit_id WHERE a.id = $1', [assignmentId],
  )
  if (!a || !canAnswerChecklistFor(user, a.path)) throw notFound()
  return a
}

export async function addAssignmentFile(db: Db, user: CurrentUser, actor: Actor, assignmentId: number, file: { filename: string; bytes: Buffer }, quotaBytes: number): Promise<FileMeta> {
  const mime = fileType(file.bytes, file.filename)
  return db.transaction(async (tx) => {
    const a = await assignmentUploadTarget(tx, user, assignmentId)
    if (a.status !== 'assigned') throw new AppError('INVALID_STATE')
    return store(tx, actor, { assignmentId }, a.unit_id, file, mime, quotaBytes)
  })
}

/** A corrective action's evidence: its unit's head or officer, until it is closed. */
export async function correctiveUploadTarget(db: Queryable, user: CurrentUser, id: number) {
  const [c] = await db.query<{ id: number; unit_id: number; path: string; status: string }>(
    'SELECT c.id, c.unit_id, u.path::text AS path, c.status FROM corrective_action c JOIN unit u ON u.id = c.unit_id WHERE c.id = $1', [id],
  )
  if (!c || !canReportFor(user, c.path)) throw notFound()
  return c
}

export async function addCorrectiveFile(db: Db, user: CurrentUser, actor: Actor, id: number, file: { filename: string; bytes: Buffer }, quotaBytes: number): Promise<FileMeta> {
  const mime = fileType(file.bytes, file.filename)
  return db.transaction(async (tx) => {
    const c = await correctiveUploadTarget(tx, user, id)
    if (c.status === 'closed' || c.status === 'reported') throw new AppError('INVALID_STATE')
    return store(tx, actor, { correctiveActionId: id }, c.unit_id, file, mime, quotaBytes)
  })
}

/** A file for download, to whoever sees the record it belongs to; 404 otherwise. */
export async function readInspectionFile(db: Queryable, user: CurrentUser, id: number) {
  const f = await findFile(db, id)
  if (!f || !(await seesFile(db, user, f))) throw notFound()
  return { filename: f.filename, mime: f.mime, content: await fileContent(db, id) }
}

async function seesFile(db: Queryable, user: CurrentUser, f: FileMeta & { inspectionId: number | null; assignmentId: number | null; correctiveActionId: number | null }) {
  if (f.inspectionId) {
    const i = await findInspection(db, f.inspectionId)
    const reach = i && reachOf(user, i)
    return !!reach && (reach.seesAll || (f.unitId !== null && reach.visibleUnitIds.includes(f.unitId)))
  }
  const [u] = await db.query<{ id: number; path: string }>('SELECT id, path::text AS path FROM unit WHERE id = $1', [f.unitId])
  if (!u) return false
  return (await reachesUnit(db, user, u.id, u.path)) || (!!f.assignmentId && canManageChecklistsOver(user, u.path))
}
