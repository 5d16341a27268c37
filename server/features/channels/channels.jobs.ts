// Review reminders (listed in server/jobs.ts), with the reports' reminder machinery: stages before,
// on and after the due date; only the latest stage due is sent (a server that was down sends no
// backlog); each (channel, due date, stage) once, claimed before anything goes out.
import type { Db } from '../../db/types.ts'
import { addDays } from '../../lib/dates.ts'
import type { Mailer } from '../../mail/mailer.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { notify } from '../notifications/notifications.service.ts'
import { stages } from '../reports/reminders.job.ts'
import type { ReviewRules } from './channels.policy.ts'
import { channelsNearDue, claimReminder, isReminderSent, reminderRecipients } from './channels.queries.ts'

const fmt = (iso: string) => iso.split('-').reverse().join('/')
const SYSTEM = (now: Date) => ({ id: null, username: 'system', ip: null, now })

/** Reminds the unit's head and officer, and the person responsible for the channel, in-app and by e-mail. */
export async function runChannelReviewReminders(db: Db, mailer: Mailer, rules: ReviewRules, day: string, now: Date) {
  const before = rules.reminders.filter((d) => d < 0).map((d) => -d)
  const after = rules.reminders.filter((d) => d > 0)
  const channels = await channelsNearDue(db, addDays(day, rules.soonDays), rules.defaultMonths, rules.firstReviewDays)
  let sent = 0
  let emails = 0
  for (const c of channels) {
    const due = stages(c.due_on, before, after).filter((s) => s.date <= day).at(-1)
    // Most channels long past due have had their last stage: skip them before looking anyone up.
    if (!due || (await isReminderSent(db, c.id, c.due_on, due.stage))) continue
    const people = await reminderRecipients(db, c.unit_id, c.responsible_person_id, ['unitHead', 'unitOfficer'])
    const days = due.stage.split(':')[1]
    const when = due.stage === 'on' ? 'hôm nay là hạn' : due.stage.startsWith('before') ? `còn ${days} ngày đến hạn` : `đã quá hạn ${days} ngày`
    const title = `Nhắc rà soát an ninh kênh: ${c.name}`
    const body = `${c.unit_name}: ${when} rà soát an ninh kênh ${c.name} (${c.address}), hạn ${fmt(c.due_on)}.`
    const claimed = await db.transaction(async (tx) => {
      const isNew = await claimReminder(tx, { channelId: c.id, dueOn: c.due_on, stage: due.stage, now, recipients: people.length, emails: people.filter((p) => p.email).length })
      if (!isNew) return false
      await notify(tx, people.map((p) => ({ accountId: p.account_id, kind: 'channel.review', title, body, link: `/channels/${c.id}`, dedupeKey: `channel-review:${c.id}:${c.due_on}:${due.stage}` })), now)
      await recordAudit(tx, SYSTEM(now), { action: 'remind', entity: 'channel', entityId: c.id, unitId: c.unit_id, after: { dueOn: c.due_on, stage: due.stage, recipients: people.length } })
      return true
    })
    if (!claimed) continue
    sent++
    for (const p of people) {
      if (!p.email) continue
      await mailer.send({ to: p.email, subject: title, text: `${body}\n\nĐăng nhập BVCT để ghi kết quả rà soát.\n` })
      emails++
    }
  }
  return { sent, emails }
}
