// Confidential cases at scale: about 0.4 standards reviews and 0.1 violation cases per unit, held
// by the board unit, spread over their steps (most have 1–3; concluded, approved, decided and
// closed ones carry their whole history), some with requests to other agencies. Each is on the
// list of the board account and of a named group. Sealed with a data key of its own under the
// keyring the server will run with, in the shapes and bound to the places (case-content.ts) the
// cases service uses, so every case opens in the app; sealing is done here in bulk.
import { REVIEW_PURPOSES, REVIEW_STEPS, VIOLATION_SOURCES, VIOLATION_STEPS, type CaseKind } from '../../../../contract/cases.ts'
import { AAD } from '../../../features/cases/case-content.ts'
import { addDays, daysBetween, type IsoDay } from '../../../lib/dates.ts'
import { newKey, sealJson, sealText, wrapKey } from '../../../lib/envelope.ts'
import type { Keyring } from '../../../lib/keyring.ts'
import type { Queryable } from '../../types.ts'
import { CASE_GROUPS } from '../demo-cases.ts'
import { pick, vietnameseName } from '../names.ts'
import type { Loader, TableWriter } from './bulk.ts'
import { officeTime } from './dates.ts'
import type { Population } from './directives.ts'
import type { ScaleOptions } from './options.ts'
import type { Progress } from './progress.ts'
import { AGENCIES, AGENCY_ASKS, AGENCY_REPLIES, FACULTIES, REVIEW_NOTES, STEP_NOTES, VIOLATION_NOTES } from './texts.ts'

/** Cases per unit, by kind: 2,000 reviews and 500 violation cases at 5,000 units. */
export const CASES_PER_UNIT: Record<CaseKind, number> = { standards_review: 0.4, violation: 0.1 }

/** The steps a case records after it is opened, in order (a violation's appeal is left out). */
const PATH: Record<CaseKind, readonly string[]> = {
  standards_review: REVIEW_STEPS.slice(1),
  violation: VIOLATION_STEPS.filter((s) => s !== 'opened' && s !== 'appeal'),
}
/** How many of those steps a case has taken (shares of 1, 2, …): three in four have taken one to three. */
const STEPS_TAKEN = [0.3, 0.25, 0.2, 0.1, 0.15]
const APPEAL_DAYS = 30
const notAfter = (day: IsoDay, last: IsoDay) => (day > last ? last : day)

type Writers = Record<'dataKey' | 'group' | 'member' | 'case' | 'access' | 'step' | 'request' | 'notice', TableWriter>

export function caseWriters(loader: Loader): Writers {
  return {
    dataKey: loader.table('data_key', [['id', 'int'], ['kid', 'text'], ['wrapped', 'bytea'], ['created_at', 'timestamptz']]),
    group: loader.table('case_group', [['id', 'int'], ['name', 'text'], ['board_unit_id', 'int'], ['created_by', 'int'], ['created_at', 'timestamptz']]),
    member: loader.table('case_group_member', [['group_id', 'int'], ['account_id', 'int'], ['added_by', 'int'], ['added_at', 'timestamptz']]),
    case: loader.table('conf_case', [
      ['id', 'int'], ['number', 'text'], ['kind', 'text'], ['status', 'text'], ['step', 'text'], ['board_unit_id', 'int'], ['owner_account_id', 'int'],
      ['requesting_unit_id', 'int'], ['purpose', 'text'], ['subject_type', 'text'], ['opened_on', 'date'], ['deadline', 'date'], ['outcome', 'text'],
      ['valid_until', 'date'], ['approved_at', 'timestamptz'], ['approved_by', 'int'], ['closed_on', 'date'], ['data_key_id', 'int'], ['subject_ref', 'bytea'],
      ['subject_enc', 'bytea'], ['notes_enc', 'bytea'], ['version', 'int'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ]),
    access: loader.table('conf_case_access', [['id', 'int'], ['case_id', 'int'], ['account_id', 'int'], ['group_id', 'int'], ['added_by', 'int'], ['added_at', 'timestamptz']]),
    step: loader.table('conf_case_step', [['id', 'int'], ['case_id', 'int'], ['step', 'text'], ['done_on', 'date'], ['body_enc', 'bytea'], ['created_by', 'int'], ['created_at', 'timestamptz']]),
    request: loader.table('conf_case_request', [
      ['id', 'int'], ['case_id', 'int'], ['sent_on', 'date'], ['due_date', 'date'], ['replied_on', 'date'], ['request_enc', 'bytea'], ['reply_enc', 'bytea'], ['version', 'int'], ['created_at', 'timestamptz'],
    ]),
    notice: loader.table('conf_case_notice', [['id', 'int'], ['case_id', 'int'], ['kind', 'text'], ['sent_at', 'timestamptz'], ['due_date', 'date'], ['body_enc', 'bytea']]),
  }
}

/** One generated case before it is numbered: numbers and ids follow the day it was opened. */
interface Draft {
  kind: CaseKind
  taken: number
  openedOn: IsoDay
  /** Days after opening of each step taken. */
  stepDays: IsoDay[]
  unitIndex: number
  personId: number | null
  organization: string | null
}

export interface CaseIds {
  dataKey: number
  group: number
  case: number
  access: number
  step: number
  request: number
  notice: number
}

export interface StandingClass {
  outcome: 'meets' | 'meetsWithConditions' | 'doesNotMeet'
  validUntil: IsoDay
}

/** The classes approved reviews take in turn (as key-position vetting reads them on the generator's day). */
const STANDING_CYCLE = ['current', 'expiring', 'expired', 'not_met', 'current', 'current', 'current', 'current', 'expiring', 'current'] as const

/** An outcome and validity that put the subject in `cls` on `today`, for a conclusion made on `on`. */
function standingOf(cls: (typeof STANDING_CYCLE)[number], on: IsoDay, today: IsoDay, r: () => number): StandingClass {
  const outcome = r() < 0.85 ? 'meets' : 'meetsWithConditions'
  if (cls === 'not_met') return { outcome: 'doesNotMeet', validUntil: addDays(on, 365) }
  // The expiry window is the register's default (BVCT_VETTING_EXPIRING_DAYS, 90 days).
  if (cls === 'expiring') return { outcome, validUntil: addDays(today, 1 + Math.floor(r() * 85)) }
  if (cls === 'expired') {
    const gap = Math.max(2, daysBetween(on, today))
    return { outcome, validUntil: addDays(on, 1 + Math.floor(r() * (gap - 1))) }
  }
  let validUntil = addDays(on, 365 * (1 + Math.floor(r() * 3)))
  if (validUntil <= addDays(today, 95)) validUntil = addDays(today, 120 + Math.floor(r() * 700))
  return { outcome, validUntil }
}

/**
 * Writes the cases, their groups, steps, requests and notices; returns the year counters the case
 * numbers used (the caller stores them, so the app's next number follows), and each approved
 * review's subject with the standing the narrow standards call gives them.
 */
export async function generateCases(
  o: ScaleOptions, pop: Population & { committeeAccountId: number }, w: Writers, tx: Queryable, ids: CaseIds, keys: Keyring,
  blindRef: (kind: 'person', id: number) => Buffer, r: () => number, progress: Progress,
): Promise<{ counters: Map<number, number>; standings: Map<number, StandingClass> }> {
  const { tree } = pop
  const today = o.asOf
  const boardIndex = tree.units.indexOf(tree.board)
  const head = pop.headAccount[boardIndex]!
  const officer = pop.officerAccount[boardIndex]!
  const board = pop.boardAccountId
  const team = [board, head, officer]
  const groupSince = officeTime(addDays(today, -730)).toISOString()
  const groupOf = {} as Record<CaseKind, number>
  for (const [i, kind] of (['standards_review', 'violation'] as const).entries()) {
    groupOf[kind] = ids.group + i + 1
    w.group.push(groupOf[kind], CASE_GROUPS[kind], tree.board.id, head, groupSince)
    for (const m of team) w.member.push(groupOf[kind], m, head, groupSince)
  }

  const drafts: Draft[] = []
  const stepsTaken = (x: number) => {
    let acc = 0
    for (const [i, p] of STEPS_TAKEN.entries()) if (x < (acc += p)) return i + 1
    return STEPS_TAKEN.length
  }
  for (const kind of ['standards_review', 'violation'] as const) {
    const n = Math.round(o.units * CASES_PER_UNIT[kind])
    for (let i = 0; i < n; i++) {
      // Stratified (one draw in each n-th of the distribution): the shares hold even for a few
      // dozen units, so a small database still has approved reviews and closed violation cases.
      const taken = stepsTaken((i + r()) / n)
      // Finished cases reach back two years; open ones a few weeks to months.
      const age = taken === 5 ? 60 + Math.floor(r() * 670) : taken === 4 ? 40 + Math.floor(r() * 120) : 3 + Math.floor(r() * (30 * taken + 30))
      const openedOn = addDays(today, -age)
      const stepDays = Array.from({ length: taken }, (_, k) => addDays(openedOn, Math.round((age * (k + 1)) / (taken + 1))))
      const unitIndex = Math.floor(r() * tree.units.length)
      const count = pop.personCount[unitIndex]
      const isOrganization = kind === 'violation' && r() < 0.1
      // Someone without an account (a unit's first and last people hold its accounts), as the
      // service would address no notice; an organization by its name; rarely someone from outside.
      const personId = !isOrganization && count >= 3 ? pop.personStart[unitIndex] + 1 + Math.floor(r() * (count - 2)) : null
      drafts.push({ kind, taken, openedOn, stepDays, unitIndex, personId, organization: isOrganization ? `Chi bộ Khoa ${pick(r, FACULTIES)}` : null })
    }
  }
  drafts.sort((a, b) => (a.openedOn < b.openedOn ? -1 : a.openedOn > b.openedOn ? 1 : 0))

  const names = new Map<number, string>()
  const personIds = drafts.flatMap((d) => (d.personId ? [d.personId] : []))
  for (const p of await tx.query<{ id: number; full_name: string }>('SELECT id, full_name FROM person WHERE id = ANY($1::int[])', [personIds])) names.set(p.id, p.full_name)

  const master = keys.current()
  const counters = new Map<number, number>()
  // Each subject's latest approved conclusion (drafts go in opening order; approval follows it).
  const standings = new Map<number, StandingClass>()
  const approvedOn = new Map<number, IsoDay>()
  let approvedSoFar = 0
  let { case: caseId, access: accessId, step: stepId, request: requestId, notice: noticeId, dataKey: keyId } = ids
  progress.stage('confidential cases', drafts.length)
  for (const d of drafts) {
    const id = ++caseId
    const year = Number(d.openedOn.slice(0, 4))
    const seq = (counters.get(year) ?? 0) + 1
    counters.set(year, seq)
    const key = newKey()
    w.dataKey.push(++keyId, master.kid, wrapKey(master, key), officeTime(d.openedOn).toISOString())
    const path = PATH[d.kind]
    const step = path[d.taken - 1]
    const last = d.stepDays[d.taken - 1]
    const subject = { name: d.organization ?? (d.personId ? names.get(d.personId)! : vietnameseName(r)), personId: d.personId }
    const isReview = d.kind === 'standards_review'
    const purpose = isReview ? pick(r, REVIEW_PURPOSES) : pick(r, VIOLATION_SOURCES)
    const deadline = addDays(d.openedOn, isReview ? 30 + Math.floor(r() * 31) : 90)
    let outcome: string | null = null
    let validUntil: IsoDay | null = null
    const isApproved = step === 'approved'
    const isClosed = isApproved || step === 'closed'

    const access = (accountId: number | null, groupId: number | null, on: IsoDay) => w.access.push(++accessId, id, accountId, groupId, board, officeTime(on).toISOString())
    access(board, null, d.openedOn)
    access(null, groupOf[d.kind], d.openedOn)
    for (const [k, name] of path.slice(0, d.taken).entries()) {
      const on = d.stepDays[k]
      let details: Record<string, unknown> = {}
      let note = pick(r, STEP_NOTES[name])
      if (name === 'verificationDecision') {
        details = { teamAccountIds: team }
        access(head, null, on)
        access(officer, null, on)
      } else if (name === 'conclusion') {
        if (d.taken === PATH.standards_review.length) {
          // An approved review decides its subject's standing (the key-positions register reads
          // it): in turn current, expiring, expired and not met, then mostly current, so every
          // class is there from a few dozen units on.
          ;({ outcome, validUntil } = standingOf(STANDING_CYCLE[approvedSoFar++ % STANDING_CYCLE.length], on, today, r))
        } else {
          outcome = r() < 0.8 ? 'meets' : r() < 0.75 ? 'meetsWithConditions' : 'doesNotMeet'
          validUntil = addDays(on, 365 * (1 + Math.floor(r() * 3)))
        }
        details = { outcome, validUntil }
      } else if (name === 'subjectNotified') {
        details = { dueDate: addDays(on, 14) }
      } else if (name === 'decision') {
        // Forms open to a person and to an organization alike (DISCIPLINE_FORMS).
        const form = pick(r, ['reprimand', 'warning', 'none'] as const)
        outcome = form === 'none' ? 'noDiscipline' : 'discipline'
        note = STEP_NOTES.decision[form === 'none' ? 1 : 0]
        details = { form, basis: 'Quy định số 69-QĐ/TW về kỷ luật tổ chức đảng, đảng viên vi phạm.', issuingBody: 'Ban Thường vụ Đảng ủy cơ sở' }
      } else if (name === 'approved') {
        note = ''
        access(pop.committeeAccountId, null, on)
      }
      const sid = ++stepId
      w.step.push(sid, id, name, on, sealJson(key, { note, details }, AAD.step(sid)), name === 'approved' ? pop.committeeAccountId : board, officeTime(on).toISOString())
      if (name === 'subjectNotified' || name === 'decision') {
        const nid = ++noticeId
        const due = name === 'decision' ? addDays(on, APPEAL_DAYS) : (details.dueDate as IsoDay)
        w.notice.push(nid, id, name === 'decision' ? 'decision' : 'notification', officeTime(on).toISOString(), due, sealText(key, note, AAD.notice(nid)))
      }
    }

    // Requests to other agencies, from the decision to verify on: answered, pending or overdue.
    let requests = 0
    if (isReview && d.taken >= 2) {
      requests = r() < 0.3 ? 0 : r() < 0.65 ? 1 : 2
      for (let j = 0; j < requests; j++) {
        const sentOn = notAfter(addDays(d.stepDays[1], j * 3), today)
        const due = addDays(sentOn, 14)
        const answer = notAfter(addDays(sentOn, 2 + Math.floor(r() * 12)), today)
        const isAnswered = d.taken >= 4 || (answer < today && r() < (due < today ? 0.6 : 0.3))
        const rid = ++requestId
        w.request.push(rid, id, sentOn, due, isAnswered ? answer : null, sealJson(key, { agency: pick(r, AGENCIES), asked: pick(r, AGENCY_ASKS) }, AAD.request(rid)),
          isAnswered ? sealText(key, pick(r, AGENCY_REPLIES), AAD.reply(rid)) : null, isAnswered ? 2 : 1, officeTime(sentOn).toISOString())
      }
    }

    // The narrow call gives a subject's latest approval (two on one day are rare, and the app orders them by time alone).
    if (isApproved && d.personId && outcome && validUntil && !((approvedOn.get(d.personId) ?? '') > last)) {
      standings.set(d.personId, { outcome: outcome as StandingClass['outcome'], validUntil })
      approvedOn.set(d.personId, last)
    }
    w.case.push(
      id, `HS-${year}-${String(seq).padStart(4, '0')}`, d.kind, isClosed ? 'closed' : 'open', step, tree.board.id, board,
      isReview ? tree.units[d.unitIndex].id : null, purpose, d.organization ? 'organization' : 'person', d.openedOn, deadline, outcome,
      validUntil, isApproved ? officeTime(last).toISOString() : null, isApproved ? pop.committeeAccountId : null, isClosed ? last : null, keyId,
      d.personId ? blindRef('person', d.personId) : null, sealJson(key, subject, AAD.subject(id)), sealText(key, pick(r, isReview ? REVIEW_NOTES : VIOLATION_NOTES), AAD.notes(id)),
      1 + d.taken + requests, officeTime(d.openedOn).toISOString(), officeTime(last).toISOString(),
    )
    progress.tick()
  }
  progress.done()
  return { counters, standings }
}
