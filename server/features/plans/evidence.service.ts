import { createHash } from 'node:crypto'
import type { Db, Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { notFound } from '../../http/errors.ts'
import { canReach } from '../../http/scope.ts'
import { recordAudit, type Actor } from '../audit/audit.service.ts'
import { requireIssued } from './plans.access.ts'
import { PLAN_EDIT_ROLES, PLAN_READ_ROLES } from './plans.policy.ts'
import { findAction, findPlanById } from './plans.queries.ts'

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024

/** The action if the user may attach evidence to it; checked before the upload is read. */
export async function evidenceTarget(db: Queryable, user: CurrentUser, actionId: number) {
  const action = await findAction(db, actionId)
  const plan = action ? await findPlanById(db, action.planId) : null
  if (!action || !plan || !canReach(user, PLAN_EDIT_ROLES, plan.unitPath)) throw notFound()
  requireIssued(plan.directiveStatus)
  return action
}

export async function addEvidence(db: Db, user: CurrentUser, actor: Actor, actionId: number, file: { filename: string; mime: string; bytes: Buffer }) {
  return db.transaction(async (tx) => {
    const action = await evidenceTarget(tx, user, actionId)
    const sha256 = createHash('sha256').update(file.bytes).digest('hex')
    const [{ id }] = await tx.query<{ id: number }>(
      `INSERT INTO action_evidence (action_id, filename, mime, size, sha256, content, uploaded_by, uploaded_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
      [actionId, file.filename, file.mime, file.bytes.length, sha256, file.bytes, actor.id, actor.now],
    )
    await recordAudit(tx, actor, { action: 'addEvidence', entity: 'planAction', entityId: actionId, unitId: action.unitId, after: { evidenceId: id, filename: file.filename, size: file.bytes.length, sha256 } })
    return id
  })
}

async function evidenceInScope(db: Queryable, user: CurrentUser, id: number, roles: typeof PLAN_READ_ROLES) {
  const [e] = await db.query<any>(
    `SELECT e.id, e.action_id, e.filename, e.mime, e.size, e.sha256, u.path::text AS path, a.unit_id FROM action_evidence e
     JOIN plan_action a ON a.id = e.action_id JOIN unit u ON u.id = a.unit_id WHERE e.id = $1`,
    [id],
  )
  if (!e || !canReach(user, roles, e.path)) throw notFound()
  return e
}

export async function readEvidence(db: Queryable, user: CurrentUser, id: number) {
  const e = await evidenceInScope(db, user, id, PLAN_READ_ROLES)
  const [{ content }] = await db.query<{ content: Uint8Array }>('SELECT content FROM action_evidence WHERE id = $1', [id])
  return { filename: e.filename as string, mime: e.mime as string, content: Buffer.from(content) }
}

export async function deleteEvidence(db: Db, user: CurrentUser, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const e = await evidenceInScope(tx, user, id, PLAN_EDIT_ROLES)
    await tx.query('DELETE FROM action_evidence WHERE id = $1', [id])
    await recordAudit(tx, actor, { action: 'deleteEvidence', entity: 'planAction', entityId: e.action_id, unitId: e.unit_id, before: { evidenceId: id, filename: e.filename, sha256: e.sha256 } })
  })
}
