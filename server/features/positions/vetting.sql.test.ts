import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VETTING_STATUSES, classifyVetting, type Standing } from '../../../contract/positions.ts'
import type { Db } from '../../db/types.ts'
import { createTestDb } from '../../../test/db.ts'

// Vetting currency is one rule written twice: classifyVetting (contract/positions.ts), which the
// register and the alerts use, and vetting_status() (migration 0011), which the readiness roll-up
// counts with. This pins the two equal on every outcome × validity around the day and the edge of
// the "expiring" window, for a position that requires a conclusion and one that does not.

const AS_OF = '2026-03-20'
const day = (n: number) => new Date(Date.parse(AS_OF + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10)

let db: Db
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(() => db.close())

describe('vetting_status (SQL) and classifyVetting (TS)', () => {
  it('agree on every case, and between them give every status', async () => {
    const standings: (Standing | null)[] = [null]
    for (const outcome of ['meets', 'meetsWithConditions', 'doesNotMeet'] as const) {
      standings.push({ outcome, validUntil: null })
      for (const n of [-400, -1, 0, 1, 29, 30, 31, 89, 90, 91, 400]) standings.push({ outcome, validUntil: day(n) })
    }
    const cases = [true, false].flatMap((requires) => [30, 90].flatMap((expiringDays) => standings.map((standing) => ({ requires, expiringDays, standing }))))
    const sql = await db.query<{ v: string }>(
      `SELECT vetting_status(x.requires, x.outcome, x.valid_until, $2::date, x.expiring_days) AS v
       FROM json_to_recordset($1::json) AS x(i int, requires boolean, outcome text, valid_until date, expiring_days int) ORDER BY x.i`,
      [JSON.stringify(cases.map((c, i) => ({ i, requires: c.requires, outcome: c.standing?.outcome ?? null, valid_until: c.standing?.validUntil ?? null, expiring_days: c.expiringDays }))), AS_OF],
    )
    const label = (c: (typeof cases)[number], v: string) => `${c.requires ? 'required' : 'not required'} ${c.standing?.outcome ?? '-'} until ${c.standing?.validUntil ?? '-'} window ${c.expiringDays} → ${v}`
    expect(cases.map((c, i) => label(c, sql[i].v))).toEqual(cases.map((c) => label(c, classifyVetting(c.requires, c.standing, AS_OF, c.expiringDays))))
    expect(new Set(sql.map((r) => r.v))).toEqual(new Set(VETTING_STATUSES))
  })

  it('reads the window’s edges as the register does: the last day valid is "expiring", the day after is "expired"', () => {
    expect(classifyVetting(true, { outcome: 'meets', validUntil: AS_OF }, AS_OF, 90)).toBe('expiring')
    expect(classifyVetting(true, { outcome: 'meets', validUntil: day(-1) }, AS_OF, 90)).toBe('expired')
    expect(classifyVetting(true, { outcome: 'meets', validUntil: day(90) }, AS_OF, 90)).toBe('expiring')
    expect(classifyVetting(true, { outcome: 'meets', validUntil: day(91) }, AS_OF, 90)).toBe('current')
    expect(classifyVetting(true, { outcome: 'doesNotMeet', validUntil: day(400) }, AS_OF, 90)).toBe('not_met')
  })
})
