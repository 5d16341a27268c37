// Directives and everything units do with them: addressees (whole subtrees), acknowledgements,
// unit plans and their actions with a spread of timeliness, deadline extensions, dissemination
// sessions with attendance, and personal receipt confirmations.
import type { Loader, TableWriter } from './bulk.ts'
import { dayOf, minDate, officeTime, shiftDays } from './dates.ts'
import type { ScaleOptions } from './options.ts'
import { ACTIONS, DOCUMENT_TYPES, REQUIREMENTS, SESSION_FORMS, SUBJECTS } from './texts.ts'
import type { ScaleTree, ScaleUnit } from './tree.ts'
import { pick } from '../names.ts'
import type { Progress } from './progress.ts'

/** What the directive stage needs to know about units, people and accounts already generated. */
export interface Population {
  tree: ScaleTree
  /** By unit index: first person id (people of a unit have consecutive ids) and how many. */
  personStart: number[]
  personCount: number[]
  /** By person id − first person id. */
  isActive: Uint8Array
  firstPersonId: number
  headAccount: (number | null)[]
  officerAccount: (number | null)[]
  boardAccountId: number
}

export interface IdBases {
  directive: number
  requirement: number
  unitPlan: number
  planAction: number
  extension: number
  session: number
}

type Writers = Record<'directive' | 'requirement' | 'addressee' | 'plan' | 'action' | 'extension' | 'session' | 'sessionReq' | 'attendance' | 'receipt', TableWriter>

export function directiveWriters(loader: Loader): Writers {
  return {
    directive: loader.table('directive', [
      ['id', 'int'], ['owner_unit_id', 'int'], ['number', 'text'], ['document_type', 'text'], ['parent_body', 'text'], ['issuer', 'text'], ['place', 'text'],
      ['date', 'date'], ['subject', 'text'], ['status', 'text'], ['issued_at', 'timestamptz'], ['issued_by', 'int'], ['created_by', 'int'], ['created_at', 'timestamptz'],
    ]),
    requirement: loader.table('requirement', [['id', 'int'], ['directive_id', 'int'], ['parent_id', 'int'], ['ordinal', 'int'], ['label', 'text'], ['text', 'text']]),
    addressee: loader.table('directive_addressee', [
      ['directive_id', 'int'], ['unit_id', 'int'], ['ack_due_date', 'date'], ['plan_due_date', 'date'], ['acknowledged_at', 'timestamptz'], ['acknowledged_by', 'int'],
    ]),
    plan: loader.table('unit_plan', [
      ['id', 'int'], ['directive_id', 'int'], ['unit_id', 'int'], ['status', 'text'], ['submitted_at', 'timestamptz'], ['submitted_by', 'int'],
      ['reviewed_at', 'timestamptz'], ['reviewed_by', 'int'], ['review_comment', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ]),
    action: loader.table('plan_action', [
      ['id', 'int'], ['plan_id', 'int'], ['directive_id', 'int'], ['unit_id', 'int'], ['requirement_id', 'int'], ['title', 'text'], ['owner_person_id', 'int'],
      ['due_date', 'date'], ['effective_due_date', 'date'], ['status', 'text'], ['completed_on', 'date'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ]),
    extension: loader.table('deadline_extension', [
      ['id', 'int'], ['plan_id', 'int'], ['action_id', 'int'], ['requested_due_date', 'date'], ['reason', 'text'], ['status', 'text'],
      ['requested_by', 'int'], ['requested_at', 'timestamptz'], ['decided_by', 'int'], ['decided_at', 'timestamptz'], ['decision_note', 'text'],
    ]),
    session: loader.table('dissemination_session', [
      ['id', 'int'], ['directive_id', 'int'], ['unit_id', 'int'], ['held_on', 'date'], ['form', 'text'], ['title', 'text'], ['created_by', 'int'], ['created_at', 'timestamptz'],
    ]),
    sessionReq: loader.table('session_requirement', [['session_id', 'int'], ['requirement_id', 'int']]),
    attendance: loader.table('session_attendance', [['session_id', 'int'], ['directive_id', 'int'], ['person_id', 'int']]),
    receipt: loader.table('receipt_confirmation', [['directive_id', 'int'], ['person_id', 'int'], ['confirmed_at', 'timestamptz']]),
  }
}

/** Addressee units of each directive: whole subtrees of the ministry's branches, never the issuer side. */
export function chooseAddressees(o: ScaleOptions, tree: ScaleTree, r: () => number): ScaleUnit[][] {
  const byBranch = tree.branches.map(() => [] as ScaleUnit[])
  for (const u of tree.units) if (u.branch >= 0) byBranch[u.branch].push(u)
  const all = byBranch.flat()
  return Array.from({ length: o.directives }, (_, d) => {
    if (o.addressees === 'all' || d === 0 || r() < 0.6) return all
    const chosen = tree.branches.map(() => r() < 0.5)
    if (!chosen.some(Boolean)) chosen[Math.floor(r() * chosen.length)] = true
    return byBranch.filter((_, i) => chosen[i]).flat()
  })
}

type Profile = 'model' | 'steady' | 'late' | 'silent'

const RETURN_COMMENTS = ['Đề nghị bổ sung người chủ trì và mốc thời gian cụ thể.', 'Kế hoạch chưa bám sát yêu cầu của văn bản, đề nghị hoàn thiện.', 'Đề nghị làm rõ sản phẩm đầu ra của từng nhiệm vụ.']
const EXTENSION_REASONS = ['Đơn vị đang chờ hướng dẫn nghiệp vụ của cơ quan cấp trên.', 'Cán bộ phụ trách đi công tác dài ngày.', 'Cần thêm thời gian phối hợp với cơ quan chức năng.']

/**
 * Writes every directive and its downstream rows. Ids run from the given bases; returns counts.
 * The spread follows the demo's: model and steady units, late ones, and a silent few.
 */
export async function generateDirectives(
  o: ScaleOptions, pop: Population, addressees: ScaleUnit[][], w: Writers, loader: Loader, ids: IdBases, r: () => number, progress: Progress,
) {
  const now = officeTime(o.asOf)
  const today = o.asOf
  const unitIndex = new Map(pop.tree.units.map((u, i) => [u.id, i]))
  let reqId = ids.requirement
  let planId = ids.unitPlan
  let actionId = ids.planAction
  let extensionId = ids.extension
  let sessionId = ids.session
  progress.stage('directives', addressees.reduce((s, a) => s + a.length, 0))
  for (let d = 0; d < o.directives; d++) {
    const directiveId = ids.directive + d + 1
    const issuedAt = shiftDays(now, -(d === 0 ? 60 : 20 + Math.floor(r() * 340)))
    const doc = DOCUMENT_TYPES[d % DOCUMENT_TYPES.length]
    const subject = SUBJECTS[d % SUBJECTS.length] + (d >= SUBJECTS.length ? ` (đợt ${Math.floor(d / SUBJECTS.length) + 1})` : '')
    w.directive.push(directiveId, pop.tree.committee.id, `${100 + d * 13 + Math.floor(r() * 9)}-${doc.suffix}`, doc.type, 'ĐẢNG BỘ BỘ Y TẾ', 'BAN CÁN SỰ ĐẢNG',
      'Hà Nội', dayOf(issuedAt), subject, 'issued', issuedAt.toISOString(), pop.boardAccountId, pop.boardAccountId, shiftDays(issuedAt, -3).toISOString())
    const reqCount = o.requirementsMin + Math.floor(r() * (o.requirementsMax - o.requirementsMin + 1))
    const top: number[] = []
    for (let q = 0; q < reqCount; q++) {
      const id = ++reqId
      top.push(id)
      w.requirement.push(id, directiveId, null, q + 1, `${q + 1}.`, REQUIREMENTS[(q + d) % REQUIREMENTS.length])
      if (r() < 0.3) {
        for (let s = 0; s < 2; s++) w.requirement.push(++reqId, directiveId, id, s + 1, `${'ab'[s]})`, `${ACTIONS[(q + s + d) % ACTIONS.length]}.`)
      }
    }
    const ackDue = dayOf(shiftDays(issuedAt, 10))
    const planDue = dayOf(shiftDays(issuedAt, 30))
    for (const [n, u] of addressees[d].entries()) {
      const ui = unitIndex.get(u.id)!
      const officer = pop.officerAccount[ui]
      const roll = r()
      const profile: Profile = roll < 0.08 ? 'silent' : roll < 0.2 ? 'late' : roll < 0.6 ? 'model' : 'steady'
      let ackAt: Date | null = profile === 'silent' ? null : shiftDays(issuedAt, profile === 'late' ? 13 + Math.floor(r() * 5) : 1 + Math.floor(r() * 8))
      if (ackAt && ackAt > now) ackAt = null
      w.addressee.push(directiveId, u.id, ackDue, planDue, ackAt?.toISOString() ?? null, ackAt ? officer : null)
      if (ackAt) {
        writePlan(u.id, ui, profile, ackAt)
        writeDissemination(u.id, ui, ackAt)
      }
      if ((n & 1023) === 1023) await loader.backpressure()
      progress.tick()
    }

    function writePlan(unitId: number, ui: number, profile: Profile, ackAt: Date) {
      let status = profile === 'model' ? (r() < 0.6 ? 'accepted' : 'submitted') : profile === 'steady' ? (r() < 0.3 ? 'returned' : 'submitted') : 'draft'
      const submittedAt = status === 'draft' ? null : shiftDays(ackAt, 10 + Math.floor(r() * 15))
      if (submittedAt && submittedAt > now) status = 'draft'
      const isSubmitted = status !== 'draft'
      const isReviewed = status === 'accepted' || status === 'returned'
      const reviewedAt = isReviewed ? minDate(shiftDays(submittedAt!, 3), now) : null
      const created = shiftDays(ackAt, 1)
      const id = ++planId
      w.plan.push(id, directiveId, unitId, status, isSubmitted ? submittedAt!.toISOString() : null, isSubmitted ? pop.headAccount[ui] : null,
        reviewedAt?.toISOString() ?? null, isReviewed ? pop.boardAccountId : null, status === 'returned' ? pick(r, RETURN_COMMENTS) : null,
        created.toISOString(), (reviewedAt ?? submittedAt ?? created).toISOString())
      const planned = profile === 'late' ? top.slice(0, Math.min(top.length, 4 + Math.floor(r() * 3))) : top
      const pDone = profile === 'model' ? 0.85 : profile === 'steady' ? 0.6 : 0.4
      const people = pop.personCount[ui]
      for (const [q, requirementId] of planned.entries()) {
        const count = r() < 0.1 ? 2 : 1
        for (let k = 0; k < count; k++) {
          const due = shiftDays(issuedAt, 25 + Math.floor(r() * 150))
          const dueDay = dayOf(due)
          let effective = dueDay
          let st = 'notStarted'
          let completedOn: string | null = null
          const x = r()
          if (dueDay < today) {
            if (x < pDone) {
              st = 'done'
              // Two in five finish by the deadline; the rest up to two weeks late.
              completedOn = dayOf(shiftDays(due, x < pDone * 0.6 ? -Math.floor(r() * 12) : 1 + Math.floor(r() * 14)))
              if (completedOn > today) completedOn = today
              if (completedOn < dayOf(created)) completedOn = dayOf(created)
            } else st = x < pDone + (1 - pDone) * 0.5 ? 'inProgress' : x < pDone + (1 - pDone) * 0.8 ? 'notStarted' : 'blocked'
          } else if (x < 0.45) st = 'inProgress'
          else if (x < 0.55) {
            st = 'done'
            completedOn = dayOf(minDate(shiftDays(now, -Math.floor(r() * 5)), now))
            if (completedOn < dayOf(created)) completedOn = dayOf(created)
          }
          const id = ++actionId
          const owner = pop.personStart[ui] + Math.floor(r() * people)
          const requestedBy = pop.officerAccount[ui]
          if (st !== 'done' && dueDay < today) {
            const e = r()
            if (e < 0.05) {
              // An approved extension moved the deadline in force.
              effective = dayOf(shiftDays(due, 20 + Math.floor(r() * 40)))
              const requestedAt = minDate(shiftDays(due, -5), now)
              w.extension.push(++extensionId, planId, id, effective, pick(r, EXTENSION_REASONS), 'approved', requestedBy, requestedAt.toISOString(),
                pop.boardAccountId, minDate(shiftDays(requestedAt, 2), now).toISOString(), '')
            } else if (e < 0.07) {
              w.extension.push(++extensionId, planId, id, dayOf(shiftDays(now, 30)), pick(r, EXTENSION_REASONS), 'pending', requestedBy,
                shiftDays(now, -1 - Math.floor(r() * 5)).toISOString(), null, null, null)
            }
          }
          const updated = completedOn ? officeTime(completedOn) : st === 'notStarted' ? created : minDate(shiftDays(created, 7 + Math.floor(r() * 30)), now)
          w.action.push(id, planId, directiveId, unitId, requirementId, ACTIONS[(q * 2 + k + d) % ACTIONS.length], owner, dueDay, effective, st, completedOn,
            created.toISOString(), (updated < created ? created : updated).toISOString())
        }
      }
    }

    function writeDissemination(unitId: number, ui: number, ackAt: Date) {
      const start = pop.personStart[ui]
      const count = pop.personCount[ui]
      // Personal confirmations of receipt: a few people in every unit that acknowledged.
      for (let p = 0; p < count; p++) {
        if (!pop.isActive[start + p - pop.firstPersonId] || r() >= 0.05) continue
        w.receipt.push(directiveId, start + p, minDate(shiftDays(ackAt, 1 + Math.floor(r() * 30)), now).toISOString())
      }
      if (r() >= 0.5) return
      const sessions = r() < 0.2 ? 2 : 1
      for (let s = 0; s < sessions; s++) {
        const heldOn = minDate(shiftDays(ackAt, 2 + Math.floor(r() * 25)), now)
        const id = ++sessionId
        const form = pick(r, SESSION_FORMS)
        w.session.push(id, directiveId, unitId, dayOf(heldOn), form, `${form === 'document' ? 'Phổ biến văn bản' : 'Hội nghị quán triệt'} ${subject.toLowerCase()}`,
          pop.officerAccount[ui], heldOn.toISOString())
        const chosen = new Set<number>()
        const nReq = 1 + Math.floor(r() * Math.min(3, top.length))
        while (chosen.size < nReq) chosen.add(top[Math.floor(r() * top.length)])
        for (const q of chosen) w.sessionReq.push(id, q)
        const share = 0.4 + r() * 0.5
        for (let p = 0; p < count; p++) if (pop.isActive[start + p - pop.firstPersonId] && r() < share) w.attendance.push(id, directiveId, start + p)
      }
    }
  }
  progress.done()
}
