// The scheduled work on confidential cases (listed in server/jobs.ts): chasing deadlines without
// naming anyone, and purging closed cases' content after the retention period.
import type { Db } from '../../db/types.ts'
import { addDays } from '../../lib/dates.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { notify, type NewNotification } from '../notifications/notifications.service.ts'
import { caseOwners } from './cases.queries.ts'

const SYSTEM = (now: Date) => ({ id: null, username: 'system', ip: null, now })

/**
 * Tells each case's owner and board head, once per deadline, of a case past its deadline, a request
 * to another agency past its due date, or a conclusion expiring within 30 days. By number only.
 */
export async function remindCaseDeadlines(db: Db, day: string, now: Date) {
  const due = await db.query<{ id: number; number: string; what: 'case' | 'request' | 'expiry'; date: string; key: string }>(
    `SELECT c.id, c.number, 'case' AS what, c.deadline::text AS date, 'case-deadline:' || c.id || ':' || c.deadline AS key
       FROM conf_case c WHERE c.status = 'open' AND c.deadline < $1::date
     UNION ALL
     SELECT c.id, c.number, 'request', r.due_date::text, 'case-request:' || r.id || ':' || r.due_date
       FROM conf_case_request r JOIN conf_case c ON c.id = r.case_id WHERE c.status = 'open' AND r.replied_on IS NULL AND r.due_date < $1::date
     UNION ALL
     SELECT c.id, c.number, 'expiry', c.valid_until::text, 'case-expiry:' || c.id || ':' || c.valid_until
       FROM conf_case c WHERE c.kind = 'standards_review' AND c.status <> 'purged' AND c.valid_until BETWEEN $1::date AND $2::date`,
    [day, addDays(day, 30)],
  )
  const notes: NewNotification[] = []
  const fmt = (iso: string) => iso.split('-').reverse().join('/')
  for (const d of due) {
    const title = d.what === 'case' ? `Hồ sơ ${d.number} đã quá hạn giải quyết` : d.what === 'request' ? `Hồ sơ ${d.number}: văn bản đề nghị phối hợp quá hạn trả lời` : `Hồ sơ ${d.number}: kết luận sắp hết hiệu lực`
    for (const accountId of await caseOwners(db, d.id)) notes.push({ accountId, kind: `case.${d.what}`, title, body: `Mốc thời gian: ${fmt(d.date)}.`, link: `/cases/${d.id}`, dedupeKey: d.key })
  }
  return db.transaction(async (tx) => ({ due: due.length, raised: await notify(tx, notes, now) }))
}

/**
 * A closed case's content is kept `years` years after closing, then destroyed: the sealed columns
 * and every sealed row under the case go, and so does its data key, so no copy of the ciphertext
 * (a backup) can be opened again. The skeleton stays: number, kind, steps' absence, dates, outcome class.
 */
export async function purgeClosedCases(db: Db, day: string, now: Date, years: number) {
  const before = addDays(day, -Math.round(years * 365.25))
  const cases = await db.query<{ id: number; board_unit_id: number; data_key_id: number | null }>(
    `SELECT id, board_unit_id, data_key_id FROM conf_case WHERE status = 'closed' AND closed_on < $1::date ORDER BY id`,
    [before],
  )
  for (const c of cases) {
    await db.transaction(async (tx) => {
      for (const table of ['conf_case_submission', 'conf_case_notice', 'conf_case_step', 'conf_case_request', 'conf_case_file', 'conf_case_break_glass']) {
        await tx.query(`DELETE FROM ${table} WHERE case_id = $1`, [c.id])
      }
      await tx.query(`UPDATE conf_case SET status = 'purged', subject_enc = NULL, notes_enc = NULL, subject_ref = NULL, data_key_id = NULL, content_purged_at = $2, version = version + 1 WHERE id = $1`, [c.id, now])
      if (c.data_key_id) await tx.query('DELETE FROM data_key WHERE id = $1', [c.data_key_id])
      await recordAudit(tx, SYSTEM(now), { action: 'purge', entity: 'case', entityId: c.id, unitId: c.board_unit_id, after: { retentionYears: years } })
    })
  }
  return { purged: cases.length }
}
