import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDirective } from '../../db/seed/builders.ts'
import { createMailer } from '../../mail/mailer.ts'
import { createTestApp, seedFixture, type Fixture, type TestApp } from '../../../test/app.ts'
import { runReportReminders, stages } from './reminders.job.ts'

let t: TestApp
let f: Fixture
let smtp: SMTPServer
let port: number
const inbox: { to: string[]; data: string }[] = []

beforeAll(async () => {
  // A real SMTP server on loopback: the messages nodemailer sends arrive here.
  smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    onData(stream, session, cb) {
      let data = ''
      stream.on('data', (c) => (data += c))
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), data })
        cb()
      })
    },
  })
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()))
  port = (smtp.server.address() as any).port
  t = await createTestApp()
  f = await seedFixture(t.db)
  await t.db.query(`UPDATE person SET email = 'head.a@benhvien.vn' WHERE id = (SELECT person_id FROM account WHERE username = 'unitHead.a')`)
  await t.db.query(`UPDATE person SET email = 'officer.a@benhvien.vn' WHERE id = (SELECT person_id FROM account WHERE username = 'unitOfficer.a')`)
  const d = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id, f.unitB.id], requirements: 1 })
  const board = await t.login('board')
  const res = await t.call(board, 'POST', '/api/v1/report-periods', { title: 'Báo cáo quý I/2026', kind: 'quarter', scopeUnitId: f.root.id, deadline: '2026-03-27', directiveIds: [d.id], remindBefore: [7, 1], remindAfter: [3] })
  expect(res.statusCode).toBe(201)
  // Unit B has already reported: it gets no reminder.
  await t.db.query(`INSERT INTO unit_report (period_id, unit_id, status, submitted_versions) VALUES ($1, $2, 'submitted', 1)`, [res.json().id, f.unitB.id])
})
afterAll(async () => {
  await t.close()
  await new Promise<void>((r) => smtp.close(() => r()))
})

describe('report reminders', () => {
  it('orders the stages around the deadline', () => {
    expect(stages('2026-03-27', [7, 1], [3])).toEqual([
      { stage: 'before:7', date: '2026-03-20' }, { stage: 'before:1', date: '2026-03-26' }, { stage: 'on', date: '2026-03-27' }, { stage: 'after:3', date: '2026-03-30' },
    ])
  })

  it('e-mails the head and officer over SMTP and notifies them in-app, once per stage', async () => {
    const mailer = createMailer(`smtp://127.0.0.1:${port}`)
    const first = await runReportReminders(t.db, mailer, '2026-03-20', t.clock())
    expect(first).toEqual({ sent: 1, emails: 2 })
    expect(inbox.map((m) => m.to[0]).sort()).toEqual(['head.a@benhvien.vn', 'officer.a@benhvien.vn'])
    expect(inbox[0].data).toContain('Subject: =?UTF-8?') // Vietnamese subject, encoded
    expect(Buffer.from(inbox[0].data).toString()).toMatch(/27\/03\/2026/)
    const notes = (await t.call(await t.login('unitOfficer.a'), 'GET', '/api/v1/notifications')).json().items
    expect(notes[0]).toMatchObject({ kind: 'report.reminder', title: 'Nhắc báo cáo: Báo cáo quý I/2026', body: 'Bệnh viện Alpha: còn 7 ngày đến hạn gửi báo cáo (hạn 27/03/2026).' })
    // A restart, or the hourly timer, the same day: nothing goes out twice.
    expect(await runReportReminders(t.db, mailer, '2026-03-20', t.clock())).toEqual({ sent: 0, emails: 0 })
    expect(await runReportReminders(t.db, mailer, '2026-03-22', t.clock())).toEqual({ sent: 0, emails: 0 })
    expect(inbox).toHaveLength(2)
  })

  it('sends the next stage when it comes, and only the latest one after a gap', async () => {
    const mailer = createMailer(`smtp://127.0.0.1:${port}`)
    // The server was down from the 23rd to the 31st: only "3 days late" goes out, not the backlog.
    expect(await runReportReminders(t.db, mailer, '2026-03-31', t.clock())).toEqual({ sent: 1, emails: 2 })
    const stagesSent = (await t.db.query<{ stage: string }>('SELECT stage FROM report_reminder ORDER BY sent_at, stage')).map((r) => r.stage)
    expect(stagesSent.sort()).toEqual(['after:3', 'before:7'])
    expect(inbox).toHaveLength(4)
  })

  it('writes to the log when SMTP_URL is not set', async () => {
    const lines: string[] = []
    const mailer = createMailer(null, { log: (l) => lines.push(l) })
    await mailer.send({ to: 'x@y.vn', subject: 'Thử', text: 'Nội dung' })
    expect(lines).toEqual(['[mail not sent: SMTP_URL unset] to=x@y.vn subject=Thử'])
  })
})
