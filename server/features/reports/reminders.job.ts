import type { Db } from '../../db/types.ts'
import { addDays } from '../../lib/dates.ts'
import type { Mailer } from '../../mail/mailer.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { notify } from '../notifications/notifications.service.ts'

const fmt = (iso: string) => iso.split('-').reverse().join('/')

/** The reminder stages of a period in date order: 'before:7' … 'on' … 'after:7'. */
export function stages(deadline: string, before: number[], after: number[]) {
  const out = [
    ...before.filter((d) => d > 0).map((d) => ({ stage: `before:${d}`, date: addDays(deadline, -d) })),
    { stage: 'on', date: deadline },
    ...after.filter((d) => d > 0).map((d) => ({ stage: `after:${d}`, date: addDays(deadline, d) })),
  ]
  return out.sort((a, b) => (a.date < b.date ? -1 : 1))
}

/**
 * Reminds the head and officer of every unit whose report for an open period is not in, in-app and
 * by e-mail. Only the latest stage due on `asOf` is sent (a server that was down does not send a
 * backlog), and each (period, unit, stage) goes out once: the row is claimed before sending.
 */
export async function runReportReminders(db: Db, mailer: Mailer, asOf: string, now: Date) {
  const periods = await db.query<{ id: number; title: string; deadline: string; remind_before: number[]; remind_after: number[] }>(`SELECT id, title, deadline, remind_before, remind_after FROM report_period WHERE status = 'open'`)
  let sent = 0
  let emails = 0
  for (const p of periods) {
    const due = stages(p.deadline, p.remind_before, p.remind_after).filter((s) => s.date <= asOf).at(-1)
    if (!due) continue
    const units = await db.query<{ unit_id: number; unit_name: string }>(
      `SELECT pu.unit_id, u.name AS unit_name FROM report_period_unit pu JOIN unit u ON u.id = pu.unit_id
       LEFT JOIN unit_report r ON r.period_id = pu.period_id AND r.unit_id = pu.unit_id
       WHERE pu.period_id = $1 AND (r.id IS NULL OR r.status IN ('draft', 'returned'))
         AND NOT EXISTS (SELECT 1 FROM report_reminder m WHERE m.period_id = pu.period_id AND m.unit_id = pu.unit_id AND m.stage = $2)`,
      [p.id, due.stage],
    )
    for (const u of units) {
      const people = await db.query<{ account_id: number; email: string | null }>(
        `SELECT DISTINCT g.account_id, pe.email FROM role_grant g JOIN account a ON a.id = g.account_id AND a.is_active LEFT JOIN person pe ON pe.id = a.person_id
         WHERE g.unit_id = $1 AND g.role IN ('unitHead', 'unitOfficer')`,
        [u.unit_id],
      )
      const when = due.stage === 'on' ? 'hôm nay là hạn' : due.stage.startsWith('before') ? `còn ${due.stage.split(':')[1]} ngày đến hạn` : `đã quá hạn ${due.stage.split(':')[1]} ngày`
      const title = `Nhắc báo cáo: ${p.title}`
      const body = `${u.unit_name}: ${when} gửi báo cáo (hạn ${fmt(p.deadline)}).`
      const claimed = await db.transaction(async (tx) => {
        const rows = await tx.query('INSERT INTO report_reminder (period_id, unit_id, stage, sent_at, recipients, emails) VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT DO NOTHING RETURNING 1', [
          p.id, u.unit_id, due.stage, now, people.length, people.filter((x) => x.email).length,
        ])
        if (!rows.length) return false
        await notify(tx, people.map((x) => ({ accountId: x.account_id, kind: 'report.reminder', title, body, link: `/reports/${p.id}/units/${u.unit_id}`, dedupeKey: `report:${p.id}:${u.unit_id}:${due.stage}` })), now)
        await recordAudit(tx, { id: null, username: 'system', ip: null, now }, { action: 'remind', entity: 'reportPeriod', entityId: p.id, unitId: u.unit_id, after: { stage: due.stage, recipients: people.length } })
        return true
      })
      if (!claimed) continue
      sent++
      for (const x of people) {
        if (!x.email) continue
        await mailer.send({ to: x.email, subject: title, text: `${body}\n\nĐăng nhập BVCT để soạn và gửi báo cáo.\n` })
        emails++
      }
    }
  }
  return { sent, emails }
}
