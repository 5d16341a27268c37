// The refresher reminders (listed in server/jobs.ts): an officer whose refresher falls due soon, and
// again once it is overdue, is told, and so is their unit's head, in-app and by e-mail, once each.
import { refresherDueOn } from '../../../contract/officers.ts'
import type { Db } from '../../db/types.ts'
import type { Mail, Mailer } from '../../mail/mailer.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { notify } from '../notifications/notifications.service.ts'
import { nearestHeads, officersToRemind, type TrainingRule } from './officers.queries.ts'

const fmt = (iso: string) => iso.split('-').reverse().join('/')

export async function runTrainingReminders(db: Db, mailer: Mailer, day: string, now: Date, rule: TrainingRule) {
  const officers = await officersToRemind(db, day, rule)
  let reminded = 0
  let emails = 0
  for (const o of officers) {
    const dueOn = refresherDueOn(o.lastTrainedOn!, rule.cycleMonths)
    const key = `training:${o.id}:${o.status}:${dueOn}`
    const heads = await nearestHeads(db, o.unitPath)
    const title = o.status === 'due' ? `Sắp đến hạn bồi dưỡng lại nghiệp vụ BVCTNB: ${o.name}` : `Quá hạn bồi dưỡng lại nghiệp vụ BVCTNB: ${o.name}`
    const body = `${o.name} (${o.unitName}): bồi dưỡng gần nhất ngày ${fmt(o.lastTrainedOn!)}, hạn bồi dưỡng lại ngày ${fmt(dueOn)}.`
    const recipients = [...(o.accountId ? [{ accountId: o.accountId, email: o.email }] : []), ...heads.filter((h) => h.accountId !== o.accountId)]
    const claimed = await db.transaction(async (tx) => {
      const rows = await tx.query('INSERT INTO readiness_reminder (key, sent_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1', [key, now])
      if (!rows.length) return false
      await notify(tx, recipients.map((r) => ({ accountId: r.accountId, kind: `training.${o.status}`, title, body, link: `/officers/${o.id}`, dedupeKey: key })), now)
      await recordAudit(tx, { id: null, username: 'system', ip: null, now }, { action: 'remindTraining', entity: 'officer', entityId: o.id, unitId: o.unitId, after: { status: o.status, dueOn, recipients: recipients.length } })
      return true
    })
    if (!claimed) continue
    reminded++
    const mails: Mail[] = recipients.filter((r) => r.email).map((r) => ({ to: r.email!, subject: title, text: `${body}\n\nĐăng nhập BVCT để xem hồ sơ bồi dưỡng.\n` }))
    for (const m of mails) {
      try {
        await mailer.send(m)
        emails++
      } catch {
        // The in-app reminder is the record; the e-mail is a courtesy copy.
      }
    }
  }
  return { due: officers.length, reminded, emails }
}
