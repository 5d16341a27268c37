// A staff member's own page: the directives sent to their unit (confirmed with one click through the
// dissemination feature's receipt), the materials of those directives, their training record if
// they are an officer in office, and the notices addressed to them as the subject of a case. Each
// part comes from the feature that owns it, by the person the session belongs to: nothing of anyone else.
import type { MyDirectiveViewDto, MyPageDto } from '../../../contract/materials.ts'
import type { Queryable } from '../../db/types.ts'
import type { Actor, CurrentUser } from '../../http/current-user.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { myNotices } from '../cases/case-notices.service.ts'
import type { CaseDeps } from '../cases/cases.service.ts'
import { directiveReachingUnit } from '../directives/directives.access.ts'
import { directiveDto } from '../directives/directives.service.ts'
import { directiveOfPerson, directivesOfPerson } from '../dissemination/dissemination.service.ts'
import { ownTrainingRecord } from '../officers/officers.service.ts'
import type { TrainingRule } from '../officers/officers.service.ts'
import { directivesWithMaterialsReaching, materialsOf, personUnitPath } from './materials.queries.ts'

/** Directives on the page; GET /api/v1/me/directives pages through the rest. */
const FIRST_PAGE = 20

export async function myPage(cases: CaseDeps, user: CurrentUser, actor: Actor, today: string, rule: TrainingRule): Promise<MyPageDto> {
  const { db } = cases
  const person = user.personId ? await personUnitPath(db, user.personId) : null
  // The notices are read (and that read audited) by the cases feature itself, as GET /api/v1/me/case-notices does.
  const notices = (await myNotices(cases, user, actor)).items
  if (!person) return { person: null, directives: { items: [], total: 0 }, materials: [], training: null, notices, asOf: today }
  return {
    person: { id: person.id, name: person.name, unitId: person.unitId, unitName: person.unitName, position: person.position },
    directives: await directivesOfPerson(db, person.id, { limit: FIRST_PAGE, offset: 0 }),
    materials: await materialsOf(db, await directivesWithMaterialsReaching(db, person.unitPath)),
    training: await ownTrainingRecord(db, person.id, today, rule),
    notices,
    asOf: today,
  }
}

/**
 * One directive sent to my unit (or a unit above it), read-only: what a staff member reads before
 * pressing "Tôi đã được phổ biến". Reach is the person's own unit, as for the confirmation itself,
 * not the account's role scope; an account without a person has nothing to read here (409, as the
 * confirmation answers).
 */
export async function myDirectiveView(db: Queryable, user: CurrentUser, directiveId: number): Promise<MyDirectiveViewDto> {
  if (!user.personId) throw new AppError('INVALID_STATE', undefined, { reason: 'noPerson' })
  const person = await personUnitPath(db, user.personId)
  if (!person) throw notFound()
  await directiveReachingUnit(db, directiveId, person.unitPath)
  const mine = await directiveOfPerson(db, person.id, directiveId)
  if (!mine) throw notFound()
  return { directive: await directiveDto(db, directiveId), materials: await materialsOf(db, [directiveId]), mine }
}
