// The units' official channels and cybersecurity incidents at scale: about three channels per unit
// (websites, Facebook pages, Zalo OAs, YouTube and TikTok channels, e-mail domains), their
// administrators (people of the unit, some without two-factor sign-in), security reviews by cycle
// so that reviews are current, due soon or overdue, a few retired channels; and a few hundred
// incidents in every state, reported and responded to, closed on time or late, or still open.
import { addressKey, type ChannelKind } from '../../../../contract/channels.ts'
import { INCIDENT_KINDS, type IncidentKind } from '../../../../contract/incidents.ts'
import { addDays, addMonths, daysBetween, type IsoDay } from '../../../lib/dates.ts'
import { pick } from '../names.ts'
import type { Loader, TableWriter } from './bulk.ts'
import { officeTime } from './dates.ts'
import type { Population } from './directives.ts'
import type { ScaleOptions } from './options.ts'
import type { Progress } from './progress.ts'
import { INCIDENT_LESSONS, INCIDENT_STEPS, INCIDENT_SUMMARIES } from './texts.ts'

/** Channels per unit, by count 0–5: about three on average. */
const CHANNELS = [0.05, 0.15, 0.2, 0.25, 0.2, 0.15]
const KINDS: [ChannelKind, number][] = [['website', 0.3], ['facebook_page', 0.25], ['zalo_oa', 0.15], ['youtube', 0.1], ['tiktok', 0.05], ['email_domain', 0.1], ['other', 0.05]]
/** The review rule's defaults (config.ts): every 6 months, the first within 30 days of registering, "due soon" from 14 days before. */
const REVIEW = { months: 6, firstDays: 30, soonDays: 14 }
/** Channels by review state on the generator's day. */
const REVIEW_STATES = [['current', 0.6], ['due_soon', 0.1], ['overdue', 0.3]] as const
/** Incidents per unit: 300 at 5,000 units. */
export const INCIDENTS_PER_UNIT = 0.06
/** Incidents by how they went (stratified): closed in time, closed late, open within the targets, open and overdue. */
const INCIDENT_STATES = [['closedOnTime', 0.5], ['closedLate', 0.25], ['openOnTime', 0.1], ['openOverdue', 0.15]] as const
/** The targets' defaults (config.ts): reported within 24 hours, closed within 30 days. */
const TARGETS = { reportHours: 24, closeDays: 30 }
const RECIPIENTS = ['board', 'ministry_it', 'police']

export type ChannelWriters = Record<'channel' | 'admin' | 'review' | 'incident' | 'report' | 'step', TableWriter>

export function channelWriters(loader: Loader): ChannelWriters {
  return {
    channel: loader.table('channel', [
      ['id', 'int'], ['unit_id', 'int'], ['kind', 'text'], ['name', 'text'], ['address', 'text'], ['address_key', 'text'], ['purpose', 'text'], ['responsible_person_id', 'int'],
      ['recovery_contacts', 'jsonb'], ['review_cycle_months', 'int'], ['last_reviewed_on', 'date'], ['registered_on', 'date'], ['status', 'text'], ['retired_on', 'date'],
      ['retired_reason', 'text'], ['created_by', 'int'], ['version', 'int'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ]),
    admin: loader.table('channel_admin', [['channel_id', 'int'], ['person_id', 'int'], ['has_two_factor', 'bool']]),
    review: loader.table('channel_review', [
      ['id', 'int'], ['channel_id', 'int'], ['reviewed_on', 'date'], ['admins_still_needed', 'bool'], ['two_factor_on', 'bool'], ['recovery_contacts_current', 'bool'],
      ['posting_rules_followed', 'bool'], ['no_look_alikes', 'bool'], ['findings', 'text'], ['follow_up', 'jsonb'], ['reviewed_by', 'int'], ['created_at', 'timestamptz'],
    ]),
    incident: loader.table('security_incident', [
      ['id', 'int'], ['unit_id', 'int'], ['kind', 'text'], ['channel_id', 'int'], ['system', 'text'], ['summary', 'text'], ['detected_at', 'timestamptz'], ['status', 'text'],
      ['closed_at', 'timestamptz'], ['lessons', 'text'], ['created_by', 'int'], ['version', 'int'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ]),
    report: loader.table('security_incident_report', [
      ['id', 'int'], ['incident_id', 'int'], ['recipient', 'text'], ['reported_at', 'timestamptz'], ['reference', 'text'], ['note', 'text'], ['recorded_by', 'int'], ['created_at', 'timestamptz'],
    ]),
    step: loader.table('security_incident_step', [['id', 'int'], ['incident_id', 'int'], ['taken_at', 'timestamptz'], ['action', 'text'], ['note', 'text'], ['recorded_by', 'int'], ['created_at', 'timestamptz']]),
  }
}

export interface ChannelIds { channel: number; review: number; incident: number; report: number; step: number }

const HOUR = 3_600_000
const between = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1))
const choose = (r: () => number, shares: number[]) => {
  const x = r()
  let acc = 0
  for (const [i, p] of shares.entries()) if (x < (acc += p)) return i
  return shares.length - 1
}

const NAME: Record<ChannelKind, string> = {
  website: 'Cổng thông tin điện tử', facebook_page: 'Trang Facebook', zalo_oa: 'Zalo OA', youtube: 'Kênh YouTube', tiktok: 'Kênh TikTok', email_domain: 'Thư điện tử công vụ', other: 'Cổng dịch vụ trực tuyến',
}
const PURPOSE: Record<ChannelKind, string> = {
  website: 'Thông tin chính thức của đơn vị', facebook_page: 'Truyền thông, hướng dẫn người bệnh', zalo_oa: 'Đặt lịch, thông báo cho người dân', youtube: 'Video hướng dẫn chăm sóc sức khỏe',
  tiktok: 'Truyền thông giáo dục sức khỏe', email_domain: 'Thư điện tử công vụ', other: 'Dịch vụ công trực tuyến',
}
/** An address of the platform for the unit's code; `n` tells a unit's second channel of a kind apart. */
function addressOf(kind: ChannelKind, slug: string, unitId: number, n: number): string {
  // "-k2", not "2": "bv004-37-04" + "2" would be unit BV004-37-042's own address at 50,000 units.
  const s = n ? `${slug}-k${n + 1}` : slug
  switch (kind) {
    case 'website': return `https://${s}.moh.gov.vn`
    case 'facebook_page': return `https://www.facebook.com/${s.replace(/-/g, '.')}.official`
    case 'zalo_oa': return `https://zalo.me/${String(1_000_000_000 + unitId * 10 + n)}`
    case 'youtube': return `https://www.youtube.com/@${s}`
    case 'tiktok': return `https://www.tiktok.com/@${s.replace(/-/g, '.')}.official`
    case 'email_domain': return `${s}.moh.gov.vn`
    default: return `https://dichvucong.${s}.moh.gov.vn`
  }
}

/** Writes channels with their administrators and reviews, then the incidents. Returns counts. */
export async function generateChannels(o: ScaleOptions, pop: Population, w: ChannelWriters, loader: Loader, ids: ChannelIds, r: () => number, progress: Progress) {
  const { tree } = pop
  const today = o.asOf
  const counts = { channels: 0, reviews: 0, incidents: 0, reviewStates: {} as Record<string, number>, incidentStates: {} as Record<string, number> }
  const channelsOf: { id: number; unitIndex: number; registered: IsoDay; status: string }[] = []
  progress.stage('channels', tree.units.length)
  for (const [ui, u] of tree.units.entries()) {
    const start = pop.personStart[ui]
    const count = pop.personCount[ui]
    const officer = pop.officerAccount[ui]
    const slug = u.code.toLowerCase()
    const n = choose(r, CHANNELS)
    const seen = new Map<ChannelKind, number>()
    for (let k = 0; k < n; k++) {
      const kind = k === 0 ? 'website' : KINDS[choose(r, KINDS.map((x) => x[1]))][0]
      const nth = seen.get(kind) ?? 0
      seen.set(kind, nth + 1)
      const address = addressOf(kind, slug, u.id, nth)
      const id = ++ids.channel
      const cycle = r() < 0.1 ? pick(r, [3, 12]) : null
      const months = cycle ?? REVIEW.months
      const registered = addDays(today, -between(r, 10, 1100))
      const retired = r() < 0.03 ? addDays(today, -between(r, 1, Math.max(1, daysBetween(registered, today) - 1))) : null
      // Where the next review falls on the generator's day: the last review set back from it.
      const [state] = REVIEW_STATES[choose(r, REVIEW_STATES.map((x) => x[1]))]
      const dueOffset = state === 'current' ? between(r, REVIEW.soonDays + 1, 150) : state === 'due_soon' ? between(r, 0, REVIEW.soonDays - 1) : -between(r, 1, 200)
      let last: IsoDay | null = addMonths(addDays(today, dueOffset), -months)
      if (last < registered) {
        // Not reviewed since it was registered: the first review falls due 30 days after registering.
        last = null
      }
      const reviewDays: IsoDay[] = []
      for (let d = last; d && d >= registered; d = addDays(addMonths(d, -months), between(r, -10, 10))) reviewDays.unshift(d)
      const admins = Math.min(count, between(r, 1, 3))
      const adminPeople = Array.from({ length: admins }, (_, j) => start + 1 + ((j * 5 + k) % Math.max(1, count - 1)))
      const uniqueAdmins = [...new Set(adminPeople)]
      w.channel.push(
        id, u.id, kind, `${NAME[kind]} ${u.name}${nth ? ` (${nth + 1})` : ''}`, address, addressKey(kind, address), PURPOSE[kind], start + Math.min(1, count - 1),
        JSON.stringify([{ kind: 'email', value: `quantri@${slug}.moh.gov.vn`, note: 'Hộp thư của bộ phận công nghệ thông tin' }, { kind: 'phone', value: '024 3869 3731', note: 'Tổng đài đơn vị' }]),
        cycle, last, registered, retired ? 'retired' : 'active', retired, retired ? 'Đơn vị ngừng sử dụng kênh, đã thông báo công khai.' : null,
        officer, 1 + reviewDays.length + (retired ? 1 : 0), officeTime(registered).toISOString(), officeTime(retired ?? last ?? registered).toISOString(),
      )
      for (const p of uniqueAdmins) w.admin.push(id, p, r() < 0.88)
      for (const day of reviewDays) {
        const failed = r() < 0.15
        const check = failed ? between(r, 0, 4) : -1
        w.review.push(++ids.review, id, day, check !== 0, check !== 1, check !== 2, check !== 3, check !== 4,
          failed ? 'Phát hiện tồn tại trong lần rà soát; đã thống nhất biện pháp khắc phục.' : '',
          JSON.stringify(failed ? [{ action: 'Khắc phục tồn tại phát hiện khi rà soát', dueDate: addDays(day, 14) }] : []), officer, officeTime(day).toISOString())
        counts.reviews++
      }
      counts.channels++
      const st = retired ? 'retired' : last ? state : daysBetween(registered, today) > REVIEW.firstDays ? 'overdue' : 'current*'
      counts.reviewStates[st] = (counts.reviewStates[st] ?? 0) + 1
      channelsOf.push({ id, unitIndex: ui, registered, status: retired ? 'retired' : 'active' })
    }
    progress.tick()
    if ((ui & 127) === 0) await loader.backpressure()
  }

  // ---- incidents: on a channel of the unit (or one of its systems), in every state
  const n = Math.max(8, Math.round(o.units * INCIDENTS_PER_UNIT))
  const active = channelsOf.filter((c) => c.status === 'active')
  progress.stage('incidents', n)
  const now = officeTime(today).getTime()
  const drafts = Array.from({ length: n }, (_, i) => {
    const x = (i + r()) / n
    let acc = 0
    let state: (typeof INCIDENT_STATES)[number][0] = 'closedOnTime'
    for (const [k, p] of INCIDENT_STATES) if (x < (acc += p)) { state = k; break }
    // Open within the targets: detected in the last days and reported in time; open overdue: weeks ago.
    const ageDays = state === 'openOnTime' ? between(r, 1, 20) : state === 'openOverdue' ? between(r, 35, 200) : between(r, 40, 700)
    return { state, detected: now - ageDays * 24 * HOUR - between(r, 0, 8) * HOUR }
  }).sort((a, b) => a.detected - b.detected)
  for (const [i, d] of drafts.entries()) {
    const id = ++ids.incident
    const ch = active.length && r() < 0.9 ? active[Math.floor(r() * active.length)] : null
    const unitIndex = ch?.unitIndex ?? Math.floor(r() * tree.units.length)
    const unit = tree.units[unitIndex]
    const officer = pop.officerAccount[unitIndex]
    const kind: IncidentKind = INCIDENT_KINDS[i % INCIDENT_KINDS.length]
    const closed = d.state === 'closedOnTime' || d.state === 'closedLate'
    // Reported within the target, except for late ones (and some open overdue ones, not yet).
    const late = d.state === 'closedLate' && r() < 0.5
    const reportHours = late || d.state === 'openOverdue' ? between(r, 30, 120) : between(r, 1, 20)
    const closeDays = d.state === 'closedOnTime' ? between(r, 1, TARGETS.closeDays - 1) : d.state === 'closedLate' ? (late ? between(r, 2, 45) : between(r, TARGETS.closeDays + 2, 90)) : null
    const closedAt = closeDays !== null ? Math.min(now - HOUR, d.detected + closeDays * 24 * HOUR) : null
    const upTo = closedAt ?? now - HOUR
    const reports = d.state === 'openOverdue' && r() < 0.4 ? 0 : between(r, 1, 3)
    const steps = between(r, 1, 4)
    w.incident.push(id, unit.id, kind, ch?.id ?? null, ch ? '' : 'Hệ thống thông tin bệnh viện', pick(r, INCIDENT_SUMMARIES[kind]), new Date(d.detected).toISOString(),
      closed ? 'closed' : 'open', closedAt ? new Date(closedAt).toISOString() : null, closed ? pick(r, INCIDENT_LESSONS) : null, officer, 1 + reports + steps + (closed ? 1 : 0),
      new Date(d.detected + HOUR).toISOString(), new Date(closedAt ?? upTo).toISOString())
    for (let k = 0; k < reports; k++) {
      const at = Math.min(upTo, d.detected + (reportHours + k * between(r, 1, 12)) * HOUR)
      w.report.push(++ids.report, id, RECIPIENTS[k], new Date(at).toISOString(), `Báo cáo số ${(id % 90) + 10}/BC-${unit.code}`, '', officer, new Date(at).toISOString())
    }
    for (let k = 0; k < steps; k++) {
      const at = Math.min(upTo, d.detected + (1 + k * between(r, 2, 60)) * HOUR)
      w.step.push(++ids.step, id, new Date(at).toISOString(), INCIDENT_STEPS[(k + i) % INCIDENT_STEPS.length], '', officer, new Date(at).toISOString())
    }
    counts.incidents++
    counts.incidentStates[d.state] = (counts.incidentStates[d.state] ?? 0) + 1
    progress.tick()
  }
  progress.done()
  return counts
}
