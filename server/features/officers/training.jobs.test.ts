// The refresher reminders over more officers than one chunk (chunks of 2 over 5 officers): each
// reminder sent once to the officer and their nearest head, in-app and by e-mail, with one audit
// entry; a second run sends nothing, and neither do two runs at once or a run another process has
// partly beaten.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedAccount, seedPerson } from '../../db/seed/builders.ts'
import type { Db } from '../../db/types.ts'
import type { Mail } from '../../mail/mailer.ts'
import { createTestDb } from '../../../test/db.ts'
import { PASSWORD, seedFixture } from '../../../test/app.ts'
import { verifyAuditChain } from '../audit/audit.verify.ts'
import { runTrainingReminders } from './training.jobs.ts'
import { writeBeforeFirstTransaction } from '../../../test/interleave.ts'

let db: Db
const mails: Mail[] = []
const mailer = { send: async (m: Mail) => void mails.push(m) }
const rule = { cycleMonths: 24, dueDays: 90 }
const run = (day: string, on: Db = db) => runTrainingReminders(on, mailer, day, new Date(`${day}T02:00:00Z`), rule, 2)
/** Four officers of unit B (head: head.b) and one of unit A's department (no head: unit A's). */
const officers: { id: number; personId: number; accountId: number; headId: number }[] = []
const emails = new Map<number, string>()

beforeAll(async () => {
  db = await createTestDb()
  const { root, subA, unitB } = await seedFixture(db)
  const account = async (unitId: number, username: string, role: 'unitHead' | 'staff') => {
    const p = await seedPerson(db, { unitId, fullName: `Cán Bộ ${username}` })
    await db.query('UPDATE person SET email = $2 WHERE id = $1', [p.id, `${username}@benhvien.vn`])
    const { id } = await seedAccount(db, { username, password: PASSWORD, personId: p.id, roles: [{ role, unitId }] })
    emails.set(id, `${username}@benhvien.vn`)
    return { personId: p.id, accountId: id }
  }
  const headB = (await account(unitB.id, 'head.b', 'unitHead')).accountId
  const [{ id: headA, person_id: headAPerson }] = await db.query<{ id: number; person_id: number }>(`SELECT id, person_id FROM account WHERE username = 'unitHead.a'`)
  await db.query(`UPDATE person SET email = 'head.a@benhvien.vn' WHERE id = $1`, [headAPerson])
  emails.set(headA, 'head.a@benhvien.vn')
  const [{ id: course }] = await db.query<{ id: number }>(
    `INSERT INTO training_course (owner_unit_id, title, organizer, starts_on, ends_on, hours, form) VALUES ($1, 'Bồi dưỡng nghiệp vụ', 'Ban', '2026-03-09', '2026-03-11', 24, 'inPerson') RETURNING id`,
    [root.id],
  )
  for (const [i, unit] of [unitB, unitB, subA, unitB, unitB].entries()) {
    const o = await account(unit.id, `canbo${i + 1}`, 'staff')
    const [{ id }] = await db.query<{ id: number }>(
      `INSERT INTO officer (unit_id, person_id, role, decision_number, appointed_on) VALUES ($1, $2, 'partTime', $3, '2026-01-01') RETURNING id`, [unit.id, o.personId, `QĐ-${i + 1}`],
    )
    // Passed on 2026-03-11: the refresher falls due on 2028-03-11, "due" from 2027-12-12.
    await db.query(`INSERT INTO training_attendance (course_id, person_id, result, completed_on) VALUES ($1, $2, 'passed', '2026-03-11')`, [course, o.personId])
    officers.push({ id, ...o, headId: unit.id === unitB.id ? headB : headA })
  }
})
afterAll(() => db.close())

/** What a reminder kind left: notifications ("account officer"), audit entries in log order. */
async function sentFor(status: string, dueOn: string) {
  const notes = await db.query<{ account_id: number; link: string }>('SELECT account_id, link FROM notification WHERE kind = $1 AND dedupe_key LIKE $2', [`training.${status}`, `%:${dueOn}`])
  const audits = await db.query<{ entity_id: string }>(
    `SELECT entity_id FROM audit_log WHERE action = 'remindTraining' AND after->>'status' = $1 AND after->>'dueOn' = $2 ORDER BY id`, [status, dueOn],
  )
  return { notes: notes.map((n) => `${n.account_id} ${n.link}`).sort(), audits: audits.map((a) => Number(a.entity_id)) }
}

/** Each officer of `ids` told once, with their head, and one audit entry each in officer order. */
const expected = (ids: number[]) => ({
  notes: officers.filter((o) => ids.includes(o.id)).flatMap((o) => [`${o.accountId} /officers/${o.id}`, `${o.headId} /officers/${o.id}`]).sort(),
  audits: ids,
})
const mailsTo = (ids: number[]) => officers.filter((o) => ids.includes(o.id)).flatMap((o) => [emails.get(o.accountId), emails.get(o.headId)]).sort()

describe('refresher reminders in chunks', () => {
  const all = () => officers.map((o) => o.id)

  it('reminds every officer and their nearest head once, across chunks, in-app, by e-mail and in the audit log', async () => {
    expect(await run('2027-12-12')).toEqual({ due: 5, reminded: 5, emails: 10 })
    expect(await sentFor('due', '2028-03-11')).toEqual(expected(all()))
    expect(mails.map((m) => m.to).sort()).toEqual(mailsTo(all()))
    const keys = await db.query<{ key: string }>(`SELECT key FROM readiness_reminder WHERE key LIKE 'training:%' ORDER BY key`)
    expect(keys.map((k) => k.key)).toEqual(officers.map((o) => `training:${o.id}:due:2028-03-11`).sort())
  })

  it('sends nothing more on a second run', async () => {
    mails.length = 0
    expect(await run('2027-12-13')).toEqual({ due: 5, reminded: 0, emails: 0 })
    expect(await sentFor('due', '2028-03-11')).toEqual(expected(all()))
    expect(mails).toEqual([])
  })

  it('sends each reminder once when two runs go at the same time', async () => {
    const [a, b] = await Promise.all([run('2028-03-12'), run('2028-03-12')])
    expect(a.reminded + b.reminded).toBe(5)
    expect(a.emails + b.emails).toBe(10)
    expect(await sentFor('overdue', '2028-03-11')).toEqual(expected(all()))
    expect(mails.map((m) => m.to).sort()).toEqual(mailsTo(all()))
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true })
  })

  it('sends only what its chunk claimed when another process claimed one first', async () => {
    // Trained again on 2028-03-20: due 2030-03-20, "due" from 2029-12-20.
    await db.query(`UPDATE training_attendance SET completed_on = '2028-03-20'`)
    const beaten = officers[0].id
    const racing = writeBeforeFirstTransaction(db, () => db.query(`INSERT INTO readiness_reminder (key, sent_at) VALUES ($1, now())`, [`training:${beaten}:due:2030-03-20`]))
    mails.length = 0
    const others = all().filter((id) => id !== beaten)
    expect(await run('2029-12-20', racing)).toEqual({ due: 5, reminded: 4, emails: 8 })
    expect(await sentFor('due', '2030-03-20')).toEqual(expected(others))
    expect(mails.map((m) => m.to).sort()).toEqual(mailsTo(others))
  })
})
