// kill -9 under concurrent writes, on embedded PGlite and on PostgreSQL: after a restart every write
// that was answered 2xx is there, and the audit log still holds every head signed before the crash.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { connectPostgresAdmin } from '../../server/db/client.ts'
import { withDatabase } from '../global-setup.ts'
import { post, signIn, startServer, stopServer, type ServerProcess } from '../server-process.ts'

const PG = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'
const PASSWORD = 'Crash-test-password-1'
const WRITERS = 20
const dirs: string[] = []
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

async function setUp(kind: 'pglite' | 'postgres') {
  const dir = mkdtempSync(join(tmpdir(), `bvct-crash-${kind}-`))
  dirs.push(dir)
  const port = 4100 + Math.floor(Math.random() * 800)
  const env: NodeJS.ProcessEnv = {
    ...process.env, PORT: String(port), LOG_LEVEL: 'warn', BVCT_DEMO: kind === 'postgres' ? '1' : '', BVCT_DEMO_PASSWORD: PASSWORD,
    BVCT_DATA_DIR: join(dir, 'data'), BVCT_BACKUP_DIR: join(dir, 'backups'), BVCT_AUDIT_ANCHOR_DIR: join(dir, 'anchors'), DATABASE_URL: '',
  }
  let dropDb = async () => {}
  if (kind === 'postgres') {
    const name = `bvct_crash_${process.pid}_${Date.now()}`
    const admin = await connectPostgresAdmin(PG)
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    env.DATABASE_URL = withDatabase(PG, name)
    env.BVCT_MASTER_KEY = randomBytes(32).toString('base64')
    dropDb = async () => {
      const a = await connectPostgresAdmin(PG)
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {})
      await a.end()
    }
  }
  return { env, base: `http://127.0.0.1:${port}`, anchors: join(dir, 'anchors', 'audit-anchors.jsonl'), dropDb }
}

const anchorLines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { lastId: number }) : [])

describe.each(['pglite', 'postgres'] as const)('a server killed under %s writes', (kind) => {
  it('keeps every acknowledged write and every signed audit head', async () => {
    const { env, base, anchors, dropDb } = await setUp(kind)
    let server: ServerProcess | null = await startServer(env)
    try {
      const admin = await signIn(base, 'admin', PASSWORD)
      const acked: string[] = []
      let sent = 0
      let stop = false
      const writer = async (w: number) => {
        for (let i = 0; !stop; i++) {
          const code = `CR${w}-${i}`
          sent++
          try {
            const res = await post(base, admin, '/api/v1/units', { parentId: 1, name: `Đơn vị thử ${w}-${i}`, code, kind: 'institute' })
            if (res.status === 201) acked.push(code)
          } catch {
            return // the connection died with the server: this write was never acknowledged
          }
        }
      }
      const writers = Array.from({ length: WRITERS }, (_, w) => writer(w))
      // Kill once a head signed after some writes is on disk, with writes still in flight.
      const deadline = Date.now() + 60_000
      while ((acked.length < 100 || !anchorLines(anchors).some((a) => a.lastId > 0)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
      const signed = anchorLines(anchors)
      expect(signed.length).toBeGreaterThan(0)
      await new Promise((r) => setTimeout(r, 300))
      await stopServer(server.proc, 'SIGKILL')
      stop = true
      await Promise.all(writers)
      const ackedAtKill = [...acked]
      expect(ackedAtKill.length).toBeGreaterThanOrEqual(100)
      expect(sent).toBeGreaterThan(ackedAtKill.length)

      server = await startServer(env)
      const again = await signIn(base, 'admin', PASSWORD)
      const listed = await fetch(`${base}/api/v1/units`, { headers: { cookie: again.cookie } })
      const body = await listed.json()
      expect(listed.status, JSON.stringify(body)).toBe(200)
      const units = body.items as { code: string }[]
      const codes = new Set(units.map((u) => u.code))
      expect(ackedAtKill.filter((c) => !codes.has(c))).toEqual([])
      await stopServer(server.proc)
      server = null

      // The log recomputes and holds every head signed before the crash (and the one the restart signed).
      const out = execFileSync(process.execPath, ['--import', 'tsx', 'server/cli/audit-verify.ts', '--anchors', join(anchors, '..')], { env, encoding: 'utf8', timeout: 120_000 })
      expect(out).toMatch(new RegExp(`It holds all (\\d+) signed heads`))
      expect(Number(out.match(/It holds all (\d+) signed heads/)![1])).toBeGreaterThanOrEqual(signed.length)
    } finally {
      if (server) await stopServer(server.proc, 'SIGKILL')
      await dropDb()
    }
  }, 300_000)
})
