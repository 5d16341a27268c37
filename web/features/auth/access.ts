// Which roles open which part of the app. These mirror the server's policies
// (server/features/*/*.policy.ts, audit.routes.ts); the server still decides, this only keeps
// the menu and buttons from offering what would be refused.
import type { Me } from '../../../contract/auth.ts'
import { ROLES, type Role } from '../../../contract/roles.ts'

export const ACCESS = {
  units: ROLES,
  unitsWrite: ['admin'],
  people: ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'auditor', 'admin'],
  peopleWrite: ['admin', 'unitOfficer'],
  accounts: ['admin'],
  audit: ['auditor', 'board'],
  directives: ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'auditor', 'admin'],
  directivesManage: ['board', 'committee'],
  directiveAcknowledge: ['unitHead', 'unitOfficer'],
  dashboard: ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'auditor'],
  plans: ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'auditor'],
  plansEdit: ['unitOfficer', 'unitHead'],
  plansSubmit: ['unitHead'],
  plansReview: ['board', 'committee'],
  sessions: ['unitOfficer', 'unitHead', 'board', 'committee', 'auditor', 'inspector'],
  sessionsWrite: ['unitOfficer', 'unitHead', 'board'],
  myDirectives: ROLES,
  reports: ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'auditor'],
  reportPeriodsManage: ['board', 'committee'],
  reportsEdit: ['unitOfficer', 'unitHead'],
  reportsSubmit: ['unitHead'],
  reportsReview: ['board', 'committee'],
} as const satisfies Record<string, readonly Role[]>

export function hasAnyRole(me: Me | null | undefined, roles: readonly Role[]): boolean {
  return !!me?.roles.some((g) => roles.includes(g.role))
}

/**
 * Does the user hold one of `roles` on `unitId` or a unit above it? `parentOf` walks up the tree
 * (from the unit list the user can see).
 */
export function holdsRoleOver(me: Me | null | undefined, roles: readonly Role[], unitId: number, parentOf: (id: number) => number | null): boolean {
  if (!me) return false
  const grantUnits = new Set(me.roles.filter((g) => roles.includes(g.role)).map((g) => g.unitId))
  if (!grantUnits.size) return false
  for (let id: number | null = unitId, guard = 0; id !== null && guard < 100; id = parentOf(id), guard++) {
    if (grantUnits.has(id)) return true
  }
  return false
}
