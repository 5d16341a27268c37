// How a write's answer changes the cached plan, so the page shows it without reading the whole
// plan again. Pure: the api hooks hand in the cached plan and the day, and store what comes back.
import type { ActionDto, EvidenceDto, PlanDto, SavedActionDto } from '../../../contract/plans.ts'
import { classifyCell } from '../../../contract/timeliness.ts'

type Requirement = PlanDto['requirements'][number]

/**
 * The requirement with its new action list, its cell status judged on day `asOf` (yyyy-mm-dd) by
 * the rule the server uses for the plan and the dashboard.
 */
function withActions(r: Requirement, actions: ActionDto[], asOf: string): Requirement {
  return { ...r, actions, status: classifyCell(actions, asOf) }
}

/** Applies `change` to the actions of the requirement that holds action `actionId` (or `requirementId`). */
function changeActions(plan: PlanDto, find: { requirementId?: number; actionId?: number }, change: (actions: ActionDto[]) => ActionDto[], asOf: string): PlanDto {
  const holds = (r: Requirement) => (find.requirementId !== undefined ? r.id === find.requirementId : r.actions.some((a) => a.id === find.actionId))
  return { ...plan, requirements: plan.requirements.map((r) => (holds(r) ? withActions(r, change(r.actions), asOf) : r)) }
}

/**
 * A saved action (added or edited) in its requirement: it replaces the action with its id, or a new
 * one is appended. The first action creates the plan: a plan without an id takes the answer's
 * `planId` and `planVersion`, as a draft.
 */
export function putAction(plan: PlanDto, saved: SavedActionDto, asOf: string): PlanDto {
  const { planId, planVersion, ...action } = saved
  const next = changeActions(
    plan,
    { requirementId: action.requirementId },
    (actions) => (actions.some((a) => a.id === action.id) ? actions.map((a) => (a.id === action.id ? action : a)) : [...actions, action]),
    asOf,
  )
  return plan.id === null ? { ...next, id: planId, status: 'draft', version: planVersion } : next
}

/** The plan without action `actionId` (deleted). */
export function removeAction(plan: PlanDto, actionId: number, asOf: string): PlanDto {
  return changeActions(plan, { actionId }, (actions) => actions.filter((a) => a.id !== actionId), asOf)
}

/** Evidence just uploaded, appended to its action's list (evidence does not move a cell's status). */
export function addEvidence(plan: PlanDto, actionId: number, evidence: EvidenceDto, asOf: string): PlanDto {
  return changeActions(plan, { actionId }, (actions) => actions.map((a) => (a.id === actionId ? { ...a, evidence: [...a.evidence, evidence] } : a)), asOf)
}

/** The plan without evidence file `evidenceId` (deleted). */
export function removeEvidence(plan: PlanDto, evidenceId: number, asOf: string): PlanDto {
  const holds = (a: ActionDto) => a.evidence.some((e) => e.id === evidenceId)
  const actionId = plan.requirements.flatMap((r) => r.actions).find(holds)?.id
  if (actionId === undefined) return plan
  return changeActions(plan, { actionId }, (actions) => actions.map((a) => (holds(a) ? { ...a, evidence: a.evidence.filter((e) => e.id !== evidenceId) } : a)), asOf)
}
