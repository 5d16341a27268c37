// Checks of what a plan item or an inspection names: subject units in the board's scope, directives
// the caller sees with requirements of those directives, a team of inspectors of the right size.
// Each failure is a 400 naming the field (and the index in a list), before anything is written.
import type { InspectionRules } from '../../../contract/inspections.ts'
import type { Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { invalid, type FieldError } from '../../http/errors.ts'
import { scopePaths } from '../../http/scope.ts'
import { visibleDirective } from '../directives/directives.access.ts'
import { INSPECTION_MANAGE_ROLES } from './inspections.policy.ts'
import { accountsWithInspectorRole, requirementDirectives, unitsUnder } from './inspections.queries.ts'
import { minTeamSize } from './time-limits.ts'

/** Subject units: active and in the board's scope. */
export async function checkSubjectUnits(db: Queryable, user: CurrentUser, unitIds: number[], field = 'unitIds') {
  const unique = [...new Set(unitIds)]
  const found = new Map((await unitsUnder(db, unique, scopePaths(user, INSPECTION_MANAGE_ROLES))).map((u) => [u.id, u]))
  const bad: Record<string, FieldError> = {}
  unitIds.forEach((id, i) => { if (!found.has(id)) bad[`${field}.${i}`] = 'notFound' })
  if (Object.keys(bad).length) throw invalid(bad)
  return unique
}

/** Directives the caller sees, and requirements belonging to them. */
export async function checkTopics(db: Queryable, user: CurrentUser, directiveIds: number[], requirementIds: number[]) {
  const bad: Record<string, FieldError> = {}
  for (const [i, id] of directiveIds.entries()) {
    try {
      await visibleDirective(db, user, id)
    } catch {
      bad[`directiveIds.${i}`] = 'notFound'
    }
  }
  const reqs = await requirementDirectives(db, requirementIds)
  requirementIds.forEach((id, i) => {
    const r = reqs.get(id)
    if (!r) bad[`requirementIds.${i}`] = 'notFound'
    else if (!directiveIds.includes(r.directiveId)) bad[`requirementIds.${i}`] = 'notInDirective'
  })
  if (Object.keys(bad).length) throw invalid(bad)
  return { directiveIds: [...new Set(directiveIds)], requirementIds: [...new Set(requirementIds)] }
}

/** A lead named in a plan item holds the inspector role. */
export async function checkLead(db: Queryable, accountId: number | null | undefined) {
  if (!accountId) return
  if (!(await accountsWithInspectorRole(db, [accountId])).has(accountId)) throw invalid({ leadAccountId: 'notInspector' })
}

/**
 * A team: members who hold the inspector role, exactly one lead, at least the size the form
 * requires (three, or one for regular supervision, by default).
 */
export async function checkTeam(db: Queryable, team: { accountId: number; role: 'lead' | 'member' }[], form: { kind: string; mode: string }, rules: InspectionRules) {
  const inspectors = await accountsWithInspectorRole(db, team.map((m) => m.accountId))
  const bad: Record<string, FieldError> = {}
  const seen = new Set<number>()
  team.forEach((m, i) => {
    if (!inspectors.has(m.accountId)) bad[`team.${i}.accountId`] = 'notInspector'
    else if (seen.has(m.accountId)) bad[`team.${i}.accountId`] = 'taken'
    seen.add(m.accountId)
  })
  if (Object.keys(bad).length) throw invalid(bad)
  const min = minTeamSize(form, rules)
  if (seen.size < min) throw invalid({ team: { key: 'teamTooSmall', n: min } })
  if (team.filter((m) => m.role === 'lead').length !== 1) throw invalid({ team: 'oneLead' })
}
