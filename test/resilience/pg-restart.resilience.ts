// PostgreSQL restarted under load: while it is down the server answers 503 quickly (never hangs)
// and its health check says so; once it is back, the same server process answers again, without a
// restart of its own, and no write acknowledged before or after is lost. A private cluster (initdb
// as the postgres user, its own port and socket folder) so the machine's PostgreSQL is not touched.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { post, signIn, startServer, stopServer, type ServerProcess } from '../server-process.ts'

const PASSWORD = 'Restart-test-password-1'
const bin = (name: string) => {
  const version = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))[0]
  return `/usr/lib/postgresql/${version}/bin/${name}`
}
const dir = mkdtempSync(join(tmpdir(), 'bvct-pgrestart-'))
const pgData = join(dir, 'pg')
const pgPort = 5600 + Math.floor(Math.random() * 300)
const asPostgres = (args: string[]) => execFileSync('runuser', ['-u', 'postgres', '--', ...args], { encoding: 'utf8', timeout: 120_000 })
const pgCtl = (...args: string[]) => asPostgres([bin('pg_ctl'), '-D', pgData, '-w', '-t', '60', ...args])

beforeAll(() => {
  if (process.getuid?.() !== 0) throw new Error('The resilience suite runs as root (CI does): it starts a private PostgreSQL cluster as the postgres user')
  chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })))
  asPostgres([bin('initdb'), '-D', pgData, '-A', 'trust', '-U', 'postgres', '--no-sync'])
  pgCtl('-o', `-p ${pgPort} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-l', join(dir, 'pg.log'), 'start')
})
afterAll(() => {
  try {
    pgCtl('-m', 'immediate', 'stop')
  } catch {
    // already stopped
  }
  rmSync(dir, { recursive: true, force: true })
})

describe('PostgreSQL restarted under load', () => {
  it('is answered with 503 while down and served again by the same process when back, losing no acknowledged write', async () => {
    const port = 5000 + Math.floor(Math.random() * 500)
    const base = `http://127.0.0.1:${port}`
    const env = {
      ...process.env, PORT: String(port), LOG_LEVEL: 'error', DATABASE_URL: `postgres://postgres@127.0.0.1:${pgPort}/postgres`, BVCT_DEMO: '1', BVCT_DEMO_PASSWORD: PASSWORD,
      BVCT_MASTER_KEY: randomBytes(32).toString('base64'), BVCT_AUDIT_ANCHOR_DIR: join(dir, 'anchors'), BVCT_DB_TIMEOUT_MS: '3000',
    }
    let server: ServerProcess | null = await startServer(env)
    try {
      const admin = await signIn(base, 'admin', PASSWORD)
      const acked: string[] = []
      const statuses = new Map<number, number>()
      let slowest = 0
      let stop = false
      const worker = async (w: number) => {
        for (let i = 0; !stop; i++) {
          const started = Date.now()
          const res = await post(base, admin, '/api/v1/units', { parentId: 1, name: `Đơn vị tải ${w}-${i}`, code: `PR${w}-${i}`, kind: 'institute' }, AbortSignal.timeout(20_000)).catch(() => null)
          slowest = Math.max(slowest, Date.now() - started)
          const code = res?.status ?? 0
          statuses.set(code, (statuses.get(code) ?? 0) + 1)
          if (code === 201) acked.push(`PR${w}-${i}`)
          if (code !== 201) await new Promise((r) => setTimeout(r, 50))
        }
      }
      const workers = Array.from({ length: 8 }, (_, w) => worker(w))
      await new Promise((r) => setTimeout(r, 2_000))
      pgCtl('-m', 'fast', 'stop')
      await new Promise((r) => setTimeout(r, 3_000))
      const health = await fetch(`${base}/api/v1/health`, { signal: AbortSignal.timeout(10_000) }).catch((e) => {
        throw new Error(`the server stopped answering when PostgreSQL went down (exit ${server!.proc.exitCode}):\n${server!.output().slice(-3000)}`, { cause: e })
      })
      expect(health.status).toBe(503)
      expect(await health.json()).toMatchObject({ status: 'unavailable', databaseState: expect.not.stringMatching(/^ok$/) })
      pgCtl('-o', `-p ${pgPort} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-l', join(dir, 'pg.log'), 'start')
      // Back within seconds, with no restart of the server.
      const backBy = Date.now() + 30_000
      let ok = false
      while (!ok && Date.now() < backBy) {
        ok = (await fetch(`${base}/api/v1/health`).catch(() => null))?.status === 200
        if (!ok) await new Promise((r) => setTimeout(r, 250))
      }
      expect(ok).toBe(true)
      const before = acked.length
      await new Promise((r) => setTimeout(r, 2_000))
      stop = true
      await Promise.all(workers)
      expect(acked.length).toBeGreaterThan(before)
      expect(server.proc.exitCode).toBeNull()
      // While down, writes were refused as unavailable (503), not left hanging.
      expect(statuses.get(503) ?? 0).toBeGreaterThan(0)
      expect(slowest).toBeLessThan(15_000)
      const units = (await (await fetch(`${base}/api/v1/units`, { headers: { cookie: admin.cookie } })).json()).items as { code: string }[]
      const codes = new Set(units.map((u) => u.code))
      expect(acked.filter((c) => !codes.has(c))).toEqual([])
    } finally {
      if (server) await stopServer(server.proc)
      server = null
    }
  })
})
