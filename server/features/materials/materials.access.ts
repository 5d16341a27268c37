// Who may open or keep a directive's materials: whoever may see the directive (its addressees' people
// among them) opens them; the board over the directive's owner keeps them. Anything else is 404.
import type { MaterialDto } from '../../../contract/materials.ts'
import type { Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { directiveReachingUnit, visibleDirective } from '../directives/directives.access.ts'
import { unitById } from '../units/units.access.ts'
import { canManageMaterialsOf } from './materials.policy.ts'
import { findMaterial } from './materials.queries.ts'

/**
 * The directive if the user may open its materials: they may see it, or it was issued to their own
 * unit (a person whose account holds no role there still gets what their unit was sent).
 */
export async function directiveForMaterials(db: Queryable, user: CurrentUser, directiveId: number) {
  try {
    return await visibleDirective(db, user, directiveId)
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'NOT_FOUND' || !user.personUnitId) throw e
    const unit = await unitById(db, user.personUnitId)
    if (!unit) throw e
    return directiveReachingUnit(db, directiveId, unit.path)
  }
}

/** A directive whose materials the user keeps; 404 otherwise. */
export async function directiveKept(db: Queryable, user: CurrentUser, directiveId: number) {
  const d = await visibleDirective(db, user, directiveId)
  if (!canManageMaterialsOf(user, d.ownerPath)) throw notFound()
  return d
}

export async function readableMaterial(db: Queryable, user: CurrentUser, id: number): Promise<MaterialDto> {
  const m = await findMaterial(db, id)
  if (!m) throw notFound()
  await directiveForMaterials(db, user, m.directiveId)
  return m
}

export async function keptMaterial(db: Queryable, user: CurrentUser, id: number): Promise<MaterialDto> {
  const m = await findMaterial(db, id, true)
  if (!m) throw notFound()
  await directiveKept(db, user, m.directiveId)
  return m
}
