// A case's documents: name, type and bytes sealed together with the case's key; reading one is
// audited like reading the case.
import type { Actor, CurrentUser } from '../../http/current-user.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { AAD, caseKey } from './case-content.ts'
import { caseOnList } from './cases.access.ts'
import { findFile, nextId } from './cases.queries.ts'
import { fileBytes, fileMeta, packFile, type CaseDeps } from './cases.service.ts'

export const CASE_FILE_MAX_BYTES = 20 * 1024 * 1024

export async function addCaseFile(deps: CaseDeps, user: CurrentUser, actor: Actor, caseId: number, file: { name: string; mime: string; bytes: Buffer }) {
  return deps.db.transaction(async (tx) => {
    const c = await caseOnList(tx, user, caseId, { forUpdate: true })
    if (c.status !== 'open') throw new AppError('INVALID_STATE')
    const k = await caseKey(tx, deps.keys, c.dataKeyId!)
    const fid = await nextId(tx, 'conf_case_file')
    const meta = k.sealJson({ name: file.name, mime: file.mime, size: file.bytes.length }, AAD.file(fid) + ':meta')
    const content = packFile(meta, k.seal(file.bytes, AAD.file(fid)))
    await tx.query('INSERT INTO conf_case_file (id, case_id, content_enc, size, uploaded_by, uploaded_at) VALUES ($1,$2,$3,$4,$5,$6)', [fid, c.id, content, content.length, user.id, actor.now])
    await recordAudit(tx, actor, { action: 'addFile', entity: 'case', entityId: c.id, unitId: c.boardUnitId, after: { fileId: fid, size: file.bytes.length } })
    return { id: fid, name: file.name, mime: file.mime, size: file.bytes.length, uploadedAt: actor.now.toISOString() }
  })
}

export async function readCaseFile(deps: CaseDeps, user: CurrentUser, actor: Actor, fileId: number) {
  return deps.db.transaction(async (tx) => {
    const f = await findFile(tx, fileId)
    if (!f) throw notFound()
    const c = await caseOnList(tx, user, f.case_id)
    if (!c.dataKeyId) throw notFound()
    const k = await caseKey(tx, deps.keys, c.dataKeyId)
    const meta = k.openJson<{ name: string; mime: string }>(fileMeta(f.content_enc), AAD.file(f.id) + ':meta')
    const bytes = k.open(fileBytes(f.content_enc), AAD.file(f.id))
    await recordAudit(tx, actor, { action: 'readFile', entity: 'case', entityId: c.id, unitId: c.boardUnitId, after: { fileId: f.id } })
    return { name: meta.name, mime: meta.mime, bytes }
  })
}
