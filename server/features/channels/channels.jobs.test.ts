// The review reminders over more channels than one chunk (chunks of 2 over 5 channels): each stage of
// each channel reminded once, in-app and by e-mail, with one audit entry; a second run sends nothing,
// and neither do two runs at once or a run another process has partly beaten.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readConfig } from '../../config.ts'
import { seedAccount, seedChannel, seedPerson } from '../../db/seed/builders.ts'
import type { Db } from '../../db/types.ts'
import type { Mail } from '../../mail/mailer.ts'
import { createTestDb } from '../../../test/db.ts'
import { PASSWORD, seedFixture } from '../../../test/app.ts'
import { verifyAuditChain } from '../audit/audit.verify.ts'
import { runChannelReviewReminders } from './channels.jobs.ts'
import { reviewRulesOf } from './channels.policy.ts'
import { writeBeforeFirstTransaction } from '../../../test/interleave.ts'

let db: Db
const mails: Mail[] = []
const mailer = { send: async (m: Mail) => void mails.push(m) }
const rules = reviewRulesOf(readConfig({}, []))
const run = (day: string, on: Db = db) => runChannelReviewReminders(on, mailer, rules, day, new Date(`${day}T03:00:00Z`), 2)
/** The five channels with their responsible person's account; the unit's head hears of all five. */
const channels: { id: number; accountId: number; email: string }[] = []
let head: { accountId: number; email: string }

beforeAll(async () => {
  db = await createTestDb()
  const { unitB } = await seedFixture(db)
  const person = async (name: string, email: string) => {
    const p = await seedPerson(db, { unitId: unitB.id, fullName: name })
    await db.query('UPDATE person SET email = $2 WHERE id = $1', [p.id, email])
    return p.id
  }
  const headPerson = await person('Trưởng Beta', 'truong@benhvienbeta.vn')
  head = { accountId: (await seedAccount(db, { username: 'head.b', password: PASSWORD, personId: headPerson, roles: [{ role: 'unitHead', unitId: unitB.id }] })).id, email: 'truong@benhvienbeta.vn' }
  for (let i = 1; i <= 5; i++) {
    const email = `phutrach${i}@benhvienbeta.vn`
    const personId = await person(`Phụ Trách ${i}`, email)
    const { id: accountId } = await seedAccount(db, { username: `phutrach${i}.b`, password: PASSWORD, personId, roles: [{ role: 'staff', unitId: unitB.id }] })
    // Reviewed 2025-10-15: due 2026-04-15; stages before:14 (04-01), before:3 (04-12), on, after:7, after:30.
    const { id } = await seedChannel(db, { unitId: unitB.id, responsiblePersonId: personId, name: `Trang tin ${i}`, lastReviewedOn: '2025-10-15' })
    channels.push({ id, accountId, email })
  }
})
afterAll(() => db.close())

/** What a stage left: its claims, its notifications ("account link"), its audit entries in log order. */
async function sentAt(stage: string) {
  const claims = await db.query<{ channel_id: number }>('SELECT channel_id FROM channel_review_reminder WHERE stage = $1 ORDER BY channel_id', [stage])
  const notes = await db.query<{ account_id: number; link: string }>(
    `SELECT account_id, link FROM notification WHERE kind = 'channel.review' AND dedupe_key LIKE '%:' || $1`, [stage],
  )
  const audits = await db.query<{ entity_id: string }>(`SELECT entity_id FROM audit_log WHERE entity = 'channel' AND action = 'remind' AND after->>'stage' = $1 ORDER BY id`, [stage])
  return { claims: claims.map((r) => r.channel_id), notes: notes.map((n) => `${n.account_id} ${n.link}`).sort(), audits: audits.map((a) => Number(a.entity_id)) }
}

/** Every channel of `ids` reminded once: its responsible person and the head, one audit entry each. */
const expected = (ids: number[]) => ({
  claims: ids,
  notes: [...ids.map((id) => `${head.accountId} /channels/${id}`), ...channels.filter((c) => ids.includes(c.id)).map((c) => `${c.accountId} /channels/${c.id}`)].sort(),
  audits: ids,
})

describe('review reminders in chunks', () => {
  it('reminds every channel once, across chunks, in-app, by e-mail and in the audit log', async () => {
    expect(await run('2026-04-01')).toEqual({ sent: 5, emails: 10 })
    expect(await sentAt('before:14')).toEqual(expected(channels.map((c) => c.id)))
    expect(mails.map((m) => m.to).sort()).toEqual([...channels.map((c) => c.email), ...channels.map(() => head.email)].sort())
  })

  it('sends nothing more on a second run', async () => {
    mails.length = 0
    expect(await run('2026-04-01')).toEqual({ sent: 0, emails: 0 })
    expect(await sentAt('before:14')).toEqual(expected(channels.map((c) => c.id)))
    expect(mails).toEqual([])
  })

  it('sends each reminder once when two runs go at the same time', async () => {
    const [a, b] = await Promise.all([run('2026-04-12'), run('2026-04-12')])
    expect(a.sent + b.sent).toBe(5)
    expect(a.emails + b.emails).toBe(10)
    expect(await sentAt('before:3')).toEqual(expected(channels.map((c) => c.id)))
    expect(mails).toHaveLength(10)
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true })
  })

  it('sends only what its chunk claimed when another process claimed one first', async () => {
    // The other process commits its claim of the second channel between this run's list and its first chunk.
    const beaten = channels[1].id
    const racing = writeBeforeFirstTransaction(db, () => db.query(`INSERT INTO channel_review_reminder (channel_id, due_on, stage, sent_at, recipients, emails) VALUES ($1, '2026-04-15', 'on', now(), 2, 2)`, [beaten]))
    mails.length = 0
    expect(await run('2026-04-15', racing)).toEqual({ sent: 4, emails: 8 })
    const others = channels.filter((c) => c.id !== beaten).map((c) => c.id)
    expect(await sentAt('on')).toEqual({ ...expected(others), claims: channels.map((c) => c.id) })
    expect(mails.map((m) => m.to)).not.toContain(channels[1].email)
  })
})
