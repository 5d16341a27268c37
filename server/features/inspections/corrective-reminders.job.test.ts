// The corrective action reminders over more actions than one chunk (chunks of 2 over 5 actions):
// each stage of each action sent once to its unit's heads and officers, in-app and by e-mail, with
// one audit entry; a second run sends nothing, and neither do two runs at once or a run another
// process has partly beaten.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedAccount, seedCorrectiveAction, seedInspection, seedPerson } from '../../db/seed/builders.ts'
import type { Db } from '../../db/types.ts'
import type { Mail } from '../../mail/mailer.ts'
import { createTestDb } from '../../../test/db.ts'
import { PASSWORD, seedFixture } from '../../../test/app.ts'
import { verifyAuditChain } from '../audit/audit.verify.ts'
import { runCorrectiveReminders } from './corrective-reminders.job.ts'
import { writeBeforeFirstTransaction } from '../../../test/interleave.ts'

let db: Db
const mails: Mail[] = []
const mailer = { send: async (m: Mail) => void mails.push(m) }
const days = { before: [7, 1], after: [1, 7] }
const run = (asOf: string, on: Db = db) => runCorrectiveReminders(on, mailer, asOf, new Date(`${asOf}T01:00:00Z`), days, 2)
/** Five actions due 2026-04-09: two of unit A, two of unit B, one of unit A's department (nobody to tell). */
const actions: { id: number; unitId: number }[] = []
/** Each unit's heads and officers, as account id → e-mail. */
const told = new Map<number, Map<number, string>>()

beforeAll(async () => {
  db = await createTestDb()
  const { root, unitA, subA, unitB } = await seedFixture(db)
  const person = async (unitId: number, username: string) => {
    const [{ id: accountId, person_id }] = await db.query<{ id: number; person_id: number }>('SELECT id, person_id FROM account WHERE username = $1', [username])
    await db.query('UPDATE person SET email = $2 WHERE id = $1', [person_id, `${username}@benhvien.vn`])
    told.set(unitId, (told.get(unitId) ?? new Map()).set(accountId, `${username}@benhvien.vn`))
  }
  await person(unitA.id, 'unitHead.a')
  await person(unitA.id, 'unitOfficer.a')
  const headB = await seedPerson(db, { unitId: unitB.id, fullName: 'Trưởng Beta' })
  await seedAccount(db, { username: 'head.b', password: PASSWORD, personId: headB.id, roles: [{ role: 'unitHead', unitId: unitB.id }] })
  await person(unitB.id, 'head.b')
  const inspection = await seedInspection(db, { ownerUnitId: root.id, unitIds: [unitA.id, unitB.id, subA.id] })
  for (const unit of [unitA, unitB, unitA, subA, unitB]) {
    actions.push({ id: await seedCorrectiveAction(db, { inspectionId: inspection.id, unitId: unit.id, dueDate: '2026-04-09', title: `Khắc phục ${actions.length + 1}` }), unitId: unit.id })
  }
})
afterAll(() => db.close())

/** What a stage left: its claims, its notifications ("account link"), its audit entries in log order. */
async function sentAt(stage: string) {
  const claims = await db.query<{ id: number; recipients: number; emails: number }>(
    'SELECT corrective_action_id AS id, recipients, emails FROM corrective_action_reminder WHERE stage = $1 ORDER BY corrective_action_id', [stage],
  )
  const notes = await db.query<{ account_id: number; link: string }>(`SELECT account_id, link FROM notification WHERE kind = 'corrective.reminder' AND dedupe_key LIKE '%:' || $1`, [stage])
  const audits = await db.query<{ entity_id: string }>(`SELECT entity_id FROM audit_log WHERE entity = 'correctiveAction' AND action = 'remind' AND after->>'stage' = $1 ORDER BY id`, [stage])
  return { claims, notes: notes.map((n) => `${n.account_id} ${n.link}`).sort(), audits: audits.map((a) => Number(a.entity_id)) }
}

const peopleOf = (a: { unitId: number }) => [...(told.get(a.unitId) ?? new Map<number, string>())]
/** Each action of `ids` told once to its unit's people, one audit entry each in action order. */
const expected = (ids: number[]) => ({
  claims: actions.filter((a) => ids.includes(a.id)).map((a) => ({ id: a.id, recipients: peopleOf(a).length, emails: peopleOf(a).length })),
  notes: actions.filter((a) => ids.includes(a.id)).flatMap((a) => peopleOf(a).map(([account]) => `${account} /corrective-actions/${a.id}`)).sort(),
  audits: ids,
})
const mailsTo = (ids: number[]) => actions.filter((a) => ids.includes(a.id)).flatMap((a) => peopleOf(a).map(([, email]) => email)).sort()

describe('corrective action reminders in chunks', () => {
  const all = () => actions.map((a) => a.id)

  it('reminds every action once, across chunks, in-app, by e-mail and in the audit log', async () => {
    expect(await run('2026-04-02')).toEqual({ sent: 5, emails: 6 })
    expect(await sentAt('before:7')).toEqual(expected(all()))
    expect(mails.map((m) => m.to).sort()).toEqual(mailsTo(all()))
  })

  it('sends nothing more on a second run', async () => {
    mails.length = 0
    expect(await run('2026-04-03')).toEqual({ sent: 0, emails: 0 })
    expect(await sentAt('before:7')).toEqual(expected(all()))
    expect(mails).toEqual([])
  })

  it('sends each reminder once when two runs go at the same time', async () => {
    const [a, b] = await Promise.all([run('2026-04-08'), run('2026-04-08')])
    expect(a.sent + b.sent).toBe(5)
    expect(a.emails + b.emails).toBe(6)
    expect(await sentAt('before:1')).toEqual(expected(all()))
    expect(mails.map((m) => m.to).sort()).toEqual(mailsTo(all()))
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true })
  })

  it('sends only what its chunk claimed when another process claimed one first', async () => {
    const beaten = actions[1].id
    const racing = writeBeforeFirstTransaction(db, () => db.query(`INSERT INTO corrective_action_reminder (corrective_action_id, due_date, stage, sent_at, recipients, emails) VALUES ($1, '2026-04-09', 'on', now(), 1, 1)`, [beaten]))
    mails.length = 0
    const others = all().filter((id) => id !== beaten)
    expect(await run('2026-04-09', racing)).toEqual({ sent: 4, emails: 5 })
    const on = await sentAt('on')
    expect({ ...on, claims: on.claims.filter((c) => c.id !== beaten) }).toEqual(expected(others))
    expect(mails.map((m) => m.to).sort()).toEqual(mailsTo(others))
  })
})
