// Review cycles: when a channel's security review falls due (TS and SQL pinned equal on hand-built
// channels), where it stands on a day, recording a review, and the reminders before, on and after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedChannel, seedPerson } from '../../db/seed/builders.ts'
import { createMailer } from '../../mail/mailer.ts'
import { addMonths } from '../../lib/dates.ts'
import { createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'
import { runChannelReviewReminders } from './channels.jobs.ts'
import { nextReviewDue, reviewRulesOf, reviewStatusOn, type ReviewClock } from './channels.policy.ts'

let t: TestApp
let f: Fixture
let officer: Session

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  officer = await t.login('unitOfficer.a')
})
afterAll(() => t.close())

const rules = () => reviewRulesOf(t.config)
const passed = { adminsStillNeeded: true, twoFactorOn: true, recoveryContactsCurrent: true, postingRulesFollowed: true, noLookAlikes: true }

describe('the review cycle', () => {
  it('adds calendar months as PostgreSQL does, clamped to the end of the month', async () => {
    const days = ['2025-08-31', '2025-09-30', '2024-02-29', '2025-12-31', '2026-01-15', '2025-03-31']
    for (const day of days) {
      for (const n of [1, 3, 6, 12, 18]) {
        const [{ d }] = await t.db.query<{ d: string }>(`SELECT ($1::date + make_interval(months => $2::int))::date AS d`, [day, n])
        expect(addMonths(day, n), `${day} + ${n}`).toBe(d)
      }
    }
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28')
  })

  it('falls due one cycle after the last review (the channel’s own, else the default), or 30 days after registration', () => {
    const c = (o: Partial<ReviewClock>): ReviewClock => ({ status: 'active', registeredOn: '2026-01-05', lastReviewedOn: null, reviewCycleMonths: null, ...o })
    expect(nextReviewDue(c({}), rules())).toBe('2026-02-04')
    expect(nextReviewDue(c({ lastReviewedOn: '2025-08-31' }), rules())).toBe('2026-02-28')
    expect(nextReviewDue(c({ lastReviewedOn: '2025-12-10', reviewCycleMonths: 3 }), rules())).toBe('2026-03-10')
    expect(nextReviewDue(c({ lastReviewedOn: '2025-12-10' }), reviewRulesOf({ ...t.config, channelReviewMonths: 12 }))).toBe('2026-12-10')
    expect(nextReviewDue(c({ status: 'retired', lastReviewedOn: '2025-12-10' }), rules())).toBeNull()
  })

  it('is current, then due soon from the first reminder (14 days before), then overdue the day after the due date', () => {
    const due = (d: string): ReviewClock => ({ status: 'active', registeredOn: '2020-01-01', lastReviewedOn: addMonths(d, -6), reviewCycleMonths: null })
    const on = (d: string, today: string) => reviewStatusOn(due(d), rules(), today)
    expect(on('2026-04-04', '2026-03-20')).toBe('current')
    expect(on('2026-04-03', '2026-03-20')).toBe('due_soon')
    expect(on('2026-03-20', '2026-03-20')).toBe('due_soon')
    expect(on('2026-03-19', '2026-03-20')).toBe('overdue')
    expect(reviewStatusOn({ ...due('2026-03-19'), status: 'retired' }, rules(), '2026-03-20')).toBe('retired')
  })

  it('says the same in SQL: every list filter returns exactly the channels the rule classifies so', async () => {
    const person = await seedPerson(t.db, { unitId: f.subA.id })
    const cases: Partial<ReviewClock & { registeredOn: string }>[] = [
      {}, { registeredOn: '2026-03-01' }, { registeredOn: '2026-02-18' }, { registeredOn: '2026-02-17' }, { registeredOn: '2026-03-05' }, { registeredOn: '2026-03-06' },
      { lastReviewedOn: '2025-08-31' }, { lastReviewedOn: '2025-09-20' }, { lastReviewedOn: '2025-09-19' }, { lastReviewedOn: '2025-10-03' }, { lastReviewedOn: '2025-10-04' },
      { lastReviewedOn: '2025-12-20', reviewCycleMonths: 3 }, { lastReviewedOn: '2025-12-21', reviewCycleMonths: 3 }, { lastReviewedOn: '2025-03-20', reviewCycleMonths: 12 },
      { lastReviewedOn: '2026-03-20', reviewCycleMonths: 1 }, { status: 'retired', lastReviewedOn: '2024-01-01' },
    ]
    const made: { id: number; clock: ReviewClock }[] = []
    for (const o of cases) {
      const clock: ReviewClock = { status: 'active', registeredOn: '2026-01-05', lastReviewedOn: null, reviewCycleMonths: null, ...o }
      const { id } = await seedChannel(t.db, { unitId: f.subA.id, responsiblePersonId: person.id, registeredOn: clock.registeredOn, lastReviewedOn: clock.lastReviewedOn, reviewCycleMonths: clock.reviewCycleMonths, status: clock.status })
      made.push({ id, clock })
    }
    const ours = new Set(made.map((m) => m.id))
    const board = await t.login('board')
    const seen = new Map<number, string>()
    for (const status of ['current', 'due_soon', 'overdue', 'retired']) {
      const items = (await t.call(board, 'GET', `/api/v1/channels?under=${f.subA.id}&reviewStatus=${status}`)).json().items as { id: number; reviewStatus: string }[]
      for (const i of items.filter((x) => ours.has(x.id))) {
        expect(i.reviewStatus).toBe(status)
        seen.set(i.id, status)
      }
    }
    for (const m of made) expect(seen.get(m.id), JSON.stringify(m.clock)).toBe(reviewStatusOn(m.clock, rules(), '2026-03-20'))
    // Every class appears, so the comparison covers each boundary.
    expect(new Set(seen.values())).toEqual(new Set(['current', 'due_soon', 'overdue', 'retired']))
    const register = (await t.call(board, 'GET', `/api/v1/channels/register?under=${f.subA.id}&status=active&limit=500`)).json().items as { id: number; nextReviewDue: string }[]
    for (const m of made.filter((x) => x.clock.status === 'active')) expect(register.find((r) => r.id === m.id)?.nextReviewDue).toBe(nextReviewDue(m.clock, rules()))
  })
})

describe('recording a review', () => {
  let id = 0
  beforeAll(async () => {
    id = (await seedChannel(t.db, { unitId: f.unitA.id, responsiblePersonId: f.personA.id, registeredOn: '2025-06-01', lastReviewedOn: '2025-09-10', admins: [{ personId: f.personA.id, hasTwoFactor: true }] })).id
  })

  it('takes findings and a follow-up action when a check failed, naming what is missing', async () => {
    const before = await t.db.query('SELECT 1 FROM channel_review WHERE channel_id = $1', [id])
    const bare = await t.call(officer, 'POST', `/api/v1/channels/${id}/reviews`, { reviewedOn: '2026-03-18', checks: { ...passed, noLookAlikes: false } })
    expect(bare.statusCode).toBe(400)
    expect(bare.json().error.fields).toEqual({ findings: expect.stringContaining('phát hiện'), followUpActions: expect.any(String) })
    const future = await t.call(officer, 'POST', `/api/v1/channels/${id}/reviews`, { reviewedOn: '2026-03-21', checks: passed })
    expect(future.json().error.fields).toEqual({ reviewedOn: 'Không được sau ngày hôm nay' })
    const partial = await t.call(officer, 'POST', `/api/v1/channels/${id}/reviews`, { reviewedOn: '2026-03-18', checks: { adminsStillNeeded: true } })
    expect(Object.keys(partial.json().error.fields).sort()).toEqual(['checks.noLookAlikes', 'checks.postingRulesFollowed', 'checks.recoveryContactsCurrent', 'checks.twoFactorOn'])
    expect(await t.db.query('SELECT 1 FROM channel_review WHERE channel_id = $1', [id])).toEqual(before)
  })

  it('moves the next review one cycle on from its day; an earlier review entered late does not move it back', async () => {
    expect((await t.call(officer, 'GET', `/api/v1/channels/${id}`)).json()).toMatchObject({ nextReviewDue: '2026-03-10', reviewStatus: 'overdue' })
    const res = await t.call(officer, 'POST', `/api/v1/channels/${id}/reviews`, {
      reviewedOn: '2026-03-18', checks: { ...passed, noLookAlikes: false }, findings: 'Phát hiện trang "Bệnh viện Alpha - Tư vấn" giả mạo',
      followUpActions: [{ action: 'Báo cáo nền tảng gỡ trang giả mạo', dueDate: '2026-03-25' }],
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ lastReviewedOn: '2026-03-18', nextReviewDue: '2026-09-18', reviewStatus: 'current' })
    expect(res.json().reviews[0]).toMatchObject({ reviewedOn: '2026-03-18', isPassed: false, checks: { noLookAlikes: false }, followUpActions: [{ action: 'Báo cáo nền tảng gỡ trang giả mạo', dueDate: '2026-03-25' }], reviewedBy: 'Lê Văn unitOfficer' })
    const late = await t.call(officer, 'POST', `/api/v1/channels/${id}/reviews`, { reviewedOn: '2026-01-05', checks: passed })
    expect(late.json()).toMatchObject({ lastReviewedOn: '2026-03-18', nextReviewDue: '2026-09-18' })
    expect(late.json().reviews.map((r: { reviewedOn: string }) => r.reviewedOn)).toEqual(['2026-03-18', '2026-01-05'])
  })
})

describe('review reminders', () => {
  const lines: string[] = []
  const mailer = createMailer(null, { log: (l) => lines.push(l) })
  let id = 0
  let responsible: { id: number }
  // Each run at 10:00 in Hanoi on its day: the reminders' times follow the days.
  const run = (day: string) => runChannelReviewReminders(t.db, mailer, rules(), day, new Date(`${day}T03:00:00Z`))

  beforeAll(async () => {
    // Unit B: no other test here gives it a channel.
    const unit = f.unitB
    responsible = await seedPerson(t.db, { unitId: unit.id, fullName: 'Đinh Văn Phụ Trách' })
    await t.db.query(`UPDATE person SET email = 'phutrach@benhvienbeta.vn' WHERE id = $1`, [responsible.id])
    const { seedAccount } = await import('../../db/seed/builders.ts')
    const head = await seedPerson(t.db, { unitId: unit.id, fullName: 'Trưởng Beta' })
    await t.db.query(`UPDATE person SET email = 'truong@benhvienbeta.vn' WHERE id = $1`, [head.id])
    await seedAccount(t.db, { username: 'head.b', password: 'Test-password-1', personId: head.id, roles: [{ role: 'unitHead', unitId: unit.id }] })
    await seedAccount(t.db, { username: 'phutrach.b', password: 'Test-password-1', personId: responsible.id, roles: [{ role: 'staff', unitId: unit.id }] })
    // Reviewed 2025-10-15: due 2026-04-15; stages before:14 (04-01), before:3 (04-12), on, after:7 (04-22), after:30 (05-15).
    id = (await seedChannel(t.db, { unitId: unit.id, responsiblePersonId: responsible.id, name: 'Trang tin Beta', lastReviewedOn: '2025-10-15' })).id
  })

  const sentFor = async () => (await t.db.query<{ stage: string }>('SELECT stage FROM channel_review_reminder WHERE channel_id = $1 ORDER BY sent_at, stage', [id])).map((r) => r.stage)

  it('sends nothing before the first stage', async () => {
    await run('2026-03-31')
    expect(await sentFor()).toEqual([])
    expect(lines.filter((l) => l.includes('benhvienbeta.vn'))).toEqual([])
  })

  it('reminds the head and the person responsible, in-app and by e-mail, once per stage', async () => {
    const first = await run('2026-04-01')
    expect(first.sent).toBeGreaterThanOrEqual(1)
    expect(await sentFor()).toEqual(['before:14'])
    expect(lines.filter((l) => l.includes('truong@benhvienbeta.vn') || l.includes('phutrach@benhvienbeta.vn'))).toHaveLength(2)
    const note = (await t.call(await t.login('phutrach.b'), 'GET', '/api/v1/notifications')).json().items[0]
    expect(note).toMatchObject({ kind: 'channel.review', title: 'Nhắc rà soát an ninh kênh: Trang tin Beta', link: `/channels/${id}` })
    expect(note.body).toContain('còn 14 ngày đến hạn')
    expect(note.body).toContain('15/04/2026')
    await run('2026-04-01')
    await run('2026-04-05')
    expect(await sentFor()).toEqual(['before:14'])
  })

  it('sends on the day and after it; after a gap only the latest stage', async () => {
    await run('2026-04-15')
    expect(await sentFor()).toEqual(['before:14', 'on'])
    // Down from the 16th to the 20th of May: only "30 days late" goes out, not "7 days late" too.
    await run('2026-05-20')
    expect(await sentFor()).toEqual(['before:14', 'on', 'after:30'])
    const notes = (await t.call(await t.login('head.b'), 'GET', '/api/v1/notifications')).json().items
    expect(notes[0].body).toContain('đã quá hạn 30 ngày')
  })

  it('starts again for the next due date once the channel is reviewed', async () => {
    await t.db.query(`UPDATE channel SET last_reviewed_on = '2026-05-21' WHERE id = $1`, [id])
    await run('2026-05-21')
    await run('2026-11-07')
    const rows = await t.db.query<{ due_on: string; stage: string }>('SELECT due_on, stage FROM channel_review_reminder WHERE channel_id = $1 ORDER BY sent_at', [id])
    expect(rows.at(-1)).toEqual({ due_on: '2026-11-21', stage: 'before:14' })
  })
})
