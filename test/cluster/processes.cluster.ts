// BVCT_PROCESSES=N: one command, N server processes sharing the port (node:cluster). On PostgreSQL
// both serve and both take jobs; without DATABASE_URL it says that embedded PGlite is one process.
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, startServer, stopServer, type ServerProcess } from '../server-process.ts'
import { requireEnv, throwawayDatabase, waitFor } from './pg.ts'

const PASSWORD = 'Processes-test-password-1'
const PORT = 3338
const base = `http://127.0.0.1:${PORT}`
let database: Awaited<ReturnType<typeof throwawayDatabase>>
let server: ServerProcess | undefined

beforeAll(async () => {
  database = await throwawayDatabase(requireEnv('TEST_DATABASE_URL', 'a PostgreSQL server where it may create databases'))
})
afterAll(async () => {
  if (server) await stopServer(server.proc)
  await database?.drop()
})

describe('BVCT_PROCESSES', () => {
  it('starts N processes on one port, which serve together and share the jobs; SIGTERM stops them all', async () => {
    server = await startServer({
      ...process.env, PORT: String(PORT), LOG_LEVEL: 'warn', DATABASE_URL: database.url, BVCT_PROCESSES: '2', BVCT_DEMO: '1', BVCT_DEMO_PASSWORD: PASSWORD,
      BVCT_MASTER_KEY: randomBytes(32).toString('base64'), BVCT_AUDIT_ANCHOR_DIR: join(tmpdir(), `bvct-processes-anchors-${process.pid}`),
      BVCT_JOBS_TICK_MS: '1000', BVCT_JOBS_POLL_SECONDS: '1',
    })
    // The second prints its banner once the first listens.
    await waitFor(async () => server!.output().split('BVCT is running').length - 1 === 2, 120_000, 'the second process')
    const admin = await signIn(base, 'admin', PASSWORD)
    // Concurrent requests, on several connections the cluster hands to either process; every one is answered as the same user.
    const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${base}/api/v1/me`, { headers: { cookie: admin.cookie } }).then((r) => r.status)))
    expect(answers.every((s) => s === 200)).toBe(true)
    // Both worker processes take jobs from the queue (job_run records host:pid), and each job runs once.
    const processes = await waitFor(async () => {
      const rows = await database.db.query<{ process: string }>('SELECT DISTINCT process FROM job_run')
      return rows.length === 2 ? rows : null
    }, 120_000, 'both processes to run jobs')
    expect(processes.map((p) => p.process).some((p) => p.endsWith(`:${server!.proc.pid}`))).toBe(false)
    const [dup] = await database.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT job FROM job_run WHERE job <> 'notificationEmails' GROUP BY job HAVING count(*) > 1) x`)
    expect(dup.n).toBe(0)
    await stopServer(server.proc)
    expect(server.proc.exitCode).toBe(0)
    server = undefined
  }, 300_000)

  it('without DATABASE_URL says embedded PGlite is one process, and starts one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bvct-processes-'))
    server = await startServer({ ...process.env, PORT: String(PORT), LOG_LEVEL: 'warn', DATABASE_URL: '', BVCT_PROCESSES: '3', BVCT_DATA_DIR: join(dir, 'data'), BVCT_DEMO: '0' }, 120_000)
    expect(server.output()).toMatch(/BVCT_PROCESSES=3 is ignored: embedded PGlite is one process by nature/)
    expect(server.output().split('BVCT is running').length - 1).toBe(1)
    expect((await fetch(`${base}/api/v1/health`)).status).toBe(200)
    await stopServer(server.proc)
    server = undefined
  }, 180_000)
})
