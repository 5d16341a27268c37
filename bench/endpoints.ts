// What the benchmark measures: one entry per endpoint. An entry says who calls it, how to build
// each request, and which function the route runs, so that function can be timed directly on the
// same database. Adding an endpoint is adding one entry here; an entry whose route the server
// does not have (another issue has not landed it yet) is skipped.
import { parserAccuracy } from '../server/features/directives/parser-accuracy.queries.ts'
import type { Db } from '../server/db/types.ts'
import { matrixCoverage } from '../server/features/dashboard/matrix.coverage.ts'
import { directiveMatrix, type MatrixOptions } from '../server/features/dashboard/matrix.service.ts'
import { acknowledge } from '../server/features/directives/directives.service.ts'
import { login } from '../server/features/auth/auth.service.ts'
import { lastRuns, listRuns } from '../server/features/jobs/jobs.queries.ts'
import { PEOPLE_READ_ROLES } from '../server/features/people/people.policy.ts'
import { listPeople } from '../server/features/people/people.queries.ts'
import { updateAction } from '../server/features/plans/actions.service.ts'
import { findAction, planDetail } from '../server/features/plans/plans.queries.ts'
import { UNIT_READ_ROLES } from '../server/features/units/units.policy.ts'
import { listUnitLevel, listUnitsInScope } from '../server/features/units/units.queries.ts'
import { scopePaths } from '../server/http/scope.ts'
import { consolidatedInput } from '../server/features/reports/consolidated.ts'
import { consolidatedReportDocx } from '../server/features/reports/documents/consolidated.docx.ts'
import { findPeriod } from '../server/features/reports/periods.queries.ts'
import { listCases, readCase } from '../server/features/cases/cases.service.ts'
import { boardSections } from '../server/features/home/work.queries.ts'
import { PLAN_REVIEW_ROLES } from '../contract/plans.ts'
import { committeeOverview, overviewDepsOf } from '../server/features/overview/overview.service.ts'
import { readConfig } from '../server/config.ts'
import { listCorrectiveActions } from '../server/features/inspections/corrective-actions.service.ts'
import { planFigures, readPlan } from '../server/features/inspections/inspection-plans.service.ts'
import { readInspection } from '../server/features/inspections/inspections.service.ts'
import { thresholdsOf, unitReadiness } from '../server/features/positions/readiness.service.ts'
import { channelDepsOf, findChannels } from '../server/features/channels/channels.service.ts'
import { findIncidents } from '../server/features/incidents/incidents.service.ts'
import { recipientsOf, targetsOf } from '../server/features/incidents/incidents.policy.ts'
import { BENCH_PASSWORD, benchKeys, userFor, type Targets } from './database.ts'
import type { Req, Res } from './http.ts'

/** Whose session a client loop uses: the board officer, its own unit officer, its own acknowledging officer, or none. */
export type Caller = 'board' | 'admin' | 'officer' | 'acker' | 'anonymous'

export interface LoopState {
  /** Index of the client loop (0 … concurrency − 1); officers and ackers are per loop. */
  client: number
  n: number
  /** The concurrent phase, then a short one-client phase for the overhead ratio. */
  phase: 'load' | 'serial'
  t: Targets
  /** Per-loop scratch: a write endpoint keeps its cursor or versions here. */
  scratch: Record<string, any>
}

export interface Endpoint {
  name: string
  /** Method and OpenAPI path, e.g. 'GET /api/v1/units'; the entry is skipped when the server lacks it. */
  route: string
  as: Caller
  /** The next request of one loop; null when the loop has nothing left to do (a used-up pool). */
  next(s: LoopState): Req | null
  /** Reads what the next request needs from this response (a new version, say). */
  onResponse?(s: LoopState, res: Res): void
  /** Whether the data has what the endpoint needs (an older fill may lack it); skipped otherwise. */
  available?(t: Targets): boolean
  /** Also measured with many concurrent clients (the throughput target). */
  wide?: boolean
  /** The route's own function, called directly against the database: returns one timed run. */
  direct?(db: Db, t: Targets): Promise<() => Promise<unknown>>
}

const matrixOpts = (t: Targets, o: Partial<MatrixOptions>): MatrixOptions => ({ depth: 1, asOf: t.asOf, sort: 'tree', flat: false, overdueOnly: false, ...o })

const boardMatrix = (o: Partial<MatrixOptions>) => async (db: Db, t: Targets) => {
  const user = await userFor(db, t.board.accountId)
  // With the coverage the route hands in (dashboardRoutes' default).
  return () => directiveMatrix(db, user, t.directiveId, matrixOpts(t, o), matrixCoverage)
}

const actor = (id: number, username: string) => ({ id, username, ip: '127.0.0.1', now: new Date() })

export const ENDPOINTS: Endpoint[] = [
  {
    name: 'matrix (first view)',
    route: 'GET /api/v1/directives/{id}/matrix',
    as: 'board',
    next: (s) => ({ method: 'GET', path: `/api/v1/directives/${s.t.directiveId}/matrix` }),
    direct: boardMatrix({}),
  },
  {
    name: 'matrix subtree',
    route: 'GET /api/v1/directives/{id}/matrix',
    as: 'board',
    next: (s) => ({ method: 'GET', path: `/api/v1/directives/${s.t.directiveId}/matrix?under=${s.t.under.unitId}&depth=${s.t.under.depth}` }),
    direct: (db, t) => boardMatrix({ under: t.under.unitId, depth: t.under.depth })(db, t),
  },
  {
    name: 'matrix flat',
    route: 'GET /api/v1/directives/{id}/matrix',
    as: 'board',
    next: (s) => ({ method: 'GET', path: `/api/v1/directives/${s.t.directiveId}/matrix?flat=1` }),
    direct: boardMatrix({ flat: true }),
  },
  {
    // What the web asks for first (web/features/dashboard/api.ts FLAT_PAGE): 500 rows and the totals
    // over all; the next pages follow while it shows. Pages spread over the view in turn.
    name: 'matrix flat, a page of 500',
    route: 'GET /api/v1/directives/{id}/matrix',
    as: 'board',
    next: (s) => ({ method: 'GET', path: `/api/v1/directives/${s.t.directiveId}/matrix?flat=1&limit=500&offset=${(s.n % Math.max(1, Math.ceil(s.t.units / 500))) * 500}` }),
    async direct(db, t) {
      const user = await userFor(db, t.board.accountId)
      let n = 0
      return () => directiveMatrix(db, user, t.directiveId, matrixOpts(t, { flat: true, limit: 500, offset: (n++ % Math.max(1, Math.ceil(t.units / 500))) * 500 }), matrixCoverage)
    },
  },
  {
    name: 'unit tree',
    route: 'GET /api/v1/units',
    as: 'board',
    next: () => ({ method: 'GET', path: '/api/v1/units' }),
    async direct(db, t) {
      const user = await userFor(db, t.board.accountId)
      return () => listUnitsInScope(db, scopePaths(user, UNIT_READ_ROLES), { includeInactive: false })
    },
  },
  {
    // The tree as the web loads it: the top of the scope, then the ministry's children (children on demand).
    name: 'unit tree: first level',
    route: 'GET /api/v1/units/children',
    as: 'board',
    next: (s) => ({ method: 'GET', path: s.n % 2 ? `/api/v1/units/children?parentId=${s.t.root.id}` : '/api/v1/units/children' }),
    async direct(db, t) {
      const user = await userFor(db, t.board.accountId)
      let n = 0
      return () => (n++ % 2 ? listUnitLevel(db, { parentId: t.root.id }) : listUnitLevel(db, { scopes: scopePaths(user, UNIT_READ_ROLES) }))
    },
  },
  {
    name: 'unit plan',
    route: 'GET /api/v1/directives/{id}/units/{unitId}/plan',
    as: 'officer',
    wide: true,
    next: (s) => ({ method: 'GET', path: `/api/v1/directives/${s.t.directiveId}/units/${s.t.officers[s.client].unitId}/plan` }),
    async direct(db, t) {
      const unitId = t.officers.at(-1)!.unitId
      return () => planDetail(db, t.directiveId, unitId, t.asOf)
    },
  },
  {
    name: 'people search',
    route: 'GET /api/v1/people',
    as: 'board',
    next: () => ({ method: 'GET', path: '/api/v1/people?q=nguyen%20van' }),
    async direct(db, t) {
      const user = await userFor(db, t.board.accountId)
      return () => listPeople(db, scopePaths(user, PEOPLE_READ_ROLES), { q: 'nguyen van', includeInactive: false, limit: 50, offset: 0 })
    },
  },
  {
    name: 'login',
    route: 'POST /api/v1/auth/login',
    as: 'anonymous',
    next: (s) => ({ method: 'POST', path: '/api/v1/auth/login', body: { username: s.t.loginUsers[s.client % s.t.loginUsers.length], password: BENCH_PASSWORD } }),
    // The service, not only its SQL: argon2 verification is most of a sign-in.
    direct: async (db, t) => () => login(db, benchKeys(), { username: t.loginUser, password: BENCH_PASSWORD }, { ip: '127.0.0.1', userAgent: 'bench', now: new Date(), demo: false }),
  },
  {
    name: 'acknowledge',
    route: 'POST /api/v1/directives/{id}/acknowledge',
    as: 'acker',
    next(s) {
      // A fresh acknowledgement writes; a repeated one does not. The last fifth of loop 0's pool is
      // kept for the one-client phase.
      const pool = s.t.ackers[s.client].pool
      const reserve = Math.floor(pool.length * 0.8)
      const key = s.phase === 'load' ? 'ack' : 'ackSerial'
      const i = (s.scratch[key] = (s.scratch[key] ?? (s.phase === 'load' ? 0 : reserve) - 1) + 1)
      if (i >= (s.phase === 'load' ? reserve : pool.length)) return null
      return { method: 'POST', path: `/api/v1/directives/${pool[i].directiveId}/acknowledge`, body: { unitId: pool[i].unitId } }
    },
    async direct(db, t) {
      const a = t.ackers.at(-1)!
      const user = await userFor(db, a.accountId)
      let i = 0
      return async () => {
        const p = a.pool[i++ % a.pool.length]
        return acknowledge(db, user, actor(a.accountId, a.username), p.directiveId, p.unitId)
      }
    },
  },
  {
    name: 'save plan action',
    route: 'PATCH /api/v1/actions/{id}',
    as: 'officer',
    next(s) {
      const action = s.t.officers[s.client].actions[0]
      s.scratch.version ??= action.version
      return { method: 'PATCH', path: `/api/v1/actions/${action.id}`, body: { version: s.scratch.version, note: `Tiến độ cập nhật lần ${s.n + 1}` } }
    },
    onResponse(s, res) {
      if (res.status === 200) s.scratch.version = JSON.parse(res.body.toString()).version
    },
    async direct(db, t) {
      const o = t.officers.at(-1)!
      const user = await userFor(db, o.accountId)
      const id = o.actions[0].id
      let n = 0
      return async () => {
        const { version } = (await findAction(db, id))!
        return updateAction(db, user, actor(o.accountId, o.username), id, { version, note: `Cập nhật trực tiếp ${++n}` })
      }
    },
  },
  {
    name: 'consolidated .docx',
    route: 'GET /api/v1/report-periods/{id}/consolidated.docx',
    as: 'board',
    available: (t) => t.periodId !== null,
    next: (s) => (s.t.periodId ? { method: 'GET', path: `/api/v1/report-periods/${s.t.periodId}/consolidated.docx` } : null),
    async direct(db, t) {
      const period = t.periodId ? await findPeriod(db, t.periodId) : null
      if (!period) return async () => null
      return async () => consolidatedReportDocx(await consolidatedInput(db, period, { asOf: t.asOf }))
    },
  },
  {
    // The board officer's need-to-know list: every generated case (as many as the route answers).
    name: 'case list',
    route: 'GET /api/v1/cases',
    as: 'board',
    available: (t) => t.caseIds.length > 0,
    next: () => ({ method: 'GET', path: '/api/v1/cases' }),
    async direct(db, t) {
      const user = await userFor(db, t.board.accountId)
      return () => listCases(db, user, {}, t.asOf)
    },
  },
  {
    // Another case each time: its list checked, its data key unwrapped, its content opened, the read audited.
    name: 'open a case',
    route: 'GET /api/v1/cases/{id}',
    as: 'board',
    available: (t) => t.caseIds.length > 0,
    next: (s) => ({ method: 'GET', path: `/api/v1/cases/${s.t.caseIds[(s.client * 7 + s.n) % s.t.caseIds.length]}` }),
    async direct(db, t) {
      const user = await userFor(db, t.board.accountId)
      const deps = { db, keys: benchKeys(), appealDays: 30 }
      let i = 0
      return () => readCase(deps, user, actor(t.board.accountId, t.board.username), t.caseIds[i++ % t.caseIds.length])
    },
  },
  {
    // The committee's one page for the whole ministry: nine requirements' indicators with their trends.
    name: 'overview',
    route: 'GET /api/v1/overview',
    as: 'board',
    next: () => ({ method: 'GET', path: '/api/v1/overview' }),
    async direct(db, t) {
      const user = await userFor(db, t.board.accountId)
      const deps = overviewDepsOf(db, readConfig({}, []))
      return () => committeeOverview(deps, user, {}, t.asOf)
    },
  },
  {
    // The board's home page of work over the whole ministry: its directives with progress, plans,
    // reports and extensions waiting, and the overdue worklist (each section's first items and total).
    name: 'home page (board)',
    route: 'GET /api/v1/me/work',
    as: 'board',
    next: () => ({ method: 'GET', path: '/api/v1/me/work' }),
    async direct(db, t) {
      const user = await userFor(db, t.board.accountId)
      return () => boardSections(db, scopePaths(user, PLAN_REVIEW_ROLES), t.asOf)
    },
  },
  {
    // Lands with the reporting issue; skipped until the server has it.
    name: 'report periods',
    route: 'GET /api/v1/report-periods',
    as: 'board',
    next: () => ({ method: 'GET', path: '/api/v1/report-periods' }),
  },
  {
    // The whole ministry's corrective actions (~10,000 at 5,000 units), a page of 50 soonest due
    // first with the count of all; the first five pages in turn.
    name: 'corrective actions',
    route: 'GET /api/v1/corrective-actions',
    as: 'board',
    available: (t) => t.inspectionIds.length > 0,
    next: (s) => ({ method: 'GET', path: `/api/v1/corrective-actions?offset=${((s.client + s.n) % 5) * 50}` }),
    async direct(db, t) {
      const user = await userFor(db, t.board.accountId)
      let i = 0
      return () => listCorrectiveActions(db, user, { asOf: t.asOf, limit: 50, offset: (i++ % 5) * 50 })
    },
  },
  {
    // Another inspection each time, every phase: team, requests, self-reports, sessions, findings,
    // the conclusion (the issued notice's content) and its corrective actions.
    name: 'inspection page',
    route: 'GET /api/v1/inspections/{id}',
    as: 'board',
    available: (t) => t.inspectionIds.length > 0,
    next: (s) => ({ method: 'GET', path: `/api/v1/inspections/${s.t.inspectionIds[(s.client * 7 + s.n) % s.t.inspectionIds.length]}` }),
    async direct(db, t) {
      const user = await userFor(db, t.board.accountId)
      const rules = readConfig().inspectionRules
      let i = 0
      return () => readInspection(db, user, t.inspectionIds[i++ % t.inspectionIds.length], rules, t.asOf)
    },
  },
  {
    // The board's plan against what happened: every item with its state, and the inspections added outside it.
    name: 'inspection plan vs actual',
    route: 'GET /api/v1/inspection-plans/{id}/figures',
    as: 'board',
    available: (t) => t.inspectionPlanId !== null,
    next: (s) => ({ method: 'GET', path: `/api/v1/inspection-plans/${s.t.inspectionPlanId}/figures` }),
    async direct(db, t) {
      const user = await userFor(db, t.board.accountId)
      return () => planFigures(db, user, t.inspectionPlanId!, t.asOf)
    },
  },
  {
    // The plan's own page: every item (~500 at 5,000 units) with its units, lead and inspection. No target of its own.
    name: 'inspection plan (every item)',
    route: 'GET /api/v1/inspection-plans/{id}',
    as: 'board',
    available: (t) => t.inspectionPlanId !== null,
    next: (s) => ({ method: 'GET', path: `/api/v1/inspection-plans/${s.t.inspectionPlanId}` }),
    async direct(db, t) {
      const user = await userFor(db, t.board.accountId)
      return () => readPlan(db, user, t.inspectionPlanId!, t.asOf)
    },
  },
  {
    // Key positions, vetting, officers and training summed over the whole ministry, with a row per top-level unit.
    name: 'readiness roll-up',
    route: 'GET /api/v1/units/{id}/readiness',
    as: 'board',
    next: (s) => ({ method: 'GET', path: `/api/v1/units/${s.t.root.id}/readiness` }),
    async direct(db, t) {
      const thresholds = thresholdsOf(readConfig())
      return () => unitReadiness(db, t.root, t.asOf, thresholds, true)
    },
  },
  {
    // The whole ministry's channels register (~15,000 at 5,000 units), its first page of 100 with the count.
    name: 'channels register',
    route: 'GET /api/v1/channels/register',
    as: 'board',
    next: () => ({ method: 'GET', path: '/api/v1/channels/register' }),
    async direct(db, t) {
      const user = await userFor(db, t.board.accountId)
      const deps = channelDepsOf(db, readConfig())
      return () => findChannels(deps, user, { status: 'active', limit: 100, offset: 0 }, t.asOf)
    },
  },
  {
    // Every incident of the ministry (a few hundred), each with its timeliness class.
    name: 'incidents list',
    route: 'GET /api/v1/incidents',
    as: 'board',
    next: () => ({ method: 'GET', path: '/api/v1/incidents' }),
    async direct(db, t) {
      const user = await userFor(db, t.board.accountId)
      const config = readConfig()
      const deps = { db, targets: targetsOf(config), recipients: recipientsOf(config) }
      return () => findIncidents(deps, user, {}, new Date())
    },
  },
  {
    // The parser's accuracy per field over twelve months (board and admin): the reviews of every
    // letter registered from a parsed text, grouped in SQL.
    name: 'parser accuracy',
    route: 'GET /api/v1/admin/parser-accuracy',
    as: 'board',
    next: () => ({ method: 'GET', path: '/api/v1/admin/parser-accuracy' }),
    async direct(db) {
      return () => parserAccuracy(db, { period: 'month', periods: 12 }, new Date())
    },
  },
  {
    // The administrator's view of the scheduled jobs: each job's last run and the newest 50 runs (the
    // e-mail job alone records 1,440 a day; 30 days are kept).
    name: 'scheduled jobs (admin)',
    route: 'GET /api/v1/admin/jobs',
    as: 'admin',
    next: () => ({ method: 'GET', path: '/api/v1/admin/jobs?limit=50' }),
    async direct(db) {
      return () => Promise.all([listRuns(db, { limit: 50 }), lastRuns(db)])
    },
  },
]
