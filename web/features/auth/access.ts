// Which roles open which part of the app: each entry is the role list the server checks on the
// route that the menu item, page or button leads to, taken from contract/ so the two cannot drift.
// The server still decides (scope included); this only keeps the app from offering what it would refuse.
import type { Me } from '../../../contract/auth.ts'
import { ACCOUNT_ADMIN_ROLES, ROLE_APPROVER_ROLES } from '../../../contract/accounts.ts'
import { JOB_ADMIN_ROLES } from '../../../contract/jobs.ts'
import { AUDIT_READ_ROLES } from '../../../contract/audit.ts'
import { PARSER_ACCURACY_ROLES } from '../../../contract/parser-accuracy.ts'
import { BREAK_GLASS_ROLES, CASE_APPROVE_ROLES, CASE_GROUP_ROLES, CASE_OPEN_ROLES, CASE_SUMMARY_ROLES } from '../../../contract/cases.ts'
import { DASHBOARD_ROLES } from '../../../contract/dashboard.ts'
import { ACKNOWLEDGE_ROLES, DIRECTIVE_MANAGE_ROLES, DIRECTIVE_READ_ROLES } from '../../../contract/directives.ts'
import { SESSION_READ_ROLES, SESSION_WRITE_ROLES } from '../../../contract/dissemination.ts'
import { PEOPLE_READ_ROLES, PEOPLE_WRITE_ROLES } from '../../../contract/people.ts'
import { PLAN_EDIT_ROLES, PLAN_READ_ROLES, PLAN_REVIEW_ROLES, PLAN_SUBMIT_ROLES } from '../../../contract/plans.ts'
import { PERIOD_MANAGE_ROLES, REPORT_EDIT_ROLES, REPORT_READ_ROLES, REPORT_REVIEW_ROLES, REPORT_SUBMIT_ROLES } from '../../../contract/reports.ts'
import { CHANNEL_EDIT_ROLES, CHANNEL_READ_ROLES } from '../../../contract/channels.ts'
import { CHECKLIST_READ_ROLES } from '../../../contract/checklists.ts'
import { CORRECTIVE_READ_ROLES } from '../../../contract/corrective-actions.ts'
import { INCIDENT_EDIT_ROLES, INCIDENT_READ_ROLES } from '../../../contract/incidents.ts'
import { INSPECTION_MANAGE_ROLES, INSPECTION_READ_ROLES } from '../../../contract/inspections.ts'
import { MATERIAL_MANAGE_ROLES } from '../../../contract/materials.ts'
import { OFFICER_READ_ROLES, OFFICER_WRITE_ROLES } from '../../../contract/officers.ts'
import { POSITION_READ_ROLES, POSITION_WRITE_ROLES } from '../../../contract/positions.ts'
import { ROLES, type Role } from '../../../contract/roles.ts'
import { UNIT_READ_ROLES, UNIT_WRITE_ROLES } from '../../../contract/units.ts'

export const ACCESS = {
  /** GET /units */
  units: UNIT_READ_ROLES,
  /** POST /units, PATCH /units/:id, …/move, …/activate, …/deactivate */
  unitsWrite: UNIT_WRITE_ROLES,
  /** GET /people */
  people: PEOPLE_READ_ROLES,
  /** POST /people, PATCH /people/:id */
  peopleWrite: PEOPLE_WRITE_ROLES,
  /** /accounts and its role grants */
  accounts: ACCOUNT_ADMIN_ROLES,
  /** /admin/jobs: scheduled job runs */
  jobs: JOB_ADMIN_ROLES,
  /** /role-requests: the second person on committee, board and auditor roles */
  roleRequests: ROLE_APPROVER_ROLES,
  /** GET /audit */
  audit: AUDIT_READ_ROLES,
  /** GET /admin/parser-accuracy */
  parserAccuracy: PARSER_ACCURACY_ROLES,
  /** GET /directives, /directives/:id, /directives/:id/addressees */
  directives: DIRECTIVE_READ_ROLES,
  /** POST /directives (and /directives/parse), PATCH /directives/:id, …/issue, …/close */
  directivesManage: DIRECTIVE_MANAGE_ROLES,
  /** POST /directives/:id/acknowledge */
  directiveAcknowledge: ACKNOWLEDGE_ROLES,
  /** GET /directives/:id/matrix */
  dashboard: DASHBOARD_ROLES,
  /** GET /overdue */
  overdue: DASHBOARD_ROLES,
  /** GET /directives/:id/units/:unitId/plan */
  plans: PLAN_READ_ROLES,
  /** Actions, evidence, extension requests */
  plansEdit: PLAN_EDIT_ROLES,
  /** POST /plans/:id/submit */
  plansSubmit: PLAN_SUBMIT_ROLES,
  /** POST /plans/:id/return, …/accept, /extensions/:id/approve, …/refuse */
  plansReview: PLAN_REVIEW_ROLES,
  /** GET /directives/:id/sessions, …/coverage, /sessions/:id */
  sessions: SESSION_READ_ROLES,
  /** POST /directives/:id/sessions, PATCH and DELETE /sessions/:id, roster import */
  sessionsWrite: SESSION_WRITE_ROLES,
  /** POST /directives/:id/materials (and …/file), PATCH and DELETE /materials/:id; reading them follows the directive */
  materialsManage: MATERIAL_MANAGE_ROLES,
  /** GET /me/directives, POST /directives/:id/receipt: anyone signed in */
  myDirectives: ROLES,
  /** GET /report-periods, /report-periods/:id, a unit's report */
  reports: REPORT_READ_ROLES,
  /** POST /report-periods, …/close */
  reportPeriodsManage: PERIOD_MANAGE_ROLES,
  /** PUT …/report/draft */
  reportsEdit: REPORT_EDIT_ROLES,
  /** POST /reports/:id/submit */
  reportsSubmit: REPORT_SUBMIT_ROLES,
  /** POST /reports/:id/return, …/accept, consolidated documents */
  reportsReview: REPORT_REVIEW_ROLES,
  /**
   * GET /cases, /cases/:id: anyone signed in may be on a case's list. An administrator never is
   * (the server answers an empty list and 404), so the menu leaves them out.
   */
  cases: ROLES.filter((r) => r !== 'admin'),
  /** POST /cases */
  casesOpen: CASE_OPEN_ROLES,
  /** GET /cases/summary */
  casesSummary: CASE_SUMMARY_ROLES,
  /** GET /cases/lookup, POST /cases/:id/break-glass */
  breakGlass: BREAK_GLASS_ROLES,
  /** POST /cases/:id/approve */
  casesApprove: CASE_APPROVE_ROLES,
  /** GET /case-groups */
  caseGroups: CASE_GROUP_ROLES,
  /**
   * POST and DELETE /case-groups/:id/members (the board's head decides, an administrator asks):
   * written in the route, not exported by contract/cases.ts.
   */
  caseGroupsChange: ['unitHead', 'admin'],
  /** GET /me/case-notices: anyone signed in */
  myNotices: ROLES,
  /** GET /me/work answers everyone; these roles have sections in it (the others are sent to their own page). */
  home: [...new Set([...ACKNOWLEDGE_ROLES, ...PLAN_REVIEW_ROLES])],
  /** GET /inspection-plans, /inspections and their records (scope decides which) */
  inspections: INSPECTION_READ_ROLES,
  /** Plans, inspections, teams, findings: the board */
  inspectionsManage: INSPECTION_MANAGE_ROLES,
  /** GET /corrective-actions */
  correctiveActions: CORRECTIVE_READ_ROLES,
  /** GET /checklist-templates, /checklist-assignments */
  checklists: CHECKLIST_READ_ROLES,
  /** GET /positions, /position-alerts, /units/:id/readiness */
  positions: POSITION_READ_ROLES,
  /** POST /positions, PATCH, holder, vacate, import */
  positionsWrite: POSITION_WRITE_ROLES,
  /** GET /officers, /officers/gaps, /training-courses */
  officers: OFFICER_READ_ROLES,
  /** POST /officers, PATCH, courses and attendance */
  officersWrite: OFFICER_WRITE_ROLES,
  /** GET /channels, /channels/register */
  channels: CHANNEL_READ_ROLES,
  /** POST /channels, PATCH, retire, reviews */
  channelsEdit: CHANNEL_EDIT_ROLES,
  /** GET /incidents, /incidents/register */
  incidents: INCIDENT_READ_ROLES,
  /** POST /incidents and its reports, steps, closure */
  incidentsEdit: INCIDENT_EDIT_ROLES,
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
