import { createHash } from 'node:crypto'
import type { EvidenceDto } from '../../../contract/plans.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { recordAudit, type Actor } from '../audit/audit.service.ts'
import { evidenceInScope, evidenceTarget } from './plans.access.ts'
import { PLAN_EDIT_ROLES, PLAN_READ_ROLES } from './plans.policy.ts'
import { evidenceContent } from './plans.queries.ts'

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024

export async function addEvidence(db: Db, user: CurrentUser, actor: Actor, actionId: number, file: { filename: string; mime: string; bytes: Buffer }): Promise<EvidenceDto> {
  return db.transaction(async (tx) => {
    const action = await evidenceTarget(tx, user, actionId)
    const sha256 = createHash('sha256').update(file.bytes).digest('hex')
    const [{ id }] = await tx.query<{ id: number }>(
      `INSERT INTO action_evidence (action_id, filename, mime, size, sha256, content, uploaded_by, uploaded_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
      [actionId, file.filename, file.mime, file.bytes.length, sha256, file.bytes, actor.id, actor.now],
    )
    await recordAudit(tx, actor, { action: 'addEvidence', entity: 'planAction', entityId: actionId, unitId: action.unitId, after: { evidenceId: id, filename: file.filename, size: file.bytes.length, sha256 } })
    return { id, filename: file.filename, mime: file.mime, size: file.bytes.length, uploadedAt: actor.now.toISOString() }
  })
}

export async function readEvidence(db: Queryable, user: CurrentUser, id: number) {
  const e = await evidenceInScope(db, user, id, PLAN_READ_ROLES)
  return { filename: e.filename, mime: e.mime, content: await evidenceContent(db, id) }
}

export async function deleteEvidence(db: Db, user: CurrentUser, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const e = await evidenceInScope(tx, user, id, PLAN_EDIT_ROLES)
    await tx.query('DELETE FROM action_evidence WHERE id = $1', [id])
    await recordAudit(tx, actor, { action: 'deleteEvidence', entity: 'planAction', entityId: e.actionId, unitId: e.unitId, before: { evidenceId: id, filename: e.filename, sha256: e.sha256 } })
  })
}
