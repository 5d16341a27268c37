// Builders shared by demo data and tests: the shortest way to a valid row.
import type { Role } from '../../../contract/roles.ts'
import type { UnitKind } from '../../../contract/units.ts'
import type { PersonCategory } from '../../../contract/people.ts'
import { vnNameSortKey, vnSortKey } from '../../../contract/vietnamese.ts'
import { hashPassword } from '../../features/auth/password.ts'
import type { Queryable } from '../types.ts'

let counter = 0
const uniq = () => `${Date.now().toString(36)}${(counter++).toString(36)}`

export interface SeededUnit {
  id: number
  path: string
  code: string
  name: string
}

export async function seedUnit(db: Queryable, o: { parent?: SeededUnit | null; code?: string; name?: string; kind?: UnitKind } = {}): Promise<SeededUnit> {
  const [{ id }] = await db.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('unit', 'id'))::int AS id`)
  const code = o.code ?? `U${uniq()}`
  const name = o.name ?? `Đơn vị ${code}`
  const path = o.parent ? `${o.parent.path}.${id}` : String(id)
  await db.query(`INSERT INTO unit (id, parent_id, path, code, name, kind, sort_key) VALUES ($1,$2,$3::ltree,$4,$5,$6,$7)`, [
    id, o.parent?.id ?? null, path, code, name, o.kind ?? (o.parent ? 'hospital' : 'ministry'), vnSortKey(name),
  ])
  return { id, path, code, name }
}

export async function seedPerson(
  db: Queryable,
  o: { unitId: number; fullName?: string; position?: string; category?: PersonCategory; isPartyMember?: boolean; isActive?: boolean },
): Promise<{ id: number; fullName: string }> {
  const fullName = o.fullName ?? `Nguyễn Văn ${uniq()}`
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO person (unit_id, full_name, position, category, is_party_member, is_active, sort_key) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [o.unitId, fullName, o.position ?? 'Chuyên viên', o.category ?? 'publicEmployee', o.isPartyMember ?? false, o.isActive ?? true, vnNameSortKey(fullName)],
  )
  return { id, fullName }
}

const hashCache = new Map<string, Promise<string>>()

export async function seedAccount(
  db: Queryable,
  o: { username: string; password: string; personId?: number | null; roles?: { role: Role; unitId: number }[]; passwordHash?: string },
): Promise<{ id: number; username: string }> {
  if (!hashCache.has(o.password)) hashCache.set(o.password, hashPassword(o.password))
  const hash = o.passwordHash ?? (await hashCache.get(o.password)!)
  const [{ id }] = await db.query<{ id: number }>(`INSERT INTO account (username, person_id, password_hash) VALUES ($1,$2,$3) RETURNING id`, [
    o.username, o.personId ?? null, hash,
  ])
  for (const r of o.roles ?? []) await db.query('INSERT INTO role_grant (account_id, role, unit_id) VALUES ($1,$2,$3)', [id, r.role, r.unitId])
  return { id, username: o.username }
}
