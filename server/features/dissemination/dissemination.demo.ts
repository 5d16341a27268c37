// Demo data: a believable spread of dissemination for one directive, so coverage on the dashboard
// shows the three cases a board officer chases: units nearly done, units half way, units silent.
import type { SessionForm } from '../../../contract/dissemination.ts'
import type { Queryable } from '../../db/types.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { vnDay } from '../../lib/dates.ts'
import { inOfficeHours } from '../../db/seed/scale/dates.ts'

export interface DemoDisseminationInput {
  directiveId: number
  /** Addressee units with their people (demo people are all active). */
  units: { id: number; peopleIds: number[] }[]
  now: Date
  /** A seeded random source in [0, 1): the same seed gives the same data. */
  rng: () => number
}

export interface DemoDisseminationResult {
  sessions: number
  attendances: number
  receipts: number
}

const DAY = 86_400_000

type Profile = 'nearFull' | 'partial' | 'low' | 'none'

function profileOf(r: number): Profile {
  if (r < 0.35) return 'nearFull'
  if (r < 0.65) return 'partial'
  if (r < 0.8) return 'low'
  return 'none'
}

/** The share of a unit's people its sessions reach, by profile. */
function shareOf(profile: Profile, r: number): number {
  if (profile === 'nearFull') return 0.9 + r * 0.1
  if (profile === 'partial') return 0.35 + r * 0.45
  if (profile === 'low') return 0.05 + r * 0.2
  return 0
}

const shuffle = <T>(xs: T[], rng: () => number) => {
  const out = [...xs]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

const isoDate = (ms: number) => vnDay(ms)

/**
 * Records sessions with attendance for most of `units` and a few personal receipt confirmations,
 * inside the caller's transaction. Sessions are dated between the unit's acknowledgement and `now`, and
 * credited to the unit's officer account when there is one.
 */
export async function loadDemoDissemination(tx: Queryable, input: DemoDisseminationInput): Promise<DemoDisseminationResult> {
  const { directiveId, units, now, rng } = input
  const [directive] = await tx.query<{ number: string | null; date: string | null }>('SELECT number, date FROM directive WHERE id = $1', [directiveId])
  const requirements = (await tx.query<{ id: number }>(
    'SELECT id FROM requirement WHERE directive_id = $1 AND parent_id IS NULL ORDER BY ordinal', [directiveId],
  )).map((r) => r.id)
  if (!directive || !requirements.length) return { sessions: 0, attendances: 0, receipts: 0 }
  const officers = new Map(
    (await tx.query<{ unit_id: number; account_id: number }>(
      `SELECT DISTINCT ON (g.unit_id) g.unit_id, g.account_id FROM role_grant g WHERE g.role = 'unitOfficer' AND g.unit_id = ANY($1::int[]) ORDER BY g.unit_id, g.account_id`,
      [units.map((u) => u.id)],
    )).map((r) => [r.unit_id, r.account_id]),
  )
  const cv = directive.number ? `Công văn số ${directive.number}` : 'văn bản chỉ đạo'
  // A unit disseminates what it has received: from the day after its acknowledgement; a unit that has
  // not acknowledged has held nothing yet.
  const acknowledged = new Map((await tx.query<{ unit_id: number; acknowledged_at: Date }>(
    'SELECT unit_id, acknowledged_at FROM directive_addressee WHERE directive_id = $1 AND acknowledged_at IS NOT NULL', [directiveId],
  )).map((r) => [r.unit_id, new Date(r.acknowledged_at).getTime()]))
  let start = 0
  let span = DAY
  const dateAt = (fraction: number) => isoDate(Math.min(start + fraction * span, now.getTime() - DAY))
  // Recorded in BVCT by the officer at the office, a day or two after it was held.
  const recordedAt = (heldOn: string) => new Date(Math.min(inOfficeHours(new Date(Date.parse(`${heldOn}T03:00:00Z`) + (1 + Math.floor(rng() * 2)) * DAY), rng).getTime(), now.getTime()))
  // Requirements 1 and 2 (awareness, dissemination) are always covered; others now and then.
  const covered = () => requirements.filter((_, i) => i < 2 || rng() < 0.4)

  const result: DemoDisseminationResult = { sessions: 0, attendances: 0, receipts: 0 }
  const addSession = async (unitId: number, s: { form: SessionForm; title: string; heldOn: string; note?: string }, attendeeIds: number[]) => {
    const [{ id }] = await tx.query<{ id: number }>(
      `INSERT INTO dissemination_session (directive_id, unit_id, held_on, form, title, note, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
      [directiveId, unitId, s.heldOn, s.form, s.title, s.note ?? '', officers.get(unitId) ?? null, recordedAt(s.heldOn)],
    )
    await tx.query('INSERT INTO session_requirement (session_id, requirement_id) SELECT $1, unnest($2::int[])', [id, covered()])
    await tx.query('INSERT INTO session_attendance (session_id, directive_id, person_id) SELECT $1, $2, unnest($3::int[]) ON CONFLICT DO NOTHING', [id, directiveId, attendeeIds])
    result.sessions++
    result.attendances += attendeeIds.length
  }

  for (const unit of units) {
    const ackAt = acknowledged.get(unit.id)
    if (!unit.peopleIds.length || ackAt === undefined) continue
    start = ackAt + DAY
    span = Math.max(now.getTime() - DAY - start, DAY)
    const profile = profileOf(rng())
    const people = shuffle(unit.peopleIds, rng)
    const reached = people.slice(0, Math.round(people.length * shareOf(profile, rng())))
    if (reached.length) {
      const when = rng() * 0.5
      if (profile === 'low') {
        await addSession(unit.id, { form: rng() < 0.5 ? 'document' : 'online', title: `Phổ biến ${cv} tới cán bộ, viên chức`, heldOn: dateAt(when) }, reached)
      } else {
        // The main conference reaches most; a make-up session catches those who were on duty.
        const main = reached.slice(0, Math.ceil(reached.length * (0.7 + rng() * 0.2)))
        await addSession(unit.id, { form: 'conference', title: `Hội nghị quán triệt ${cv}`, heldOn: dateAt(when), note: 'Toàn thể cán bộ, đảng viên, viên chức, người lao động' }, main)
        const rest = reached.slice(main.length)
        if (rest.length) {
          await addSession(unit.id, { form: rng() < 0.5 ? 'meeting' : 'online', title: 'Quán triệt bổ sung cho cán bộ vắng mặt (trực, đi công tác)', heldOn: dateAt(when + 0.1 + rng() * 0.2) }, rest)
        }
        if (profile === 'nearFull' && people.length >= 10 && rng() < 0.5) {
          // Party members study it again at their cell meeting: attendance overlaps, coverage does not grow.
          await addSession(unit.id, { form: 'meeting', title: `Sinh hoạt chuyên đề chi bộ: học tập ${cv}`, heldOn: dateAt(when + 0.3) }, main.slice(0, Math.ceil(main.length / 3)))
        }
      }
    }
    // A few people confirm receipt themselves, some of them never at a session.
    const confirmers = people.filter(() => rng() < 0.06)
    for (const personId of confirmers) {
      await tx.query(
        'INSERT INTO receipt_confirmation (directive_id, person_id, confirmed_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [directiveId, personId, inOfficeHours(new Date(Date.parse(dateAt(rng()))), rng)],
      )
      result.receipts++
    }
  }
  await recordAudit(tx, { id: null, username: 'system', ip: null, now }, {
    action: 'loadDemoDissemination', entity: 'system', entityId: null, after: { directiveId, ...result },
  })
  return result
}
