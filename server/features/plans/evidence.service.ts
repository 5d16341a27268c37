import { createHash } from 'node:crypto'
import type { EvidenceDto } from '../../../contract/plans.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid } from '../../http/errors.ts'
import { STORED_FILE_TYPES_TEXT, cleanFileName, storedFileType } from '../../lib/file-types.ts'
import { recordAudit, type Actor } from '../audit/audit.service.ts'
import { evidenceInScope, evidenceTarget } from './plans.access.ts'
import { PLAN_EDIT_ROLES, PLAN_READ_ROLES } from './plans.policy.ts'
import { evidenceContent } from './plans.queries.ts'

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024

/**
 * Attaches a file to an action. Only document and image types are taken, judged by content
 * (lib/file-types.ts), and stored under the type the content shows rather than the one declared,
 * with its name cleaned (NFC, no control, invisible or bidi characters); a unit's evidence, all
 * plans together, stays within `quotaBytes`.
 */
export async function addEvidence(
  db: Db, user: CurrentUser, actor: Actor, actionId: number, file: { filename: string; bytes: Buffer }, limits: { quotaBytes: number },
): Promise<EvidenceDto> {
  const filename = cleanFileName(file.filename)
  if (!filename) throw invalid({ file: 'noLetter' })
  const mime = storedFileType(file.bytes, filename)
  // No code of its own yet (contract/errors.ts): 415 with the allow-list as the message.
  if (!mime) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { file: 'format' }, undefined, STORED_FILE_TYPES_TEXT)
  return db.transaction(async (tx) => {
    const action = await evidenceTarget(tx, user, actionId)
    await requireQuota(tx, action.unitId, file.bytes.length, limits.quotaBytes)
    const sha256 = createHash('sha256').update(file.bytes).digest('hex')
    const [{ id }] = await tx.query<{ id: number }>(
      `INSERT INTO action_evidence (action_id, filename, mime, size, sha256, content, uploaded_by, uploaded_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
      [actionId, filename, mime, file.bytes.length, sha256, file.bytes, actor.id, actor.now],
    )
    await recordAudit(tx, actor, { action: 'addEvidence', entity: 'planAction', entityId: actionId, unitId: action.unitId, after: { evidenceId: id, filename, size: file.bytes.length, sha256 } })
    return { id, filename, mime, size: file.bytes.length, uploadedAt: actor.now.toISOString() }
  })
}

/** Refuses a file that would take the unit's evidence past its quota. */
async function requireQuota(tx: Queryable, unitId: number, size: number, quotaBytes: number) {
  // Uploads to one unit take turns here, so two at once cannot both fit in the last free space.
  // NO KEY UPDATE: rows that merely reference the unit (audit entries) are not held up.
  await tx.query('SELECT 1 FROM unit WHERE id = $1 FOR NO KEY UPDATE', [unitId])
  const [{ used }] = await tx.query<{ used: number }>(
    'SELECT coalesce(sum(e.size), 0)::int8 AS used FROM action_evidence e JOIN plan_action a ON a.id = e.action_id WHERE a.unit_id = $1',
    [unitId],
  )
  if (used + size <= quotaBytes) return
  const mb = (n: number, locale: string) => `${(n / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`
  // 413: this file does not fit; the message says how full the unit is and what to do.
  throw new AppError('BODY_TOO_LARGE', { file: { key: 'tooBig', n: mb(quotaBytes - used, 'vi-VN') } }, { quotaBytes, usedBytes: used }, {
    vi: `Dung lượng minh chứng của đơn vị đã gần hết: đã dùng ${mb(used, 'vi-VN')} trong ${mb(quotaBytes, 'vi-VN')}, tệp này cần ${mb(size, 'vi-VN')}. Hãy xóa minh chứng cũ không còn cần hoặc liên hệ quản trị hệ thống`,
    en: `The unit's evidence storage is nearly full: ${mb(used, 'en-US')} of ${mb(quotaBytes, 'en-US')} used, and this file needs ${mb(size, 'en-US')}. Delete evidence no longer needed or ask the administrator`,
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
