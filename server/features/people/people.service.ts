import type { PersonCategory, PersonDto } from '../../../contract/people.ts'
import { vnNameSortKey } from '../../../contract/vietnamese.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid, notFound } from '../../http/errors.ts'
import { canReach } from '../../http/scope.ts'
import { recordAudit, type Actor } from '../audit/audit.service.ts'
import { unitForField } from '../units/units.access.ts'
import { PEOPLE_WRITE_ROLES } from './people.policy.ts'
import { findPerson, insertPerson, toPersonDto, type PersonRow } from './people.queries.ts'

async function writableUnit(tx: Queryable, user: CurrentUser, unitId: number) {
  const unit = await unitForField(tx, user, PEOPLE_WRITE_ROLES, unitId, 'unitId')
  if (!unit.isActive) throw invalid({ unitId: 'inactive' })
  return unit
}

/** The person as saved, read inside the writing transaction: what the route answers. */
const saved = async (tx: Queryable, id: number): Promise<PersonDto> => toPersonDto((await findPerson(tx, id))!)

const snapshot = ({ version: _v, unitName: _n, unitPath: _p, ...rest }: PersonRow) => rest

export interface PersonInput {
  fullName: string
  unitId: number
  position: string
  category: PersonCategory
  isPartyMember: boolean
  email?: string | null
}

export async function createPerson(db: Db, user: CurrentUser, actor: Actor, input: PersonInput): Promise<PersonDto> {
  return db.transaction(async (tx) => {
    await writableUnit(tx, user, input.unitId)
    const id = await insertPerson(tx, { ...input, sortKey: vnNameSortKey(input.fullName) })
    await recordAudit(tx, actor, { action: 'create', entity: 'person', entityId: id, unitId: input.unitId, after: input })
    return saved(tx, id)
  })
}

export async function updatePerson(db: Db, user: CurrentUser, actor: Actor, id: number, input: Partial<PersonInput> & { version: number; isActive?: boolean }): Promise<PersonDto> {
  return db.transaction(async (tx) => {
    const person = await findPerson(tx, id, true)
    if (!person || !canReach(user, PEOPLE_WRITE_ROLES, person.unitPath)) throw notFound()
    if (person.version !== input.version) throw new AppError('CONFLICT', undefined, { current: toPersonDto(person) })
    if (input.unitId !== undefined && input.unitId !== person.unitId) await writableUnit(tx, user, input.unitId)
    const { version: _v, ...changes } = input
    const next = { ...snapshot(person), ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) }
    await tx.query(
      `UPDATE person SET full_name = $2, unit_id = $3, position = $4, category = $5, is_party_member = $6, email = $7, is_active = $8,
         sort_key = $9, version = version + 1, updated_at = $10 WHERE id = $1`,
      [id, next.fullName, next.unitId, next.position, next.category, next.isPartyMember, next.email ?? null, next.isActive, vnNameSortKey(next.fullName), actor.now],
    )
    await recordAudit(tx, actor, { action: 'update', entity: 'person', entityId: id, unitId: next.unitId, before: snapshot(person), after: next })
    return saved(tx, id)
  })
}
