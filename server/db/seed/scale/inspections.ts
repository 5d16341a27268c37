// Inspection and supervision at scale: the board's plan for the year (about one item per ten units),
// carried out against it — inspections in every phase, some extended, a few items dropped with their
// reason, some added outside the plan — with teams, document requests and answers, self-reports,
// working sessions, findings about the units' work, conclusion notices issued (each with its own
// .docx) and drafts saved, corrective actions in every status and timeliness class with extensions,
// and two rounds of the self-inspection checklist whose "no" answers became findings and actions.
// At 5,000 units: ~500 inspections, ~5,000 findings, ~10,000 corrective actions.
import { createHash } from 'node:crypto'
import { DEFAULT_INSPECTION_RULES, DEFAULT_ISSUER_SYMBOL, type InspectionLevel } from '../../../../contract/inspections.ts'
import { KIND_WORD, noticeInput, type Content } from '../../../features/inspections/conclusion-content.ts'
import type { InspectionRow } from '../../../features/inspections/inspections.queries.ts'
import { addDays, daysBetween, type IsoDay } from '../../../lib/dates.ts'
import { pick } from '../names.ts'
import type { Loader, TableWriter } from './bulk.ts'
import { officeTime } from './dates.ts'
import type { Population } from './directives.ts'
import type { ScaleOptions } from './options.ts'
import type { Progress } from './progress.ts'
import {
  CHECKLIST_ITEMS, CORRECTIVE_ACTIONS, FINDING_SHORTCOMINGS, FINDING_STRENGTHS, FINDING_VIOLATIONS, INSPECTION_TOPICS, REQUEST_ITEMS,
} from './texts.ts'
import type { ScaleUnit } from './tree.ts'

/** Inspections per unit: 500 at 5,000 units. */
export const INSPECTIONS_PER_UNIT = 0.1
/** Shares of the inspections by phase (stratified, so a small database has each). */
const PHASES = [['preparation', 0.12], ['conduct', 0.2], ['closing', 0.1], ['concluded', 0.58]] as const
/** Of the inspections, the share opened outside the plan; of the plan, the items not started and dropped (as shares of the inspections). */
const OUTSIDE_PLAN = 0.1
const NOT_STARTED = 0.06
const DROPPED = 0.04
/** Checklist rounds: the share of units each is assigned to, and the share that submitted it. */
const ROUNDS = [{ share: 0.2, submitted: 0.85, dueFromStart: 150, title: 'Tự kiểm tra 6 tháng đầu năm' }, { share: 0.2, submitted: 0.35, dueFromStart: null, title: 'Tự kiểm tra 6 tháng cuối năm' }]
const CORRECT_WITHIN_DAYS = 30

export type InspectionWriters = Record<
  | 'plan' | 'item' | 'itemUnit' | 'inspection' | 'unit' | 'member' | 'extension' | 'request' | 'requestItem' | 'selfReport' | 'session'
  | 'template' | 'templateItem' | 'assignment' | 'finding' | 'answer' | 'corrective' | 'correctiveExtension' | 'conclusion' | 'counter' | 'docCounter',
  TableWriter
>

export function inspectionWriters(loader: Loader): InspectionWriters {
  return {
    plan: loader.table('inspection_plan', [
      ['id', 'int'], ['owner_unit_id', 'int'], ['year', 'int'], ['title', 'text'], ['status', 'text'], ['submitted_at', 'timestamptz'], ['submitted_by', 'int'],
      ['approved_at', 'timestamptz'], ['approved_by', 'int'], ['version', 'int'], ['created_by', 'int'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ]),
    item: loader.table('inspection_plan_item', [
      ['id', 'int'], ['plan_id', 'int'], ['ordinal', 'int'], ['title', 'text'], ['content', 'text'], ['directive_ids', 'intArray'], ['requirement_ids', 'intArray'],
      ['kind', 'text'], ['mode', 'text'], ['method', 'text'], ['planned_quarter', 'int'], ['planned_month', 'int'], ['lead_account_id', 'int'],
      ['dropped_on', 'date'], ['drop_reason', 'text'], ['dropped_by', 'int'], ['version', 'int'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ]),
    itemUnit: loader.table('inspection_plan_item_unit', [['item_id', 'int'], ['unit_id', 'int']]),
    inspection: loader.table('inspection', [
      ['id', 'int'], ['number', 'text'], ['year', 'int'], ['owner_unit_id', 'int'], ['plan_item_id', 'int'], ['title', 'text'], ['content', 'text'],
      ['directive_ids', 'intArray'], ['requirement_ids', 'intArray'], ['kind', 'text'], ['mode', 'text'], ['method', 'text'], ['level', 'text'],
      ['decision_number', 'text'], ['decision_date', 'date'], ['period_from', 'date'], ['period_to', 'date'], ['start_date', 'date'], ['duration_days', 'int'],
      ['original_deadline', 'date'], ['deadline', 'date'], ['phase', 'text'], ['conduct_on', 'date'], ['closing_on', 'date'], ['concluded_on', 'date'],
      ['version', 'int'], ['created_by', 'int'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ]),
    unit: loader.table('inspection_unit', [['inspection_id', 'int'], ['unit_id', 'int']]),
    member: loader.table('inspection_member', [['inspection_id', 'int'], ['account_id', 'int'], ['role', 'text']]),
    extension: loader.table('inspection_extension', [
      ['id', 'int'], ['inspection_id', 'int'], ['previous_deadline', 'date'], ['new_deadline', 'date'], ['reason', 'text'], ['decision_number', 'text'],
      ['decision_date', 'date'], ['created_by', 'int'], ['created_at', 'timestamptz'],
    ]),
    request: loader.table('inspection_request', [['id', 'int'], ['inspection_id', 'int'], ['unit_id', 'int'], ['note', 'text'], ['sent_on', 'date'], ['due_date', 'date'], ['created_by', 'int'], ['created_at', 'timestamptz']]),
    requestItem: loader.table('inspection_request_item', [
      ['id', 'int'], ['request_id', 'int'], ['ordinal', 'int'], ['text', 'text'], ['status', 'text'], ['answer_note', 'text'], ['answered_at', 'timestamptz'],
      ['answered_by', 'int'], ['review_comment', 'text'], ['reviewed_at', 'timestamptz'], ['reviewed_by', 'int'], ['version', 'int'],
    ]),
    selfReport: loader.table('inspection_self_report', [['inspection_id', 'int'], ['unit_id', 'int'], ['summary', 'text'], ['submitted_at', 'timestamptz'], ['submitted_by', 'int'], ['version', 'int']]),
    session: loader.table('inspection_session', [
      ['id', 'int'], ['inspection_id', 'int'], ['unit_id', 'int'], ['held_on', 'date'], ['place', 'text'], ['participants', 'textArray'], ['note', 'text'], ['created_by', 'int'], ['created_at', 'timestamptz'],
    ]),
    template: loader.table('checklist_template', [['id', 'int'], ['owner_unit_id', 'int'], ['title', 'text'], ['description', 'text'], ['created_by', 'int'], ['created_at', 'timestamptz']]),
    templateItem: loader.table('checklist_template_item', [['id', 'int'], ['template_id', 'int'], ['ordinal', 'int'], ['area', 'text'], ['text', 'text'], ['requirement_id', 'int']]),
    assignment: loader.table('checklist_assignment', [
      ['id', 'int'], ['template_id', 'int'], ['unit_id', 'int'], ['title', 'text'], ['due_date', 'date'], ['correct_within_days', 'int'], ['status', 'text'],
      ['submitted_at', 'timestamptz'], ['submitted_by', 'int'], ['assigned_by', 'int'], ['assigned_at', 'timestamptz'], ['version', 'int'],
    ]),
    finding: loader.table('inspection_finding', [
      ['id', 'int'], ['inspection_id', 'int'], ['assignment_id', 'int'], ['unit_id', 'int'], ['requirement_id', 'int'], ['kind', 'text'], ['text', 'text'],
      ['resolved_on', 'date'], ['created_by', 'int'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ]),
    answer: loader.table('checklist_answer', [['assignment_id', 'int'], ['item_id', 'int'], ['answer', 'text'], ['note', 'text'], ['finding_id', 'int']]),
    corrective: loader.table('corrective_action', [
      ['id', 'int'], ['inspection_id', 'int'], ['assignment_id', 'int'], ['finding_id', 'int'], ['unit_id', 'int'], ['requirement_id', 'int'], ['title', 'text'],
      ['due_date', 'date'], ['effective_due_date', 'date'], ['status', 'text'], ['completed_on', 'date'], ['report_note', 'text'], ['reported_at', 'timestamptz'],
      ['reported_by', 'int'], ['return_comment', 'text'], ['returned_at', 'timestamptz'], ['returned_by', 'int'], ['verify_note', 'text'], ['verified_at', 'timestamptz'],
      ['verified_by', 'int'], ['closed_on', 'date'], ['version', 'int'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ]),
    correctiveExtension: loader.table('corrective_action_extension', [
      ['id', 'int'], ['corrective_action_id', 'int'], ['previous_due_date', 'date'], ['requested_due_date', 'date'], ['reason', 'text'], ['status', 'text'],
      ['requested_by', 'int'], ['requested_at', 'timestamptz'], ['decided_by', 'int'], ['decided_at', 'timestamptz'], ['decision_note', 'text'],
    ]),
    conclusion: loader.table('inspection_conclusion', [
      ['inspection_id', 'int'], ['status', 'text'], ['content', 'jsonb'], ['number', 'text'], ['issued_on', 'date'], ['issued_at', 'timestamptz'], ['issued_by', 'int'],
      ['document', 'bytea'], ['document_sha256', 'text'], ['version', 'int'], ['updated_by', 'int'], ['updated_at', 'timestamptz'],
    ]),
    counter: loader.table('inspection_counter', [['prefix', 'text'], ['year', 'int'], ['n', 'int']]),
    docCounter: loader.table('document_counter', [['doc_type', 'text'], ['issuer', 'text'], ['n', 'int']]),
  }
}

export interface InspectionIds {
  plan: number; item: number; inspection: number; extension: number; request: number; requestItem: number; session: number; template: number
  templateItem: number; assignment: number; finding: number; corrective: number; correctiveExtension: number
}

export interface InspectionInput {
  pop: Population & { committeeAccountId: number }
  /** Accounts holding the inspector role: teams are drawn from them. */
  inspectors: number[]
  /** The first directive and its top-level requirements: what plan items and findings refer to. */
  topics: { directiveId: number; requirementIds: number[] } | null
}

const ts = (day: IsoDay, minutes = 0) => new Date(officeTime(day).getTime() + minutes * 60_000).toISOString()
const minDay = (a: IsoDay, b: IsoDay) => (a < b ? a : b)
const maxDay = (a: IsoDay, b: IsoDay) => (a > b ? a : b)
/** An integer in [lo, hi]. */
const between = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1))

interface Draft {
  phase: (typeof PHASES)[number][0]
  fromPlan: boolean
  units: ScaleUnit[]
  kind: 'inspection' | 'supervision'
  mode: 'regular' | 'thematic'
  method: 'direct' | 'documents'
  level: InspectionLevel
  topic: string
  decision: IsoDay
}

/** Every (1 / OUTSIDE_PLAN)-th inspection, from the fourth: at least one of a few. */
const isOutside = (i: number, n: number) => Math.floor(((i + 7) * OUTSIDE_PLAN)) !== Math.floor(((i + 6) * OUTSIDE_PLAN)) && i < n

/** One draw in each n-th of [0, 1): shares hold for a few dozen rows. */
const stratified = <T extends string>(shares: readonly (readonly [T, number])[], i: number, n: number, r: () => number): T => {
  const x = (i + r()) / n
  let acc = 0
  for (const [k, p] of shares) if (x < (acc += p)) return k
  return shares[shares.length - 1][0]
}

/**
 * Writes the plan, the inspections and everything done in them, the checklist rounds, and the
 * counters the app numbers the next inspection, decision and notice after. Returns the counts.
 */
export async function generateInspections(o: ScaleOptions, input: InspectionInput, w: InspectionWriters, loader: Loader, ids: InspectionIds, r: () => number, progress: Progress) {
  const { pop, inspectors, topics } = input
  const { tree } = pop
  const today = o.asOf
  const rules = DEFAULT_INSPECTION_RULES
  const board = pop.boardAccountId
  const committee = pop.committeeAccountId
  const unitIndex = new Map(tree.units.map((u, i) => [u.id, i]))
  const officerOf = (u: ScaleUnit) => pop.officerAccount[unitIndex.get(u.id)!]
  const headOf = (u: ScaleUnit) => pop.headAccount[unitIndex.get(u.id)!]
  // The plan's year: this year, or last year in its first two months (as the demo does).
  const year = Number(addDays(today, -60).slice(0, 4))
  const yearStart = `${year}-01-01`
  const end = minDay(today, `${year}-12-31`)
  const span = Math.max(30, daysBetween(yearStart, end))
  const subjects = tree.units.filter((u) => u.branch >= 0 && u.level <= 4)
  const reqIds = topics?.requirementIds.slice(0, 3) ?? []
  const counts = { planItems: 0, inspections: 0, findings: 0, correctiveActions: 0, assignments: 0 }

  // ---- the plan, approved early in the year
  const planId = ++ids.plan
  const approvedOn = minDay(addDays(yearStart, 10), end)
  w.plan.push(planId, tree.root.id, year, `Kế hoạch kiểm tra, giám sát năm ${year} của Ban cán sự đảng Bộ Y tế`, 'approved', ts(addDays(approvedOn, -5)), board,
    ts(approvedOn), committee, 3, board, ts(addDays(approvedOn, -20)), ts(approvedOn))

  const n = Math.max(8, Math.round(o.units * INSPECTIONS_PER_UNIT))
  const drafts: Draft[] = []
  const unitCount = () => { const x = r(); return x < 0.3 ? 1 : x < 0.6 ? 2 : x < 0.85 ? 3 : 4 }
  for (let i = 0; i < n; i++) {
    const phase = stratified(PHASES, i, n, r)
    const chosen = new Set<ScaleUnit>()
    const k = Math.min(unitCount(), subjects.length)
    while (chosen.size < k) chosen.add(subjects[Math.floor(r() * subjects.length)])
    const kind = r() < 0.6 ? 'inspection' : 'supervision'
    const level: InspectionLevel = r() < 0.7 ? 'central' : r() < 0.6 ? 'provincial' : 'aboveGrassroots'
    const duration = rules.durationDays[level]
    // When it was decided, by the phase it has reached today.
    const back = phase === 'concluded' ? between(r, duration + 20, Math.max(duration + 20, span - 10))
      : phase === 'closing' ? between(r, Math.round(duration * 0.6), duration + 25)
        : phase === 'conduct' ? between(r, 6, duration)
          : between(r, 0, 14)
    drafts.push({
      phase, fromPlan: !isOutside(i, n), units: [...chosen], kind, mode: r() < 0.55 ? 'thematic' : 'regular', method: r() < 0.65 ? 'direct' : 'documents',
      level, topic: pick(r, INSPECTION_TOPICS), decision: maxDay(yearStart, addDays(end, -back)),
    })
  }
  drafts.sort((a, b) => (a.decision < b.decision ? -1 : a.decision > b.decision ? 1 : 0))
  // Items not (yet) started and dropped ones, in the plan with the others.
  const extra = Math.max(1, Math.round(n * NOT_STARTED)) + Math.max(1, Math.round(n * DROPPED))
  const dropped = Math.max(1, Math.round(n * DROPPED))
  let ordinal = 0
  const addItem = (d: { units: ScaleUnit[]; kind: Draft['kind']; mode: Draft['mode']; method: Draft['method']; topic: string }, month: number, lead: number, drop: IsoDay | null) => {
    const id = ++ids.item
    const title = `${d.kind === 'inspection' ? 'Kiểm tra' : 'Giám sát'} ${d.topic} tại ${d.units[0].name}${d.units.length > 1 ? ` và ${d.units.length - 1} đơn vị khác` : ''}`
    w.item.push(id, planId, ++ordinal, title, '', topics ? [topics.directiveId] : [], reqIds, d.kind, d.mode, d.method, Math.ceil(month / 3), month, lead,
      drop, drop ? 'Đơn vị đã được Thanh tra Bộ kiểm tra cùng nội dung trong năm; tránh chồng chéo.' : null, drop ? board : null, drop ? 2 : 1,
      ts(addDays(approvedOn, -15)), ts(drop ?? addDays(approvedOn, -15)))
    for (const u of d.units) w.itemUnit.push(id, u.id)
    counts.planItems++
    return { id, title }
  }

  progress.stage('inspections', n)
  const seq = { KT: 0, GS: 0 }
  let decisionNo = 0
  let noticeNo = 0
  const { conclusionNoticeDocx } = await import('../../../features/inspections/conclusion.docx.ts')
  const teamOf = (i: number) => {
    const lead = inspectors[i % inspectors.length]
    const members = [inspectors[(i + 1) % inspectors.length], inspectors[(i + 2) % inspectors.length], board].filter((a, k, all) => a !== lead && all.indexOf(a) === k)
    return { lead, members: members.slice(0, 2) }
  }
  for (const [i, d] of drafts.entries()) {
    const id = ++ids.inspection
    const team = teamOf(i)
    const month = Number(d.decision.slice(5, 7))
    const item = d.fromPlan ? addItem(d, month, team.lead, null) : null
    const prefix = d.kind === 'inspection' ? 'KT' : 'GS'
    const number = `${prefix}-${year}-${String(++seq[prefix]).padStart(4, '0')}`
    const decisionNumber = `${++decisionNo}-QĐ/${DEFAULT_ISSUER_SYMBOL}`
    const start = minDay(addDays(d.decision, 2), today)
    const duration = rules.durationDays[d.level]
    const original = addDays(start, duration - 1)
    // Some ran short of time: one extension by decision, within a third of the time limit.
    const extended = d.phase !== 'preparation' && r() < 0.12
    const deadline = extended ? addDays(original, Math.max(1, Math.floor((duration * rules.extensionMaxFraction) * (0.5 + r() * 0.5)))) : original
    const conductOn = d.phase === 'preparation' ? null : minDay(addDays(start, between(r, 0, 5)), today)
    const closingOn = d.phase === 'closing' || d.phase === 'concluded' ? minDay(addDays(conductOn!, between(r, 10, Math.max(10, duration - 15))), today) : null
    const concludedOn = d.phase === 'concluded' ? minDay(addDays(closingOn!, between(r, 3, 12)), today) : null
    const title = item?.title ?? `${d.kind === 'inspection' ? 'Kiểm tra' : 'Giám sát'} đột xuất ${d.topic} tại ${d.units[0].name}`
    const last = concludedOn ?? closingOn ?? conductOn ?? d.decision
    w.inspection.push(
      id, number, year, tree.root.id, item?.id ?? null, title, '', topics ? [topics.directiveId] : [], reqIds, d.kind, d.mode, d.method, d.level, decisionNumber,
      d.decision, `${year - 3}-01-01`, `${year - 1}-12-31`, start, duration, original, deadline, d.phase, conductOn, closingOn, concludedOn,
      1 + (conductOn ? 1 : 0) + (closingOn ? 1 : 0) + (concludedOn ? 1 : 0) + (extended ? 1 : 0), board, ts(d.decision), ts(last, 30),
    )
    for (const u of d.units) w.unit.push(id, u.id)
    w.member.push(id, team.lead, 'lead')
    for (const m of team.members) w.member.push(id, m, 'member')
    if (extended) {
      const on = minDay(addDays(original, -between(r, 1, 7)), today)
      w.extension.push(++ids.extension, id, original, deadline, 'Đơn vị đề nghị thêm thời gian cung cấp tài liệu bổ sung', `${++decisionNo}-QĐ/${DEFAULT_ISSUER_SYMBOL}`, on, board, ts(on))
    }
    counts.inspections++

    // Working with the units: a document request each, answered and received (or not yet); a self-report; a session.
    const findingRows: { id: number; unit: ScaleUnit; kind: string; text: string; requirementId: number | null; on: IsoDay }[] = []
    const actions: CorrectiveRow[] = []
    if (conductOn) {
      for (const u of d.units) {
        const sent = minDay(addDays(conductOn, 1), today)
        const rid = ++ids.request
        w.request.push(rid, id, u.id, 'Đề nghị gửi trước buổi làm việc', sent, addDays(sent, 10), team.lead, ts(sent))
        const items = between(r, 2, 4)
        for (let k = 0; k < items; k++) {
          const x = r()
          const status = closingOn ? (x < 0.9 ? 'received' : 'answered') : x < 0.3 ? 'pending' : x < 0.55 ? 'answered' : x < 0.85 ? 'received' : 'askedAgain'
          const answered = status === 'pending' ? null : minDay(addDays(sent, between(r, 1, 9)), today)
          const reviewed = status === 'received' || status === 'askedAgain' ? minDay(addDays(answered!, between(r, 0, 3)), today) : null
          w.requestItem.push(++ids.requestItem, rid, k + 1, REQUEST_ITEMS[(k + i) % REQUEST_ITEMS.length], status, answered ? 'Gửi kèm bản chụp' : '',
            answered ? ts(answered, 60) : null, answered ? officerOf(u) : null, status === 'askedAgain' ? 'Đề nghị bổ sung bản đã ký' : reviewed ? '' : null,
            reviewed ? ts(reviewed, 120) : null, reviewed ? team.lead : null, 1 + (answered ? 1 : 0) + (reviewed ? 1 : 0))
        }
        if (closingOn || r() < 0.5) {
          const on = minDay(addDays(sent, between(r, 3, 12)), today)
          w.selfReport.push(id, u.id, 'Đơn vị đã tự kiểm tra các nội dung theo đề cương của đoàn.', ts(on, 90), officerOf(u), 1)
        }
        if (closingOn) {
          const on = minDay(addDays(conductOn, between(r, 3, 10)), closingOn)
          w.session.push(++ids.session, id, u.id, on, u.name, ['Đoàn ' + KIND_WORD[d.kind], 'Lãnh đạo đơn vị', 'Cán bộ làm công tác bảo vệ chính trị nội bộ'],
            'Làm việc với lãnh đạo đơn vị về kết quả tự kiểm tra', team.lead, ts(on, 240))
        }
        // Findings: strengths and shortcomings of the unit's work, some tied to a requirement.
        const f = between(r, 2, 6)
        for (let k = 0; k < f; k++) {
          const x = r()
          const kind = x < 0.25 ? 'strength' : x < 0.85 ? 'shortcoming' : 'violation'
          const text = pick(r, kind === 'strength' ? FINDING_STRENGTHS : kind === 'shortcoming' ? FINDING_SHORTCOMINGS : FINDING_VIOLATIONS)
          const on = minDay(addDays(conductOn, between(r, 2, 20)), closingOn ?? today)
          findingRows.push({ id: ++ids.finding, unit: u, kind, text, requirementId: reqIds.length && r() < 0.5 ? reqIds[k % reqIds.length] : null, on })
          counts.findings++
        }
      }
    }
    if (closingOn && !concludedOn && r() < 0.5) {
      w.conclusion.push(id, 'draft', JSON.stringify(content(d, title, decisionNumber, start, findingRows, [])), null, null, null, null, null, null, 2, team.lead, ts(closingOn, 300))
    }
    if (concludedOn) {
      const issued = concludedOn
      const must: Content['mustCorrect'] = []
      for (const f of findingRows.filter((x) => x.kind !== 'strength')) {
        const k = between(r, 1, 5)
        for (let j = 0; j < k; j++) must.push({ unitId: f.unit.id, findingId: f.id, requirementId: f.requirementId, title: j === 0 ? `Khắc phục: ${f.text}` : pick(r, CORRECTIVE_ACTIONS), dueDate: addDays(issued, between(r, 30, 240)) })
      }
      for (const u of d.units) {
        const k = between(r, 2, 6)
        for (let j = 0; j < k; j++) must.push({ unitId: u.id, findingId: null, requirementId: null, title: pick(r, CORRECTIVE_ACTIONS), dueDate: addDays(issued, between(r, 30, 240)) })
      }
      const c = content(d, title, decisionNumber, start, findingRows, must)
      const noticeNumber = `${++noticeNo}-TB/${DEFAULT_ISSUER_SYMBOL}`
      const row = inspectionRow(id, d, title, decisionNumber, start, year)
      const document = await conclusionNoticeDocx(noticeInput(row, c, noticeNumber, issued))
      w.conclusion.push(id, 'issued', JSON.stringify(c), noticeNumber, issued, ts(issued, 420), committee, document, createHash('sha256').update(document).digest('hex'), 4, committee, ts(issued, 420))
      for (const m of must) {
        const unit = d.units.find((u) => u.id === m.unitId)!
        actions.push(correctiveRow(ids, r, today, { inspectionId: id, assignmentId: null, findingId: m.findingId ?? null, unit, requirementId: m.requirementId ?? null, title: m.title, due: m.dueDate, from: issued }, officerOf(unit), board))
        counts.correctiveActions++
      }
    }
    // Findings before the actions made of them: a finding is resolved once every one of its actions is
    // closed (on the last closing day), and one the notice asks nothing of on the day of issue.
    for (const f of findingRows) {
      const mine = actions.filter((a) => a.findingId === f.id)
      const resolved = !concludedOn || f.kind === 'strength' ? null : !mine.length ? concludedOn
        : mine.every((a) => a.closedOn) ? mine.map((a) => a.closedOn!).sort().at(-1)! : null
      w.finding.push(f.id, id, null, f.unit.id, f.requirementId, f.kind, f.text, resolved, team.lead, ts(f.on, 180), ts(resolved ?? f.on, 180))
    }
    for (const a of actions) writeCorrective(w, ids, a)
    progress.tick()
    if ((i & 15) === 15) await loader.backpressure()
  }
  // Plan items not started yet (planned for later in the year) and dropped ones.
  for (let k = 0; k < extra; k++) {
    const chosen = [subjects[Math.floor(r() * subjects.length)]]
    const drop = k < dropped ? minDay(addDays(approvedOn, between(r, 30, Math.max(30, span - 20))), end) : null
    addItem({ units: chosen, kind: r() < 0.6 ? 'inspection' : 'supervision', mode: 'regular', method: 'documents', topic: pick(r, INSPECTION_TOPICS) }, between(r, 1, 12), inspectors[k % inspectors.length], drop)
  }
  for (const [prefix, n2] of Object.entries(seq)) if (n2) w.counter.push(prefix, year, n2)
  w.docCounter.push('QĐ', DEFAULT_ISSUER_SYMBOL, decisionNo)
  if (noticeNo) w.docCounter.push('TB', DEFAULT_ISSUER_SYMBOL, noticeNo)

  // ---- self-inspection: one template, two rounds
  progress.stage('self-inspection checklists', 2)
  const templateId = ++ids.template
  const templateOn = addDays(yearStart, 20)
  w.template.push(templateId, tree.root.id, 'Bảng tự kiểm tra công tác bảo vệ chính trị nội bộ', 'Đơn vị tự đánh giá việc chấp hành quy định về văn bản, bí mật nhà nước và quy chế của đơn vị.', board, ts(templateOn))
  const itemIds: { id: number; text: string; requirementId: number | null }[] = []
  for (const [k, it] of CHECKLIST_ITEMS.entries()) {
    const itemId = ++ids.templateItem
    const requirementId = it.area === 'directive' ? reqIds[0] ?? null : null
    w.templateItem.push(itemId, templateId, k + 1, it.area, it.text, requirementId)
    itemIds.push({ id: itemId, text: it.text, requirementId })
  }
  const eligible = tree.units.filter((u) => u.branch >= 0)
  for (const [k, round] of ROUNDS.entries()) {
    const assigned = k === 0 ? addDays(yearStart, 30) : minDay(addDays(end, -40), today)
    const due = round.dueFromStart !== null ? minDay(addDays(yearStart, round.dueFromStart), addDays(today, -10)) : addDays(today, 20)
    const units = eligible.filter((_, j) => ((j * 7919 + k * 104729) % 1000) / 1000 < round.share)
    for (const [j, u] of units.entries()) {
      const aid = ++ids.assignment
      const submitted = (j + r()) / units.length < round.submitted
      const on = submitted ? minDay(addDays(assigned, between(r, 5, Math.max(5, daysBetween(assigned, minDay(due, today))))), today) : null
      w.assignment.push(aid, templateId, u.id, `${round.title} ${year}`, due, CORRECT_WITHIN_DAYS, submitted ? 'submitted' : 'assigned', on ? ts(on, 200) : null,
        on ? headOf(u) : null, board, ts(assigned), submitted ? 3 : 1)
      counts.assignments++
      if (!on) continue
      for (const it of itemIds) {
        const x = r()
        const answer = x < 0.16 ? 'no' : x < 0.22 ? 'na' : 'yes'
        let findingId: number | null = null
        if (answer === 'no') {
          findingId = ++ids.finding
          const a = correctiveRow(ids, r, today, { inspectionId: null, assignmentId: aid, findingId, unit: u, requirementId: it.requirementId, title: `Khắc phục: ${it.text}`, due: addDays(on, CORRECT_WITHIN_DAYS), from: on }, officerOf(u), board)
          w.finding.push(findingId, null, aid, u.id, it.requirementId, 'shortcoming', `Chưa đạt: ${it.text}`, a.closedOn, headOf(u), ts(on, 200), ts(a.closedOn ?? on, 200))
          writeCorrective(w, ids, a)
          counts.findings++
          counts.correctiveActions++
        }
        w.answer.push(aid, it.id, answer, answer === 'no' ? 'Chưa thực hiện đầy đủ tại một số khoa, phòng' : '', findingId)
      }
    }
    progress.tick()
    await loader.backpressure()
  }
  progress.done()
  return counts
}

/** The conclusion's content as the team would have saved it. */
function content(d: Draft, title: string, decisionNumber: string, start: IsoDay, findings: { unit: ScaleUnit; kind: string; text: string }[], must: Content['mustCorrect']): Content {
  const several = d.units.length > 1
  const say = (f: { unit: ScaleUnit; text: string }) => (several ? `${f.unit.name}: ${f.text}` : f.text)
  const names = d.units.map((u) => u.name).join(', ')
  return {
    header: { parentBody: 'BAN CHẤP HÀNH TRUNG ƯƠNG', issuer: 'BAN CÁN SỰ ĐẢNG BỘ Y TẾ', symbol: DEFAULT_ISSUER_SYMBOL, place: 'Hà Nội' },
    overview: `Thực hiện Quyết định số ${decisionNumber}, từ ngày ${start.split('-').reverse().join('/')}, đoàn đã tiến hành ${title.charAt(0).toLocaleLowerCase('vi')}${title.slice(1)} đối với ${names}.`,
    strengths: findings.filter((f) => f.kind === 'strength').map(say),
    shortcomings: findings.filter((f) => f.kind !== 'strength').map(say),
    causes: 'Cấp ủy, lãnh đạo đơn vị chưa quan tâm đúng mức đến việc rà soát, cập nhật quy chế.',
    mustCorrect: must,
    recommendations: '',
    distribution: [...d.units.map((u) => `${u.name} (để thực hiện)`), 'Lưu: VP BCSĐ, Ban BVCTNB'],
    signature: { authority: 'T/M BAN CÁN SỰ ĐẢNG', title: 'BÍ THƯ', name: 'Nguyễn Văn Thành' },
  }
}

/** What the notice's .docx builder reads of an inspection. */
function inspectionRow(id: number, d: Draft, title: string, decisionNumber: string, start: IsoDay, year: number): InspectionRow {
  return { id, title, kind: d.kind, units: d.units.map((u) => ({ id: u.id, name: u.name, code: u.code })), decisionNumber, startDate: start, year } as unknown as InspectionRow
}

/** Shares of corrective actions by what happened to them, for due dates passed and still to come. */
const PAST_DUE = [['closedOnTime', 0.45], ['closedLate', 0.2], ['open', 0.15], ['returned', 0.08], ['reported', 0.12]] as const
const FUTURE_DUE = [['closedOnTime', 0.3], ['open', 0.4], ['reported', 0.2], ['returned', 0.1]] as const

interface CorrectiveRow {
  values: unknown[]
  findingId: number | null
  closedOn: IsoDay | null
  extension: unknown[] | null
}

/**
 * One corrective action (and its extension, when it has one) in a state its dates allow on `today`;
 * written by writeCorrective once its finding is.
 */
function correctiveRow(
  ids: InspectionIds, r: () => number, today: IsoDay,
  a: { inspectionId: number | null; assignmentId: number | null; findingId: number | null; unit: ScaleUnit; requirementId: number | null; title: string; due: IsoDay; from: IsoDay },
  officer: number | null, board: number,
): CorrectiveRow {
  const id = ++ids.corrective
  // One in ten got a later due date by an approved extension; a few asked and wait, or were refused.
  let effective = a.due
  let extension: { status: 'approved' | 'pending' | 'refused'; requested: IsoDay; to: IsoDay } | null = null
  if (r() < 0.1) {
    const requested = minDay(addDays(a.due, -between(r, 3, 15)), today)
    effective = addDays(a.due, between(r, 20, 60))
    extension = { status: 'approved', requested: maxDay(requested, addDays(a.from, 1)), to: effective }
  }
  const pastDue = effective < today
  const shares = pastDue ? PAST_DUE : FUTURE_DUE
  const y = r()
  let acc = 0
  let cls: (typeof shares)[number][0] = shares[0][0]
  for (const [k, p] of shares) if (y < (acc += p)) { cls = k; break }
  if (!extension && !pastDue && (cls === 'open' || cls === 'returned') && r() < 0.15) {
    const requested = minDay(addDays(a.from, between(r, 5, 30)), today)
    extension = { status: r() < 0.6 ? 'pending' : 'refused', requested, to: addDays(a.due, 30) }
  }
  const upTo = (last: IsoDay) => minDay(last, today)
  const span = (lo: IsoDay, hi: IsoDay) => (hi <= lo ? lo : addDays(lo, Math.floor(r() * (daysBetween(lo, hi) + 1))))
  let status: 'open' | 'reported' | 'returned' | 'closed' = 'open'
  let completed: IsoDay | null = null
  let reported: IsoDay | null = null
  let returned: IsoDay | null = null
  let verified: IsoDay | null = null
  const earliest = minDay(addDays(a.from, 3), today)
  if (cls === 'closedOnTime') {
    completed = span(earliest, upTo(addDays(effective, -1)))
    verified = upTo(addDays(completed, between(r, 1, 10)))
    status = 'closed'
  } else if (cls === 'closedLate') {
    completed = span(minDay(addDays(effective, 1), today), today)
    verified = upTo(addDays(completed, between(r, 1, 10)))
    status = 'closed'
  } else if (cls === 'reported' || cls === 'returned') {
    completed = span(earliest, upTo(pastDue ? effective : today))
    status = cls
    if (cls === 'returned') returned = upTo(addDays(completed, between(r, 1, 7)))
  }
  reported = completed
  const version = 1 + (reported ? 1 : 0) + (returned ? 1 : 0) + (verified ? 1 : 0) + (extension ? 2 : 0)
  const last = verified ?? returned ?? reported ?? a.from
  const decided = !extension || extension.status === 'pending' ? null : upTo(addDays(extension.requested, between(r, 1, 5)))
  return {
    findingId: a.findingId,
    closedOn: verified,
    values: [
      id, a.inspectionId, a.assignmentId, a.findingId, a.unit.id, a.requirementId, a.title, a.due, effective, status, completed,
      reported ? 'Đã hoàn thành, gửi kèm minh chứng.' : null, reported ? ts(reported, 100) : null, reported ? officer : null,
      returned ? 'Minh chứng chưa đầy đủ; đề nghị gửi văn bản đã ký ban hành.' : null, returned ? ts(returned, 150) : null, returned ? board : null,
      verified ? 'Đã kiểm tra minh chứng, đạt yêu cầu.' : null, verified ? ts(verified, 150) : null, verified ? board : null, verified,
      version, ts(a.from, 420), ts(last, 150),
    ],
    extension: extension && [
      0, id, a.due, extension.to, 'Đơn vị đề nghị gia hạn để hoàn thiện hồ sơ, thủ tục ban hành', extension.status, officer, ts(extension.requested, 60),
      decided ? board : null, decided ? ts(decided, 60) : null, extension.status === 'refused' ? 'Không đủ căn cứ gia hạn' : null,
    ],
  }
}

function writeCorrective(w: InspectionWriters, ids: InspectionIds, a: CorrectiveRow) {
  w.corrective.push(...a.values)
  if (a.extension) w.correctiveExtension.push(++ids.correctiveExtension, ...a.extension.slice(1))
}
