// Reminds the owner unit of a corrective action before, on and after its due date in force, in-app
// and by e-mail, with the report reminders' stages (reports/reminders.job.ts). Only the latest stage
// due on the day is sent (a server that was down sends no backlog), and each (action, due date,
// stage) goes out once: the row is claimed before sending. An approved extension moves the due date,
// so its stages start again. Actions awaiting verification are the board's turn: no reminder.
// The reminders due go out in chunks, each one transaction (claims, notifications, audit entries)
// with its units' people looked up in one query.
import type { Db } from '../../db/types.ts'
import type { Mailer } from '../../mail/mailer.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { stages } from '../reports/reminders.job.ts'
import { vnTextDate } from '../reports/documents/vn-format.ts'
import { claimReminders, remindable } from './corrective-actions.queries.ts'
import { notifyEachUnit, officersByUnit, sendMails } from './unit-notices.ts'
import { addDays } from '../../lib/dates.ts'
import { chunksOf, REMINDER_CHUNK } from '../../lib/chunks.ts'

export async function runCorrectiveReminders(db: Db, mailer: Mailer, asOf: string, now: Date, days: { before: number[]; after: number[] }, chunkSize = REMINDER_CHUNK) {
  const lead = Math.max(0, ...days.before)
  const last = stages(asOf, days.before, days.after).at(-1)!.stage
  const due = (await remindable(db, addDays(asOf, lead), last)).flatMap((a) => {
    const stage = stages(a.effective_due_date, days.before, days.after).filter((s) => s.date <= asOf).at(-1)?.stage
    return stage && !a.sent.includes(stage) ? [{ ...a, stage }] : []
  })
  let sent = 0
  let emails = 0
  for (const chunk of chunksOf(due, chunkSize)) {
    const { claimed, mails } = await db.transaction(async (tx) => {
      const people = await officersByUnit(tx, chunk.map((a) => a.unit_id))
      const ids = await claimReminders(tx, chunk.map((a) => ({
        actionId: a.id, dueDate: a.effective_due_date, stage: a.stage, recipients: people.get(a.unit_id)!.length, emails: people.get(a.unit_id)!.filter((p) => p.email).length,
      })), now)
      // Another run (another process) may have claimed some of the chunk: only ours are sent.
      const ours = chunk.filter((a) => ids.has(a.id))
      const mails = await notifyEachUnit(tx, ours.map((a) => {
        const when = a.stage === 'on' ? 'hôm nay là hạn' : a.stage.startsWith('before') ? `còn ${a.stage.split(':')[1]} ngày đến hạn` : `đã quá hạn ${a.stage.split(':')[1]} ngày`
        return {
          unitId: a.unit_id, kind: 'corrective.reminder', title: `Nhắc khắc phục: ${a.title}`.slice(0, 300),
          body: `${a.unit_name}: ${when} hoàn thành việc khắc phục (hạn ${vnTextDate(a.effective_due_date)}). Báo cáo kết quả kèm minh chứng trên BVCT.`,
          link: `/corrective-actions/${a.id}`, dedupeKey: `corrective:${a.id}:${a.effective_due_date}:${a.stage}`,
        }
      }), people, now)
      for (const a of ours) {
        await recordAudit(tx, { id: null, username: 'system', ip: null, now }, { action: 'remind', entity: 'correctiveAction', entityId: a.id, unitId: a.unit_id, after: { stage: a.stage, dueDate: a.effective_due_date } })
      }
      return { claimed: ours.length, mails }
    })
    sent += claimed
    emails += await sendMails(mailer, mails)
  }
  return { sent, emails }
}
