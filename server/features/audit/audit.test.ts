import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_MASTER_KEY, createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'
import { openKeyring } from '../../lib/keyring.ts'
import { writeAnchor } from './audit.anchor.ts'
import { recordAudit } from './audit.service.ts'
import { verifyAuditChain } from './audit.verify.ts'

let t: TestApp
let f: Fixture
let admin: Session

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  admin = await t.login('admin')
  for (let i = 0; i < 5; i++) {
    await t.call(admin, 'POST', '/api/v1/units', { parentId: f.unitA.id, name: `Khoa số ${i}`, code: `HA-S${i}`, kind: 'subunit' })
  }
})
afterAll(() => t.close())

const tamper = (sql: string, params: unknown[] = []) =>
  t.db.transaction(async (tx) => {
    // An attacker with table-owner rights can switch the append-only trigger off; the chain still tells.
    await tx.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update')
    await tx.query(sql, params)
    await tx.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update')
  })

describe('audit log', () => {
  it('records who, when, from where, the entity and before → after', async () => {
    const [e] = await t.db.query<any>(`SELECT * FROM audit_log WHERE entity = 'unit' AND action = 'create' ORDER BY id LIMIT 1`)
    expect(e).toMatchObject({ actor_username: 'admin', ip: '127.0.0.1', entity: 'unit', action: 'create', after: { name: 'Khoa số 0', code: 'HA-S0' } })
    expect(new Date(e.at).toISOString()).toBe(t.clock().toISOString())
  })

  it('is append-only: UPDATE and DELETE are refused by the database', async () => {
    await expect(t.db.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/)
    await expect(t.db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/)
  })

  it('verifies an intact chain, on the main thread and in worker threads alike', async () => {
    const r = await verifyAuditChain(t.db)
    expect(r.ok).toBe(true)
    expect(r.count).toBeGreaterThan(5)
    expect(await verifyAuditChain(t.db, { workers: 2 })).toEqual(r)
  })

  it('lets the board and auditors read the log filtered by person, entity and date; others may not', async () => {
    const auditor = await t.login('auditor')
    const adminAcc = (await t.db.query<{ id: number }>(`SELECT id FROM account WHERE username = 'admin'`))[0]
    const res = await t.call(auditor, 'GET', `/api/v1/audit?actorId=${adminAcc.id}&entity=unit&from=2026-03-20&to=2026-03-20`)
    expect(res.statusCode).toBe(200)
    const items = res.json().items
    expect(items).toHaveLength(5)
    expect(items.every((i: any) => i.actorUsername === 'admin' && i.entity === 'unit')).toBe(true)
    expect((await t.call(auditor, 'GET', '/api/v1/audit?entity=unit&from=2026-03-21')).json().items).toHaveLength(0)
    expect((await t.call(auditor, 'GET', '/api/v1/audit?actorUsername=ADMIN&entity=unit')).json().items).toHaveLength(5)
    expect((await t.call(await t.login('board'), 'GET', '/api/v1/audit?entity=unit')).statusCode).toBe(200)
    expect((await t.call(admin, 'GET', '/api/v1/audit')).statusCode).toBe(403)
    // An auditor scoped to unit A sees what happened in A's subtree, nothing elsewhere.
    await t.call(admin, 'PATCH', `/api/v1/units/${f.unitB.id}`, { version: 1, name: 'Bệnh viện Beta mới' })
    const inA = (await t.db.query<{ id: number }>('SELECT id FROM unit WHERE path <@ $1::ltree', [f.unitA.path])).map((r) => r.id)
    const seenByA = (await t.call(await t.login('auditor.a'), 'GET', '/api/v1/audit?entity=unit')).json().items
    expect(seenByA).toHaveLength(5)
    expect(seenByA.every((i: any) => inA.includes(i.unitId))).toBe(true)
  })

  it('names the people, units and accounts an entry points at, within the reader\'s scope, and never for a case', async () => {
    const [actorAcc] = await t.db.query<{ id: number }>(`SELECT id FROM account WHERE username = 'unitHead.a'`)
    const actor = { id: actorAcc.id, username: 'unitHead.a', ip: '127.0.0.1', now: t.clock() }
    await t.db.transaction(async (tx) => {
      await recordAudit(tx, actor, {
        action: 'update', entity: 'planAction', entityId: 901, unitId: f.unitA.id,
        before: { ownerPersonId: f.personA.id, status: 'notStarted' }, after: { ownerPersonId: f.personB.id, status: 'inProgress', ownerUnitId: f.unitB.id },
      })
      await recordAudit(tx, actor, { action: 'addAccess', entity: 'case', entityId: 902, unitId: f.unitA.id, after: { personId: f.personA.id, accountId: actorAcc.id } })
    })
    const read = async (user: string, entity: string) =>
      (await t.call(await t.login(user), 'GET', `/api/v1/audit?entity=${entity}`)).json().items[0]
    const wide = await read('auditor', 'planAction')
    expect(wide.actorName).toBe('Lê Văn unitHead')
    expect(wide.actorUsername).toBe('unitHead.a')
    expect(wide.names).toEqual({ [`person:${f.personA.id}`]: 'Nguyễn Văn An', [`person:${f.personB.id}`]: 'Trần Thị Bình', [`unit:${f.unitB.id}`]: 'Bệnh viện Beta mới' })
    // The raw snapshot is untouched: names ride beside it.
    expect(wide.after).toEqual({ ownerPersonId: f.personB.id, status: 'inProgress', ownerUnitId: f.unitB.id })
    // Scoped to hospital A, the person and the unit of hospital B stay ids.
    const narrow = await read('auditor.a', 'planAction')
    expect(narrow.names).toEqual({ [`person:${f.personA.id}`]: 'Nguyễn Văn An' })
    // A confidential case entry is shown as stored: no name is looked up for it.
    const kase = await read('auditor', 'case')
    expect(kase.names).toEqual({})
    expect(JSON.stringify(kase)).not.toContain('Nguyễn Văn An')
    expect((await verifyAuditChain(t.db)).ok).toBe(true)
  })

  it('keeps one unbroken chain when many writes append at once (each sees the head the one before committed)', async () => {
    const actor = { id: null, username: 'system', ip: null, now: t.clock() }
    const [{ before }] = await t.db.query<{ before: number }>('SELECT count(*)::int AS before FROM audit_log')
    await Promise.all(Array.from({ length: 12 }, (_, i) =>
      t.db.transaction((tx) => recordAudit(tx, actor, { action: 'update', entity: 'unit', entityId: i, after: { n: i } }))))
    const r = await verifyAuditChain(t.db)
    expect(r).toMatchObject({ ok: true, count: before + 12 })
  })

  it('numbers each session: the sign-in and every change made in it carry its number, the log filters by it, and the number is sealed in the hash', async () => {
    const auditor = await t.login('auditor')
    const logins = (await t.call(auditor, 'GET', '/api/v1/audit?actorUsername=admin&entity=session')).json().items
    const sessionNo = logins.find((e: any) => e.action === 'login').sessionNo
    expect(sessionNo).toEqual(expect.any(Number))
    const inSession = (await t.call(auditor, 'GET', `/api/v1/audit?sessionNo=${sessionNo}`)).json().items
    expect(inSession.filter((e: any) => e.action === 'create' || e.action === 'login').map((e: any) => `${e.action} ${e.entity}`).sort())
      .toEqual(['create unit', 'create unit', 'create unit', 'create unit', 'create unit', 'login session'])
    expect(inSession.every((e: any) => e.actorUsername === 'admin' && e.sessionNo === sessionNo)).toBe(true)
    // Another sign-in is another session with another number.
    const own = (await t.call(auditor, 'GET', '/api/v1/audit?actorUsername=auditor&entity=session')).json().items
    expect(own[0].sessionNo).toEqual(expect.any(Number))
    expect(own[0].sessionNo).not.toBe(sessionNo)
    // A session number changed in SQL is caught like any other field, and the chain is whole again once put back.
    const [victim] = await t.db.query<{ id: number }>(`SELECT id FROM audit_log WHERE session_no = $1 AND entity = 'unit' ORDER BY id LIMIT 1`, [sessionNo])
    await tamper('UPDATE audit_log SET session_no = session_no + 1 WHERE id = $1', [victim.id])
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, firstBadId: victim.id, reason: 'changed' })
    await tamper('UPDATE audit_log SET session_no = session_no - 1 WHERE id = $1', [victim.id])
    expect((await verifyAuditChain(t.db)).ok).toBe(true)
  })

  it('names the first changed entry after a row is edited directly in SQL', async () => {
    const [victim] = await t.db.query<{ id: number }>(`SELECT id FROM audit_log WHERE entity = 'unit' ORDER BY id OFFSET 2 LIMIT 1`)
    await tamper(`UPDATE audit_log SET after = jsonb_set(after, '{name}', '"Khoa giả mạo"') WHERE id = $1`, [victim.id])
    const r = await verifyAuditChain(t.db)
    expect(r).toMatchObject({ ok: false, firstBadId: victim.id, reason: 'changed' })
    // The workers hash each entry from its stored link and find the same first changed entry.
    expect(await verifyAuditChain(t.db, { workers: 2 })).toEqual(r)
  })
})

describe('audit log: deleted and reordered entries', () => {
  it('names the entry after a deleted one', async () => {
    const u = await createTestApp()
    try {
      const g = await seedFixture(u.db)
      const s = await u.login('admin')
      for (let i = 0; i < 4; i++) await u.call(s, 'POST', '/api/v1/units', { parentId: g.unitB.id, name: `Phòng ${i}`, code: `HB-P${i}`, kind: 'subunit' })
      const ids = (await u.db.query<{ id: number }>('SELECT id FROM audit_log ORDER BY id')).map((r) => r.id)
      await u.db.transaction(async (tx) => {
        await tx.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update')
        await tx.query('DELETE FROM audit_log WHERE id = $1', [ids[2]])
        await tx.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update')
      })
      expect(await verifyAuditChain(u.db)).toMatchObject({ ok: false, firstBadId: ids[3], reason: 'gap' })
    } finally {
      await u.close()
    }
  })

  it('names the first of two swapped entries', async () => {
    const u = await createTestApp()
    try {
      const g = await seedFixture(u.db)
      const s = await u.login('admin')
      for (let i = 0; i < 4; i++) await u.call(s, 'POST', '/api/v1/units', { parentId: g.unitB.id, name: `Phòng ${i}`, code: `HB-P${i}`, kind: 'subunit' })
      const ids = (await u.db.query<{ id: number }>('SELECT id FROM audit_log ORDER BY id')).map((r) => r.id)
      await u.db.transaction(async (tx) => {
        await tx.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update')
        // Swap two entries' places (ids), keeping their contents and hashes.
        await tx.query('UPDATE audit_log SET id = -1 WHERE id = $1', [ids[1]])
        await tx.query('UPDATE audit_log SET id = $1 WHERE id = $2', [ids[1], ids[2]])
        await tx.query('UPDATE audit_log SET id = $1 WHERE id = -1', [ids[2]])
        await tx.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update')
      })
      expect(await verifyAuditChain(u.db)).toMatchObject({ ok: false, firstBadId: ids[1] })
    } finally {
      await u.close()
    }
  })
})

describe('npm run audit:verify', () => {
  it('exits 0 on an intact embedded database and 1 naming the entry after tampering', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bvct-audit-'))
    const env = { ...process.env, BVCT_DATA_DIR: dir, DATABASE_URL: '', BVCT_DEMO_PASSWORD: 'Demo-pass-123', BVCT_MASTER_KEY: TEST_MASTER_KEY, BVCT_AUDIT_ANCHOR_DIR: join(dir, 'anchors') }
    const run = (script: string) => {
      try {
        return { code: 0, out: execFileSync(process.execPath, ['--import', 'tsx', script], { env, encoding: 'utf8', stdio: 'pipe' }) }
      } catch (e: any) {
        return { code: e.status as number, out: String(e.stdout) + String(e.stderr) }
      }
    }
    // Build a small database through the real code path, then tamper with it in SQL.
    const { openPgliteInProcess } = await import('../../db/client.ts')
    const { migrate } = await import('../../db/migrate.ts')
    const db = await openPgliteInProcess(join(dir, 'pgdata'))
    await migrate(db)
    const g = await seedFixture(db)
    const { recordAudit } = await import('./audit.service.ts')
    for (let i = 0; i < 3; i++) await db.transaction((tx) => recordAudit(tx, { id: null, username: 'cli', ip: null, now: new Date() }, { action: 'touch', entity: 'unit', entityId: g.unitA.id, after: { i } }))
    const keys = openKeyring({ masterKey: TEST_MASTER_KEY, masterKeyNext: null, masterKeyFile: null }, { createIfMissing: false })
    await writeAnchor(db, keys, join(dir, 'anchors'), new Date())
    await db.close()
    const ok = run('server/cli/audit-verify.ts')
    expect(ok.code).toBe(0)
    expect(ok.out).toMatch(/Audit log OK: 3 entries/)
    expect(ok.out).toMatch(/holds all 1 signed heads/)

    const db2 = await openPgliteInProcess(join(dir, 'pgdata'))
    const [second] = await db2.query<{ id: number }>('SELECT id FROM audit_log ORDER BY id OFFSET 1 LIMIT 1')
    await db2.transaction(async (tx) => {
      await tx.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update')
      await tx.query(`UPDATE audit_log SET actor_username = 'someone-else' WHERE id = $1`, [second.id])
    })
    await db2.close()
    const bad = run('server/cli/audit-verify.ts')
    expect(bad.code).toBe(1)
    expect(bad.out).toContain(`FAILED at entry ${second.id}`)

    // Emptied on a stopped copy: the chain alone is consistent, the anchor is not.
    const db3 = await openPgliteInProcess(join(dir, 'pgdata'))
    await db3.transaction(async (tx) => {
      await tx.query('ALTER TABLE audit_log DISABLE TRIGGER USER')
      await tx.query('TRUNCATE audit_log')
    })
    await db3.close()
    const emptied = run('server/cli/audit-verify.ts')
    expect(emptied.code).toBe(1)
    expect(emptied.out).toMatch(/removed from its end \(or the whole log was emptied\)/)
  }, 240_000)
})
