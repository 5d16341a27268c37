import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pick, rng } from '../../db/seed/names.ts'
import { seedPerson, seedUnit, type SeededUnit } from '../../db/seed/builders.ts'
import type { Db, Queryable } from '../../db/types.ts'
import { createTestDb } from '../../../test/db.ts'
import { liveReadiness, readinessSums, rollReadiness } from './readiness.queries.ts'

// The readiness roll-up reads per-unit figures the database keeps (migration 0011: statement
// triggers recount the units a write touched, readiness_roll moves them to another day). This holds
// them equal to the same figures counted live from positions, holders, officers and courses, after
// random writes of every kind, per subtree and per child, and after the day and thresholds move.

const AS_OF = '2026-03-20'
const T = { expiringDays: 90, cycleMonths: 24, dueDays: 90 }
const day = (n: number, from = AS_OF) => new Date(Date.parse(from + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10)

let db: Db
let root: SeededUnit
const units: SeededUnit[] = []
const tops: SeededUnit[] = []
const peopleOf = new Map<number, number[]>()

beforeAll(async () => {
  db = await createTestDb()
  root = await seedUnit(db, { code: 'BYT', name: 'Bộ', kind: 'ministry' })
  units.push(root)
  for (let i = 0; i < 4; i++) {
    const top = await seedUnit(db, { parent: root, code: `H${i}`, kind: i === 3 ? 'department' : 'hospital' })
    tops.push(top)
    units.push(top)
    for (let j = 0; j < 2; j++) units.push(await seedUnit(db, { parent: top, code: `H${i}-${j}`, kind: 'subunit' }))
  }
  for (const u of units) {
    const ids: number[] = []
    for (let k = 0; k < 6; k++) ids.push((await seedPerson(db, { unitId: u.id })).id)
    peopleOf.set(u.id, ids)
  }
  await db.transaction((tx) => rollReadiness(tx, AS_OF, T))
})
afterAll(() => db.close())

let counter = 0
/** One random write of any kind the triggers must follow. */
async function randomWrite(tx: Queryable, r: () => number) {
  const u = pick(r, units)
  const person = () => pick(r, peopleOf.get(u.id)!)
  const positions = await tx.query<{ id: number; holding_id: number | null }>(
    `SELECT kp.id, h.id AS holding_id FROM key_position kp LEFT JOIN position_holding h ON h.position_id = kp.id AND h.to_on IS NULL WHERE kp.unit_id = $1 AND kp.closed_on IS NULL`, [u.id],
  )
  const p = positions.length ? pick(r, positions) : null
  const standing = () => {
    const o = pick(r, [null, 'meets', 'meetsWithConditions', 'doesNotMeet'])
    return o ? [o, day(Math.floor(r() * 600) - 200)] : [null, null]
  }
  counter++
  switch (pick(r, ['position', 'position', 'holder', 'holder', 'vacate', 'standing', 'close', 'requires', 'officer', 'officer', 'endOfficer', 'training', 'training', 'untrain'])) {
    case 'position':
      await tx.query(`INSERT INTO key_position (unit_id, title, classification, requires_conclusion) VALUES ($1, $2, 'finance', $3)`, [u.id, `Vị trí ${counter}`, r() > 0.2])
      break
    case 'holder': {
      if (!p) break
      const from = day(-3000 + counter)
      if (p.holding_id) await tx.query('UPDATE position_holding SET to_on = from_on WHERE id = $1', [p.holding_id])
      const [o, until] = standing()
      await tx.query('INSERT INTO position_holding (position_id, person_id, from_on, vetting_outcome, vetting_valid_until) VALUES ($1, $2, $3, $4, $5)', [p.id, person(), from, o, until])
      break
    }
    case 'vacate':
      if (p?.holding_id) await tx.query('UPDATE position_holding SET to_on = from_on WHERE id = $1', [p.holding_id])
      break
    case 'standing': {
      if (!p?.holding_id) break
      const [o, until] = standing()
      await tx.query('UPDATE position_holding SET vetting_outcome = $2, vetting_valid_until = $3 WHERE id = $1', [p.holding_id, o, until])
      break
    }
    case 'close':
      if (p) await tx.query('UPDATE key_position SET closed_on = $2 WHERE id = $1', [p.id, AS_OF])
      break
    case 'requires':
      if (p) await tx.query('UPDATE key_position SET requires_conclusion = NOT requires_conclusion WHERE id = $1', [p.id])
      break
    case 'officer': {
      const fresh = (await seedPerson(tx, { unitId: u.id })).id
      peopleOf.get(u.id)!.push(fresh)
      const until = r() < 0.3 ? day(Math.floor(r() * 400) - 200) : null
      const appointed = day(-1000 + Math.floor(r() * 900))
      await tx.query(`INSERT INTO officer (unit_id, person_id, role, decision_number, appointed_on, until_on) VALUES ($1, $2, 'partTime', '1/QĐ', $3, $4)`,
        [u.id, fresh, appointed, until && until < appointed ? appointed : until])
      break
    }
    case 'endOfficer':
      await tx.query(`UPDATE officer SET until_on = greatest(appointed_on, $2::date) WHERE id = (SELECT id FROM officer WHERE unit_id = $1 AND until_on IS NULL ORDER BY id LIMIT 1)`, [u.id, day(-Math.floor(r() * 30))])
      break
    case 'training': {
      const [c] = await tx.query<{ id: number }>(`INSERT INTO training_course (owner_unit_id, title, organizer, starts_on, ends_on, hours, form) VALUES ($1, 'Lớp', 'Ban', '2020-01-01', '2020-01-02', 8, 'online') RETURNING id`, [root.id])
      const officers = await tx.query<{ person_id: number }>('SELECT person_id FROM officer WHERE unit_id = $1', [u.id])
      const who = officers.length && r() < 0.8 ? pick(r, officers).person_id : person()
      const done = r() < 0.8 ? day(-Math.floor(r() * 900)) : null
      await tx.query('INSERT INTO training_attendance (course_id, person_id, result, completed_on) VALUES ($1, $2, $3, $4)', [c.id, who, done ? 'passed' : 'enrolled', done])
      break
    }
    case 'untrain':
      await tx.query(`DELETE FROM training_attendance WHERE id = (SELECT a.id FROM training_attendance a JOIN officer o ON o.person_id = a.person_id WHERE o.unit_id = $1 ORDER BY a.id LIMIT 1)`, [u.id])
      break
  }
}

async function expectEqualToLive(asOf: string, t: typeof T) {
  for (const u of [root, ...tops]) {
    const rows = await readinessSums(db, u.path, true)
    const { childId: _c, ...total } = rows.find((x) => x.childId === null)!
    const { childId: _l, ...live } = await liveReadiness(db, u.path, asOf, t)
    expect(total, `subtree of ${u.code} on ${asOf}`).toEqual(live)
    for (const child of rows.filter((x) => x.childId !== null)) {
      const c = units.find((x) => x.id === child.childId)!
      const { childId: _x, ...precomputed } = child
      const { childId: _y, ...counted } = await liveReadiness(db, c.path, asOf, t)
      expect(precomputed, `child ${c.code} of ${u.code} on ${asOf}`).toEqual(counted)
    }
  }
}

describe('the precomputed readiness figures', () => {
  it('equal the live count after random writes of every kind, in batches of one to five per transaction', async () => {
    const r = rng(1303)
    for (let round = 0; round < 12; round++) {
      const batches = 1 + Math.floor(r() * 5)
      for (let b = 0; b < batches; b++) {
        const writes = 1 + Math.floor(r() * 5)
        await db.transaction(async (tx) => {
          for (let w = 0; w < writes; w++) await randomWrite(tx, r)
        })
      }
      await expectEqualToLive(AS_OF, T)
    }
    const [{ positions, officers }] = await db.query<{ positions: number; officers: number }>('SELECT (SELECT count(*)::int FROM key_position) AS positions, (SELECT count(*)::int FROM officer) AS officers')
    expect(positions).toBeGreaterThan(5)
    expect(officers).toBeGreaterThan(3)
  })

  it('equal the live count once moved to a later day, and to other thresholds', async () => {
    for (const [asOf, t] of [[day(120), T], [day(400), T], [day(400), { expiringDays: 30, cycleMonths: 12, dueDays: 30 }]] as const) {
      await db.transaction((tx) => rollReadiness(tx, asOf, t))
      await expectEqualToLive(asOf, t)
    }
  })
})
