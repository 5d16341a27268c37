import type { PersonDto } from '../../../contract/people.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'

const COLUMNS = `p.id, p.unit_id, u.name AS unit_name, u.path::text AS unit_path, p.full_name, p.position, p.category,
  p.is_party_member, p.is_active, p.email, p.version`

export interface PersonRow extends PersonDto {
  unitPath: string
}

interface PersonRecord {
  id: number
  unit_id: number
  unit_name: string
  unit_path: string
  full_name: string
  position: string
  category: PersonDto['category']
  is_party_member: boolean
  is_active: boolean
  email: string | null
  version: number
}

const toPerson = (r: PersonRecord): PersonRow => ({
  id: r.id, unitId: r.unit_id, unitName: r.unit_name, unitPath: r.unit_path, fullName: r.full_name, position: r.position,
  category: r.category, isPartyMember: r.is_party_member, isActive: r.is_active, email: r.email, version: r.version,
})

export const toPersonDto = ({ unitPath: _p, ...dto }: PersonRow): PersonDto => dto

export async function findPerson(db: Queryable, id: number, forUpdate = false): Promise<PersonRow | null> {
  const [r] = await db.query<PersonRecord>(`SELECT ${COLUMNS} FROM person p JOIN unit u ON u.id = p.unit_id WHERE p.id = $1 ${forUpdate ? 'FOR UPDATE OF p' : ''}`, [id])
  return r ? toPerson(r) : null
}

/** A list's total is exact up to this many matches (or five pages past the one asked for); beyond, "more than". */
export const COUNT_CAP = 1000

/** People under `underPath` (or exactly in it), inside the caller's scopes, Vietnamese name order. */
export async function listPeople(
  db: Queryable,
  scopes: string[],
  opts: { underPath?: string; exactUnitId?: number; q?: string; includeInactive?: boolean; limit: number; offset: number },
) {
  if (!scopes.length) return { items: [], total: 0, isTotalCapped: false }
  const params: unknown[] = [arrayLiteral(scopes)]
  const where = ['u.path <@ ANY($1::ltree[])']
  if (opts.exactUnitId) where.push(`p.unit_id = $${params.push(opts.exactUnitId)}`)
  else if (opts.underPath) where.push(`u.path <@ $${params.push(opts.underPath)}::ltree`)
  if (!opts.includeInactive) where.push('p.is_active')
  if (opts.q) where.push(`p.name_search LIKE '%' || lower(f_unaccent($${params.push(opts.q)})) || '%'`)
  const w = where.join(' AND ')
  // Counting every match of a common name ("nguyen van": a third of 500,000 people) was most of a
  // search's time; the count stops a little past the page asked for, and says when it stopped.
  const cap = Math.max(COUNT_CAP, opts.offset + opts.limit * 5)
  const limit = `$${params.push(opts.limit)}`
  const offset = `$${params.push(opts.offset)}`
  // One pass: the matches (up to the cap) are found once, counted, and the page is sorted from them.
  // They are all the matches unless the cap was reached; then the page is sorted from every match.
  const firstPass = await db.query<PersonRecord & { total: number }>(
    `WITH m AS MATERIALIZED (SELECT p.id FROM person p JOIN unit u ON u.id = p.unit_id WHERE ${w} LIMIT ${cap + 1}),
          n AS (SELECT count(*)::int AS total FROM m)
     SELECT n.total, page.* FROM n LEFT JOIN LATERAL (
       SELECT ${COLUMNS} FROM m JOIN person p ON p.id = m.id JOIN unit u ON u.id = p.unit_id
       ORDER BY p.sort_key COLLATE "C", p.id LIMIT ${limit} OFFSET ${offset}
     ) page ON true`,
    params,
  )
  const total = firstPass[0].total
  const rows = total <= cap
    ? firstPass.filter((r) => r.id !== null)
    : await db.query<PersonRecord>(
      `SELECT ${COLUMNS} FROM person p JOIN unit u ON u.id = p.unit_id WHERE ${w}
       ORDER BY p.sort_key COLLATE "C", p.id LIMIT ${limit} OFFSET ${offset}`,
      params,
    )
  return { items: rows.map(toPerson), total: Math.min(total, cap), isTotalCapped: total > cap }
}

export async function insertPerson(
  db: Queryable,
  p: { unitId: number; fullName: string; position: string; category: string; isPartyMember: boolean; email?: string | null; sortKey: string },
): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO person (unit_id, full_name, position, category, is_party_member, email, sort_key) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [p.unitId, p.fullName, p.position, p.category, p.isPartyMember, p.email ?? null, p.sortKey],
  )
  return id
}
