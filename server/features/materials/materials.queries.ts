// Reads and writes of a directive's materials and the sessions that used them.
import type { MaterialDto } from '../../../contract/materials.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'

const iso = (v: Date | string) => new Date(v).toISOString()

const COLUMNS = `m.id, m.directive_id, m.kind, m.title, m.body, m.filename, m.mime, m.size, m.version, m.created_at, m.updated_at,
  (SELECT count(*)::int FROM session_material sm WHERE sm.material_id = m.id) AS session_count`
interface MaterialRecord {
  id: number; directive_id: number; kind: MaterialDto['kind']; title: string; body: string; filename: string | null; mime: string | null; size: number | null
  version: number; created_at: Date; updated_at: Date; session_count: number
}
const toDto = (r: MaterialRecord): MaterialDto => ({
  id: r.id, directiveId: r.directive_id, kind: r.kind, title: r.title, body: r.body,
  file: r.filename ? { filename: r.filename, mime: r.mime!, size: r.size! } : null, sessionCount: r.session_count, version: r.version,
  createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
})

export async function findMaterial(db: Queryable, id: number, forUpdate = false): Promise<MaterialDto | null> {
  if (forUpdate) await db.query('SELECT 1 FROM directive_material WHERE id = $1 FOR UPDATE', [id])
  const [r] = await db.query<MaterialRecord>(`SELECT ${COLUMNS} FROM directive_material m WHERE m.id = $1`, [id])
  return r ? toDto(r) : null
}

export async function materialsOf(db: Queryable, directiveIds: number[]): Promise<MaterialDto[]> {
  if (!directiveIds.length) return []
  const rows = await db.query<MaterialRecord>(`SELECT ${COLUMNS} FROM directive_material m WHERE m.directive_id = ANY($1::int[]) ORDER BY m.directive_id, m.id`, [arrayLiteral(directiveIds)])
  return rows.map(toDto)
}

export async function insertMaterial(
  db: Queryable,
  m: { directiveId: number; kind: string; title: string; body: string; file: { filename: string; mime: string; bytes: Buffer; sha256: string } | null; createdBy: number | null; now: Date },
): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO directive_material (directive_id, kind, title, body, filename, mime, size, sha256, content, created_by, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$11) RETURNING id`,
    [m.directiveId, m.kind, m.title, m.body, m.file?.filename ?? null, m.file?.mime ?? null, m.file?.bytes.length ?? null, m.file?.sha256 ?? null, m.file?.bytes ?? null, m.createdBy, m.now],
  )
  return id
}

export async function updateMaterialRow(db: Queryable, id: number, m: { kind: string; title: string; body: string; now: Date }) {
  await db.query('UPDATE directive_material SET kind = $2, title = $3, body = $4, version = version + 1, updated_at = $5 WHERE id = $1', [id, m.kind, m.title, m.body, m.now])
}

export async function deleteMaterialRow(db: Queryable, id: number) {
  await db.query('DELETE FROM directive_material WHERE id = $1', [id])
}

export async function materialFile(db: Queryable, id: number) {
  const [r] = await db.query<{ filename: string | null; mime: string | null; content: Uint8Array | null }>('SELECT filename, mime, content FROM directive_material WHERE id = $1', [id])
  return r?.content ? { filename: r.filename!, mime: r.mime!, content: Buffer.from(r.content) } : null
}

// ---- sessions

export async function sessionMaterialIds(db: Queryable, sessionId: number): Promise<number[]> {
  return (await db.query<{ material_id: number }>('SELECT material_id FROM session_material WHERE session_id = $1 ORDER BY material_id', [sessionId])).map((r) => r.material_id)
}

export async function materialsByIds(db: Queryable, ids: number[]): Promise<MaterialDto[]> {
  if (!ids.length) return []
  const rows = await db.query<MaterialRecord>(`SELECT ${COLUMNS} FROM directive_material m WHERE m.id = ANY($1::int[]) ORDER BY m.id`, [arrayLiteral(ids)])
  return rows.map(toDto)
}

export async function setSessionMaterials(db: Queryable, sessionId: number, ids: number[]) {
  await db.query('DELETE FROM session_material WHERE session_id = $1', [sessionId])
  if (ids.length) await db.query('INSERT INTO session_material (session_id, material_id) SELECT $1, unnest($2::int[])', [sessionId, arrayLiteral(ids)])
}

/** Issued directives addressed to the unit at `unitPath` or to a unit above it that have materials: what a person there may open. */
export async function directivesWithMaterialsReaching(db: Queryable, unitPath: string): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `SELECT d.id FROM directive d WHERE d.status <> 'draft'
       AND EXISTS (SELECT 1 FROM directive_material m WHERE m.directive_id = d.id)
       AND EXISTS (SELECT 1 FROM directive_addressee da JOIN unit u ON u.id = da.unit_id WHERE da.directive_id = d.id AND u.path @> $1::ltree)
     ORDER BY d.date DESC NULLS LAST, d.id DESC`,
    [unitPath],
  )
  return rows.map((r) => r.id)
}

export async function personUnitPath(db: Queryable, personId: number) {
  const [r] = await db.query<{ id: number; full_name: string; position: string; unit_id: number; unit_name: string; path: string }>(
    'SELECT p.id, p.full_name, p.position, p.unit_id, u.name AS unit_name, u.path::text AS path FROM person p JOIN unit u ON u.id = p.unit_id WHERE p.id = $1', [personId],
  )
  return r ? { id: r.id, name: r.full_name, position: r.position, unitId: r.unit_id, unitName: r.unit_name, unitPath: r.path } : null
}
