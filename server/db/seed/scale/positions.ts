// Key and confidential positions, their holders over time and each holder's vetting, and the
// officers who do this work with their training, at scale: about ten positions and two officers per
// unit. A holder's vetting is what the narrow standards call gives (standards.service.ts
// standardsStanding): the subjects of the generated approved reviews hold positions in their unit
// with that standing (current, expiring, expired, not met); everyone else holds without one (none),
// and the alert the hourly job would have raised for them is open. Training: the board's courses
// over four years, attended so that officers are current, due, overdue or untrained.
import { OFFICER_UNIT_KINDS, classifyTraining } from '../../../../contract/officers.ts'
import { ALERT_STATUSES, classifyVetting, type VettingStatus } from '../../../../contract/positions.ts'
import { addDays, type IsoDay } from '../../../lib/dates.ts'
import { pick } from '../names.ts'
import type { Loader, TableWriter } from './bulk.ts'
import type { StandingClass } from './cases.ts'
import { officeTime } from './dates.ts'
import type { Population } from './directives.ts'
import type { ScaleOptions } from './options.ts'
import type { Progress } from './progress.ts'
import { COURSE_ORGANIZERS, COURSE_TITLES, KEY_POSITIONS } from './texts.ts'

/** The rules' defaults (config.ts): vetting expiring within 90 days; a refresher every 2 years, due 90 days before. */
export const READINESS_THRESHOLDS = { expiringDays: 90, cycleMonths: 24, dueDays: 90 }
/** Officers in office per unit, by count 0–3: about two on average. */
const OFFICERS = [0.08, 0.22, 0.4, 0.3]
/** Officers' training, by the class their last course puts them in on the generator's day. */
const TRAINING = [['current', 0.6], ['due', 0.1], ['overdue', 0.15], ['none', 0.15]] as const

export type PositionWriters = Record<'position' | 'holding' | 'alert' | 'reminder' | 'officer' | 'course' | 'attendance', TableWriter>

export function positionWriters(loader: Loader): PositionWriters {
  return {
    position: loader.table('key_position', [
      ['id', 'int'], ['unit_id', 'int'], ['title', 'text'], ['department', 'text'], ['classification', 'text'], ['requires_conclusion', 'bool'],
      ['review_cycle_months', 'int'], ['closed_on', 'date'], ['created_by', 'int'], ['version', 'int'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ]),
    holding: loader.table('position_holding', [
      ['id', 'int'], ['position_id', 'int'], ['person_id', 'int'], ['from_on', 'date'], ['to_on', 'date'], ['is_acting', 'bool'], ['vetting_outcome', 'text'],
      ['vetting_valid_until', 'date'], ['vetting_checked_at', 'timestamptz'], ['created_by', 'int'], ['created_at', 'timestamptz'],
    ]),
    alert: loader.table('position_alert', [['id', 'int'], ['position_id', 'int'], ['holding_id', 'int'], ['unit_id', 'int'], ['status', 'text'], ['raised_at', 'timestamptz']]),
    reminder: loader.table('readiness_reminder', [['key', 'text'], ['sent_at', 'timestamptz']]),
    officer: loader.table('officer', [
      ['id', 'int'], ['unit_id', 'int'], ['person_id', 'int'], ['role', 'text'], ['decision_number', 'text'], ['appointed_on', 'date'], ['until_on', 'date'],
      ['created_by', 'int'], ['version', 'int'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ]),
    course: loader.table('training_course', [
      ['id', 'int'], ['owner_unit_id', 'int'], ['title', 'text'], ['organizer', 'text'], ['starts_on', 'date'], ['ends_on', 'date'], ['hours', 'numeric'], ['form', 'text'],
      ['created_by', 'int'], ['version', 'int'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ]),
    attendance: loader.table('training_attendance', [
      ['id', 'int'], ['course_id', 'int'], ['person_id', 'int'], ['result', 'text'], ['completed_on', 'date'], ['certificate_number', 'text'], ['created_by', 'int'],
      ['version', 'int'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ]),
  }
}

export interface PositionIds { position: number; holding: number; alert: number; officer: number; course: number; attendance: number }

const ts = (day: IsoDay, minutes = 0) => new Date(officeTime(day).getTime() + minutes * 60_000).toISOString()
const between = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1))
const choose = (r: () => number, shares: number[]) => {
  const x = r()
  let acc = 0
  for (const [i, p] of shares.entries()) if (x < (acc += p)) return i
  return shares.length - 1
}

/**
 * Writes the registers (positions, holders over time, vetting as the standards call gives it, the
 * open alerts and the expiry notices the hourly job would have recorded), the officers, the
 * courses and attendance. `standings`: each approved review's subject and standing.
 */
export async function generatePositions(o: ScaleOptions, pop: Population, standings: Map<number, StandingClass>, w: PositionWriters, loader: Loader, ids: PositionIds, r: () => number, progress: Progress) {
  const { tree } = pop
  const today = o.asOf
  const t = READINESS_THRESHOLDS
  const checkedAt = ts(today, -60)
  const unitIndexOfPerson = (personId: number) => {
    // People of a unit have consecutive ids, units in order: a binary search over the starts.
    let lo = 0
    let hi = pop.personStart.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (pop.personStart[mid] <= personId) lo = mid
      else hi = mid - 1
    }
    return lo
  }
  // The reviewed people, by their unit: they hold that unit's first positions.
  const reviewed = new Map<number, number[]>()
  for (const personId of [...standings.keys()].sort((a, b) => a - b)) {
    const i = unitIndexOfPerson(personId)
    reviewed.set(i, [...(reviewed.get(i) ?? []), personId])
  }
  const counts = { positions: 0, holders: 0, officers: 0, attendances: 0, vetting: {} as Record<VettingStatus, number>, training: {} as Record<string, number> }

  progress.stage('key positions', tree.units.length)
  for (const [ui, u] of tree.units.entries()) {
    const start = pop.personStart[ui]
    const count = pop.personCount[ui]
    const officer = pop.officerAccount[ui]
    const queue = [...(reviewed.get(ui) ?? [])]
    const n = between(r, 5, 15)
    for (let k = 0; k < n; k++) {
      const id = ++ids.position
      const def = KEY_POSITIONS[(k + ui) % KEY_POSITIONS.length]
      const requires = r() >= 0.07
      const since = addDays(today, -between(r, 30, 1500))
      // A few abolished positions stay in the register with their history.
      const closedOn = r() < 0.02 ? addDays(today, -between(r, 5, 25)) : null
      const created = addDays(since, -between(r, 0, 60))
      w.position.push(id, u.id, k >= KEY_POSITIONS.length ? `${def.title} ${Math.floor(k / KEY_POSITIONS.length) + 1}` : def.title, def.department, def.classification,
        requires, r() < 0.1 ? pick(r, [12, 24, 36]) : null, closedOn, officer, 1, ts(created), ts(closedOn ?? created))
      counts.positions++
      // An earlier holder for some; a vacancy for about one in ten (the last holder left).
      const vacant = !closedOn && !queue.length && r() < 0.1
      const holder = queue.shift() ?? start + 1 + ((k * 3 + Math.floor(r() * count)) % Math.max(1, count - 1))
      if (r() < 0.25) {
        const prevFrom = addDays(since, -between(r, 200, 1500))
        const prev = start + ((k * 5 + 2) % count)
        w.holding.push(++ids.holding, id, prev, prevFrom, addDays(since, -1), false, null, null, null, officer, ts(prevFrom))
      }
      const left = closedOn ?? (vacant ? addDays(today, -between(r, 5, 60)) : null)
      const leftOn = left && left < since ? since : left
      const standing = standings.get(holder) ?? null
      const hid = ++ids.holding
      w.holding.push(hid, id, holder, since, leftOn, r() < 0.05, standing?.outcome ?? null, standing?.validUntil ?? null, requires ? checkedAt : null, officer, ts(since))
      counts.holders++
      if (leftOn) continue
      const v = classifyVetting(requires, standing, today, t.expiringDays)
      counts.vetting[v] = (counts.vetting[v] ?? 0) + 1
      // What the hourly job has done: an open alert for a holder without a current conclusion, a notice once per expiring one.
      if ((ALERT_STATUSES as readonly string[]).includes(v)) w.alert.push(++ids.alert, id, hid, u.id, v, ts(addDays(since, 1)))
      if (v === 'expiring') w.reminder.push(`vetting-expiring:${hid}:${standing!.validUntil}`, checkedAt)
    }
    progress.tick()
    if ((ui & 127) === 0) await loader.backpressure()
  }

  // ---- courses: the board's, about every two months over four years, one still to come
  const courses: { id: number; ends: IsoDay }[] = []
  const nCourses = Math.max(26, Math.round(o.units / 25))
  const first = addDays(today, -4 * 365)
  for (let k = 0; k < nCourses; k++) {
    const id = ++ids.course
    const ends = k === nCourses - 1 ? addDays(today, 20) : addDays(first, Math.floor((k * (4 * 365 - 5)) / (nCourses - 1)))
    const days = between(r, 1, 3)
    w.course.push(id, tree.board.id, `${COURSE_TITLES[k % COURSE_TITLES.length]} năm ${ends.slice(0, 4)} (đợt ${(k % 3) + 1})`, pick(r, COURSE_ORGANIZERS),
      addDays(ends, 1 - days), ends, String(days * 8), pick(r, ['inPerson', 'online', 'blended'] as const), pop.boardAccountId, 1, ts(addDays(ends, -40)), ts(ends))
    courses.push({ id, ends })
  }
  const past = courses.filter((c) => c.ends < today)
  const upcoming = courses.filter((c) => c.ends >= today)
  const classOf = (on: IsoDay) => classifyTraining(on, today, t.cycleMonths, t.dueDays)
  const byClass = { current: past.filter((c) => classOf(c.ends) === 'current'), due: past.filter((c) => classOf(c.ends) === 'due'), overdue: past.filter((c) => classOf(c.ends) === 'overdue') }

  // ---- officers: the unit's officer account's person first, then others of the unit, part-time
  progress.stage('officers', tree.units.length)
  let cert = 0
  let needing = 0
  for (const [ui, u] of tree.units.entries()) {
    const start = pop.personStart[ui]
    const count = pop.personCount[ui]
    // Of the units that should have an officer, one in twelve has none in office (stratified, so a small database has one too).
    const needs = OFFICER_UNIT_KINDS.includes(u.kind)
    const n = needs && needing++ % 12 === 5 ? 0 : Math.min(count, choose(r, OFFICERS))
    const people = [start + count - 1, ...Array.from({ length: count }, (_, j) => start + 1 + ((j * 7 + ui) % Math.max(1, count - 1)))]
    const used = new Set<number>()
    for (const personId of people) {
      if (used.size >= n) break
      if (used.has(personId)) continue
      used.add(personId)
      const appointed = addDays(today, -between(r, 60, 2500))
      w.officer.push(++ids.officer, u.id, personId, used.size === 1 ? 'fullTime' : 'partTime', `${100 + (ids.officer % 900)}/QĐ-${u.code}`, appointed, null, pop.boardAccountId, 1, ts(appointed), ts(appointed))
      counts.officers++
      const [cls] = TRAINING[choose(r, TRAINING.map((x) => x[1]))]
      const target = cls === 'none' ? [] : byClass[cls]
      const attended: { id: number; ends: IsoDay }[] = []
      if (cls !== 'none' && target.length) {
        // The course that decides the class, and for some an older one before it.
        attended.push(target[Math.floor(r() * target.length)])
        const older = past.filter((c) => c.ends < attended[0].ends)
        if (older.length && r() < 0.4) attended.push(older[Math.floor(r() * older.length)])
      }
      const finalClass = attended.length ? classOf(attended[0].ends) : 'none'
      counts.training[finalClass] = (counts.training[finalClass] ?? 0) + 1
      for (const c of attended) {
        w.attendance.push(++ids.attendance, c.id, personId, r() < 0.5 ? 'passed' : 'completed', c.ends, `CN-${c.id}-${String(++cert).padStart(5, '0')}`, pop.boardAccountId, 1, ts(c.ends, 300), ts(c.ends, 300))
        counts.attendances++
      }
      // Some untrained officers failed or missed a course; some are enrolled in the one to come.
      if (cls === 'none' && past.length && r() < 0.3) {
        const c = past[past.length - 1 - Math.floor(r() * Math.min(3, past.length))]
        w.attendance.push(++ids.attendance, c.id, personId, r() < 0.5 ? 'failed' : 'absent', null, '', pop.boardAccountId, 1, ts(c.ends, 300), ts(c.ends, 300))
        counts.attendances++
      }
      if (upcoming.length && finalClass !== 'current' && r() < 0.3) {
        w.attendance.push(++ids.attendance, upcoming[0].id, personId, 'enrolled', null, '', pop.boardAccountId, 1, ts(addDays(today, -5)), ts(addDays(today, -5)))
        counts.attendances++
      }
    }
    progress.tick()
    if ((ui & 127) === 0) await loader.backpressure()
  }
  progress.done()
  return counts
}
