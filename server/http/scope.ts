import type { Role } from '../../contract/roles.ts'
import type { CurrentUser } from './current-user.ts'

/** ltree paths under which the user holds any of `roles` (all roles if none given). */
export function scopePaths(user: CurrentUser, roles?: readonly Role[]): string[] {
  const paths = user.grants.filter((g) => !roles || roles.includes(g.role)).map((g) => g.path)
  // Drop paths already covered by a shorter one: fewer terms in every scoped query.
  return paths.filter((p) => !paths.some((q) => q !== p && isUnder(p, q)))
}

/** Is `path` the same as, or below, `ancestor`? */
export function isUnder(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(ancestor + '.')
}

export function hasRole(user: CurrentUser, roles: readonly Role[]): boolean {
  return user.grants.some((g) => roles.includes(g.role))
}

/** Does the user hold one of `roles` on a unit covering `unitPath`? */
export function canReach(user: CurrentUser, roles: readonly Role[], unitPath: string): boolean {
  return user.grants.some((g) => roles.includes(g.role) && isUnder(unitPath, g.path))
}
