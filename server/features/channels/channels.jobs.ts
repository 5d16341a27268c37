// Review reminders (listed in server/jobs.ts), with the reports' reminder machinery: stages before,
// on and after the due date; only the latest stage due is sent (a server that was down sends no
// backlog); each (channel, due date, stage) once, claimed before anything goes out. The stages sent
// are read with the channels, and the reminders due go out in chunks, each one transaction (claims,
// notifications, audit entries) with its recipients looked up in one query: the 6,189 due on a fresh
// 5,000-unit fill took 90–120 s one at a time (a recipients query scanning every person, and a
// commit, per reminder), 2.6–2.9 s in chunks.
import type { Db } from '../../db/types.ts'
import { chunksOf, REMINDER_CHUNK } from '../../lib/chunks.ts'
import { addDays } from '../../lib/dates.ts'
import type { Mail, Mailer } from '../../mail/mailer.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { notify } from '../notifications/notifications.service.ts'
import { stages } from '../reports/reminders.job.ts'
import type { ReviewRules } from './channels.policy.ts'
import { channelsNearDue, claimReminders, reminderRecipients } from './channels.queries.ts'

const fmt = (iso: string) => iso.split('-').reverse().join('/')
const SYSTEM = (now: Date) => ({ id: null, username: 'system', ip: null, now })
const ROLES = ['unitHead', 'unitOfficer']

/** Reminds the unit's head and officer, and the person responsible for the channel, in-app and by e-mail. */
export async function runChannelReviewReminders(db: Db, mailer: Mailer, rules: ReviewRules, day: string, now: Date, chunkSize = REMINDER_CHUNK) {
  const before = rules.reminders.filter((d) => d < 0).map((d) => -d)
  const after = rules.reminders.filter((d) => d > 0)
  const channels = await channelsNearDue(db, addDays(day, rules.soonDays), rules.defaultMonths, rules.firstReviewDays)
  // Most channels long past due have had their last stage: skipped here, before looking anyone up.
  const due = channels.flatMap((c) => {
    const stage = stages(c.due_on, before, after).filter((s) => s.date <= day).at(-1)?.stage
    return stage && !c.sent.includes(stage) ? [{ ...c, stage }] : []
  })
  let sent = 0
  let emails = 0
  for (const chunk of chunksOf(due, chunkSize)) {
    const { claimed, mails } = await db.transaction(async (tx) => {
      const people = await reminderRecipients(tx, chunk.map((c) => ({ id: c.id, unitId: c.unit_id, personId: c.responsible_person_id })), ROLES)
      const ids = await claimReminders(tx, chunk.map((c) => ({
        channelId: c.id, dueOn: c.due_on, stage: c.stage, recipients: people.get(c.id)!.length, emails: people.get(c.id)!.filter((p) => p.email).length,
      })), now)
      // Another run (another process) may have claimed some of the chunk: only ours are sent.
      const ours = chunk.filter((c) => ids.has(c.id)).map((c) => ({ ...c, ...texts(c), people: people.get(c.id)! }))
      await notify(tx, ours.flatMap((c) => c.people.map((p) => ({
        accountId: p.account_id, kind: 'channel.review', title: c.title, body: c.body, link: `/channels/${c.id}`, dedupeKey: `channel-review:${c.id}:${c.due_on}:${c.stage}`,
      }))), now)
      for (const c of ours) {
        await recordAudit(tx, SYSTEM(now), { action: 'remind', entity: 'channel', entityId: c.id, unitId: c.unit_id, after: { dueOn: c.due_on, stage: c.stage, recipients: c.people.length } })
      }
      const mails = ours.flatMap((c) => c.people.filter((p) => p.email).map((p): Mail => ({ to: p.email!, subject: c.title, text: `${c.body}\n\nĐăng nhập BVCT để ghi kết quả rà soát.\n` })))
      return { claimed: ours.length, mails }
    })
    sent += claimed
    emails += await sendAll(mailer, mails)
  }
  return { sent, emails }
}

function texts(c: { name: string; address: string; unit_name: string; due_on: string; stage: string }) {
  const days = c.stage.split(':')[1]
  const when = c.stage === 'on' ? 'hôm nay là hạn' : c.stage.startsWith('before') ? `còn ${days} ngày đến hạn` : `đã quá hạn ${days} ngày`
  return { title: `Nhắc rà soát an ninh kênh: ${c.name}`, body: `${c.unit_name}: ${when} rà soát an ninh kênh ${c.name} (${c.address}), hạn ${fmt(c.due_on)}.` }
}

/**
 * Sends after the chunk's commit. A failed e-mail fails the run, as it always has (the admin sees it
 * in /admin/jobs; the chunks after it wait for the next run), but only once the chunk's other
 * e-mails have been tried: their reminders are claimed, so no later run would send them.
 */
async function sendAll(mailer: Mailer, mails: Mail[]): Promise<number> {
  let sent = 0
  const failures: unknown[] = []
  for (const m of mails) {
    try {
      await mailer.send(m)
      sent++
    } catch (e) {
      failures.push(e)
    }
  }
  if (failures.length) throw failures[0]
  return sent
}
