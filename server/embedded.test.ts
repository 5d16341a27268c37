// The two-command promise, end to end in real processes: `npm start` on an embedded data folder.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer as startServerProcess, stopServer, type ServerProcess } from '../test/server-process.ts'

const dir = mkdtempSync(join(tmpdir(), 'bvct-embedded-'))
const dataDir = join(dir, 'data')
const backupDir = join(dir, 'backups')
const port = 3900 + Math.floor(Math.random() * 90)
const env = { ...process.env, BVCT_DATA_DIR: dataDir, BVCT_BACKUP_DIR: backupDir, PORT: String(port), DATABASE_URL: '', BVCT_DEMO: '', BVCT_DEMO_PASSWORD: '', LOG_LEVEL: 'warn' }
const base = `http://127.0.0.1:${port}`

const startServer = () => startServerProcess(env)
const stop = stopServer

async function login(password: string, username = 'board') {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })
  return { status: res.status, cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') }
}

let first: ServerProcess
let password: string

beforeAll(async () => {
  first = await startServer()
  password = first.output().match(/Demo password: (\S+)/)![1]
}, 120_000)
afterAll(async () => {
  if (first) await stop(first.proc)
})

describe('npm start on embedded PGlite', () => {
  it('creates the schema, loads demo data, prints the address, accounts and a generated password', async () => {
    const out = first.output()
    expect(out).toContain(`BVCT is running at http://localhost:${port}`)
    expect(out).toMatch(/Demo accounts: admin, committee, board, inspector, auditor/)
    expect(password).toMatch(/^Bvct-/)
    const health = await (await fetch(`${base}/api/v1/health`)).json()
    expect(health).toEqual({ status: 'ok', database: 'pglite', databaseState: 'ok', storage: 'ok' })
    const s = await login(password)
    expect(s.status).toBe(200)
    const units = (await (await fetch(`${base}/api/v1/units`, { headers: { cookie: s.cookie } })).json()).items
    expect(units.length).toBeGreaterThanOrEqual(20)
    expect(units.map((u: any) => u.kind)).toEqual(expect.arrayContaining(['department', 'hospital', 'institute', 'university', 'committee', 'board']))
    expect(units.some((u: any) => u.depth >= 3 && u.kind !== 'board')).toBe(true)
    const people = await (await fetch(`${base}/api/v1/people?unitId=${units.find((u: any) => u.code === 'BVBM').id}`, { headers: { cookie: s.cookie } })).json()
    expect(people.total).toBeGreaterThanOrEqual(20)
  })

  it('has demo accounts for every role and head./officer. for each unit', async () => {
    const adminLogin = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) })
    const cookie = adminLogin.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    const accounts = (await (await fetch(`${base}/api/v1/accounts?limit=500`, { headers: { cookie } })).json()).items
    const roles = new Set(accounts.flatMap((a: any) => a.roles.map((r: any) => r.role)))
    expect([...roles].sort()).toEqual(['admin', 'auditor', 'board', 'committee', 'inspector', 'staff', 'unitHead', 'unitOfficer'])
    const names = accounts.map((a: any) => a.username)
    expect(names).toEqual(expect.arrayContaining(['head.bvbm', 'officer.bvbm', 'head.bvbm-cc', 'officer.dhyhn']))
  })

  it('loads confidential cases that open under the printed key, each for its list only', async () => {
    expect(first.output()).toContain(`Master key for confidential records: ${dataDir}-keys/master.key`)
    const get = async (username: string, path: string) => (await fetch(`${base}${path}`, { headers: { cookie: (await login(password, username)).cookie } })).json()
    const cases = (await get('board', '/api/v1/cases')).items
    // Ten in the cases demo, and the expired review behind the key-positions demo.
    expect(cases).toHaveLength(11)
    expect(new Set(cases.map((c: any) => c.step))).toEqual(new Set(['requestReceived', 'screening', 'verification', 'conclusion', 'approved', 'subjectNotified', 'explanationReceived', 'decision', 'closed']))
    const review = cases.find((c: any) => c.step === 'verification')
    const opened = await get('board', `/api/v1/cases/${review.id}`)
    expect(opened.subject.name.length).toBeGreaterThan(3)
    expect(opened.requests.map((r: any) => r.timeliness).sort()).toEqual(['done_on_time', 'in_progress_on_time', 'overdue'])
    expect((await get('committee', '/api/v1/cases')).items.map((c: any) => c.step).sort()).toEqual(['approved', 'approved', 'approved', 'conclusion'])
    expect((await get('admin', '/api/v1/cases')).items).toEqual([])
    expect((await get('staff', '/api/v1/me/case-notices')).items).toMatchObject([{ kind: 'notification', submissions: [] }])
  })

  it('refuses a second process on the same data folder with a clear message', () => {
    let status = 0
    let output = ''
    try {
      execFileSync('npx', ['tsx', 'server/main.ts'], { env: { ...env, PORT: String(port + 1) }, encoding: 'utf8', stdio: 'pipe', timeout: 60_000 })
    } catch (e: any) {
      status = e.status
      output = String(e.stderr) + String(e.stdout)
    }
    expect(status).toBe(1)
    expect(output).toMatch(/is in use by another BVCT process \(pid \d+\)/)
  }, 70_000)

  it('takes a backup shortly after start, and `npm run backup` asks the running server for one', async () => {
    const backups = () => (existsSync(backupDir) ? readdirSync(backupDir).filter((f) => f.endsWith('.tar.gz')) : [])
    // The start-up backup waits a few seconds after the server listens (main.ts).
    for (let i = 0; i < 300 && !backups().length; i++) await new Promise((r) => setTimeout(r, 100))
    expect(backups()).toHaveLength(1)
    const out = execFileSync('npx', ['tsx', 'server/cli/backup.ts'], { env, encoding: 'utf8', timeout: 60_000 })
    expect(out).toMatch(/Backup written by the running server/)
    expect(backups()).toHaveLength(2)
    expect(readdirSync(dataDir).filter((f) => f.includes('backup-copy'))).toEqual([])
    // Each backup carries the audit log's signed head; the folders and files are the owner's only.
    for (const f of backups()) {
      expect(statSync(join(backupDir, f)).mode & 0o777).toBe(0o600)
      expect(JSON.parse(readFileSync(join(backupDir, `${f}.anchor.json`), 'utf8'))).toMatchObject({ v: 1, lastId: expect.any(Number), mac: expect.stringMatching(/^[0-9a-f]{64}$/) })
    }
    for (const d of [dataDir, backupDir, `${dataDir}-keys`, `${dataDir}-audit`]) expect(statSync(d).mode & 0o777, d).toBe(0o700)
    expect(statSync(join(`${dataDir}-audit`, 'audit-anchors.jsonl')).mode & 0o777).toBe(0o600)
  }, 100_000)

  it('survives a killed process, keeps its data and loads no demo data twice; restore brings back a backup', async () => {
    const s = await login(password)
    const csrf = s.cookie.match(/bvct_csrf=([^;]+)/)![1]
    const adminLogin = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) })
    const adminCookie = adminLogin.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    const adminCsrf = adminCookie.match(/bvct_csrf=([^;]+)/)![1]
    const created = await fetch(`${base}/api/v1/units`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie: adminCookie, 'x-csrf-token': adminCsrf },
      body: JSON.stringify({ parentId: 1, name: 'Viện Sau Backup', code: 'VSB', kind: 'institute' }),
    })
    expect(created.status).toBe(201)
    expect(csrf).toBeTruthy()
    await stop(first.proc, 'SIGKILL')

    const second = await startServer()
    try {
      expect(second.output()).toContain('Demo data was loaded at an earlier start.')
      expect(second.output()).toContain(`Demo password: ${password}`)
      const again = await login(password)
      const units = (await (await fetch(`${base}/api/v1/units`, { headers: { cookie: again.cookie } })).json()).items
      expect(units.filter((u: any) => u.code === 'BVBM')).toHaveLength(1)
      expect(units.some((u: any) => u.code === 'VSB')).toBe(true)
    } finally {
      await stop(second.proc)
    }
    // The first backup predates the new unit: restoring it removes the unit, keeping the old folder aside.
    const oldest = readdirSync(backupDir).filter((f) => f.endsWith('.tar.gz')).sort()[0]
    const out = execFileSync('npx', ['tsx', 'server/cli/restore.ts', join(backupDir, oldest)], { env, encoding: 'utf8', timeout: 60_000 })
    expect(out).toMatch(/Restored .* \(\d+ units\)\. The previous data is kept in/)
    expect(out).toMatch(/The audit log holds the backup's signed head \(\d+ entries\)/)
    expect(readdirSync(dataDir).some((f) => f.startsWith('pgdata.before-restore-'))).toBe(true)
    first = await startServer()
    const after = await login(password)
    const units = (await (await fetch(`${base}/api/v1/units`, { headers: { cookie: after.cookie } })).json()).items
    expect(units.some((u: any) => u.code === 'VSB')).toBe(false)
    expect(existsSync(join(dataDir, 'bvct.lock'))).toBe(true)
  }, 240_000)
})
