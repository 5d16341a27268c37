// The refresher reminders (listed in server/jobs.ts): an officer whose refresher falls due soon, and
// again once it is overdue, is told, and so is their unit's head, in-app and by e-mail, once each.
// Reminders already sent are skipped in one query; the rest go out in chunks, each one transaction
// (claims, notifications, audit entries) with its heads looked up in one query.
import { refresherDueOn } from '../../../contract/officers.ts'
import type { Db } from '../../db/types.ts'
import { chunksOf, REMINDER_CHUNK } from '../../lib/chunks.ts'
import type { Mail, Mailer } from '../../mail/mailer.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { notify } from '../notifications/notifications.service.ts'
import { claimReminders, nearestHeads, officersToRemind, sentReminders, type TrainingRule } from './officers.queries.ts'

const fmt = (iso: string) => iso.split('-').reverse().join('/')

export async function runTrainingReminders(db: Db, mailer: Mailer, day: string, now: Date, rule: TrainingRule, chunkSize = REMINDER_CHUNK) {
  const officers = (await officersToRemind(db, day, rule)).map((o) => {
    const dueOn = refresherDueOn(o.lastTrainedOn!, rule.cycleMonths)
    return { ...o, dueOn, key: `training:${o.id}:${o.status}:${dueOn}` }
  })
  const sent = await sentReminders(db, officers.map((o) => o.key))
  let reminded = 0
  let emails = 0
  for (const chunk of chunksOf(officers.filter((o) => !sent.has(o.key)), chunkSize)) {
    const { claimed, mails } = await db.transaction(async (tx) => {
      const heads = await nearestHeads(tx, [...new Set(chunk.map((o) => o.unitPath))])
      const keys = await claimReminders(tx, chunk.map((o) => o.key), now)
      // Another run (another process) may have claimed some of the chunk: only ours are sent.
      const ours = chunk.filter((o) => keys.has(o.key)).map((o) => ({
        ...o,
        title: o.status === 'due' ? `Sắp đến hạn bồi dưỡng lại nghiệp vụ BVCTNB: ${o.name}` : `Quá hạn bồi dưỡng lại nghiệp vụ BVCTNB: ${o.name}`,
        body: `${o.name} (${o.unitName}): bồi dưỡng gần nhất ngày ${fmt(o.lastTrainedOn!)}, hạn bồi dưỡng lại ngày ${fmt(o.dueOn)}.`,
        recipients: [...(o.accountId ? [{ accountId: o.accountId, email: o.email }] : []), ...heads.get(o.unitPath)!.filter((h) => h.accountId !== o.accountId)],
      }))
      await notify(tx, ours.flatMap((o) => o.recipients.map((r) => ({ accountId: r.accountId, kind: `training.${o.status}`, title: o.title, body: o.body, link: `/officers/${o.id}`, dedupeKey: o.key }))), now)
      for (const o of ours) {
        await recordAudit(tx, { id: null, username: 'system', ip: null, now }, { action: 'remindTraining', entity: 'officer', entityId: o.id, unitId: o.unitId, after: { status: o.status, dueOn: o.dueOn, recipients: o.recipients.length } })
      }
      const mails = ours.flatMap((o) => o.recipients.filter((r) => r.email).map((r): Mail => ({ to: r.email!, subject: o.title, text: `${o.body}\n\nĐăng nhập BVCT để xem hồ sơ bồi dưỡng.\n` })))
      return { claimed: ours.length, mails }
    })
    reminded += claimed
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
