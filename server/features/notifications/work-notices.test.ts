// Units hear of their directive work as it happens: the directive arrives, its deadlines approach,
// the plan is returned or accepted, an extension is decided. In-app at once, by e-mail (a real SMTP
// server on loopback) from the outbox, once each, in each reader's language, as each chose.
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderNotification } from '../../../contract/notification-texts.ts'
import type { NotificationDto } from '../../../contract/notifications.ts'
import { seedAccount, seedDirective, seedPerson } from '../../db/seed/builders.ts'
import { addDays } from '../../lib/dates.ts'
import { createMailer } from '../../mail/mailer.ts'
import { createTestApp, PASSWORD, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'
import { dueStage, runDirectiveReminders } from './directive-reminders.job.ts'
import { runNotificationEmails } from './email-outbox.job.ts'

let t: TestApp
let f: Fixture
let smtp: SMTPServer
let port: number
const inbox: { to: string; data: string }[] = []
let board: Session
let officerA: Session
let directiveId: number
let ackDue: string
let planDue: string

/** The subject and body of a received message, decoded. */
const decoded = (data: string) => {
  // Long headers are folded over several lines, each part an encoded word.
  const head = data.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ')
  const subject = /^Subject: (.*)$/m.exec(head)?.[1] ?? ''
  const words = subject.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeURIComponent(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1')),
  )
  const body = data.split(/\r?\n\r?\n/).slice(1).join('\n\n')
  const text = /quoted-printable/i.test(data) ? decodeURIComponent(body.replace(/=\r?\n/g, '').replace(/%/g, '%25').replace(/=([0-9A-F]{2})/gi, '%$1')) : body
  return { subject: words, text }
}
const mailsTo = (address: string) => inbox.filter((m) => m.to === address).map((m) => decoded(m.data))
const notes = async (s: Session) => (await t.call(s, 'GET', '/api/v1/notifications')).json().items as NotificationDto[]

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    onData(stream, session, cb) {
      let data = ''
      stream.on('data', (c) => (data += c))
      stream.on('end', () => {
        for (const r of session.envelope.rcptTo) inbox.push({ to: r.address, data })
        cb()
      })
    },
  })
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()))
  port = (smtp.server.address() as { port: number }).port
  t = await createTestApp()
  f = await seedFixture(t.db)
  for (const [u, email] of [['unitHead.a', 'head.a@benhvien.vn'], ['unitOfficer.a', 'officer.a@benhvien.vn']]) {
    await t.db.query(`UPDATE person SET email = $2 WHERE id = (SELECT person_id FROM account WHERE username = $1)`, [u, email])
  }
  board = await t.login('board')
  officerA = await t.login('unitOfficer.a')
  // Unit B's officer.
  const pb = await seedPerson(t.db, { unitId: f.unitB.id })
  await seedAccount(t.db, { username: 'officer.b', password: PASSWORD, personId: pb.id, roles: [{ role: 'unitOfficer', unitId: f.unitB.id }] })
  directiveId = (await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [], status: 'draft', number: '77-CV/BCSD', subject: 'Tăng cường bảo vệ bí mật nhà nước' })).id
})
afterAll(async () => {
  await t.close()
  await new Promise<void>((r) => smtp.close(() => r()))
})

describe('when a directive is issued', () => {
  it("tells the addressee units' heads and officers at once, in-app, with both deadlines, and nobody else", async () => {
    const res = await t.call(board, 'POST', `/api/v1/directives/${directiveId}/issue`, { version: 1, unitIds: [f.unitA.id, f.unitB.id], acknowledgeWithinDays: 5, planWithinDays: 15 })
    expect(res.statusCode).toBe(200)
    ;[{ ack_due_date: ackDue, plan_due_date: planDue }] = await t.db.query<{ ack_due_date: string; plan_due_date: string }>(
      'SELECT ack_due_date::text, plan_due_date::text FROM directive_addressee WHERE directive_id = $1 AND unit_id = $2', [directiveId, f.unitA.id],
    )
    const [n] = (await notes(officerA)).filter((x) => x.kind === 'directive.issued')
    expect(n).toMatchObject({ link: `/directives/${directiveId}`, params: { directiveId, number: '77-CV/BCSD', unitName: f.unitA.name, ackDue, planDue } })
    const vi = renderNotification('directive.issued', n.params, 'vi')!
    expect(n.title).toBe(vi.title)
    expect(vi.title).toBe('Văn bản mới: 77-CV/BCSD')
    expect(vi.body).toContain(ackDue.split('-').reverse().join('/'))
    expect(renderNotification('directive.issued', n.params, 'en')!.title).toBe('New directive: 77-CV/BCSD')
    // Unit B's officer hears of unit B's copy; the board (not an addressee) hears nothing.
    expect((await notes(await t.login('officer.b'))).filter((x) => x.kind === 'directive.issued').map((x) => x.params?.unitId)).toEqual([f.unitB.id])
    expect((await notes(board)).filter((x) => x.kind === 'directive.issued')).toEqual([])
  })

  it('e-mails them from the outbox over SMTP, once, in Vietnamese by default', async () => {
    const mailer = createMailer(`smtp://127.0.0.1:${port}`)
    const first = await runNotificationEmails(t.db, mailer, t.clock())
    expect(first.sent).toBe(2)
    expect(mailsTo('head.a@benhvien.vn')).toHaveLength(1)
    const [mail] = mailsTo('officer.a@benhvien.vn')
    expect(mail.subject).toBe('Văn bản mới: 77-CV/BCSD')
    expect(mail.text).toContain('Đăng nhập BVCT để xem chi tiết.')
    // People without an address are marked so and never tried again; nothing is sent twice.
    expect((await runNotificationEmails(t.db, mailer, t.clock())).claimed).toBe(0)
    expect(inbox).toHaveLength(2)
  })
})

describe('notification settings', () => {
  it('start with e-mail on for every kind, in Vietnamese', async () => {
    const s = (await t.call(officerA, 'GET', '/api/v1/me/notification-settings')).json()
    expect(s.mailLanguage).toBe('vi')
    expect(s.hasEmail).toBe(true)
    expect(s.kinds.every((k: { email: boolean }) => k.email)).toBe(true)
    expect(s.kinds.map((k: { kind: string }) => k.kind)).toContain('directive.ackDue')
  })

  it('refuse an unknown kind, naming the field, in the caller\'s language, and change nothing', async () => {
    const bad = await t.call(officerA, 'PUT', '/api/v1/me/notification-settings', { mailLanguage: 'en', kinds: [{ kind: 'everything', email: false }] }, { 'accept-language': 'en' })
    expect(bad.statusCode).toBe(400)
    expect(Object.keys(bad.json().error.fields)).toEqual(['kinds.0.kind'])
    expect(bad.json().error.message).toMatch(/[a-z]/)
    expect((await t.call(officerA, 'GET', '/api/v1/me/notification-settings')).json().mailLanguage).toBe('vi')
  })

  it('keep what each person chose: the officer turns acknowledgement reminders off and reads e-mail in English', async () => {
    const body = { mailLanguage: 'en', kinds: [{ kind: 'directive.ackDue', email: false }] }
    const res = await t.call(officerA, 'PUT', '/api/v1/me/notification-settings', body)
    expect(res.statusCode).toBe(200)
    // The same request again (a retried submit) leaves the same settings.
    const again = await t.call(officerA, 'PUT', '/api/v1/me/notification-settings', body)
    expect(again.json()).toEqual(res.json())
    expect(res.json().kinds.find((k: { kind: string }) => k.kind === 'directive.ackDue').email).toBe(false)
    expect(res.json().kinds.find((k: { kind: string }) => k.kind === 'plan.returned').email).toBe(true)
    // Someone else's settings are untouched.
    expect((await t.call(await t.login('unitHead.a'), 'GET', '/api/v1/me/notification-settings')).json().mailLanguage).toBe('vi')
  })
})

describe('deadline reminders', () => {
  it('fall due before and on each deadline, a missed day sent one day late and never older', () => {
    expect(dueStage('2026-03-27', [7, 1], '2026-03-19')).toBeNull()
    expect(dueStage('2026-03-27', [7, 1], '2026-03-20')).toBe('before:7')
    expect(dueStage('2026-03-27', [7, 1], '2026-03-21')).toBe('before:7')
    expect(dueStage('2026-03-27', [7, 1], '2026-03-22')).toBeNull()
    expect(dueStage('2026-03-27', [7, 1], '2026-03-26')).toBe('before:1')
    expect(dueStage('2026-03-27', [7, 1], '2026-03-27')).toBe('on')
    expect(dueStage('2026-03-27', [7, 1], '2026-03-28')).toBe('on')
    expect(dueStage('2026-03-27', [7, 1], '2026-03-29')).toBeNull()
  })

  it('remind units that have not acknowledged, once per stage, by e-mail only to those who want it', async () => {
    const mailer = createMailer(`smtp://127.0.0.1:${port}`)
    const before = inbox.length
    const first = await runDirectiveReminders(t.db, addDays(ackDue, -2), t.clock())
    expect(first.raised).toBeGreaterThanOrEqual(2)
    expect((await runDirectiveReminders(t.db, addDays(ackDue, -2), t.clock())).raised).toBe(0)
    // The next day is the same stage (a late run): nothing new.
    expect((await runDirectiveReminders(t.db, addDays(ackDue, -1), t.clock())).raised).toBe(0)
    const reminders = (await notes(officerA)).filter((x) => x.kind === 'directive.ackDue')
    expect(reminders.map((x) => x.params?.stage)).toEqual(['before:2'])
    expect(renderNotification('directive.ackDue', reminders[0].params, 'vi')!.body).toBe(`${f.unitA.name}: còn 2 ngày đến hạn tiếp nhận văn bản (hạn ${ackDue.split('-').reverse().join('/')}).`)
    await runNotificationEmails(t.db, mailer, t.clock())
    // The head gets it; the officer turned this kind off.
    expect(inbox.slice(before).map((m) => m.to)).toEqual(['head.a@benhvien.vn'])
    expect(mailsTo('head.a@benhvien.vn').at(-1)!.subject).toBe('Nhắc tiếp nhận: 77-CV/BCSD')
  })

  it('stop for a unit once it has acknowledged, and remind of the plan until it is sent', async () => {
    const head = await t.login('unitHead.a')
    expect((await t.call(head, 'POST', `/api/v1/directives/${directiveId}/acknowledge`, { unitId: f.unitA.id })).statusCode).toBeLessThan(300)
    await runDirectiveReminders(t.db, ackDue, t.clock())
    const stages = (await notes(officerA)).filter((x) => x.kind === 'directive.ackDue').map((x) => x.params?.stage)
    expect(stages).toEqual(['before:2'])
    // Unit B has not acknowledged: it gets the day's reminder.
    expect((await notes(await t.login('officer.b'))).filter((x) => x.kind === 'directive.ackDue').map((x) => x.params?.stage)).toContain('on')
    await runDirectiveReminders(t.db, addDays(planDue, -7), t.clock())
    const [plan] = (await notes(officerA)).filter((x) => x.kind === 'plan.due')
    expect(plan).toMatchObject({ link: `/directives/${directiveId}/units/${f.unitA.id}/plan`, params: { stage: 'before:7', due: planDue } })
  })
})

describe('plan reviews and extension decisions', () => {
  let planId: number
  let extensionId: number

  beforeAll(async () => {
    const [p] = await t.db.query<{ id: number }>(`INSERT INTO unit_plan (directive_id, unit_id, status, submitted_at) VALUES ($1, $2, 'submitted', now()) RETURNING id`, [directiveId, f.unitA.id])
    planId = p.id
    const [r] = await t.db.query<{ id: number }>('SELECT id FROM requirement WHERE directive_id = $1 ORDER BY ordinal LIMIT 1', [directiveId])
    const [a] = await t.db.query<{ id: number }>(
      `INSERT INTO plan_action (plan_id, directive_id, unit_id, requirement_id, title, due_date, effective_due_date) VALUES ($1,$2,$3,$4,'Phổ biến văn bản','2026-04-30','2026-04-30') RETURNING id`,
      [planId, directiveId, f.unitA.id, r.id],
    )
    const [x] = await t.db.query<{ id: number }>(`INSERT INTO deadline_extension (plan_id, action_id, requested_due_date, reason, requested_at) VALUES ($1, $2, '2026-06-30', 'Chờ tập huấn', now()) RETURNING id`, [planId, a.id])
    extensionId = x.id
  })

  it('tell the unit a plan was returned with the comment, each review its own notice, e-mailed in the reader\'s language', async () => {
    const mailer = createMailer(`smtp://127.0.0.1:${port}`)
    const res = await t.call(board, 'POST', `/api/v1/plans/${planId}/return`, { version: 1, comment: 'Bổ sung thời hạn cho từng việc' })
    expect(res.statusCode).toBe(200)
    const [n] = (await notes(officerA)).filter((x) => x.kind === 'plan.returned')
    expect(n.params).toMatchObject({ comment: 'Bổ sung thời hạn cho từng việc', unitName: f.unitA.name })
    expect(n.link).toBe(`/directives/${directiveId}/units/${f.unitA.id}/plan`)
    await runNotificationEmails(t.db, mailer, t.clock())
    expect(mailsTo('officer.a@benhvien.vn').at(-1)).toMatchObject({ subject: 'Plan returned: 77-CV/BCSD' })
    expect(mailsTo('officer.a@benhvien.vn').at(-1)!.text).toContain('Sign in to BVCT for the details.')
    expect(mailsTo('head.a@benhvien.vn').at(-1)!.subject).toBe('Kế hoạch bị trả lại: 77-CV/BCSD')
    // Submitted again and accepted: a second, different notice.
    await t.db.query(`UPDATE unit_plan SET status = 'submitted' WHERE id = $1`, [planId])
    t.clock.advance(60_000)
    const [{ version }] = await t.db.query<{ version: number }>('SELECT version FROM unit_plan WHERE id = $1', [planId])
    expect((await t.call(board, 'POST', `/api/v1/plans/${planId}/accept`, { version })).statusCode).toBe(200)
    expect((await notes(officerA)).filter((x) => x.kind.startsWith('plan.') && x.kind !== 'plan.due').map((x) => x.kind)).toEqual(['plan.accepted', 'plan.returned'])
  })

  it('tell the unit an extension was decided, with the date asked for', async () => {
    const res = await t.call(board, 'POST', `/api/v1/extensions/${extensionId}/refuse`, { note: 'Không đủ căn cứ' })
    expect(res.statusCode).toBe(200)
    const [n] = (await notes(officerA)).filter((x) => x.kind === 'extension.decided')
    expect(n.params).toMatchObject({ decision: 'refused', requestedDue: '2026-06-30', note: 'Không đủ căn cứ' })
    expect(renderNotification(n.kind, n.params, 'vi')!.body).toBe(`${f.unitA.name}: đề nghị gia hạn đến 30/06/2026 không được đồng ý. Ý kiến: Không đủ căn cứ`)
    expect(renderNotification(n.kind, n.params, 'en')!.title).toBe('Extension refused: 77-CV/BCSD')
  })
})

describe('the e-mail outbox', () => {
  it('retries a mail server that is down and gives up after the last attempt, the in-app notice kept', async () => {
    await t.call(board, 'POST', `/api/v1/extensions/${(await t.db.query<{ id: number }>(
      `INSERT INTO deadline_extension (plan_id, requirement_id, requested_due_date, reason, requested_at)
       SELECT id, (SELECT id FROM requirement WHERE directive_id = $1 LIMIT 1), '2026-07-30', 'Lý do', now() FROM unit_plan WHERE directive_id = $1 AND unit_id = $2 RETURNING id`,
      [directiveId, f.unitA.id]))[0].id}/approve`, { note: '' })
    const down = createMailer('smtp://127.0.0.1:1')
    const first = await runNotificationEmails(t.db, down, t.clock())
    expect(first).toMatchObject({ sent: 0, failed: 0 })
    expect(first.claimed).toBeGreaterThan(0)
    for (let i = 0; i < 3; i++) await runNotificationEmails(t.db, down, t.clock())
    expect((await runNotificationEmails(t.db, down, t.clock())).failed).toBe(first.claimed)
    expect((await runNotificationEmails(t.db, createMailer(`smtp://127.0.0.1:${port}`), t.clock())).claimed).toBe(0)
    expect((await notes(officerA)).filter((x) => x.kind === 'extension.decided')).toHaveLength(2)
  })

  it('never sends one notification twice when two runs overlap (two server processes)', async () => {
    // Unit A's plan is back with the unit: the day-before reminder goes to its head and officer.
    await t.db.query(`UPDATE unit_plan SET status = 'returned' WHERE directive_id = $1`, [directiveId])
    await runDirectiveReminders(t.db, addDays(planDue, -1), t.clock())
    const before = inbox.length
    const mailer = createMailer(`smtp://127.0.0.1:${port}`)
    const [a, b] = await Promise.all([runNotificationEmails(t.db, mailer, t.clock()), runNotificationEmails(t.db, mailer, t.clock())])
    expect(a.sent + b.sent).toBe(inbox.length - before)
    expect(a.sent + b.sent).toBeGreaterThan(0)
    const subjects = inbox.slice(before).map((m) => `${m.to} ${decoded(m.data).subject}`)
    expect(new Set(subjects).size).toBe(subjects.length)
  })
})
