import type { Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { notFound } from '../../http/errors.ts'
import { canReach } from '../../http/scope.ts'
import { PEOPLE_READ_ROLES } from './people.policy.ts'
import { findPerson, type PersonRow } from './people.queries.ts'

/** A person the user may read (their unit is in the user's scope); 404 otherwise. */
export async function readablePerson(db: Queryable, user: CurrentUser, id: number): Promise<PersonRow> {
  const person = await findPerson(db, id)
  if (!person || !canReach(user, PEOPLE_READ_ROLES, person.unitPath)) throw notFound()
  return person
}

/** A person by id whatever the caller's scope, for a feature that checks the person's unit itself (accounts). */
export const personById = (db: Queryable, id: number) => findPerson(db, id)
