import { vnSortKey } from '../../../contract/vietnamese.ts'
import type { UnitKind } from '../../../contract/units.ts'
import type { UnitDto } from '../../../contract/units.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid, notFound } from '../../http/errors.ts'
import { isUnder } from '../../http/scope.ts'
import { recordAudit, type Actor } from '../audit/audit.service.ts'
import { canManageUnit } from './units.policy.ts'
import { findUnit, findUnitForUpdate, insertUnit, isCodeTaken, moveSubtree, nextUnitId, toUnitDto, type UnitRow } from './units.queries.ts'

const snapshot = (u: UnitRow) => ({ parentId: u.parentId, name: u.name, kind: u.kind, code: u.code, isActive: u.isActive, path: u.path })

/** A unit the user may manage, locked for update; anything else is "not found". */
async function managedUnit(tx: Queryable, user: CurrentUser, id: number, field?: string) {
  const unit = await findUnitForUpdate(tx, id)
  if (!unit || !canManageUnit(user, unit.path)) {
    if (field) throw invalid({ [field]: 'notFound' })
    throw notFound()
  }
  return unit
}

/** The unit as saved, read inside the writing transaction: what the route answers. */
const saved = async (tx: Queryable, id: number): Promise<UnitDto> => toUnitDto((await findUnit(tx, id))!)

function checkVersion(unit: UnitRow, version: number) {
  if (unit.version !== version) throw new AppError('CONFLICT', undefined, { current: toUnitDto(unit) })
}

export async function createUnit(db: Db, user: CurrentUser, actor: Actor, input: { parentId: number; name: string; code: string; kind: UnitKind }): Promise<UnitDto> {
  return db.transaction(async (tx) => {
    const parent = await managedUnit(tx, user, input.parentId, 'parentId')
    if (!parent.isActive) throw invalid({ parentId: 'inactive' })
    if (await isCodeTaken(tx, input.code)) throw invalid({ code: 'taken' })
    const id = await nextUnitId(tx)
    const path = `${parent.path}.${id}`
    await insertUnit(tx, { id, parentId: parent.id, path, code: input.code, name: input.name, kind: input.kind, sortKey: vnSortKey(input.name) })
    await recordAudit(tx, actor, { action: 'create', entity: 'unit', entityId: id, unitId: id, after: { ...input, path } })
    return saved(tx, id)
  })
}

export async function updateUnit(db: Db, user: CurrentUser, actor: Actor, id: number, input: { version: number; name?: string; kind?: UnitKind }): Promise<UnitDto> {
  return db.transaction(async (tx) => {
    const unit = await managedUnit(tx, user, id)
    checkVersion(unit, input.version)
    const name = input.name ?? unit.name
    const kind = input.kind ?? unit.kind
    await tx.query('UPDATE unit SET name = $2, kind = $3, sort_key = $4, version = version + 1, updated_at = $5 WHERE id = $1', [id, name, kind, vnSortKey(name), actor.now])
    await recordAudit(tx, actor, { action: 'update', entity: 'unit', entityId: id, unitId: id, before: snapshot(unit), after: { ...snapshot(unit), name, kind } })
    return saved(tx, id)
  })
}

/** Moves a unit with its whole subtree under a new parent; refuses cycles. */
export async function moveUnit(db: Db, user: CurrentUser, actor: Actor, id: number, input: { version: number; parentId: number }): Promise<UnitDto> {
  return db.transaction(async (tx) => {
    const unit = await managedUnit(tx, user, id)
    checkVersion(unit, input.version)
    if (unit.parentId === null) throw invalid({ parentId: 'cycle' })
    const parent = await managedUnit(tx, user, input.parentId, 'parentId')
    if (isUnder(parent.path, unit.path)) throw invalid({ parentId: 'cycle' })
    if (!parent.isActive) throw invalid({ parentId: 'inactive' })
    await moveSubtree(tx, unit.path, parent.path)
    await tx.query('UPDATE unit SET parent_id = $2, version = version + 1, updated_at = $3 WHERE id = $1', [id, parent.id, actor.now])
    const newPath = `${parent.path}.${unit.id}`
    await recordAudit(tx, actor, { action: 'move', entity: 'unit', entityId: id, unitId: id, before: snapshot(unit), after: { ...snapshot(unit), parentId: parent.id, path: newPath } })
    return saved(tx, id)
  })
}

/** Deactivating a unit deactivates its subtree too: nothing active may hang under an inactive unit. */
export async function setUnitActive(db: Db, user: CurrentUser, actor: Actor, id: number, input: { version: number }, isActive: boolean): Promise<UnitDto> {
  return db.transaction(async (tx) => {
    const unit = await managedUnit(tx, user, id)
    checkVersion(unit, input.version)
    if (isActive) {
      if (unit.parentId !== null) {
        const [p] = await tx.query<{ is_active: boolean }>('SELECT is_active FROM unit WHERE id = $1', [unit.parentId])
        if (!p.is_active) throw invalid({ parentId: 'inactive' })
      }
      await tx.query('UPDATE unit SET is_active = true, version = version + 1, updated_at = $2 WHERE id = $1', [id, actor.now])
    } else {
      if (unit.parentId === null) throw new AppError('INVALID_STATE')
      await tx.query('UPDATE unit SET is_active = false, version = version + 1, updated_at = $2 WHERE path <@ $1::ltree AND is_active', [unit.path, actor.now])
    }
    await recordAudit(tx, actor, { action: isActive ? 'activate' : 'deactivate', entity: 'unit', entityId: id, unitId: id, before: snapshot(unit), after: { ...snapshot(unit), isActive } })
    return saved(tx, id)
  })
}

/** For other features' queries: whether the scopes hold every unit (nothing to filter). */
export { scopesCoverAll } from './units.queries.ts'
