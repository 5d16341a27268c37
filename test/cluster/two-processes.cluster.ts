// Two BVCT processes on loopback, one PostgreSQL database: any process answers any request. Sessions
// and CSRF tokens, sign-in throttling and idempotency keys are rows in the database; the matrix
// cache of each process is checked against the database's epoch; the job queue runs each job once.
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JOBS } from '../../server/jobs.ts'
import { post, signIn, startServer, stopServer, type HttpSession, type ServerProcess } from '../server-process.ts'
import { requireEnv, throwawayDatabase, waitFor } from './pg.ts'

const PASSWORD = 'Cluster-test-password-1'
const PORTS = [3331, 3332]
const [A, B] = PORTS.map((p) => `http://127.0.0.1:${p}`)
let database: Awaited<ReturnType<typeof throwawayDatabase>>
const servers: ServerProcess[] = []
const startedAt = new Date()

beforeAll(async () => {
  database = await throwawayDatabase(requireEnv('TEST_DATABASE_URL', 'a PostgreSQL server where it may create databases'))
  const env = {
    ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: database.url, BVCT_DEMO: '1', BVCT_DEMO_PASSWORD: PASSWORD,
    BVCT_MASTER_KEY: randomBytes(32).toString('base64'), BVCT_AUDIT_ANCHOR_DIR: join(tmpdir(), `bvct-cluster-anchors-${process.pid}`),
    // Each process offers the due jobs every second, and its worker asks for one every second.
    BVCT_JOBS_TICK_MS: '1000', BVCT_JOBS_POLL_SECONDS: '1',
  }
  // The first migrates and loads the demo data; the second finds them there.
  servers.push(await startServer({ ...env, PORT: String(PORTS[0]) }))
  servers.push(await startServer({ ...env, PORT: String(PORTS[1]) }))
})
afterAll(async () => {
  await Promise.all(servers.map((s) => stopServer(s.proc)))
  await database?.drop()
})

const get = (base: string, s: HttpSession, path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers: { cookie: s.cookie, ...headers } })

describe('two processes on one database', () => {
  it('sign in on one, act on the other: the session and its CSRF token are the database\'s', async () => {
    const admin = await signIn(A, 'admin', PASSWORD)
    const me = await get(B, admin, '/api/v1/me')
    expect(me.status).toBe(200)
    expect((await me.json()).username).toBe('admin')
    const created = await post(B, admin, '/api/v1/units', { parentId: 1, name: 'Đơn vị hai tiến trình', code: 'TWO-PROC', kind: 'institute' })
    expect(created.status, await created.clone().text()).toBe(201)
    // A wrong CSRF token is refused by the other process too.
    const forged = await post(A, { ...admin, csrf: 'forged' }, '/api/v1/units', { parentId: 1, name: 'Giả mạo', code: 'FORGED', kind: 'institute' })
    expect(forged.status).toBe(403)
    // Signed out on B: the session is gone for A as well.
    expect((await post(B, admin, '/api/v1/auth/logout', {})).status).toBeLessThan(300)
    expect((await get(A, admin, '/api/v1/me')).status).toBe(401)
  })

  it("a write on one process invalidates the other's cached matrix", async () => {
    const board = await signIn(A, 'board', PASSWORD)
    const [d] = await database.db.query<{ id: number }>(`SELECT id FROM directive WHERE status <> 'draft' ORDER BY id LIMIT 1`)
    const path = `/api/v1/directives/${d.id}/matrix`
    const first = await get(B, board, path)
    expect(first.status).toBe(200)
    const etag = first.headers.get('etag')!
    // Cached on B: asked again with its ETag, B answers 304 without computing.
    expect((await get(B, board, path, { 'if-none-match': etag })).status).toBe(304)
    // On A: a new directive issued to two units, which moves the matrix epoch in the database.
    const draft = await post(A, board, '/api/v1/directives', { subject: 'Văn bản thử hai tiến trình', requirements: [{ label: '1', text: 'Thực hiện' }] })
    expect(draft.status, await draft.clone().text()).toBe(201)
    const dd = await draft.json()
    const units = await database.db.query<{ id: number }>(`SELECT id FROM unit WHERE kind = 'hospital' ORDER BY id LIMIT 2`)
    const issued = await post(A, board, `/api/v1/directives/${dd.id}/issue`, { version: dd.version, unitIds: units.map((u) => u.id), acknowledgeWithinDays: 5, planWithinDays: 15 })
    expect(issued.status, await issued.clone().text()).toBe(200)
    // B's kept view is no longer current: it computes again and answers a new ETag.
    const again = await get(B, board, path, { 'if-none-match': etag })
    expect(again.status).toBe(200)
    expect(again.headers.get('etag')).not.toBe(etag)
  })

  it('throttling counts the failed sign-ins sent to both processes together', async () => {
    const attempt = (base: string) => fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'staff', password: 'wrong-password-1' }) })
    // Five failures of one account from one address start the delays (auth/throttle.ts): three on A, two on B.
    const statuses = [await attempt(A), await attempt(B), await attempt(A), await attempt(B), await attempt(A)].map((r) => r.status)
    expect(statuses).toEqual([401, 401, 401, 401, 401])
    // The sixth is refused whichever process gets it; neither has seen five on its own.
    const sixth = await attempt(B)
    expect(sixth.status).toBe(429)
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await attempt(A)).status).toBe(429)
  })

  it('a retried submit with the same Idempotency-Key sent to the other process acts once', async () => {
    const board = await signIn(B, 'board', PASSWORD)
    const key = randomBytes(8).toString('hex')
    const body = { subject: 'Văn bản gửi lại hai lần', requirements: [{ label: '1', text: 'Thực hiện' }] }
    const send = (base: string) =>
      fetch(`${base}/api/v1/directives`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: board.cookie, 'x-csrf-token': board.csrf, 'idempotency-key': key }, body: JSON.stringify(body) })
    const first = await send(A)
    expect(first.status).toBe(201)
    const retry = await send(B)
    expect(retry.status).toBe(201)
    expect(retry.headers.get('idempotent-replay')).toBe('true')
    expect((await retry.json()).id).toBe((await first.json()).id)
    const rows = await database.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM directive WHERE subject = $1`, [body.subject])
    expect(rows[0].n).toBe(1)
  })

  it('runs each scheduled job once, though both processes offer it every second', async () => {
    const queued = JOBS.filter((j) => !j.onlyOn || j.onlyOn === 'postgres')
    // Every job has run (the first offers went in when the processes started).
    await waitFor(async () => {
      const [r] = await database.db.query<{ n: number }>(`SELECT count(DISTINCT job)::int AS n FROM job_run WHERE state = 'completed'`)
      return r.n >= queued.length
    }, 60_000, 'every job to run once')
    // Several more ticks of both processes.
    await new Promise((r) => setTimeout(r, 4_000))
    const runs = await database.db.query<{ job: string; n: number; processes: string[] }>(
      `SELECT job, count(*)::int AS n, array_agg(DISTINCT process) AS processes FROM job_run WHERE runner = 'queue' AND started_at >= $1 GROUP BY job`, [startedAt],
    )
    const byJob = new Map(runs.map((r) => [r.job, r]))
    for (const job of queued) {
      // Once per period: a job due every minute may have started a second period meanwhile.
      const most = job.everyMs <= 60_000 ? Math.ceil((Date.now() - startedAt.getTime()) / job.everyMs) + 1 : 1
      expect(byJob.get(job.name)?.n, job.name).toBeGreaterThanOrEqual(1)
      expect(byJob.get(job.name)!.n, job.name).toBeLessThanOrEqual(most)
    }
    // Both processes took a share of the work (each worker fetches one job at a time).
    expect(new Set(runs.flatMap((r) => r.processes)).size).toBe(2)
  })
})
