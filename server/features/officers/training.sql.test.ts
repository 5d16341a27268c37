import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TRAINING_STATUSES, classifyTraining, refresherDueOn } from '../../../contract/officers.ts'
import type { Db } from '../../db/types.ts'
import { createTestDb } from '../../../test/db.ts'

// The refresher cycle is one rule written twice: classifyTraining (contract/officers.ts), which the
// roster, an officer's page and the reminders use, and training_status() (migration 0011), which the
// readiness roll-up counts with. This pins the two equal, month ends and leap days included.

const day = (from: string, n: number) => new Date(Date.parse(from + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10)

let db: Db
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(() => db.close())

describe('training_status (SQL) and classifyTraining (TS)', () => {
  it('agree on every case around the refresher day and the start of "due", and between them give every status', async () => {
    const lasts = ['2024-02-29', '2025-01-31', '2025-08-31', '2024-03-11', '2025-12-31']
    const cases: { last: string | null; asOf: string; cycle: number; dueDays: number }[] = []
    for (const cycle of [1, 12, 24]) {
      for (const dueDays of [0, 30, 90]) {
        cases.push({ last: null, asOf: '2026-03-20', cycle, dueDays })
        for (const last of lasts) {
          const dueOn = refresherDueOn(last, cycle)
          for (const n of [-dueDays - 1, -dueDays, -dueDays + 1, -1, 0, 1]) cases.push({ last, asOf: day(dueOn, n), cycle, dueDays })
          cases.push({ last, asOf: last, cycle, dueDays })
        }
      }
    }
    const sql = await db.query<{ s: string; due_on: string }>(
      `SELECT training_status(x.last_on, x.as_of, x.cycle, x.due_days) AS s, to_char((x.last_on + make_interval(months => x.cycle))::date, 'YYYY-MM-DD') AS due_on
       FROM json_to_recordset($1::json) AS x(i int, last_on date, as_of date, cycle int, due_days int) ORDER BY x.i`,
      [JSON.stringify(cases.map((c, i) => ({ i, last_on: c.last, as_of: c.asOf, cycle: c.cycle, due_days: c.dueDays })))],
    )
    const label = (c: (typeof cases)[number], s: string) => `${c.last ?? '-'} +${c.cycle}m (due ${c.dueDays}d) on ${c.asOf} → ${s}`
    expect(cases.map((c, i) => label(c, sql[i].s))).toEqual(cases.map((c) => label(c, classifyTraining(c.last, c.asOf, c.cycle, c.dueDays))))
    // The refresher day itself agrees, month ends included (31/01 + 1 month is 28/02; 29/02 + 12 months is 28/02).
    expect(cases.map((c, i) => (c.last ? sql[i].due_on : null))).toEqual(cases.map((c) => (c.last ? refresherDueOn(c.last, c.cycle) : null)))
    expect(refresherDueOn('2025-01-31', 1)).toBe('2025-02-28')
    expect(refresherDueOn('2024-02-29', 12)).toBe('2025-02-28')
    expect(new Set(sql.map((r) => r.s))).toEqual(new Set(TRAINING_STATUSES))
  })
})
