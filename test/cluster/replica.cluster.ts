// Reads from a real streaming replica (scripts/replica.sh makes one of the test PostgreSQL on port
// 5433). Dashboards, exports and lists read from it while it keeps up; the writer reads its own write
// from the primary at once; when the replica lags past BVCT_REPLICA_MAX_LAG_MS (replay paused here)
// or does not answer, reads go to the primary, and back to the replica once it has caught up.
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectPostgresAdmin } from '../../server/db/client.ts'
import { post, signIn, startServer, stopServer, type HttpSession, type ServerProcess } from '../server-process.ts'
import { requireEnv, throwawayDatabase, waitFor } from './pg.ts'

const PASSWORD = 'Replica-test-password-1'
const MAX_LAG_MS = 3_000
const PORTS = [3335, 3336]
const base = `http://127.0.0.1:${PORTS[0]}`
let database: Awaited<ReturnType<typeof throwawayDatabase>>
let replicaAdmin: Awaited<ReturnType<typeof connectPostgresAdmin>>
const servers: ServerProcess[] = []
let env: NodeJS.ProcessEnv

beforeAll(async () => {
  const primaryBase = requireEnv('TEST_DATABASE_URL', 'a PostgreSQL server where it may create databases')
  const replicaBase = requireEnv('TEST_DATABASE_READ_URL', 'its streaming replica: scripts/replica.sh start, then postgres://postgres@127.0.0.1:5433/postgres')
  database = await throwawayDatabase(primaryBase)
  const readUrl = database.urlOn(replicaBase)
  // The new database reaches the replica through the WAL like everything else.
  replicaAdmin = await waitFor(() => connectPostgresAdmin(readUrl), 30_000, 'the database to appear on the replica')
  env = {
    ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: database.url, DATABASE_READ_URL: readUrl, BVCT_REPLICA_MAX_LAG_MS: String(MAX_LAG_MS),
    BVCT_DEMO: '1', BVCT_DEMO_PASSWORD: PASSWORD, BVCT_MASTER_KEY: randomBytes(32).toString('base64'),
    BVCT_AUDIT_ANCHOR_DIR: join(tmpdir(), `bvct-replica-anchors-${process.pid}`),
  }
  servers.push(await startServer({ ...env, PORT: String(PORTS[0]) }))
})
afterAll(async () => {
  await replicaAdmin?.query('SELECT pg_wal_replay_resume()').catch(() => {})
  await replicaAdmin?.end().catch(() => {})
  await Promise.all(servers.map((s) => stopServer(s.proc)))
  await database?.drop()
})

type Health = { replica?: { state: string; lagMs: number | null; error?: string } }
const health = async (b = base): Promise<Health> => (await fetch(`${b}/api/v1/health`)).json() as Promise<Health>
/** A session without the last-write cookie: a reader who has not written (login itself is a write). */
const readerOf = (s: HttpSession): HttpSession => ({ ...s, cookie: s.cookie.split('; ').filter((c) => !c.startsWith('bvct_w=')).join('; ') })
const listed = async (b: string, s: HttpSession, subject: string) => {
  const res = await fetch(`${b}/api/v1/directives?q=${encodeURIComponent(subject)}`, { headers: { cookie: s.cookie } })
  expect(res.status).toBe(200)
  return ((await res.json()) as { items: { subject: string }[] }).items.some((d) => d.subject === subject)
}
const draft = async (s: HttpSession, subject: string, b = base) => {
  const res = await post(b, s, '/api/v1/directives', { subject, requirements: [{ label: '1', text: 'Thực hiện' }] })
  expect(res.status, await res.clone().text()).toBe(201)
  // The answer's cookie marks this session's last write.
  const mark = res.headers.getSetCookie().find((c) => c.startsWith('bvct_w='))!.split(';')[0]
  return { ...s, cookie: s.cookie.split('; ').filter((c) => !c.startsWith('bvct_w=')).concat(mark).join('; ') }
}

describe('read replica', () => {
  it('serves lists from the replica, the writer from the primary, and falls back past the lag limit', async () => {
    await waitFor(async () => (await health()).replica?.state === 'ok', 20_000, 'the replica to be in use')
    let writer = await signIn(base, 'board', PASSWORD)
    const reader = readerOf(await signIn(base, 'board', PASSWORD))

    // Streaming: what the writer wrote reaches the replica's readers within moments.
    writer = await draft(writer, 'Văn bản một qua bản sao')
    await waitFor(() => listed(base, reader, 'Văn bản một qua bản sao'), 10_000, 'the first draft on the replica')

    // Replay paused: the replica holds still while the primary moves on.
    await replicaAdmin.query('SELECT pg_wal_replay_pause()')
    const wroteAt = Date.now()
    writer = await draft(writer, 'Văn bản hai khi bản sao dừng')
    // The writer reads its own write at once (from the primary)...
    expect(await listed(base, writer, 'Văn bản hai khi bản sao dừng')).toBe(true)
    // ...while a reader still reads the replica, behind by less than the limit: not there yet.
    expect(await listed(base, reader, 'Văn bản hai khi bản sao dừng')).toBe(false)

    // Past the limit, the reader's reads go to the primary.
    await waitFor(() => listed(base, reader, 'Văn bản hai khi bản sao dừng'), 15_000, 'the fallback to the primary')
    const fellBackAfterMs = Date.now() - wroteAt
    const lagging = await health()
    expect(lagging.replica).toMatchObject({ state: 'lagging' })
    expect(lagging.replica!.lagMs!).toBeGreaterThan(MAX_LAG_MS)
    expect(fellBackAfterMs).toBeGreaterThanOrEqual(MAX_LAG_MS - 1_000)
    console.log(`replica: reads fell back to the primary ${fellBackAfterMs} ms after the write (limit ${MAX_LAG_MS} ms, probe every 1000 ms); measured lag then ${Math.round(lagging.replica!.lagMs!)} ms`)

    // Replay resumed: the replica catches up and is used again.
    await replicaAdmin.query('SELECT pg_wal_replay_resume()')
    const resumedAt = Date.now()
    await waitFor(async () => (await health()).replica?.state === 'ok', 15_000, 'the replica back in use')
    console.log(`replica: in use again ${Date.now() - resumedAt} ms after replay resumed; lag ${(await health()).replica?.lagMs} ms`)
    expect(await listed(base, reader, 'Văn bản hai khi bản sao dừng')).toBe(true)
  })

  it('reads from the primary when the replica does not answer, or is not a replica at all', async () => {
    const down = `http://127.0.0.1:${PORTS[1]}`
    // Nothing listens on port 1: the replica is down from the start.
    const server = await startServer({ ...env, PORT: String(PORTS[1]), DATABASE_READ_URL: 'postgres://postgres@127.0.0.1:1/postgres' })
    servers.push(server)
    await waitFor(async () => (await health(down)).replica?.state === 'down', 10_000, 'the replica to be seen down')
    const writer = await draft(await signIn(down, 'board', PASSWORD), 'Văn bản ba khi bản sao tắt', down)
    const reader = readerOf(await signIn(down, 'board', PASSWORD))
    expect(await listed(down, reader, 'Văn bản ba khi bản sao tắt')).toBe(true)
    expect(writer.cookie).toContain('bvct_w=')
    await stopServer(server.proc)

    // The primary itself given as the replica: refused (not in recovery), reads stay on the primary.
    const notReplica = await startServer({ ...env, PORT: String(PORTS[1]), DATABASE_READ_URL: database.url })
    servers.push(notReplica)
    const h = await waitFor(async () => ((await health(down)).replica?.state === 'down' ? health(down) : null), 10_000, 'the non-replica refused')
    expect(h.replica!.error).toMatch(/not a replica/)
  })
})
