// The audit log against someone who can write to its database: truncation, removal of the last
// entries, and removal with every hash recomputed are caught by the signed heads kept outside it.
import { mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, seedFixture, type Session, type TestApp } from '../../../test/app.ts'
import { openKeyring } from '../../lib/keyring.ts'
import { runJobs } from '../../jobs.ts'
import { ANCHOR_FILE, readAnchors, writeAnchor } from './audit.anchor.ts'
import { GENESIS_HASH, hashEntry } from './audit.hash.ts'
import type { AuditRecord } from './audit.queries.ts'
import { recordAudit } from './audit.service.ts'
import { verifyAuditChain } from './audit.verify.ts'

let t: TestApp
let admin: Session
let dir: string

/** What an attacker with the table owner's rights does: triggers off, change, triggers on. */
const asOwner = (fn: (q: (sql: string, params?: unknown[]) => Promise<unknown>) => Promise<void>) =>
  t.db.transaction(async (tx) => {
    await tx.query('ALTER TABLE audit_log DISABLE TRIGGER USER')
    await fn((sql, params) => tx.query(sql, params))
    await tx.query('ALTER TABLE audit_log ENABLE TRIGGER USER')
  })

/** Recomputes every hash from the first entry on, as the chain's own code would. */
async function rechain(q: (sql: string, params?: unknown[]) => Promise<unknown>) {
  const rows = (await q('SELECT * FROM audit_log ORDER BY id')) as AuditRecord[]
  let prev = GENESIS_HASH
  for (const r of rows) {
    const hash = hashEntry(prev, { id: r.id, at: r.at, actorId: r.actor_id, actorUsername: r.actor_username, ip: r.ip, action: r.action, entity: r.entity, entityId: r.entity_id, unitId: r.unit_id, before: r.before, after: r.after, sessionNo: r.session_no === null ? null : Number(r.session_no) })
    await q('UPDATE audit_log SET prev_hash = $2, hash = $3 WHERE id = $1', [r.id, prev, hash])
    prev = hash
  }
}

const anchorNow = () => writeAnchor(t.db, t.keys, dir, t.clock())
const verify = () => verifyAuditChain(t.db, { anchors: readAnchors(dir).anchors, keys: t.keys })
const ids = async () => (await t.db.query<{ id: number }>('SELECT id FROM audit_log ORDER BY id')).map((r) => r.id)

beforeEach(async () => {
  t = await createTestApp()
  const f = await seedFixture(t.db)
  admin = await t.login('admin')
  for (let i = 0; i < 6; i++) await t.call(admin, 'POST', '/api/v1/units', { parentId: f.unitA.id, name: `Khoa neo ${i}`, code: `HA-N${i}`, kind: 'subunit' })
  dir = mkdtempSync(join(tmpdir(), 'bvct-anchor-'))
})
afterEach(() => t.close())

describe('audit anchor', () => {
  it('refuses TRUNCATE in the database', async () => {
    await expect(t.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/)
    expect((await ids()).length).toBeGreaterThan(6)
  })

  it('numbers entries consecutively, even after a write that was rolled back', async () => {
    const before = await ids()
    await expect(t.db.transaction(async (tx) => {
      await recordAudit(tx, { id: null, username: 'cli', ip: null, now: t.clock() }, { action: 'touch', entity: 'unit', entityId: 1 })
      throw new Error('rolled back')
    })).rejects.toThrow('rolled back')
    await t.call(admin, 'POST', '/api/v1/units', { parentId: (await t.db.query<{ id: number }>(`SELECT id FROM unit WHERE code = 'HA-N0'`))[0].id, name: 'Tổ sau', code: 'HA-N0-1', kind: 'subunit' })
    const after = await ids()
    expect(after).toEqual([...before, before.at(-1)! + 1])
    expect(after).toEqual(after.map((_, i) => i + 1))
  })

  it('verifies an intact log against its anchors, and writes a new anchor only when the log moved', async () => {
    expect((await anchorNow()).written).toBe(true)
    expect((await anchorNow()).written).toBe(false)
    const res = await t.call(admin, 'POST', '/api/v1/units', { parentId: (await t.db.query<{ id: number }>(`SELECT id FROM unit WHERE code = 'HA-N0'`))[0].id, name: 'Tổ mới', code: 'HA-N0-2', kind: 'subunit' })
    expect(res.statusCode, res.body).toBe(201)
    expect((await anchorNow()).written).toBe(true)
    const { anchors } = readAnchors(dir)
    expect(anchors).toHaveLength(2)
    expect(await verify()).toMatchObject({ ok: true, anchorsChecked: 2, lastId: anchors[1].lastId, count: anchors[1].count })
    // Readable by the server's user only.
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    expect(statSync(join(dir, ANCHOR_FILE)).mode & 0o777).toBe(0o600)
  })

  it('catches a truncated log (triggers switched off first)', async () => {
    await anchorNow()
    await asOwner((q) => q('TRUNCATE audit_log').then(() => {}))
    const r = await verify()
    expect(r).toMatchObject({ ok: false, reason: 'truncated', firstBadId: 1 })
    // Without the anchor the empty log is "consistent": the anchor is what catches it.
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, count: 0 })
  })

  it('catches the last entries removed', async () => {
    await anchorNow()
    const all = await ids()
    await asOwner((q) => q('DELETE FROM audit_log WHERE id > $1', [all.at(-3)]).then(() => {}))
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true })
    expect(await verify()).toMatchObject({ ok: false, reason: 'truncated', firstBadId: all.at(-2) })
  })

  it('catches entries removed and every hash recomputed, with the ids renumbered too', async () => {
    await anchorNow()
    const all = await ids()
    await asOwner(async (q) => {
      await q('DELETE FROM audit_log WHERE id = $1', [all[2]])
      await q('UPDATE audit_log SET id = id - 1 WHERE id > $1', [all[2]])
      await rechain(q)
    })
    // The chain alone is fooled: every link and hash is right again.
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true })
    const r = await verify()
    expect(r.ok).toBe(false)
    expect(r).toMatchObject({ reason: expect.stringMatching(/anchor_mismatch|truncated/) })
  })

  it('names the missing ids when entries are removed and the hashes recomputed without renumbering', async () => {
    const all = await ids()
    await asOwner(async (q) => {
      await q('DELETE FROM audit_log WHERE id IN ($1, $2)', [all[3], all[4]])
      await rechain(q)
    })
    const r = await verifyAuditChain(t.db)
    expect(r).toMatchObject({ ok: false, reason: 'gap', firstBadId: all[5] })
    expect(r.ok || r.message).toContain(`${all[3]}–${all[4]}`)
  })

  it('catches an altered anchor, and skips one signed under a key it does not hold', async () => {
    await anchorNow()
    const file = join(dir, ANCHOR_FILE)
    const [a] = readAnchors(dir).anchors
    writeFileSync(file, JSON.stringify({ ...a, count: a.count - 1 }) + '\n')
    expect(await verify()).toMatchObject({ ok: false, reason: 'anchor_forged' })

    const other = openKeyring({ masterKey: Buffer.alloc(32, 7).toString('base64'), masterKeyNext: null, masterKeyFile: null }, { createIfMissing: false })
    writeFileSync(file, '')
    await writeAnchor(t.db, other, dir, t.clock())
    expect(await verify()).toMatchObject({ ok: true, anchorsChecked: 0, anchorsSkipped: 1 })
  })

  it('the auditAnchor job signs the head into BVCT_AUDIT_ANCHOR_DIR', async () => {
    await runJobs({ db: t.db, config: { ...t.config, auditAnchorDir: dir }, mailer: null as never, keys: t.keys }, ['auditAnchor'], { now: t.clock() })
    const { anchors } = readAnchors(dir)
    expect(anchors).toHaveLength(1)
    expect(anchors[0]).toMatchObject({ lastId: (await ids()).at(-1), count: (await ids()).length, kid: t.keys.current().kid })
    expect(await verify()).toMatchObject({ ok: true, anchorsChecked: 1 })
  })
})
