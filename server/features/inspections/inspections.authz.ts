// The authorization matrix's rows for inspections, corrective actions and self-inspection checklists
// (server/authz.test.ts runs them). In scope: records of an inspection held by unit A's board on its
// sub-unit, with `inspector.a` on the team; out of scope: the same held by unit B's board on unit B,
// `inspector` (root) leading it. Records are made once per row through the API (writes that change
// their state leave later roles a 409 or 400, which the matrix accepts; reach is what it checks).
import { beforeAll } from 'vitest'
import type { Role } from '../../../contract/roles.ts'
import type { MatrixContext, RouteCase } from '../../../test/authz.ts'
import {
  CHECKLIST_ANSWER_ROLES, CHECKLIST_MANAGE_ROLES, CHECKLIST_READ_ROLES, CHECKLIST_SUBMIT_ROLES, CONCLUSION_ISSUE_ROLES, CORRECTIVE_READ_ROLES,
  CORRECTIVE_REPORT_ROLES, CORRECTIVE_VERIFY_ROLES, INSPECTION_MANAGE_ROLES, INSPECTION_PLAN_APPROVE_ROLES, INSPECTION_READ_ROLES, INSPECTION_TEAM_ROLES,
  INSPECTION_UNIT_ROLES,
} from './inspections.policy.ts'
import { inspectors, newInspection, teamOf } from './test-support.ts'

type Side = 'in' | 'out'
type Pair<T> = Record<Side, T>

export function inspectionRoutes(m: MatrixContext): RouteCase[] {
  const board = () => m.session('board')
  const call = async (method: string, url: string, body?: unknown, s?: Awaited<ReturnType<typeof board>>) => {
    const res = await m.t.call(s ?? (await board()), method, url, body)
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`)
    return res.json()
  }
  let team: Pair<{ accountId: number; role: 'lead' | 'member' }[]>
  const unitOf = (side: Side) => (side === 'in' ? m.f.subA.id : m.f.unitB.id)
  const ownerOf = (side: Side) => (side === 'in' ? m.f.unitA.id : m.f.unitB.id)
  const tag = (side: Side) => (side === 'in' ? 'A' : 'B')

  /** Made once, on first use: records several rows share. */
  const lazy = <T>(make: () => Promise<T>) => {
    let p: Promise<T> | null = null
    return () => (p ??= make())
  }
  const both = async <T>(make: (side: Side) => Promise<T>): Promise<Pair<T>> => ({ in: await make('in'), out: await make('out') })

  const openInspection = (side: Side, title = `Kiểm tra ma trận ${tag(side)}`) =>
    call('POST', '/api/v1/inspections', newInspection([unitOf(side)], team[side], { ownerUnitId: ownerOf(side), title })).then((i) => i.id as number)
  const finding = (id: number, side: Side) => call('POST', `/api/v1/inspections/${id}/findings`, { unitId: unitOf(side), kind: 'shortcoming', text: `Hạn chế ma trận ${tag(side)}` })

  /** An inspection in preparation, with a request, a session, a finding and a file for its subject unit. */
  const open = lazy(() => both(async (side) => {
    const id = await openInspection(side)
    const req = await call('POST', `/api/v1/inspections/${id}/requests`, { unitId: unitOf(side), dueDate: '2026-04-10', items: ['Quy chế làm việc'] })
    const sess = await call('POST', `/api/v1/inspections/${id}/sessions`, { unitId: unitOf(side), heldOn: '2026-03-19', participants: ['Đoàn kiểm tra'] })
    const fd = new FormData()
    fd.append('file', new Blob([Buffer.from('Biên bản')], { type: 'text/plain' }), 'bb.txt')
    const r = new Response(fd)
    const s = await board()
    const up = await m.t.app.inject({
      method: 'POST', url: `/api/v1/inspections/${id}/files?unitId=${unitOf(side)}`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': r.headers.get('content-type')! }, payload: Buffer.from(await r.arrayBuffer()),
    })
    return {
      id, itemId: req.requests[0].items[0].id as number, sessionId: sess.sessions[0].id as number, findingId: (await finding(id, side)).id as number, fileId: up.json().id as number,
    }
  }))

  /** A concluded inspection whose notice made three corrective actions; the third has an extension pending. */
  const concluded = lazy(() => both(async (side) => {
    const id = await openInspection(side, `Kiểm tra kết luận ma trận ${tag(side)}`)
    const f = await finding(id, side)
    let i = await call('POST', `/api/v1/inspections/${id}/phase`, { version: 1, phase: 'conduct', on: '2026-03-18' })
    i = await call('POST', `/api/v1/inspections/${id}/phase`, { version: i.version, phase: 'closing', on: '2026-03-19' })
    const { status: _s, isSaved: _i, number: _n, issuedOn: _o, correctiveActionIds: _c, ...draft } = i.conclusion
    const mustCorrect = [1, 2, 3].map((n) => ({ unitId: unitOf(side), findingId: f.id, title: `Khắc phục ma trận ${tag(side)} ${n}`, dueDate: '2026-04-30' }))
    await call('PUT', `/api/v1/inspections/${id}/conclusion`, { ...draft, mustCorrect, signature: { authority: 'T/M BAN CÁN SỰ ĐẢNG', title: 'BÍ THƯ', name: 'Nguyễn Văn Thành' } })
    const issued = await call('POST', `/api/v1/inspections/${id}/conclusion/issue`, { version: 2, issuedOn: '2026-03-20' })
    const ca = issued.correctiveActionIds as number[]
    const ext = await call('POST', `/api/v1/corrective-actions/${ca[2]}/extensions`, { requestedDueDate: '2026-05-30', reason: 'Chờ họp chi bộ' }, await m.session('unitOfficer'))
    return { id, ca, extensionId: ext.extensions[0].id as number }
  }))

  let year = 2030
  /** A plan of unit A's (B's) board with one item on its unit, taken to `status`. */
  const plan = (status: 'draft' | 'submitted' | 'approved') => both(async (side) => {
    const lead = side === 'in' ? team.in[0].accountId : team.out[0].accountId
    const p = await call('POST', '/api/v1/inspection-plans', { year: year++, title: `Kế hoạch ma trận ${tag(side)}`, ownerUnitId: ownerOf(side) })
    let detail = await call('POST', `/api/v1/inspection-plans/${p.id}/items`, { title: `Kiểm tra ma trận ${tag(side)}`, kind: 'inspection', mode: 'thematic', method: 'direct', unitIds: [unitOf(side)], leadAccountId: lead })
    if (status !== 'draft') detail = await call('POST', `/api/v1/inspection-plans/${p.id}/submit`, { version: detail.version })
    if (status === 'approved') detail = await call('POST', `/api/v1/inspection-plans/${p.id}/approve`, { version: detail.version }, await m.session('committee'))
    return { id: p.id as number, itemId: detail.planItems[0].id as number, version: detail.version as number }
  })
  const draftPlans = lazy(() => plan('draft'))
  const submittedPlans = lazy(() => plan('submitted'))
  const approvedPlans = lazy(() => plan('approved'))

  /** Checklist templates kept by A's and B's boards, each assigned to its unit. */
  const checklists = lazy(() => both(async (side) => {
    const tpl = await call('POST', '/api/v1/checklist-templates', { title: `Bảng ma trận ${tag(side)}`, ownerUnitId: ownerOf(side), items: [{ area: 'stateSecrets', text: 'Có sổ đăng ký văn bản mật' }] })
    const round = await call('POST', `/api/v1/checklist-templates/${tpl.id}/assignments`, { unitIds: [unitOf(side)], dueDate: '2026-04-30' })
    return { templateId: tpl.id as number, roundId: round.items[0].id as number }
  }))

  beforeAll(async () => {
    const ids = await inspectors(m.t, m.f)
    team = { in: teamOf(ids.lead, ids.x, ids.y), out: teamOf(ids.root, ids.x, ids.y) }
    // Records the lists must hide from those scoped to unit A.
    await open()
    await concluded()
    await approvedPlans()
    await checklists()
  })

  /** A row over a pair of records: `url` builds each side's URL. */
  const pair = <T>(method: string, pattern: string, roles: readonly Role[], records: () => Promise<Pair<T>>, url: (r: T, side: Side) => string, body?: (side: Side, r: T) => unknown): RouteCase => ({
    method, url: pattern, roles,
    records: async () => {
      const r = await records()
      return { inUrl: url(r.in, 'in'), outUrl: url(r.out, 'out'), body: body && ((side) => body(side, r[side])) }
    },
  })
  const insp = (method: string, suffix: string, roles: readonly Role[], body?: (side: Side) => unknown) =>
    pair(method, `/api/v1/inspections/:id${suffix}`, roles, open, (r) => `/api/v1/inspections/${r.id}${suffix}`, body)
  const conclusion = {
    header: { parentBody: 'BAN CHẤP HÀNH TRUNG ƯƠNG', issuer: 'BAN CÁN SỰ ĐẢNG BỘ Y TẾ', symbol: 'BCSĐ', place: 'Hà Nội' }, overview: 'Tổng quan', strengths: [], shortcomings: [], causes: '',
    mustCorrect: [], distribution: ['Như trên'], signature: { authority: 'T/M BAN CÁN SỰ ĐẢNG', title: 'BÍ THƯ', name: 'Nguyễn Văn Thành' },
  }
  const ca = (method: string, suffix: string, roles: readonly Role[], n: number, body?: () => unknown) =>
    pair(method, `/api/v1/corrective-actions/:id${suffix}`, roles, concluded, (r) => `/api/v1/corrective-actions/${r.ca[n]}${suffix}`, body && (() => body()))

  return [
    // ---- annual plans
    { method: 'GET', url: '/api/v1/inspection-plans', roles: INSPECTION_READ_ROLES, listHides: () => 'Kế hoạch ma trận B' },
    {
      method: 'POST', url: '/api/v1/inspection-plans', roles: INSPECTION_MANAGE_ROLES, outField: 'ownerUnitId',
      records: async () => ({ inUrl: '/api/v1/inspection-plans', outUrl: '/api/v1/inspection-plans', body: (side) => ({ year: 2029, title: 'Kế hoạch năm 2029', ownerUnitId: side === 'in' ? m.f.unitA.id : m.f.unitB.id }) }),
    },
    pair('GET', '/api/v1/inspection-plans/:id', INSPECTION_READ_ROLES, approvedPlans, (r) => `/api/v1/inspection-plans/${r.id}`),
    pair('GET', '/api/v1/inspection-plans/:id/figures', INSPECTION_READ_ROLES, approvedPlans, (r) => `/api/v1/inspection-plans/${r.id}/figures`),
    pair('POST', '/api/v1/inspection-plans/:id/items', INSPECTION_MANAGE_ROLES, draftPlans, (r) => `/api/v1/inspection-plans/${r.id}/items`,
      (side) => ({ title: 'Kiểm tra bổ sung', kind: 'supervision', mode: 'regular', method: 'documents', unitIds: [unitOf(side)] })),
    pair('PATCH', '/api/v1/inspection-plan-items/:id', INSPECTION_MANAGE_ROLES, draftPlans, (r) => `/api/v1/inspection-plan-items/${r.itemId}`, () => ({ version: 1, plannedQuarter: 2 })),
    // Removing an item: a fresh one each time, so the next role still finds one.
    pair('DELETE', '/api/v1/inspection-plan-items/:id', INSPECTION_MANAGE_ROLES, async () => {
      const plans = await draftPlans()
      const add = async (side: Side) => {
        const p = await call('POST', `/api/v1/inspection-plans/${plans[side].id}/items`, { title: 'Kiểm tra sẽ bỏ', kind: 'inspection', mode: 'thematic', method: 'direct', unitIds: [unitOf(side)] })
        return p.planItems.at(-1).id as number
      }
      return { in: await add('in'), out: await add('out') }
    }, (itemId) => `/api/v1/inspection-plan-items/${itemId}`, () => ({ version: 1 })),
    pair('POST', '/api/v1/inspection-plan-items/:id/drop', INSPECTION_MANAGE_ROLES, approvedPlans, (r) => `/api/v1/inspection-plan-items/${r.itemId}/drop`, () => ({ version: 1, reason: 'Không thực hiện' })),
    pair('POST', '/api/v1/inspection-plans/:id/submit', INSPECTION_MANAGE_ROLES, lazy(() => plan('draft')), (r) => `/api/v1/inspection-plans/${r.id}/submit`, (_s, r) => ({ version: r.version })),
    pair('POST', '/api/v1/inspection-plans/:id/approve', INSPECTION_PLAN_APPROVE_ROLES, submittedPlans, (r) => `/api/v1/inspection-plans/${r.id}/approve`, (_s, r) => ({ version: r.version })),
    pair('POST', '/api/v1/inspection-plans/:id/return', INSPECTION_PLAN_APPROVE_ROLES, lazy(() => plan('submitted')), (r) => `/api/v1/inspection-plans/${r.id}/return`,
      (_s, r) => ({ version: r.version, comment: 'Bổ sung nội dung' })),

    // ---- inspections
    { method: 'GET', url: '/api/v1/inspections', roles: INSPECTION_READ_ROLES, listHides: () => 'Kiểm tra ma trận B' },
    {
      method: 'POST', url: '/api/v1/inspections', roles: INSPECTION_MANAGE_ROLES, outField: 'unitIds.0',
      records: async () => ({ inUrl: '/api/v1/inspections', outUrl: '/api/v1/inspections', body: (side) => newInspection([unitOf(side)], team[side]) }),
    },
    // Not scoped: an inspector held anywhere may sit on a team.
    { method: 'GET', url: '/api/v1/inspectors', roles: INSPECTION_MANAGE_ROLES },
    insp('GET', '', INSPECTION_READ_ROLES),
    insp('PATCH', '', INSPECTION_MANAGE_ROLES, () => ({ version: 1, title: 'Kiểm tra ma trận (sửa)' })),
    insp('POST', '/phase', INSPECTION_MANAGE_ROLES, () => ({ version: 1, phase: 'conduct', on: '2026-03-18' })),
    insp('POST', '/extensions', INSPECTION_MANAGE_ROLES, () => ({ version: 1, newDeadline: '2026-05-20', reason: 'Bổ sung hồ sơ', decisionNumber: '99-QĐ/BCSĐ', decisionDate: '2026-03-20' })),
    insp('POST', '/requests', INSPECTION_TEAM_ROLES, (side) => ({ unitId: unitOf(side), dueDate: '2026-04-10', items: ['Sổ theo dõi văn bản'] })),
    pair('POST', '/api/v1/inspection-request-items/:id/answer', INSPECTION_UNIT_ROLES, open, (r) => `/api/v1/inspection-request-items/${r.itemId}/answer`, () => ({ version: 1, note: 'Đã gửi' })),
    pair('POST', '/api/v1/inspection-request-items/:id/review', INSPECTION_TEAM_ROLES, open, (r) => `/api/v1/inspection-request-items/${r.itemId}/review`, () => ({ version: 1, decision: 'received' })),
    pair('PUT', '/api/v1/inspections/:id/units/:unitId/self-report', INSPECTION_UNIT_ROLES, open, (r, side) => `/api/v1/inspections/${r.id}/units/${unitOf(side)}/self-report`,
      () => ({ version: 1, summary: 'Báo cáo tự kiểm tra' })),
    insp('POST', '/sessions', INSPECTION_TEAM_ROLES, (side) => ({ unitId: unitOf(side), heldOn: '2026-03-19', participants: ['Đoàn kiểm tra'] })),
    pair('PATCH', '/api/v1/inspection-sessions/:id', INSPECTION_TEAM_ROLES, open, (r) => `/api/v1/inspection-sessions/${r.sessionId}`, () => ({ version: 1, place: 'Hội trường' })),
    insp('POST', '/findings', INSPECTION_TEAM_ROLES, (side) => ({ unitId: unitOf(side), kind: 'strength', text: 'Ưu điểm ma trận' })),
    pair('PATCH', '/api/v1/inspection-findings/:id', INSPECTION_TEAM_ROLES, open, (r) => `/api/v1/inspection-findings/${r.findingId}`, () => ({ version: 1, text: 'Hạn chế (sửa)' })),
    pair('DELETE', '/api/v1/inspection-findings/:id', INSPECTION_TEAM_ROLES, async () => {
      const o = await open()
      return { in: (await finding(o.in.id, 'in')).id as number, out: (await finding(o.out.id, 'out')).id as number }
    }, (findingId) => `/api/v1/inspection-findings/${findingId}`, () => ({ version: 1 })),
    insp('PUT', '/conclusion', INSPECTION_TEAM_ROLES, () => ({ ...conclusion, version: 1 })),
    insp('POST', '/conclusion/issue', CONCLUSION_ISSUE_ROLES, () => ({ version: 1, issuedOn: '2026-03-20' })),
    pair('GET', '/api/v1/inspections/:id/conclusion.docx', INSPECTION_READ_ROLES, concluded, (r) => `/api/v1/inspections/${r.id}/conclusion.docx`),
    pair('GET', '/api/v1/inspection-files/:id', INSPECTION_READ_ROLES, open, (r) => `/api/v1/inspection-files/${r.fileId}`),
    // In reach with no file attached: 415; out of reach: 404 before any upload is read.
    insp('POST', '/files', [...INSPECTION_TEAM_ROLES, ...INSPECTION_UNIT_ROLES]),
    pair('GET', '/api/v1/units/:id/inspection-history', INSPECTION_READ_ROLES, open, (_r, side) => `/api/v1/units/${unitOf(side)}/inspection-history`),

    // ---- corrective actions
    { method: 'GET', url: '/api/v1/corrective-actions', roles: CORRECTIVE_READ_ROLES, listHides: () => 'Khắc phục ma trận B' },
    ca('GET', '', CORRECTIVE_READ_ROLES, 0),
    ca('POST', '/report', CORRECTIVE_REPORT_ROLES, 0, () => ({ version: 1, completedOn: '2026-03-20', note: 'Đã khắc phục' })),
    ca('POST', '/verify', CORRECTIVE_VERIFY_ROLES, 0, () => ({ version: 1 })),
    ca('POST', '/return', CORRECTIVE_VERIFY_ROLES, 0, () => ({ version: 1, comment: 'Thiếu minh chứng' })),
    ca('POST', '/extensions', CORRECTIVE_REPORT_ROLES, 1, () => ({ requestedDueDate: '2026-05-30', reason: 'Chờ họp chi bộ' })),
    ca('POST', '/evidence', CORRECTIVE_REPORT_ROLES, 0),
    ...(['approve', 'refuse'] as const).map((verb) =>
      pair('POST', `/api/v1/corrective-action-extensions/:id/${verb}`, CORRECTIVE_VERIFY_ROLES, concluded, (r) => `/api/v1/corrective-action-extensions/${r.extensionId}/${verb}`, () => ({ note: 'Ý kiến' }))),

    // ---- self-inspection checklists
    { method: 'GET', url: '/api/v1/checklist-templates', roles: CHECKLIST_READ_ROLES, listHides: () => 'Bảng ma trận B' },
    {
      method: 'POST', url: '/api/v1/checklist-templates', roles: CHECKLIST_MANAGE_ROLES, outField: 'ownerUnitId',
      records: async () => ({
        inUrl: '/api/v1/checklist-templates', outUrl: '/api/v1/checklist-templates',
        body: (side) => ({ title: 'Bảng tự kiểm tra', ownerUnitId: ownerOf(side), items: [{ area: 'unitRules', text: 'Có quy chế làm việc' }] }),
      }),
    },
    pair('GET', '/api/v1/checklist-templates/:id', CHECKLIST_READ_ROLES, checklists, (r) => `/api/v1/checklist-templates/${r.templateId}`),
    pair('POST', '/api/v1/checklist-templates/:id/assignments', CHECKLIST_MANAGE_ROLES, checklists, (r) => `/api/v1/checklist-templates/${r.templateId}/assignments`,
      (side) => ({ unitIds: [unitOf(side)], dueDate: '2026-05-30' })),
    { method: 'GET', url: '/api/v1/checklist-assignments', roles: CHECKLIST_READ_ROLES, listHides: () => 'Bảng ma trận B' },
    pair('GET', '/api/v1/checklist-assignments/:id', CHECKLIST_READ_ROLES, checklists, (r) => `/api/v1/checklist-assignments/${r.roundId}`),
    pair('PUT', '/api/v1/checklist-assignments/:id/answers', CHECKLIST_ANSWER_ROLES, checklists, (r) => `/api/v1/checklist-assignments/${r.roundId}/answers`, () => ({ version: 1, answers: [] })),
    pair('POST', '/api/v1/checklist-assignments/:id/submit', CHECKLIST_SUBMIT_ROLES, checklists, (r) => `/api/v1/checklist-assignments/${r.roundId}/submit`, () => ({ version: 1 })),
    pair('POST', '/api/v1/checklist-assignments/:id/files', CHECKLIST_ANSWER_ROLES, checklists, (r) => `/api/v1/checklist-assignments/${r.roundId}/files`),
  ]
}
