// Reminds the owner unit of a corrective action before, on and after its due date in force, in-app
// and by e-mail, with the report reminders' stages (reports/reminders.job.ts). Only the latest stage
// due on the day is sent (a server that was down sends no backlog), and each (action, due date,
// stage) goes out once: the row is claimed before sending. An approved extension moves the due date,
// so its stages start again. Actions awaiting verification are the board's turn: no reminder.
import type { Db } from '../../db/types.ts'
import type { Mailer } from '../../mail/mailer.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { stages } from '../reports/reminders.job.ts'
import { vnTextDate } from '../reports/documents/vn-format.ts'
import { remindable } from './corrective-actions.queries.ts'
import { unitOfficers } from '../notifications/recipients.ts'
import { notifyUnits, sendMails } from './unit-notices.ts'
import { addDays } from '../../lib/dates.ts'

export async function runCorrectiveReminders(db: Db, mailer: Mailer, asOf: string, now: Date, days: { before: number[]; after: number[] }) {
  const lead = Math.max(0, ...days.before)
  const last = stages(asOf, days.before, days.after).at(-1)!.stage
  let sent = 0
  let emails = 0
  for (const a of await remindable(db, addDays(asOf, lead), last)) {
    const due = stages(a.effective_due_date, days.before, days.after).filter((s) => s.date <= asOf).at(-1)
    if (!due || a.sent.includes(due.stage)) continue
    const when = due.stage === 'on' ? 'hôm nay là hạn' : due.stage.startsWith('before') ? `còn ${due.stage.split(':')[1]} ngày đến hạn` : `đã quá hạn ${due.stage.split(':')[1]} ngày`
    const mails = await db.transaction(async (tx) => {
      const people = await unitOfficers(tx, [a.unit_id])
      const claimed = await tx.query(
        'INSERT INTO corrective_action_reminder (corrective_action_id, due_date, stage, sent_at, recipients, emails) VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT DO NOTHING RETURNING 1',
        [a.id, a.effective_due_date, due.stage, now, people.length, people.filter((p) => p.email).length],
      )
      if (!claimed.length) return null
      await recordAudit(tx, { id: null, username: 'system', ip: null, now }, { action: 'remind', entity: 'correctiveAction', entityId: a.id, unitId: a.unit_id, after: { stage: due.stage, dueDate: a.effective_due_date } })
      return notifyUnits(tx, [a.unit_id], {
        kind: 'corrective.reminder', title: `Nhắc khắc phục: ${a.title}`.slice(0, 300),
        body: `${a.unit_name}: ${when} hoàn thành việc khắc phục (hạn ${vnTextDate(a.effective_due_date)}). Báo cáo kết quả kèm minh chứng trên BVCT.`,
        link: `/corrective-actions/${a.id}`, dedupeKey: `corrective:${a.id}:${a.effective_due_date}:${due.stage}`,
      }, now)
    })
    if (!mails) continue
    sent++
    emails += await sendMails(mailer, mails)
  }
  return { sent, emails }
}
