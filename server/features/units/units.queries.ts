import type { UnitDto } from '../../../contract/units.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'

export const UNIT_COLUMNS = `u.id, u.parent_id, u.name, u.kind, u.code, u.is_active, nlevel(u.path) AS depth, u.version, u.path::text AS path`

export interface UnitRow extends UnitDto {
  path: string
}

interface UnitRecord {
  id: number
  parent_id: number | null
  name: string
  kind: UnitDto['kind']
  code: string
  is_active: boolean
  depth: number
  version: number
  path: string
}

export const toUnit = (r: UnitRecord): UnitRow => ({
  id: r.id, parentId: r.parent_id, name: r.name, kind: r.kind, code: r.code, isActive: r.is_active, depth: r.depth, version: r.version, path: r.path,
})

export const toUnitDto = ({ path: _path, ...dto }: UnitRow): UnitDto => dto

/** Units under any of `scopes` (ltree paths), in tree order with Vietnamese name order among siblings. */
export async function listUnitsInScope(db: Queryable, scopes: string[], opts: { q?: string; includeInactive?: boolean } = {}) {
  if (!scopes.length) return []
  const params: unknown[] = [arrayLiteral(scopes)]
  let where = 'u.path <@ ANY($1::ltree[])'
  if (!opts.includeInactive) where += ' AND u.is_active'
  if (opts.q) {
    params.push(opts.q)
    where += ` AND u.name_search LIKE '%' || lower(f_unaccent($${params.length})) || '%'`
  }
  const rows = await db.query<UnitRecord>(`SELECT ${UNIT_COLUMNS} FROM unit u WHERE ${where} ORDER BY nlevel(u.path), u.sort_key COLLATE "C", u.id`, params)
  return rows.map(toUnit)
}

/**
 * One level of the tree with each unit's child count: the children of `parentId`, or the top of
 * the scopes (units at a scope's path that no other scope contains). The whole tree of 5,000 units
 * was one 1 MB answer (20 ms of SQL, 40–75 ms served); a level is a few dozen rows read by
 * unit_parent_idx.
 */
export async function listUnitLevel(db: Queryable, level: { parentId: number } | { scopes: string[] }, opts: { includeInactive?: boolean } = {}) {
  const active = opts.includeInactive ? '' : ' AND c.is_active'
  const params: unknown[] = []
  const where = 'parentId' in level
    ? `u.parent_id = $${params.push(level.parentId)}`
    : `u.path = ANY($${params.push(arrayLiteral(level.scopes))}::ltree[]) AND NOT EXISTS (SELECT 1 FROM unit o WHERE o.path = ANY($1::ltree[]) AND o.path @> u.path AND o.id <> u.id)`
  const rows = await db.query<UnitRecord & { child_count: number }>(
    `SELECT ${UNIT_COLUMNS}, (SELECT count(*)::int FROM unit c WHERE c.parent_id = u.id${active}) AS child_count
       FROM unit u WHERE ${where}${opts.includeInactive ? '' : ' AND u.is_active'}
      ORDER BY u.sort_key COLLATE "C", u.id`,
    params,
  )
  return rows.map((r) => ({ ...toUnit(r), childCount: r.child_count }))
}

export async function findUnit(db: Queryable, id: number): Promise<UnitRow | null> {
  const [r] = await db.query<UnitRecord>(`SELECT ${UNIT_COLUMNS} FROM unit u WHERE u.id = $1`, [id])
  return r ? toUnit(r) : null
}

export async function findUnitForUpdate(db: Queryable, id: number): Promise<UnitRow | null> {
  const [r] = await db.query<UnitRecord>(`SELECT ${UNIT_COLUMNS} FROM unit u WHERE u.id = $1 FOR UPDATE`, [id])
  return r ? toUnit(r) : null
}

export async function nextUnitId(db: Queryable): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('unit', 'id'))::int AS id`)
  return id
}

export async function insertUnit(db: Queryable, u: { id: number; parentId: number | null; path: string; code: string; name: string; kind: string; sortKey: string }) {
  await db.query(
    `INSERT INTO unit (id, parent_id, path, code, name, kind, sort_key) VALUES ($1, $2, $3::ltree, $4, $5, $6, $7)`,
    [u.id, u.parentId, u.path, u.code, u.name, u.kind, u.sortKey],
  )
}

export async function isCodeTaken(db: Queryable, code: string, exceptId?: number) {
  const rows = await db.query('SELECT 1 FROM unit WHERE lower(code) = lower($1) AND id IS DISTINCT FROM $2', [code, exceptId ?? null])
  return rows.length > 0
}

/** Re-roots a whole subtree: every path under `oldPath` now starts at `newParentPath`. */
export async function moveSubtree(db: Queryable, oldPath: string, newParentPath: string) {
  await db.query(
    `UPDATE unit SET path = $2::ltree || subpath(path, nlevel($1::ltree) - 1), updated_at = now() WHERE path <@ $1::ltree`,
    [oldPath, newParentPath],
  )
}

/**
 * Whether the scopes hold every unit (the national board's): a query over them then filters no
 * unit at all. Matching each of 50,000 units' rows against the scopes is what made the board's
 * figures grow faster than the tree (the home page's directive progress 526 ms → 25 ms at 50,000).
 */
export async function scopesCoverAll(db: Queryable, scopes: string[]): Promise<boolean> {
  const [{ all }] = await db.query<{ all: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM unit WHERE parent_id IS NULL AND NOT path <@ ANY($1::ltree[])) AS all', [arrayLiteral(scopes)])
  return all
}
