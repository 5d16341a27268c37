// The need-to-know list of a case and the named groups on lists. The owner and the board's head
// manage a list; an administrator never reads a case, is never put on a list, and changes a
// group's members only by a request the board's head decides. Every change is audited.
import type { CaseAccessDto } from '../../../contract/cases.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { Actor, CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid, notFound } from '../../http/errors.ts'
import { canReach } from '../../http/scope.ts'
import { recordAudit, entriesFor } from '../audit/audit.service.ts'
import type { Keyring } from '../../lib/keyring.ts'
import { AAD, caseKey } from './case-content.ts'
import { caseManagedBy } from './cases.access.ts'
import { isAdministrator, isBoardHead } from './cases.policy.ts'
import { accessEntries, accountHasAdminRole, addAccessRow, breakGlassReasons, findAccountBrief } from './cases.queries.ts'
import { accountName } from '../accounts/account-name.ts'

async function addableAccount(tx: Queryable, accountId: number, field: string) {
  const acc = await findAccountBrief(tx, accountId)
  if (!acc) throw invalid({ [field]: 'notFound' })
  if (await accountHasAdminRole(tx, accountId)) throw invalid({ [field]: 'adminNotAllowed' })
  return acc
}

/** The list and the case's access history: for its owner and the board's head. */
export async function caseAccess(db: Db, keys: Keyring, user: CurrentUser, caseId: number): Promise<CaseAccessDto> {
  const c = await caseManagedBy(db, user, caseId)
  const reasons = new Map<number, string>()
  if (c.dataKeyId) {
    const k = await caseKey(db, keys, c.dataKeyId)
    for (const r of await breakGlassReasons(db, c.id)) reasons.set(r.id, k.openText(r.reason_enc, AAD.breakGlass(r.id)))
  }
  const history = (await entriesFor(db, 'case', c.id)).map((e) => {
    const after = (e.after ?? {}) as { parts?: string[]; reasonId?: number; fileId?: number; accountId?: number; groupId?: number; step?: string }
    const part = after.parts?.join(', ') ?? (after.fileId ? `file ${after.fileId}` : after.step ?? (after.accountId ? `account ${after.accountId}` : after.groupId ? `group ${after.groupId}` : null))
    return { at: e.at, actor: e.actor, ip: e.ip, action: e.action, part, reason: after.reasonId ? reasons.get(after.reasonId) ?? null : null }
  })
  return {
    entries: (await accessEntries(db, c.id)).map((x) => ({ id: x.id, accountId: x.account_id, groupId: x.group_id, name: x.name, addedBy: x.added_by, addedAt: new Date(x.added_at).toISOString() })),
    history,
  }
}

export async function grantAccess(db: Db, keys: Keyring, user: CurrentUser, actor: Actor, caseId: number, who: { accountId?: number; groupId?: number }) {
  await db.transaction(async (tx) => {
    const c = await caseManagedBy(tx, user, caseId, { forUpdate: true })
    if (who.accountId) await addableAccount(tx, who.accountId, 'accountId')
    if (who.groupId) {
      const [g] = await tx.query<{ id: number }>('SELECT id FROM case_group WHERE id = $1', [who.groupId])
      if (!g) throw invalid({ groupId: 'notFound' })
    }
    if (await addAccessRow(tx, c.id, who, user.id, actor.now)) {
      await recordAudit(tx, actor, { action: 'addAccess', entity: 'case', entityId: c.id, unitId: c.boardUnitId, after: who })
    }
  })
  return caseAccess(db, keys, user, caseId)
}

export async function revokeAccess(db: Db, keys: Keyring, user: CurrentUser, actor: Actor, caseId: number, entryId: number) {
  await db.transaction(async (tx) => {
    const c = await caseManagedBy(tx, user, caseId, { forUpdate: true })
    const [x] = await tx.query<{ account_id: number | null; group_id: number | null }>('SELECT account_id, group_id FROM conf_case_access WHERE id = $1 AND case_id = $2', [entryId, c.id])
    if (!x) throw notFound()
    // The owner stays on their own case's list.
    if (x.account_id === c.ownerAccountId) throw new AppError('INVALID_STATE')
    await tx.query('DELETE FROM conf_case_access WHERE id = $1', [entryId])
    await recordAudit(tx, actor, { action: 'removeAccess', entity: 'case', entityId: c.id, unitId: c.boardUnitId, before: { accountId: x.account_id, groupId: x.group_id } })
  })
  return caseAccess(db, keys, user, caseId)
}

// ---- named groups

export async function listGroups(db: Queryable) {
  const groups = await db.query<{ id: number; name: string; board_unit_id: number }>('SELECT id, name, board_unit_id FROM case_group ORDER BY name, id')
  const members = await db.query<{ group_id: number; account_id: number; username: string }>(
    'SELECT m.group_id, m.account_id, a.username FROM case_group_member m JOIN account a ON a.id = m.account_id ORDER BY a.username',
  )
  const requests = await db.query<{ id: number; group_id: number; account_id: number; username: string; change: 'add' | 'remove'; requested_by: string }>(
    `SELECT r.id, r.group_id, r.account_id, a.username, r.change, ${accountName('rb')} AS requested_by FROM case_group_request r
     JOIN account a ON a.id = r.account_id JOIN account rb ON rb.id = r.requested_by WHERE r.status = 'pending' ORDER BY r.id`,
  )
  return groups.map((g) => ({
    id: g.id, name: g.name, boardUnitId: g.board_unit_id,
    members: members.filter((m) => m.group_id === g.id).map((m) => ({ accountId: m.account_id, username: m.username })),
    pendingRequests: requests.filter((r) => r.group_id === g.id).map((r) => ({ id: r.id, accountId: r.account_id, username: r.username, change: r.change, requestedBy: r.requested_by })),
  }))
}

const groupAudit = (tx: Queryable, actor: Actor, groupId: number, unitId: number, action: string, after: unknown) =>
  recordAudit(tx, actor, { action, entity: 'caseGroup', entityId: groupId, unitId, after })

/** Board units the user heads: where they may create groups and decide on members. */
const headedBoardUnits = async (tx: Queryable, user: CurrentUser) => {
  const ids = user.grants.filter((g) => g.role === 'unitHead').map((g) => g.unitId)
  if (!ids.length) return []
  return (await tx.query<{ id: number }>(`SELECT id FROM unit WHERE id = ANY($1::int[]) AND kind = 'board'`, [ids])).map((r) => r.id)
}

export async function createGroup(db: Db, user: CurrentUser, actor: Actor, name: string) {
  return db.transaction(async (tx) => {
    const [boardUnitId] = await headedBoardUnits(tx, user)
    if (!boardUnitId) throw new AppError('FORBIDDEN')
    const [{ id }] = await tx.query<{ id: number }>('INSERT INTO case_group (name, board_unit_id, created_by, created_at) VALUES ($1, $2, $3, $4) RETURNING id', [name, boardUnitId, user.id, actor.now])
    await groupAudit(tx, actor, id, boardUnitId, 'create', { name })
    return id
  })
}

/** A group whose board unit the user's head or administrator role reaches; 404 otherwise. */
async function groupOf(tx: Queryable, user: CurrentUser, id: number) {
  const [g] = await tx.query<{ id: number; board_unit_id: number; path: string }>(
    'SELECT g.id, g.board_unit_id, u.path::text AS path FROM case_group g JOIN unit u ON u.id = g.board_unit_id WHERE g.id = $1 FOR UPDATE OF g', [id],
  )
  if (!g || !canReach(user, ['unitHead', 'admin'], g.path)) throw notFound()
  return g
}

/**
 * A change to a group's members. The board's head makes it; an administrator's becomes a request for
 * the head to decide (and an administrator is never made a member).
 */
export async function changeGroupMember(db: Db, user: CurrentUser, actor: Actor, groupId: number, accountId: number, change: 'add' | 'remove') {
  return db.transaction(async (tx) => {
    const g = await groupOf(tx, user, groupId)
    if (change === 'add') await addableAccount(tx, accountId, 'accountId')
    if (isBoardHead(user, g.board_unit_id)) {
      if (change === 'add') await tx.query('INSERT INTO case_group_member (group_id, account_id, added_by, added_at) VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING', [g.id, accountId, user.id, actor.now])
      else await tx.query('DELETE FROM case_group_member WHERE group_id = $1 AND account_id = $2', [g.id, accountId])
      await groupAudit(tx, actor, g.id, g.board_unit_id, change === 'add' ? 'addMember' : 'removeMember', { accountId })
      return 'done' as const
    }
    if (!isAdministrator(user)) throw new AppError('FORBIDDEN')
    const [{ id }] = await tx.query<{ id: number }>(
      'INSERT INTO case_group_request (group_id, account_id, change, requested_by, requested_at) VALUES ($1,$2,$3,$4,$5) RETURNING id',
      [g.id, accountId, change, user.id, actor.now],
    )
    await groupAudit(tx, actor, g.id, g.board_unit_id, 'requestMemberChange', { requestId: id, accountId, change })
    return 'requested' as const
  })
}

export async function decideGroupRequest(db: Db, user: CurrentUser, actor: Actor, requestId: number, decision: 'approved' | 'refused') {
  return db.transaction(async (tx) => {
    const [r] = await tx.query<{ id: number; group_id: number; account_id: number; change: 'add' | 'remove'; status: string }>(
      'SELECT id, group_id, account_id, change, status FROM case_group_request WHERE id = $1 FOR UPDATE', [requestId],
    )
    if (!r) throw notFound()
    const g = await groupOf(tx, user, r.group_id)
    if (!isBoardHead(user, g.board_unit_id)) throw notFound()
    if (r.status !== 'pending') throw new AppError('INVALID_STATE')
    if (decision === 'approved') {
      if (r.change === 'add') {
        await addableAccount(tx, r.account_id, 'accountId')
        await tx.query('INSERT INTO case_group_member (group_id, account_id, added_by, added_at) VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING', [g.id, r.account_id, user.id, actor.now])
      } else await tx.query('DELETE FROM case_group_member WHERE group_id = $1 AND account_id = $2', [g.id, r.account_id])
    }
    await tx.query('UPDATE case_group_request SET status = $2, decided_by = $3, decided_at = $4 WHERE id = $1', [r.id, decision, user.id, actor.now])
    await groupAudit(tx, actor, g.id, g.board_unit_id, decision === 'approved' ? 'approveMemberChange' : 'refuseMemberChange', { requestId: r.id, accountId: r.account_id, change: r.change })
  })
}
