// Process latency against hand-built data: a directive issued 01/01/2026 09:00 in Hanoi to six
// units under hospital A and to hospital B, acknowledged, planned and completed after chosen days;
// reports submitted and accepted; inspection findings corrected. Today is 20/03/2026.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDirective, seedUnit, type SeededUnit } from '../../db/seed/builders.ts'
import { createTestApp, seedFixture, type Fixture, type TestApp } from '../../../test/app.ts'

let t: TestApp
let f: Fixture
let a: SeededUnit[]

const ISSUED = '2026-01-01T02:00:00Z'
const at = (day: string, utc = '02:00') => `${day}T${utc}:00Z`

async function plan(directiveId: number, unitId: number, o: { status: string; submittedAt?: string; reviewedAt?: string }) {
  const [p] = await t.db.query<{ id: number }>(
    'INSERT INTO unit_plan (directive_id, unit_id, status, submitted_at, reviewed_at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [directiveId, unitId, o.status, o.submittedAt ?? null, o.reviewedAt ?? null],
  )
  return p.id
}
async function action(planId: number, directiveId: number, unitId: number, requirementId: number, completedOn: string | null) {
  await t.db.query(
    `INSERT INTO plan_action (plan_id, directive_id, unit_id, requirement_id, title, due_date, effective_due_date, status, completed_on) VALUES ($1,$2,$3,$4,'Việc','2026-06-30','2026-06-30',$5,$6)`,
    [planId, directiveId, unitId, requirementId, completedOn ? 'done' : 'inProgress', completedOn],
  )
}
async function report(periodId: number, unitId: number, firstSubmittedAt: string, versions: { status: 'pending' | 'returned' | 'accepted'; reviewedAt?: string }[]) {
  const status = versions.at(-1)!.status === 'pending' ? 'submitted' : versions.at(-1)!.status
  const [r] = await t.db.query<{ id: number }>(
    'INSERT INTO unit_report (period_id, unit_id, status, submitted_versions, first_submitted_at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [periodId, unitId, status, versions.length, firstSubmittedAt],
  )
  for (const [i, v] of versions.entries()) {
    await t.db.query(
      `INSERT INTO unit_report_version (report_id, number, content, figures, submitted_at, review_status, reviewed_at) VALUES ($1, $2, '{}', '{}', $3, $4, $5)`,
      [r.id, i + 1, firstSubmittedAt, v.status, v.reviewedAt ?? null],
    )
  }
}

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  a = [f.unitA, f.subA]
  for (let i = 3; i <= 6; i++) a.push(await seedUnit(t.db, { parent: f.unitA, kind: 'subunit' }))
  const d = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [...a.map((u) => u.id), f.unitB.id], requirements: 1 })
  await t.db.query('UPDATE directive SET issued_at = $2 WHERE id = $1', [d.id, ISSUED])
  // Acknowledged after 0, 1 (01:00 on the 2nd in Hanoi, still the 1st in UTC), 2, 3 and 10 days; the sixth not yet; B after 4.
  const acks: [number, string | null][] = [[a[0].id, at('2026-01-01', '05:00')], [a[1].id, at('2026-01-01', '18:00')], [a[2].id, at('2026-01-03')], [a[3].id, at('2026-01-04')], [a[4].id, at('2026-01-11')], [a[5].id, null], [f.unitB.id, at('2026-01-05')]]
  for (const [unitId, ackAt] of acks) await t.db.query('UPDATE directive_addressee SET acknowledged_at = $3 WHERE directive_id = $1 AND unit_id = $2', [d.id, unitId, ackAt])
  // A closed directive never acknowledged by A: nothing waits on it any more. A draft counts for nothing.
  const closed = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id], requirements: 1, status: 'closed' })
  await t.db.query('UPDATE directive SET issued_at = $2 WHERE id = $1', [closed.id, '2025-12-01T02:00:00Z'])
  await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id], requirements: 1, status: 'draft' })

  // Plans: A submitted after 10 days, accepted after 15, every action done by 01/03 (59 days);
  // the department submitted after 20 and was returned; the third unit has a draft; B submitted
  // after 5, accepted after 6, one action still open.
  const r = d.requirementIds[0]
  const pa = await plan(d.id, a[0].id, { status: 'accepted', submittedAt: at('2026-01-11'), reviewedAt: at('2026-01-16') })
  await action(pa, d.id, a[0].id, r, '2026-02-10')
  await action(pa, d.id, a[0].id, r, '2026-03-01')
  await plan(d.id, a[1].id, { status: 'returned', submittedAt: at('2026-01-21'), reviewedAt: at('2026-01-25') })
  await plan(d.id, a[2].id, { status: 'draft' })
  const pb = await plan(d.id, f.unitB.id, { status: 'accepted', submittedAt: at('2026-01-06'), reviewedAt: at('2026-01-07') })
  await action(pb, d.id, f.unitB.id, r, '2026-02-01')
  await action(pb, d.id, f.unitB.id, r, null)

  // Reports: A first submitted 01/02, returned, accepted 11/02 (10 days); the department submitted
  // 05/02 and waits; B submitted 01/02, accepted 03/02 (2 days).
  const [{ id: period }] = await t.db.query<{ id: number }>(`INSERT INTO report_period (owner_unit_id, scope_unit_id, title, kind, deadline) VALUES ($1, $1, 'Quý I/2026', 'quarter', '2026-03-31') RETURNING id`, [f.root.id])
  await report(period, a[0].id, at('2026-02-01'), [{ status: 'returned', reviewedAt: at('2026-02-04') }, { status: 'accepted', reviewedAt: at('2026-02-11') }])
  await report(period, a[1].id, at('2026-02-05'), [{ status: 'pending' }])
  await report(period, f.unitB.id, at('2026-02-01'), [{ status: 'accepted', reviewedAt: at('2026-02-03') }])

  // Findings recorded 01/02: A's two corrective actions closed after 10 and 30 days, a third still
  // open (47 days); B's closed after 4.
  const [{ id: inspection }] = await t.db.query<{ id: number }>(
    `INSERT INTO inspection (number, year, owner_unit_id, title, kind, mode, method, level, decision_number, decision_date, period_from, period_to, start_date, duration_days, original_deadline, deadline)
     VALUES ('KT-2026-0001', 2026, $1, 'Kiểm tra công tác BVCTNB', 'inspection', 'thematic', 'direct', 'aboveGrassroots', '1-QĐ/BCSĐ', '2026-01-10', '2025-01-01', '2025-12-31', '2026-01-15', 20, '2026-02-04', '2026-02-04') RETURNING id`,
    [f.root.id],
  )
  const verifier = (await t.db.query<{ id: number }>(`SELECT id FROM account WHERE username = 'board'`))[0].id
  const finding = async (unitId: number) => (await t.db.query<{ id: number }>(
    `INSERT INTO inspection_finding (inspection_id, unit_id, kind, text, created_at) VALUES ($1, $2, 'shortcoming', 'Chưa rà soát quy chế', $3) RETURNING id`, [inspection, unitId, at('2026-02-01')]))[0].id
  const corrective = (findingId: number, unitId: number, closedOn: string | null) => t.db.query(
    `INSERT INTO corrective_action (inspection_id, finding_id, unit_id, title, due_date, effective_due_date, status, completed_on, verified_by, verified_at, closed_on)
     VALUES ($1, $2, $3, 'Sửa đổi quy chế', '2026-04-30', '2026-04-30', $4, $5, $6, $7, $5)`,
    [inspection, findingId, unitId, closedOn ? 'closed' : 'open', closedOn, closedOn ? verifier : null, closedOn ? at(closedOn) : null],
  )
  const fa = await finding(f.unitA.id)
  await corrective(fa, f.unitA.id, '2026-02-11')
  await corrective(fa, f.unitA.id, '2026-03-03')
  await corrective(fa, f.unitA.id, null)
  await corrective(await finding(f.unitB.id), f.unitB.id, '2026-02-05')
})
afterAll(() => t.close())

const measures = async (username: string, query = '') => {
  const res = await t.call(await t.login(username), 'GET', `/api/v1/latency${query}`)
  expect(res.statusCode, res.body).toBe(200)
  return Object.fromEntries((res.json().measures as { key: string }[]).map((m) => [m.key, m])) as Record<string, Record<string, unknown>>
}

describe('process latency over the whole ministry', () => {
  it('gives median and p90 days from issue to acknowledgement, counting Vietnamese days, with what still waits', async () => {
    const m = await measures('board')
    expect(m.directive_acknowledged).toMatchObject({ tracked: true, count: 6, medianDays: 2.5, p90Days: 7, pending: 1, oldestPendingDays: 78 })
    expect(m.directive_acknowledged.label).toEqual({ vi: 'Từ khi ban hành văn bản đến khi đơn vị tiếp nhận', en: 'Directive issued to acknowledged' })
  })

  it('to the plan submitted, and to the plan accepted', async () => {
    const m = await measures('board')
    expect(m.directive_plan_submitted).toMatchObject({ count: 3, medianDays: 10, p90Days: 18, pending: 4, oldestPendingDays: 78 })
    expect(m.directive_plan_accepted).toMatchObject({ count: 2, medianDays: 10.5, p90Days: 14.1, pending: 5 })
  })

  it('to every action done', async () => {
    expect((await measures('board')).directive_completed).toMatchObject({ count: 1, medianDays: 59, p90Days: 59, pending: 6 })
  })

  it('from report submission to acceptance', async () => {
    expect((await measures('board')).report_accepted).toMatchObject({ tracked: true, count: 2, medianDays: 6, p90Days: 9.2, pending: 1, oldestPendingDays: 43 })
  })

  it('from an inspection finding to the closing of each corrective action made of it', async () => {
    expect((await measures('board')).finding_closed).toMatchObject({ tracked: true, count: 3, medianDays: 10, p90Days: 26, pending: 1, oldestPendingDays: 47 })
    expect((await measures('board.a')).finding_closed).toMatchObject({ count: 2, medianDays: 20, p90Days: 28, pending: 1 })
  })
})

describe('scope and filters', () => {
  it("measures a unit's subtree only: the board officer of hospital A, or anyone with `under`", async () => {
    const mine = await measures('board.a')
    expect(mine.directive_acknowledged).toMatchObject({ count: 5, medianDays: 2, p90Days: 7.2, pending: 1 })
    expect(mine.report_accepted).toMatchObject({ count: 1, medianDays: 10, pending: 1 })
    const under = await measures('committee', `?under=${f.unitA.id}`)
    expect(under.directive_acknowledged).toEqual(mine.directive_acknowledged)
    const res = await t.call(await t.login('board.a'), 'GET', `/api/v1/latency?under=${f.unitB.id}`)
    expect(res.statusCode).toBe(404)
  })

  it('counts only work started on or after `since`', async () => {
    const m = await measures('board', '?since=2026-01-02')
    expect(m.directive_acknowledged).toMatchObject({ count: 0, medianDays: null, p90Days: null, pending: 0, oldestPendingDays: null })
    expect(m.report_accepted).toMatchObject({ count: 2, medianDays: 6 })
  })

  it('says "not tracked yet", never a zero, where the feature behind a measure is not there', async () => {
    const bare = await createTestApp()
    try {
      await seedFixture(bare.db)
      await bare.db.query('DROP TABLE corrective_action CASCADE')
      const res = (await bare.call(await bare.login('board'), 'GET', '/api/v1/latency')).json()
      const byKey = Object.fromEntries(res.measures.map((m: { key: string }) => [m.key, m]))
      expect(byKey.finding_closed).toEqual({
        key: 'finding_closed', label: { vi: 'Từ phát hiện qua kiểm tra đến khi khắc phục xong', en: 'Inspection finding to corrective action closed' },
        tracked: false, count: null, medianDays: null, p90Days: null, pending: null, oldestPendingDays: null,
      })
      expect(byKey.directive_acknowledged).toMatchObject({ tracked: true, count: 0, medianDays: null, pending: 0 })
    } finally {
      await bare.close()
    }
  })

  it('is for the board, the committee and auditors', async () => {
    expect((await t.call(await t.login('unitHead.a'), 'GET', '/api/v1/latency')).statusCode).toBe(403)
    expect((await t.call(await t.login('auditor'), 'GET', '/api/v1/latency')).statusCode).toBe(200)
  })
})
