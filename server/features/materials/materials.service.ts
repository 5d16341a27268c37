// A directive's materials (files or text) kept by the board, and the materials a dissemination
// session used. Each change in one transaction with its audit entry; `version` on edits.
import { createHash } from 'node:crypto'
import type { CreateTextMaterialInput, MaterialDto, MaterialKind, SessionMaterialsDto, UpdateMaterialInput } from '../../../contract/materials.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { Actor, CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid, notFound, type FieldError } from '../../http/errors.ts'
import { once, type Answer } from '../../http/idempotency.ts'
import { STORED_FILE_TYPES_TEXT, storedFileType } from '../../lib/file-types.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { markSessionChanged, readableSession, writableSession } from '../dissemination/dissemination.service.ts'
import { directiveForMaterials, directiveKept, keptMaterial, readableMaterial } from './materials.access.ts'
import {
  deleteMaterialRow, findMaterial, insertMaterial, materialFile, materialsByIds, materialsOf, sessionMaterialIds, setSessionMaterials, updateMaterialRow,
} from './materials.queries.ts'

const snapshot = (m: MaterialDto) => ({ directiveId: m.directiveId, kind: m.kind, title: m.title, file: m.file, bodyLength: m.body.length })

export async function listMaterials(db: Queryable, user: CurrentUser, directiveId: number) {
  await directiveForMaterials(db, user, directiveId)
  return { items: await materialsOf(db, [directiveId]) }
}

export async function createTextMaterial(db: Db, user: CurrentUser, actor: Actor, directiveId: number, input: CreateTextMaterialInput, idempotencyKey?: string): Promise<Answer<MaterialDto>> {
  return db.transaction((tx) =>
    once(tx, actor.id, idempotencyKey, 201, async () => {
      const d = await directiveKept(tx, user, directiveId)
      const id = await insertMaterial(tx, { directiveId, kind: input.kind, title: input.title, body: input.body, file: null, createdBy: actor.id, now: actor.now })
      const saved = (await findMaterial(tx, id))!
      await recordAudit(tx, actor, { action: 'addMaterial', entity: 'directive', entityId: directiveId, unitId: d.ownerUnitId, after: { materialId: id, ...snapshot(saved) } })
      return saved
    }),
  )
}

/** A material as a file: only document and image types, judged by content, stored under the type the content shows. */
export async function createFileMaterial(
  db: Db, user: CurrentUser, actor: Actor, directiveId: number, fields: { kind: MaterialKind; title: string }, file: { filename: string; bytes: Buffer },
): Promise<MaterialDto> {
  const mime = storedFileType(file.bytes, file.filename)
  if (!mime) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { file: 'format' }, undefined, STORED_FILE_TYPES_TEXT)
  return db.transaction(async (tx) => {
    const d = await directiveKept(tx, user, directiveId)
    const sha256 = createHash('sha256').update(file.bytes).digest('hex')
    const id = await insertMaterial(tx, { directiveId, kind: fields.kind, title: fields.title, body: '', file: { filename: file.filename, mime, bytes: file.bytes, sha256 }, createdBy: actor.id, now: actor.now })
    const saved = (await findMaterial(tx, id))!
    await recordAudit(tx, actor, { action: 'addMaterial', entity: 'directive', entityId: directiveId, unitId: d.ownerUnitId, after: { materialId: id, ...snapshot(saved), sha256 } })
    return saved
  })
}

export async function updateMaterial(db: Db, user: CurrentUser, actor: Actor, id: number, input: UpdateMaterialInput): Promise<MaterialDto> {
  return db.transaction(async (tx) => {
    const m = await keptMaterial(tx, user, id)
    if (m.version !== input.version) throw new AppError('CONFLICT', undefined, { current: m })
    // A file's content is replaced by deleting the material and uploading the new file.
    if (input.body !== undefined && m.file) throw invalid({ body: 'unknown' })
    await updateMaterialRow(tx, id, { kind: input.kind ?? m.kind, title: input.title ?? m.title, body: input.body ?? m.body, now: actor.now })
    const saved = (await findMaterial(tx, id))!
    const d = await directiveKept(tx, user, m.directiveId)
    await recordAudit(tx, actor, { action: 'updateMaterial', entity: 'directive', entityId: m.directiveId, unitId: d.ownerUnitId, before: { materialId: id, ...snapshot(m) }, after: { materialId: id, ...snapshot(saved) } })
    return saved
  })
}

/** Deletes a material no session has used; one that was used stays, as the sessions' record. */
export async function deleteMaterial(db: Db, user: CurrentUser, actor: Actor, id: number, version: number): Promise<void> {
  return db.transaction(async (tx) => {
    const m = await keptMaterial(tx, user, id)
    if (m.version !== version) throw new AppError('CONFLICT', undefined, { current: m })
    if (m.sessionCount > 0) throw new AppError('INVALID_STATE', undefined, { sessionCount: m.sessionCount })
    const d = await directiveKept(tx, user, m.directiveId)
    await deleteMaterialRow(tx, id)
    await recordAudit(tx, actor, { action: 'deleteMaterial', entity: 'directive', entityId: m.directiveId, unitId: d.ownerUnitId, before: { materialId: id, ...snapshot(m) } })
  })
}

export async function readMaterialFile(db: Queryable, user: CurrentUser, id: number) {
  await readableMaterial(db, user, id)
  const file = await materialFile(db, id)
  if (!file) throw notFound()
  return file
}

// ---- the materials a session used

export async function sessionMaterials(db: Queryable, user: CurrentUser, sessionId: number): Promise<SessionMaterialsDto> {
  const session = await readableSession(db, user, sessionId)
  return { sessionId, version: session.version, items: await materialsByIds(db, await sessionMaterialIds(db, sessionId)) }
}

/** Replaces the materials a session used: each must be one of the session's directive. An edit of the session: its version moves. */
export async function linkSessionMaterials(db: Db, user: CurrentUser, actor: Actor, sessionId: number, input: { version: number; materialIds: number[] }): Promise<SessionMaterialsDto> {
  return db.transaction(async (tx) => {
    const session = await writableSession(tx, user, sessionId)
    const before = await sessionMaterialIds(tx, sessionId)
    if (session.version !== input.version) {
      throw new AppError('CONFLICT', undefined, { current: { sessionId, version: session.version, items: await materialsByIds(tx, before) } })
    }
    if (session.directiveStatus !== 'issued') throw new AppError('INVALID_STATE')
    const ids = [...new Set(input.materialIds)]
    const found = new Map((await materialsByIds(tx, ids)).map((m) => [m.id, m]))
    const issues: Record<string, FieldError> = {}
    input.materialIds.forEach((id, i) => {
      if (found.get(id)?.directiveId !== session.directiveId) issues[`materialIds.${i}`] = 'materialNotInDirective'
    })
    if (Object.keys(issues).length) throw invalid(issues)
    await setSessionMaterials(tx, sessionId, ids)
    await markSessionChanged(tx, sessionId, actor.now)
    await recordAudit(tx, actor, { action: 'linkMaterials', entity: 'dissemination_session', entityId: sessionId, unitId: session.unitId, before: { materialIds: before }, after: { materialIds: ids.sort((a, b) => a - b) } })
    return { sessionId, version: session.version + 1, items: await materialsByIds(tx, ids) }
  })
}
