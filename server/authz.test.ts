// The authorization matrix: every API route × every role × a record in the caller's scope and one
// outside it. A route added without a row here fails the coverage test at the bottom.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../contract/roles.ts'
import { seedAccount, seedDirective, seedPerson, seedUnit } from './db/seed/builders.ts'
import { ALL_ROLES, PASSWORD, createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../test/app.ts'
import type { MatrixContext, RouteCase } from '../test/authz.ts'
import { PARSER_ACCURACY_ROLES } from '../contract/parser-accuracy.ts'
import { caseRoutes } from './features/cases/cases.authz.ts'
import { inspectionRoutes } from './features/inspections/inspections.authz.ts'
import { positionRoutes } from './features/positions/positions.authz.ts'
import { officerRoutes } from './features/officers/officers.authz.ts'
import { materialRoutes } from './features/materials/materials.authz.ts'
import { channelRoutes } from './features/channels/channels.authz.ts'
import { incidentRoutes } from './features/incidents/incidents.authz.ts'
import { latencyRoutes } from './features/latency/latency.authz.ts'
import { overviewRoutes } from './features/overview/overview.authz.ts'
import { jobRoutes } from './features/jobs/jobs.authz.ts'

let t: TestApp
let f: Fixture
const sessions = new Map<string, Session>()
const session = async (username: string) => {
  if (!sessions.has(username)) sessions.set(username, await t.login(username))
  return sessions.get(username)!
}

const ADMIN: Role[] = ['admin']
const PEOPLE_READ: Role[] = ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'auditor', 'admin']
const PEOPLE_WRITE: Role[] = ['admin', 'unitOfficer']
const AUDIT: Role[] = ['auditor', 'board']

const newUnitPair = async () => ({ a: await seedUnit(t.db, { parent: f.unitA, kind: 'subunit' }), b: await seedUnit(t.db, { parent: f.unitB, kind: 'subunit' }) })
const newPersonPair = async () => ({ a: await seedPerson(t.db, { unitId: f.unitA.id }), b: await seedPerson(t.db, { unitId: f.unitB.id }) })
let accountSeq = 0
const newAccountPair = async () => {
  const n = accountSeq++
  const pa = await seedPerson(t.db, { unitId: f.unitA.id })
  const pb = await seedPerson(t.db, { unitId: f.unitB.id })
  const a = await seedAccount(t.db, { username: `mx.a${n}`, password: PASSWORD, personId: pa.id, roles: [{ role: 'staff', unitId: f.unitA.id }] })
  const b = await seedAccount(t.db, { username: `mx.b${n}`, password: PASSWORD, personId: pb.id, roles: [{ role: 'staff', unitId: f.unitB.id }] })
  return { a, b }
}
const grantOf = async (accountId: number) => (await t.db.query<{ id: number }>('SELECT id FROM role_grant WHERE account_id = $1', [accountId]))[0].id


// Directive, plan and evidence records for the directive routes: `owner` issues, `to` receives.
const directive = (owner: { id: number }, to: { id: number }[], status = 'issued') => seedDirective(t.db, { ownerUnitId: owner.id, unitIds: to.map((u) => u.id), status, requirements: 2 })
async function planWithAction(directiveId: number, requirementId: number, unitId: number) {
  const [p] = await t.db.query<{ id: number }>('INSERT INTO unit_plan (directive_id, unit_id) VALUES ($1, $2) RETURNING id', [directiveId, unitId])
  const [a] = await t.db.query<{ id: number }>(
    `INSERT INTO plan_action (plan_id, directive_id, unit_id, requirement_id, title, due_date, effective_due_date) VALUES ($1,$2,$3,$4,'Việc','2026-04-30','2026-04-30') RETURNING id`,
    [p.id, directiveId, unitId, requirementId],
  )
  const [e] = await t.db.query<{ id: number }>(`INSERT INTO action_evidence (action_id, filename, mime, size, sha256, content) VALUES ($1, 'a.txt', 'text/plain', 1, 'x', '\\x41') RETURNING id`, [a.id])
  const [x] = await t.db.query<{ id: number }>(
    `INSERT INTO deadline_extension (plan_id, action_id, requested_due_date, reason, requested_at) VALUES ($1, $2, '2026-06-30', 'Lý do', now()) RETURNING id`, [p.id, a.id],
  )
  return { planId: p.id, actionId: a.id, evidenceId: e.id, extensionId: x.id }
}
/** A directive sent to A and B, with a plan, action, evidence and extension in each. */
async function plansInAandB() {
  const d = await directive(f.root, [f.unitA, f.unitB])
  return { d, a: await planWithAction(d.id, d.requirementIds[0], f.unitA.id), b: await planWithAction(d.id, d.requirementIds[0], f.unitB.id) }
}
/** For review routes, scope is the directive's owner: one owned by A (in scope of `.a` reviewers), one by the root. */
async function reviewPlans() {
  const mine = await directive(f.unitA, [f.subA])
  const theirs = await directive(f.root, [f.unitB])
  return { a: await planWithAction(mine.id, mine.requirementIds[0], f.subA.id), b: await planWithAction(theirs.id, theirs.requirementIds[0], f.unitB.id) }
}

/** A report period over the root for a directive sent to A and B, with a submitted report in each. */
async function reportsInAandB(status = 'submitted') {
  const d = await directive(f.root, [f.unitA, f.unitB])
  const [p] = await t.db.query<{ id: number }>(`INSERT INTO report_period (owner_unit_id, scope_unit_id, title, kind, deadline) VALUES ($1, $1, 'Kỳ báo cáo', 'adhoc', '2026-04-30') RETURNING id`, [f.root.id])
  await t.db.query('INSERT INTO report_period_directive (period_id, directive_id) VALUES ($1, $2)', [p.id, d.id])
  const out: Record<'a' | 'b', number> = { a: 0, b: 0 }
  for (const [k, unit] of [['a', f.unitA], ['b', f.unitB]] as const) {
    await t.db.query('INSERT INTO report_period_unit (period_id, unit_id) VALUES ($1, $2)', [p.id, unit.id])
    const [r] = await t.db.query<{ id: number }>(`INSERT INTO unit_report (period_id, unit_id, status, submitted_versions) VALUES ($1, $2, $3, 1) RETURNING id`, [p.id, unit.id, status])
    await t.db.query(`INSERT INTO unit_report_version (report_id, number, content, figures, submitted_at) VALUES ($1, 1, '{"sections":[],"proposals":"","claimedFigures":[]}', '[]', now())`, [r.id])
    out[k] = r.id
  }
  return { periodId: p.id, ...out }
}

const DIRECTIVE_MANAGE: Role[] = ['board', 'committee']
const ACK: Role[] = ['unitHead', 'unitOfficer']
const PLAN_READ: Role[] = ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'auditor']
const PLAN_EDIT: Role[] = ['unitOfficer', 'unitHead']
const PLAN_REVIEW: Role[] = ['board', 'committee']
const DASHBOARD: Role[] = PLAN_READ

// Registered first: the feature rows' own beforeAll hooks (records their lists must hide) run after it.
beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  // A directive only unit B receives, for the directive list to hide.
  await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitB.id], number: 'HIDDEN-1' })
  // Something in unit B for the audit list to hide.
  await t.call(await t.login('admin'), 'PATCH', `/api/v1/units/${f.unitB.id}`, { version: 1, name: 'Bệnh viện Beta' })
  // A role request for unit B, for the request list to hide from those scoped to A.
  const other = await seedAccount(t.db, { username: 'mx.req.b', password: PASSWORD, roles: [{ role: 'staff', unitId: f.unitB.id }] })
  await t.db.query(`INSERT INTO role_request (account_id, role, unit_id, requested_by, requested_at) SELECT $1, 'auditor', $2, id, now() FROM account WHERE username = 'admin'`, [other.id, f.unitB.id])
})
afterAll(() => t.close())
const matrix: MatrixContext = { get t() { return t }, get f() { return f }, session }

const ROUTES: RouteCase[] = [
  { method: 'GET', url: '/api/v1/me', roles: 'any' },
  { method: 'POST', url: '/api/v1/auth/logout', roles: 'any' },
  { method: 'POST', url: '/api/v1/auth/password', roles: 'any', body: { currentPassword: 'wrong', newPassword: 'Whatever-pass-1' } },
  { method: 'POST', url: '/api/v1/auth/totp/setup', roles: 'any' },
  { method: 'POST', url: '/api/v1/auth/totp/confirm', roles: 'any', body: { code: '000000' } },
  { method: 'POST', url: '/api/v1/auth/totp/disable', roles: 'any', body: { password: 'wrong' } },
  { method: 'GET', url: '/api/v1/units', roles: 'any', listHides: () => `"code":"${f.unitB.code}"` },
  {
    method: 'GET', url: '/api/v1/units/children', roles: 'any', listHides: () => `"code":"${f.unitB.code}"`,
    records: async () => ({ inUrl: `/api/v1/units/children?parentId=${f.unitA.id}`, outUrl: `/api/v1/units/children?parentId=${f.unitB.id}` }),
  },
  {
    method: 'GET', url: '/api/v1/units/:id', roles: 'any',
    records: async () => ({ inUrl: `/api/v1/units/${f.subA.id}`, outUrl: `/api/v1/units/${f.unitB.id}` }),
  },
  {
    method: 'POST', url: '/api/v1/units', roles: ADMIN, outField: 'parentId',
    records: async () => ({
      inUrl: '/api/v1/units', outUrl: '/api/v1/units',
      body: (side) => ({ parentId: side === 'in' ? f.unitA.id : f.unitB.id, name: 'Khoa ma trận', code: `MX${accountSeq++}`, kind: 'subunit' }),
    }),
  },
  ...(['PATCH:', 'POST:/move', 'POST:/deactivate', 'POST:/activate'] as const).map((spec): RouteCase => {
    const [method, suffix] = spec.split(':')
    return {
      method, url: `/api/v1/units/:id${suffix}`, roles: ADMIN,
      records: async () => {
        const { a, b } = await newUnitPair()
        return {
          inUrl: `/api/v1/units/${a.id}${suffix}`, outUrl: `/api/v1/units/${b.id}${suffix}`,
          body: () => (suffix === '/move' ? { version: 1, parentId: f.subA.id } : suffix === '' ? { version: 1, name: 'Tên mới' } : { version: 1 }),
        }
      },
    }
  }),
  { method: 'GET', url: '/api/v1/people', roles: PEOPLE_READ, listHides: () => f.personB.fullName },
  {
    method: 'GET', url: '/api/v1/people/:id', roles: PEOPLE_READ,
    records: async () => ({ inUrl: `/api/v1/people/${f.personA.id}`, outUrl: `/api/v1/people/${f.personB.id}` }),
  },
  {
    method: 'POST', url: '/api/v1/people', roles: PEOPLE_WRITE, outField: 'unitId',
    records: async () => ({
      inUrl: '/api/v1/people', outUrl: '/api/v1/people',
      body: (side) => ({ fullName: 'Mai Văn Ma Trận', unitId: side === 'in' ? f.subA.id : f.unitB.id, category: 'worker' }),
    }),
  },
  {
    method: 'PATCH', url: '/api/v1/people/:id', roles: PEOPLE_WRITE,
    records: async () => {
      const { a, b } = await newPersonPair()
      return { inUrl: `/api/v1/people/${a.id}`, outUrl: `/api/v1/people/${b.id}`, body: () => ({ version: 1, position: 'Bác sĩ' }) }
    },
  },
  { method: 'GET', url: '/api/v1/accounts', roles: ADMIN, listHides: () => '"username":"mx.b' },
  {
    method: 'GET', url: '/api/v1/accounts/:id', roles: ADMIN,
    records: async () => {
      const { a, b } = await newAccountPair()
      return { inUrl: `/api/v1/accounts/${a.id}`, outUrl: `/api/v1/accounts/${b.id}` }
    },
  },
  {
    method: 'POST', url: '/api/v1/accounts', roles: ADMIN, outField: 'roles.0.unitId',
    records: async () => ({
      inUrl: '/api/v1/accounts', outUrl: '/api/v1/accounts',
      body: (side) => ({ username: `mx.new${accountSeq++}`, password: 'Matrix-pass-1', roles: [{ role: 'staff', unitId: side === 'in' ? f.unitA.id : f.unitB.id }] }),
    }),
  },
  {
    method: 'PATCH', url: '/api/v1/accounts/:id', roles: ADMIN,
    records: async () => {
      const { a, b } = await newAccountPair()
      return { inUrl: `/api/v1/accounts/${a.id}`, outUrl: `/api/v1/accounts/${b.id}`, body: () => ({ version: 1, isActive: false }) }
    },
  },
  {
    method: 'POST', url: '/api/v1/accounts/:id/roles', roles: ADMIN,
    records: async () => {
      const { a, b } = await newAccountPair()
      return { inUrl: `/api/v1/accounts/${a.id}/roles`, outUrl: `/api/v1/accounts/${b.id}/roles`, body: () => ({ role: 'inspector', unitId: f.subA.id }) }
    },
  },
  {
    method: 'DELETE', url: '/api/v1/accounts/:id/roles/:grantId', roles: ADMIN,
    records: async () => {
      const { a, b } = await newAccountPair()
      return { inUrl: `/api/v1/accounts/${a.id}/roles/${await grantOf(a.id)}`, outUrl: `/api/v1/accounts/${b.id}/roles/${await grantOf(b.id)}` }
    },
  },
  { method: 'GET', url: '/api/v1/role-requests', roles: ['committee'], listHides: () => 'mx.req.b' },
  ...(['approve', 'refuse'] as const).map((verb): RouteCase => ({
    method: 'POST', url: `/api/v1/role-requests/:id/${verb}`, roles: ['committee'],
    records: async () => {
      // A request for a unit under A (in a committee.a member's scope) and one for unit B, both asked by the root admin.
      const request = async (unitId: number) => {
        const { a } = await newAccountPair()
        return (await t.db.query<{ id: number }>(
          `INSERT INTO role_request (account_id, role, unit_id, requested_by, requested_at) SELECT $1, 'board', $2, id, now() FROM account WHERE username = 'admin' RETURNING id`, [a.id, unitId]))[0].id
      }
      return { inUrl: `/api/v1/role-requests/${await request(f.subA.id)}/${verb}`, outUrl: `/api/v1/role-requests/${await request(f.unitB.id)}/${verb}` }
    },
  })),
  { method: 'GET', url: '/api/v1/audit', roles: AUDIT, listHides: () => `"unitId":${f.unitB.id},` },
  { method: 'GET', url: '/api/v1/directives', roles: 'any', listHides: () => '"number":"HIDDEN-' },
  {
    method: 'GET', url: '/api/v1/directives/:id', roles: 'any',
    records: async () => ({ inUrl: `/api/v1/directives/${(await directive(f.root, [f.subA])).id}`, outUrl: `/api/v1/directives/${(await directive(f.root, [f.unitB])).id}` }),
  },
  {
    method: 'POST', url: '/api/v1/directives', roles: DIRECTIVE_MANAGE,
    body: { subject: 'Văn bản ma trận', requirements: [{ label: '1.', text: 'Yêu cầu' }] },
  },
  {
    method: 'PATCH', url: '/api/v1/directives/:id', roles: DIRECTIVE_MANAGE,
    records: async () => ({
      inUrl: `/api/v1/directives/${(await directive(f.unitA, [], 'draft')).id}`, outUrl: `/api/v1/directives/${(await directive(f.root, [], 'draft')).id}`,
      body: () => ({ version: 1, subject: 'Sửa trích yếu' }),
    }),
  },
  {
    method: 'POST', url: '/api/v1/directives/:id/issue', roles: DIRECTIVE_MANAGE,
    records: async () => ({
      inUrl: `/api/v1/directives/${(await directive(f.unitA, [], 'draft')).id}/issue`, outUrl: `/api/v1/directives/${(await directive(f.root, [], 'draft')).id}/issue`,
      body: () => ({ version: 1, unitIds: [f.subA.id], acknowledgeWithinDays: 5, planWithinDays: 20 }),
    }),
  },
  {
    method: 'POST', url: '/api/v1/directives/:id/close', roles: DIRECTIVE_MANAGE,
    records: async () => ({
      inUrl: `/api/v1/directives/${(await directive(f.unitA, [f.subA])).id}/close`, outUrl: `/api/v1/directives/${(await directive(f.root, [f.unitB])).id}/close`,
      body: () => ({ version: 1 }),
    }),
  },
  {
    method: 'GET', url: '/api/v1/directives/:id/addressees', roles: 'any',
    records: async () => ({ inUrl: `/api/v1/directives/${(await directive(f.root, [f.unitA])).id}/addressees`, outUrl: `/api/v1/directives/${(await directive(f.root, [f.unitB])).id}/addressees` }),
  },
  {
    method: 'POST', url: '/api/v1/directives/:id/acknowledge', roles: ACK,
    records: async () => {
      const d = await directive(f.root, [f.unitA, f.unitB])
      return { inUrl: `/api/v1/directives/${d.id}/acknowledge`, outUrl: `/api/v1/directives/${(await directive(f.root, [f.unitB])).id}/acknowledge`, body: (side) => ({ unitId: side === 'in' ? f.unitA.id : f.unitB.id }) }
    },
  },
  {
    method: 'GET', url: '/api/v1/directives/:id/units/:unitId/plan', roles: PLAN_READ,
    records: async () => {
      const d = await directive(f.root, [f.unitA, f.unitB])
      return { inUrl: `/api/v1/directives/${d.id}/units/${f.unitA.id}/plan`, outUrl: `/api/v1/directives/${d.id}/units/${f.unitB.id}/plan` }
    },
  },
  {
    method: 'POST', url: '/api/v1/directives/:id/units/:unitId/plan/actions', roles: PLAN_EDIT,
    records: async () => {
      const d = await directive(f.root, [f.unitA, f.unitB])
      return {
        inUrl: `/api/v1/directives/${d.id}/units/${f.unitA.id}/plan/actions`, outUrl: `/api/v1/directives/${d.id}/units/${f.unitB.id}/plan/actions`,
        body: () => ({ requirementId: d.requirementIds[0], title: 'Hội nghị quán triệt', dueDate: '2026-04-30' }),
      }
    },
  },
  ...(['PATCH', 'DELETE'] as const).map((method): RouteCase => ({
    method, url: '/api/v1/actions/:id', roles: PLAN_EDIT,
    records: async () => {
      const { a, b } = await plansInAandB()
      return { inUrl: `/api/v1/actions/${a.actionId}`, outUrl: `/api/v1/actions/${b.actionId}`, body: () => (method === 'PATCH' ? { version: 1, note: 'Tiến độ' } : { version: 1 }) }
    },
  })),
  {
    method: 'POST', url: '/api/v1/actions/:id/evidence', roles: PLAN_EDIT,
    records: async () => {
      const { a, b } = await plansInAandB()
      return { inUrl: `/api/v1/actions/${a.actionId}/evidence`, outUrl: `/api/v1/actions/${b.actionId}/evidence`, body: () => ({}) }
    },
  },
  ...([['GET', PLAN_READ], ['DELETE', PLAN_EDIT]] as const).map(([method, roles]): RouteCase => ({
    method, url: '/api/v1/evidence/:id', roles,
    records: async () => {
      const { a, b } = await plansInAandB()
      return { inUrl: `/api/v1/evidence/${a.evidenceId}`, outUrl: `/api/v1/evidence/${b.evidenceId}` }
    },
  })),
  {
    method: 'POST', url: '/api/v1/plans/:id/submit', roles: ['unitHead'],
    records: async () => {
      const { a, b } = await plansInAandB()
      return { inUrl: `/api/v1/plans/${a.planId}/submit`, outUrl: `/api/v1/plans/${b.planId}/submit`, body: () => ({ version: 1 }) }
    },
  },
  ...(['return', 'accept'] as const).map((verb): RouteCase => ({
    method: 'POST', url: `/api/v1/plans/:id/${verb}`, roles: PLAN_REVIEW,
    records: async () => {
      const { a, b } = await reviewPlans()
      await t.db.query(`UPDATE unit_plan SET status = 'submitted' WHERE id = ANY($1::int[])`, [`{${a.planId},${b.planId}}`])
      return { inUrl: `/api/v1/plans/${a.planId}/${verb}`, outUrl: `/api/v1/plans/${b.planId}/${verb}`, body: () => (verb === 'return' ? { version: 1, comment: 'Bổ sung' } : { version: 1 }) }
    },
  })),
  {
    method: 'POST', url: '/api/v1/plans/:id/extensions', roles: PLAN_EDIT,
    records: async () => {
      const { a, b } = await plansInAandB()
      return { inUrl: `/api/v1/plans/${a.planId}/extensions`, outUrl: `/api/v1/plans/${b.planId}/extensions`, body: (side) => ({ actionId: side === 'in' ? a.actionId : b.actionId, requestedDueDate: '2026-07-30', reason: 'Cần thêm thời gian' }) }
    },
  },
  ...(['approve', 'refuse'] as const).map((verb): RouteCase => ({
    method: 'POST', url: `/api/v1/extensions/:id/${verb}`, roles: PLAN_REVIEW,
    records: async () => {
      const { a, b } = await reviewPlans()
      return { inUrl: `/api/v1/extensions/${a.extensionId}/${verb}`, outUrl: `/api/v1/extensions/${b.extensionId}/${verb}`, body: () => ({ note: '' }) }
    },
  })),
  {
    method: 'GET', url: '/api/v1/directives/:id/matrix', roles: DASHBOARD,
    records: async () => ({ inUrl: `/api/v1/directives/${(await directive(f.root, [f.unitA])).id}/matrix`, outUrl: `/api/v1/directives/${(await directive(f.root, [f.unitB])).id}/matrix` }),
  },
  {
    method: 'GET', url: '/api/v1/directives/:id/matrix.xlsx', roles: DASHBOARD,
    records: async () => ({ inUrl: `/api/v1/directives/${(await directive(f.root, [f.unitA])).id}/matrix.xlsx`, outUrl: `/api/v1/directives/${(await directive(f.root, [f.unitB])).id}/matrix.xlsx` }),
  },
  { method: 'POST', url: '/api/v1/directives/parse', roles: DIRECTIVE_MANAGE, body: { text: 'Số 12-CV/BCSD\nV/v thử\n1. Một yêu cầu.' } },
  // Counts of corrected fields, no letter's content: not scoped by unit.
  { method: 'GET', url: '/api/v1/admin/parser-accuracy', roles: PARSER_ACCURACY_ROLES },
  { method: 'GET', url: '/api/v1/notifications', roles: 'any' },
  { method: 'POST', url: '/api/v1/notifications/read-all', roles: 'any' },
  // One's own settings: no record of anyone else's is reachable by these routes.
  { method: 'GET', url: '/api/v1/me/notification-settings', roles: 'any' },
  { method: 'PUT', url: '/api/v1/me/notification-settings', roles: 'any', body: { kinds: [{ kind: 'plan.due', email: true }] } },
  {
    method: 'POST', url: '/api/v1/notifications/:id/read', roles: 'any',
    records: async () => {
      // The caller's own notification is "in scope"; anyone else's is not.
      const note = async (username: string) => (await t.db.query<{ id: number }>(
        `INSERT INTO notification (account_id, kind, title, dedupe_key) SELECT id, 'test', 'Thông báo', 'k' || random() FROM account WHERE username = $1 RETURNING id`, [username]))[0].id
      return { inUrl: '', outUrl: `/api/v1/notifications/${await note('board')}/read`, forRole: async (role: string) => `/api/v1/notifications/${await note(`${role}.a`)}/read` }
    },
  },
  // Everyone has a home page; what it lists is the caller's own scope (unit B's work never shows for unit A's roles).
  { method: 'GET', url: '/api/v1/me/work', roles: 'any', listHides: () => `"unitId":${f.unitB.id},` },
  { method: 'GET', url: '/api/v1/overdue', roles: DASHBOARD, listHides: () => `"unitId":${f.unitB.id},` },
  { method: 'GET', url: '/api/v1/report-periods', roles: PLAN_READ },
  {
    method: 'POST', url: '/api/v1/report-periods', roles: PLAN_REVIEW, outField: 'scopeUnitId',
    records: async () => ({ inUrl: '/api/v1/report-periods', outUrl: '/api/v1/report-periods', body: (side) => ({ title: 'Báo cáo quý', kind: 'quarter', scopeUnitId: side === 'in' ? f.unitA.id : f.unitB.id, deadline: '2026-06-30' }) }),
  },
  {
    method: 'GET', url: '/api/v1/report-periods/:id', roles: PLAN_READ,
    records: async () => {
      const mine = (await t.db.query<{ id: number }>(`INSERT INTO report_period (owner_unit_id, scope_unit_id, title, kind, deadline) VALUES ($1, $1, 'A', 'adhoc', '2026-04-30') RETURNING id`, [f.unitA.id]))[0].id
      await t.db.query('INSERT INTO report_period_unit (period_id, unit_id) VALUES ($1, $2)', [mine, f.subA.id])
      const theirs = (await t.db.query<{ id: number }>(`INSERT INTO report_period (owner_unit_id, scope_unit_id, title, kind, deadline) VALUES ($1, $1, 'B', 'adhoc', '2026-04-30') RETURNING id`, [f.unitB.id]))[0].id
      await t.db.query('INSERT INTO report_period_unit (period_id, unit_id) VALUES ($1, $2)', [theirs, f.unitB.id])
      return { inUrl: `/api/v1/report-periods/${mine}`, outUrl: `/api/v1/report-periods/${theirs}` }
    },
  },
  {
    method: 'POST', url: '/api/v1/report-periods/:id/close', roles: PLAN_REVIEW,
    records: async () => {
      const ids = []
      for (const owner of [f.unitA, f.root]) ids.push((await t.db.query<{ id: number }>(`INSERT INTO report_period (owner_unit_id, scope_unit_id, title, kind, deadline) VALUES ($1, $1, 'K', 'adhoc', '2026-04-30') RETURNING id`, [owner.id]))[0].id)
      return { inUrl: `/api/v1/report-periods/${ids[0]}/close`, outUrl: `/api/v1/report-periods/${ids[1]}/close`, body: () => ({ version: 1 }) }
    },
  },
  ...([['GET', '', PLAN_READ], ['PUT', '/draft', PLAN_EDIT]] as const).map(([method, suffix, roles]): RouteCase => ({
    method, url: `/api/v1/report-periods/:id/units/:unitId/report${suffix}`, roles,
    records: async () => {
      const { periodId } = await reportsInAandB('draft')
      return {
        inUrl: `/api/v1/report-periods/${periodId}/units/${f.unitA.id}/report${suffix}`, outUrl: `/api/v1/report-periods/${periodId}/units/${f.unitB.id}/report${suffix}`,
        body: () => ({ version: 1, sections: [] }),
      }
    },
  })),
  {
    method: 'POST', url: '/api/v1/reports/:id/submit', roles: ['unitHead'],
    records: async () => {
      const { a, b } = await reportsInAandB('draft')
      return { inUrl: `/api/v1/reports/${a}/submit`, outUrl: `/api/v1/reports/${b}/submit`, body: () => ({ version: 1 }) }
    },
  },
  ...(['return', 'accept'] as const).map((verb): RouteCase => ({
    method: 'POST', url: `/api/v1/reports/:id/${verb}`, roles: PLAN_REVIEW,
    records: async () => {
      // Review scope is the period's owner: one run by unit A, one by the root.
      const mine = await reportsInAandB()
      await t.db.query('UPDATE report_period SET owner_unit_id = $2 WHERE id = $1', [mine.periodId, f.unitA.id])
      const theirs = await reportsInAandB()
      return { inUrl: `/api/v1/reports/${mine.a}/${verb}`, outUrl: `/api/v1/reports/${theirs.b}/${verb}`, body: () => (verb === 'return' ? { version: 1, comment: 'Bổ sung số liệu' } : { version: 1 }) }
    },
  })),
  ...(['docx', 'xlsx'] as const).map((ext): RouteCase => ({
    method: 'GET', url: `/api/v1/report-periods/:id/consolidated.${ext}`, roles: PLAN_REVIEW,
    records: async () => {
      const mine = await reportsInAandB()
      await t.db.query('UPDATE report_period SET owner_unit_id = $2 WHERE id = $1', [mine.periodId, f.unitA.id])
      const theirs = await reportsInAandB()
      return { inUrl: `/api/v1/report-periods/${mine.periodId}/consolidated.${ext}`, outUrl: `/api/v1/report-periods/${theirs.periodId}/consolidated.${ext}` }
    },
  })),
  {
    method: 'GET', url: '/api/v1/reports/:id/export.docx', roles: PLAN_READ,
    records: async () => {
      const { a, b } = await reportsInAandB()
      return { inUrl: `/api/v1/reports/${a}/export.docx`, outUrl: `/api/v1/reports/${b}/export.docx` }
    },
  },
  {
    method: 'GET', url: '/api/v1/reports/:id/versions/:number', roles: PLAN_READ,
    records: async () => {
      const { a, b } = await reportsInAandB()
      return { inUrl: `/api/v1/reports/${a}/versions/1`, outUrl: `/api/v1/reports/${b}/versions/1` }
    },
  },
  // dissemination routes
  ...((): RouteCase[] => {
    const READ: Role[] = ['unitOfficer', 'unitHead', 'board', 'committee', 'auditor', 'inspector']
    const WRITE: Role[] = ['unitOfficer', 'unitHead', 'board']
    const sessionRow = async (directiveId: number, requirementId: number, unitId: number, title: string) => {
      const [{ id }] = await t.db.query<{ id: number }>(
        `INSERT INTO dissemination_session (directive_id, unit_id, held_on, form, title) VALUES ($1, $2, '2026-03-18', 'meeting', $3) RETURNING id`, [directiveId, unitId, title])
      await t.db.query('INSERT INTO session_requirement (session_id, requirement_id) VALUES ($1, $2)', [id, requirementId])
      return id
    }
    // Made on first use (ROUTES is built before the app): a directive to A, its department and B with
    // a session in A and one in B, and a directive sent to B only.
    let made: Promise<{ id: number; requirementIds: number[]; sessionA: number; sessionB: number; onlyB: number }> | undefined
    const data = () => (made ??= (async () => {
      const { seedDirective } = await import('./db/seed/builders.ts')
      const d = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id, f.subA.id, f.unitB.id], subject: 'Ma trận quán triệt' })
      const onlyB = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitB.id], subject: 'Chỉ gửi đơn vị B' })
      return { ...d, onlyB: onlyB.id, sessionA: await sessionRow(d.id, d.requirementIds[0], f.unitA.id, 'Phiên ma trận A'), sessionB: await sessionRow(d.id, d.requirementIds[0], f.unitB.id, 'Phiên ma trận B') }
    })())
    const sessionPair = async () => {
      const d = await data()
      return { a: await sessionRow(d.id, d.requirementIds[0], f.unitA.id, 'Phiên A'), b: await sessionRow(d.id, d.requirementIds[0], f.unitB.id, 'Phiên B') }
    }
    return [
      {
        method: 'GET', url: '/api/v1/directives/:id/sessions', roles: READ, listHides: () => 'Phiên ma trận B',
        records: async () => {
          const d = await data()
          return { inUrl: `/api/v1/directives/${d.id}/sessions`, outUrl: `/api/v1/directives/${d.id}/sessions?unitId=${f.unitB.id}` }
        },
      },
      {
        method: 'POST', url: '/api/v1/directives/:id/sessions', roles: WRITE, outField: 'unitId',
        records: async () => {
          const d = await data()
          const url = `/api/v1/directives/${d.id}/sessions`
          return {
            inUrl: url, outUrl: url,
            body: (side) => ({ unitId: side === 'in' ? f.unitA.id : f.unitB.id, heldOn: '2026-03-18', form: 'meeting', title: 'Sinh hoạt chi bộ', requirementIds: [d.requirementIds[0]] }),
          }
        },
      },
      {
        method: 'GET', url: '/api/v1/sessions/:id', roles: READ,
        records: async () => {
          const d = await data()
          return { inUrl: `/api/v1/sessions/${d.sessionA}`, outUrl: `/api/v1/sessions/${d.sessionB}` }
        },
      },
      ...(['PATCH', 'DELETE'] as const).map((method): RouteCase => ({
        method, url: '/api/v1/sessions/:id', roles: WRITE,
        records: async () => {
          const { a, b } = await sessionPair()
          return { inUrl: `/api/v1/sessions/${a}`, outUrl: `/api/v1/sessions/${b}`, body: () => (method === 'PATCH' ? { version: 1, title: 'Sửa tên phiên' } : { version: 1 }) }
        },
      })),
      {
        // In scope with no file attached: 400 naming `file`; out of scope: 404 before any upload is read.
        method: 'POST', url: '/api/v1/sessions/:id/attendees/import', roles: WRITE,
        records: async () => {
          const d = await data()
          return { inUrl: `/api/v1/sessions/${d.sessionA}/attendees/import`, outUrl: `/api/v1/sessions/${d.sessionB}/attendees/import` }
        },
      },
      {
        method: 'GET', url: '/api/v1/directives/:id/coverage', roles: READ,
        records: async () => {
          const d = await data()
          return { inUrl: `/api/v1/directives/${d.id}/coverage?unitId=${f.unitA.id}`, outUrl: `/api/v1/directives/${d.id}/coverage?unitId=${f.unitB.id}` }
        },
      },
      {
        // Every `.a` account has a person in unit A; root accounts have none and get 409 INVALID_STATE.
        method: 'POST', url: '/api/v1/directives/:id/receipt', roles: 'any',
        records: async () => {
          const d = await data()
          return { inUrl: `/api/v1/directives/${d.id}/receipt`, outUrl: `/api/v1/directives/${d.onlyB}/receipt` }
        },
      },
      // After the receipt row, whose records() has made the directive sent to B only.
      { method: 'GET', url: '/api/v1/me/directives', roles: 'any', listHides: () => 'Chỉ gửi đơn vị B' },
    ]
  })(),
  // end dissemination routes
  ...channelRoutes(matrix),
  ...incidentRoutes(matrix),
  ...latencyRoutes(matrix),
  ...overviewRoutes(matrix),
  ...jobRoutes(matrix),
  ...positionRoutes(matrix),
  ...officerRoutes(matrix),
  ...materialRoutes(matrix),
  ...inspectionRoutes(matrix),
  ...caseRoutes(matrix),
]

const PUBLIC = new Set(['GET /api/v1/health', 'POST /api/v1/auth/login'])



const isAllowed = (c: RouteCase, role: Role) => c.roles === 'any' || c.roles.includes(role)
const label = (c: RouteCase) => `${c.method} ${c.url}`

describe('authorization matrix', () => {
  it.each(ROUTES.map((c) => [label(c), c] as const))('%s requires sign-in', async (_l, c) => {
    const url = c.url.replace(/:\w+/g, '1')
    const res = await t.call(null, c.method, url, c.method === 'GET' ? undefined : (c.body ?? {}))
    expect(res.statusCode).toBe(401)
  })

  for (const c of ROUTES) {
    describe(label(c), () => {
      it.each(ALL_ROLES)('as %s scoped to unit A', async (role) => {
        // logout ends the session it is called with: give it a fresh one.
        const s = c.url.endsWith('/logout') ? await t.login(`${role}.a`) : await session(`${role}.a`)
        const rec = c.records ? await c.records() : null
        const inUrl = rec?.forRole ? await rec.forRole(role) : rec?.inUrl
        const inRes = await t.call(s, c.method, inUrl ?? c.url, rec?.body?.('in') ?? c.body)
        if (!isAllowed(c, role)) {
          expect(inRes.statusCode, inRes.body).toBe(403)
          return
        }
        if (c.expectFor?.[role]) {
          expect(inRes.statusCode, inRes.body).toBe(c.expectFor[role])
          return
        }
        expect([401, 403, 404, 500], `${inRes.statusCode} ${inRes.body}`).not.toContain(inRes.statusCode)
        if (c.listHides) expect(inRes.body).not.toContain(c.listHides())
        if (!rec) return
        const outRes = await t.call(s, c.method, rec.outUrl, rec.body?.('out'))
        if (c.outField) {
          expect(outRes.statusCode, outRes.body).toBe(400)
          expect(outRes.json().error.fields).toHaveProperty([c.outField])
        } else {
          expect(outRes.statusCode, outRes.body).toBe(404)
        }
      })

      if (c.records && !c.needToKnow) {
        it(`is allowed on unit B's record for the same roles held on the root`, async () => {
          const rec = await c.records!()
          // A personal record (a notification) belongs to `board`; otherwise any allowed root role.
          const role = rec.forRole ? 'board' : c.roles === 'any' ? 'auditor' : c.roles[0]
          const res = await t.call(await session(role), c.method, rec.outUrl, rec.body?.('out'))
          expect([401, 403, 404, 500], `${res.statusCode} ${res.body}`).not.toContain(res.statusCode)
        })
      }
    })
  }

  it('covers every API route the app registers', () => {
    const registered = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).filter((r) => !PUBLIC.has(r))
    const covered = new Set(ROUTES.map(label))
    expect(registered.filter((r) => !covered.has(r))).toEqual([])
  })
})
