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

export interface SeededDirective {
  id: number
  requirementIds: number[]
}

/** An issued directive with `requirements` top-level requirements, addressed to `unitIds`. */
export async function seedDirective(
  db: Queryable,
  o: { ownerUnitId: number; unitIds: number[]; requirements?: number; subject?: string; number?: string; status?: string; ackDueDate?: string; planDueDate?: string },
): Promise<SeededDirective> {
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO directive (owner_unit_id, number, document_type, date, subject, status, issued_at)
     VALUES ($1, $2, 'CV', '2024-03-15', $3, $4, CASE WHEN $4 = 'draft' THEN NULL ELSE now() END) RETURNING id`,
    [o.ownerUnitId, o.number ?? `${Math.floor(Math.random() * 9000) + 1000}-CV/BCSD`, o.subject ?? 'Tăng cường công tác bảo vệ chính trị nội bộ', o.status ?? 'issued'],
  )
  const requirementIds: number[] = []
  for (let i = 1; i <= (o.requirements ?? 3); i++) {
    const [r] = await db.query<{ id: number }>(`INSERT INTO requirement (directive_id, ordinal, label, text) VALUES ($1, $2, $3, $4) RETURNING id`, [id, i, `${i}.`, `Nội dung yêu cầu số ${i}`])
    requirementIds.push(r.id)
  }
  for (const unitId of o.unitIds) {
    await db.query(`INSERT INTO directive_addressee (directive_id, unit_id, ack_due_date, plan_due_date) VALUES ($1, $2, $3, $4)`, [
      id, unitId, o.ackDueDate ?? '2026-03-25', o.planDueDate ?? '2026-04-15',
    ])
  }
  return { id, requirementIds }
}
