// Real faults a server meets: a folder it may not write, a stale lock whose pid is another
// program's now, a database that stops answering, a disk that is full. Each is said plainly:
// one sentence at start-up, 503 or 507 to a request, never a hang.
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../test/app.ts'
import { readConfig } from '../config.ts'
import { openPgliteWorker, openPostgres } from './client.ts'
import { DbTimeoutError, StartupError, isDatabaseUnavailable } from './errors.ts'
import { DataDirLockedError, acquireDataDirLock, lockPath } from './lock.ts'
import { openDatabase } from '../start.ts'

const tmp = () => mkdtempSync(join(tmpdir(), 'bvct-startup-'))

describe('the data folder lock', () => {
  it('takes over a lock whose pid now belongs to another program', async () => {
    const other = spawn('sleep', ['30'])
    try {
      const dir = tmp()
      // A lock from before start times were recorded, and one with a start time that is not this pid's.
      for (const text of [String(other.pid), `${other.pid} 1`]) {
        writeFileSync(lockPath(dir), text)
        const release = acquireDataDirLock(dir)
        expect(statSync(lockPath(dir)).mode & 0o777).toBe(0o600)
        release()
      }
    } finally {
      other.kill()
    }
  })

  it('refuses a folder another live BVCT process holds, naming its pid', async () => {
    const dir = tmp()
    const holder = spawn(process.execPath, ['--import', 'tsx', '-e', `
      const { acquireDataDirLock } = await import('./server/db/lock.ts'); acquireDataDirLock(${JSON.stringify(dir)}); console.log('held'); setTimeout(() => {}, 30000)`], { stdio: ['ignore', 'pipe', 'inherit'] })
    try {
      await new Promise<void>((resolve) => holder.stdout!.on('data', (d) => String(d).includes('held') && resolve()))
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError)
      expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`pid ${holder.pid}`))
    } finally {
      holder.kill()
    }
  })

  it('creates the data folder readable by its owner only, and tightens one found looser', () => {
    const dir = join(tmp(), 'data')
    acquireDataDirLock(dir)()
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    execFileSync('chmod', ['755', dir])
    acquireDataDirLock(dir)()
    expect(statSync(dir).mode & 0o777).toBe(0o700)
  })
})

describe('where embedded mode keeps its files', () => {
  it('puts backups, keys and audit anchors beside the data folder, never inside it, unless told otherwise', () => {
    const c = readConfig({ BVCT_DATA_DIR: '/srv/bvct/data' }, [])
    expect(c.backupDir).toBe('/srv/bvct/backups')
    expect(c.masterKeyFile).toBe('/srv/bvct/data-keys/master.key')
    expect(c.auditAnchorDir).toBe('/srv/bvct/data-audit')
    expect(readConfig({ BVCT_DATA_DIR: '/srv/bvct/data', BVCT_BACKUP_DIR: '/mnt/nas/bvct' }, []).backupDir).toBe('/mnt/nas/bvct')
  })
})

describe('start-up failures', () => {
  it('a data folder that cannot be created is one sentence, not a stack trace', async () => {
    const file = join(tmp(), 'not-a-folder')
    writeFileSync(file, '')
    const config = { ...readConfig({ BVCT_DATA_DIR: join(file, 'data') }, []) }
    await expect(openDatabase(config)).rejects.toThrow(StartupError)
    await expect(openDatabase(config)).rejects.toThrow(/^Cannot start: the data folder .* cannot be created or written \(ENOTDIR\); set BVCT_DATA_DIR/)
  })

  it('npm start prints that sentence alone and exits 1', () => {
    const file = join(tmp(), 'not-a-folder')
    writeFileSync(file, '')
    let out = ''
    let status = 0
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...process.env, BVCT_DATA_DIR: join(file, 'data'), DATABASE_URL: '', PORT: '0' }, encoding: 'utf8', stdio: 'pipe', timeout: 60_000 })
    } catch (e: any) {
      status = e.status
      out = String(e.stderr) + String(e.stdout)
    }
    expect(status).toBe(1)
    expect(out.trim().split('\n')).toHaveLength(1)
    expect(out).toMatch(/^Cannot start: the (data folder|master key file) .*not-a-folder/)
    expect(out).not.toMatch(/\n\s+at /)
  }, 70_000)

  it('a PostgreSQL that does not answer is one sentence naming where it was looked for', async () => {
    const config = readConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' }, [])
    await expect(openDatabase(config, { timeoutMs: 2_000 })).rejects.toThrow(/^Cannot start: PostgreSQL at 127\.0\.0\.1:1\/nowhere does not answer/)
  })
})

describe('a database that stops answering', () => {
  it('a query over BVCT_DB_TIMEOUT_MS fails as unavailable instead of holding the request, and the next one runs', async () => {
    const url = process.env.TEST_DATABASE_URL
    const db = url ? openPostgres(url, 2, { timeoutMs: 300 }) : await openPgliteWorker(join(tmp(), 'pgdata'), { timeoutMs: 300 })
    try {
      const started = Date.now()
      const err = await db.query('SELECT pg_sleep(3)').catch((e) => e)
      expect(Date.now() - started).toBeLessThan(2_500)
      expect(isDatabaseUnavailable(err)).toBe(true)
      if (!url) expect(err).toBeInstanceOf(DbTimeoutError)
      // PGlite's worker finishes the sleep first; PostgreSQL cancelled it.
      await new Promise((r) => setTimeout(r, url ? 0 : 3_000))
      expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }])
    } finally {
      await db.close()
    }
  }, 30_000)
})

describe('errors a request meets', () => {
  let t: TestApp
  let f: Fixture
  let admin: Session
  beforeAll(async () => {
    t = await createTestApp()
    f = await seedFixture(t.db)
    admin = await t.login('admin')
  })
  afterAll(() => t.close())

  it('a full disk answers 507 STORAGE_FULL in the caller\'s language, and nothing is saved', async () => {
    // PostgreSQL's own disk_full error, raised where a real full disk would raise it: inside the write.
    await t.db.query(`CREATE FUNCTION disk_is_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$`)
    await t.db.query('CREATE TRIGGER disk_is_full BEFORE INSERT ON unit FOR EACH ROW EXECUTE FUNCTION disk_is_full()')
    try {
      const body = { parentId: f.unitA.id, name: 'Khoa đầy đĩa', code: 'HA-FULL', kind: 'subunit' }
      const vi = await t.call(admin, 'POST', '/api/v1/units', body)
      expect(vi.statusCode).toBe(507)
      expect(vi.json().error).toMatchObject({ code: 'STORAGE_FULL', message: expect.stringMatching(/hết dung lượng/) })
      const en = await t.call(admin, 'POST', '/api/v1/units', body, { 'accept-language': 'en' })
      expect(en.json().error.message).toMatch(/run out of storage/)
      expect(await t.db.query(`SELECT 1 FROM unit WHERE code = 'HA-FULL'`)).toEqual([])
    } finally {
      await t.db.query('DROP TRIGGER disk_is_full ON unit')
    }
  })

  it('the health check reports the database state', async () => {
    const res = await t.call(null, 'GET', '/api/v1/health')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: expect.stringMatching(/ok|degraded/), databaseState: 'ok' })
  })
})
