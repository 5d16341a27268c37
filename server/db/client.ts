// The only file that opens database connections. Everything else receives a Db.
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type pg from 'pg'
import type { PGlite } from '@electric-sql/pglite'
import { TIME_ZONE } from '../lib/dates.ts'
import { withTimeout } from './errors.ts'
import { Mutex } from './mutex.ts'
import { CUSTOM_PLAN, TYPE_OIDS, parseDate, parseInt8, parseNumeric, type Db, type Queryable } from './types.ts'

export type { Db, Queryable } from './types.ts'

/** A database error carrying PostgreSQL's SQLSTATE code, the same shape from both drivers. */
export class DbError extends Error {
  code?: string
  constraint?: string
  detail?: string
  constructor(e: { message: string; code?: string; constraint?: string; detail?: string }) {
    super(e.message)
    Object.assign(this, { code: e.code, constraint: e.constraint, detail: e.detail })
  }
}

// Each driver is loaded by the first database it opens, so a server runs with one of them only:
// pg is ~14 MB resident, PGlite ~45 MB under tsx. pg is CommonJS, so it can be required in place.
const requirePg = () => createRequire(import.meta.url)('pg') as typeof pg

// Parameterized queries run as named prepared statements: each connection parses and plans a
// query once, and PostgreSQL's plan cache decides when a generic plan is as good as a fresh one.
// Planning was most of a small query's cost (6 ms of 7 for a directive's visibility check under
// load), and every API request runs a few. Statements without parameters (DDL, migrations) do not.
const statementNames = new Map<string, string>()

function statement(text: string, params?: unknown[]): pg.QueryConfig {
  const values = params as any[] | undefined
  if (!values?.length || !/^\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\b/i.test(text) || text.includes(CUSTOM_PLAN)) return { text, values }
  let name = statementNames.get(text)
  if (!name) {
    name = 's' + createHash('sha1').update(text).digest('base64url').slice(0, 20)
    statementNames.set(text, name)
  }
  return { name, text, values }
}

/**
 * `timeoutMs` (the server's BVCT_DB_TIMEOUT_MS; 0 for tools that load or migrate in bulk): the most
 * one statement may run, and how long to wait for a connection. A database that hangs then answers
 * 503 instead of holding every request, and the health check can say so.
 */
export function openPostgres(connectionString: string, max = 10, { timeoutMs = 0 }: { timeoutMs?: number } = {}): Db {
  const pg = requirePg()
  const pgTypes = {
    getTypeParser(oid: number, format?: any) {
      if (oid === TYPE_OIDS.int8) return parseInt8
      if (oid === TYPE_OIDS.numeric) return parseNumeric
      if (oid === TYPE_OIDS.date) return parseDate
      return pg.types.getTypeParser(oid, format)
    },
  }
  // JIT compiling the matrix and coverage queries costs more than running them (bench/RESULTS.md).
  // The session's zone is the ministry's (lib/dates.ts): `timestamptz::date` is the day in Vietnam.
  const pool = new pg.Pool({
    connectionString, max, types: pgTypes as any,
    options: `-c jit=off -c TimeZone=${TIME_ZONE}${timeoutMs ? ` -c statement_timeout=${timeoutMs}` : ''}`,
    // The client's own limits, for a server that no longer answers at all (statement_timeout needs one that does).
    ...(timeoutMs && { connectionTimeoutMillis: Math.min(timeoutMs, 10_000), query_timeout: timeoutMs + 5_000 }),
  })
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => {})
  const query = async (text: string, params?: unknown[]) => (await pool.query(statement(text, params))).rows
  return {
    kind: 'postgres',
    query,
    async transaction(fn) {
      const client = await pool.connect()
      // A client checked out of the pool has no listener of its own: a server that goes away in the
      // middle of a transaction would emit an unhandled 'error' and end the process. Listen, and
      // give the broken client back to be destroyed rather than reused.
      let lost: Error | undefined
      const onError = (e: Error) => (lost = e)
      client.on('error', onError)
      try {
        await client.query('BEGIN')
        const result = await fn({ query: async (t, p) => (await client.query(statement(t, p))).rows })
        await client.query('COMMIT')
        return result
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {})
        throw e
      } finally {
        client.off('error', onError)
        client.release(lost)
      }
    },
    close: () => pool.end(),
  }
}

/**
 * One PostgreSQL connection outside any pool and transaction, for what cannot run in one:
 * CREATE DATABASE … TEMPLATE and DROP DATABASE (the tests' throwaway databases).
 */
export async function connectPostgresAdmin(connectionString: string): Promise<Queryable & { end(): Promise<void> }> {
  const client = new (requirePg().Client)({ connectionString })
  await client.connect()
  return { query: async (text, params) => (await client.query(text, params as unknown[])).rows, end: () => client.end() }
}

/** PGlite on the calling thread: for tests and one-shot commands. dir: its data folder, if any. */
export function wrapPglite(pglite: PGlite, dir?: string): Db {
  const wrapErr = (e: any): never => {
    throw new DbError(e)
  }
  return {
    kind: 'pglite',
    query: async (t, p) => (await pglite.query(t, p ?? []).catch(wrapErr)).rows as any[],
    transaction: (fn) =>
      pglite.transaction((tx) => fn({ query: async (t, p) => (await tx.query(t, p ?? []).catch(wrapErr)).rows as any[] })),
    async dumpDataDir() {
      const blob = await pglite.dumpDataDir('gzip')
      return new Uint8Array(await blob.arrayBuffer())
    },
    ...(dir && {
      // runExclusive holds the lock every query takes (so the CHECKPOINT must come before it).
      async whileQuiet(fn) {
        await pglite.exec('CHECKPOINT')
        return pglite.runExclusive(() => fn(dir))
      },
    }),
    close: () => pglite.close(),
  }
}

export async function openPgliteInProcess(dir?: string, loadDataDir?: Blob): Promise<Db> {
  const { openPglite } = await import('./pglite-open.mjs')
  return wrapPglite(await openPglite(dir, loadDataDir), dir)
}

/**
 * PGlite in a worker thread, so a long query does not block the HTTP server's event loop.
 * `timeoutMs`: a query the worker has not answered by then is refused (DbTimeoutError), so one stuck
 * statement (a disk that stopped taking writes) cannot hold every request.
 */
export async function openPgliteWorker(dir: string, { timeoutMs = 0 }: { timeoutMs?: number } = {}): Promise<Db> {
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dir },
    // Plain JavaScript (pglite-worker.mjs): the worker needs none of the main thread's loader flags.
    execArgv: [],
  })
  const pending = new Map<number, { resolve: (v: any) => void; reject: (e: any) => void }>()
  let nextId = 1
  await new Promise<void>((resolve, reject) => {
    worker.once('message', (m) => (m?.ready ? resolve() : reject(new Error('PGlite worker failed to start'))))
    worker.once('error', reject)
  })
  worker.on('message', (m: any) => {
    const p = pending.get(m.id)
    if (!p) return
    pending.delete(m.id)
    if (m.error) p.reject(new DbError(m.error))
    else p.resolve(m.rows)
  })
  // A worker that died (PGlite aborted) fails what it held and everything after, as a lost connection.
  let gone: Error | null = null
  const fail = (e: Error) => {
    gone ??= new DbError({ message: `the embedded database stopped: ${e.message}`, code: '57P01' })
    for (const p of pending.values()) p.reject(gone)
    pending.clear()
  }
  worker.on('error', fail)
  worker.on('exit', (code) => fail(new Error(`worker exited with code ${code}`)))
  const send = (msg: any): Promise<any> =>
    new Promise((resolve, reject) => {
      if (gone) return reject(gone)
      const id = nextId++
      pending.set(id, { resolve, reject })
      worker.postMessage({ ...msg, id })
    })
  const raw = (text: string, params?: unknown[]) => withTimeout(send({ op: 'query', text, params: params ?? [] }), timeoutMs)
  const mutex = new Mutex()
  return {
    kind: 'pglite',
    query: (t, p) => mutex.run(() => raw(t, p)),
    transaction: (fn) =>
      mutex.run(async () => {
        await raw('BEGIN')
        try {
          const result = await fn({ query: raw })
          await raw('COMMIT')
          return result
        } catch (e) {
          await raw('ROLLBACK').catch(() => {})
          throw e
        }
      }),
    // The worker's PGlite writes straight to the folder's files: once it has checkpointed, and
    // while the mutex keeps every query waiting, the files on disk are the database.
    whileQuiet: (fn) =>
      mutex.run(async () => {
        await raw('CHECKPOINT')
        return fn(dir)
      }),
    async close() {
      // A worker that is stuck or gone is stopped all the same.
      await mutex.run(() => withTimeout(send({ op: 'close' }), timeoutMs)).catch(() => {})
      await worker.terminate()
    },
  }
}

/** Where a replica stands, as the last probe saw it (health check, tests, the log). */
export interface ReplicaStatus {
  state: 'unknown' | 'ok' | 'lagging' | 'down'
  /** How far behind the primary its data is, in ms (0: it had replayed everything the primary had written). */
  lagMs: number | null
  /** When the probe ran (ms since the epoch), by this process's clock. */
  checkedAt: number
  error?: string
}

/**
 * DATABASE_READ_URL: a streaming replica that dashboards, exports and lists may read from.
 * Every `probeMs` this process measures its lag: the primary's WAL position first, then the
 * replica's replayed position; caught up to it → lag 0, else the age of the last transaction it
 * replayed (pg_last_xact_replay_timestamp), and never less than what the primary's
 * pg_stat_replication says. `pick` hands out the replica only when it answers, lags no more than
 * `maxLagMs`, and already holds the caller's own last write (`lastWriteAt`); otherwise reads go to
 * the primary. A replica that stops answering is left alone until a probe finds it back.
 */
export function attachReplica(primary: Db, readUrl: string, { maxLagMs, probeMs = 1_000, timeoutMs = 0, clock = () => Date.now() }: { maxLagMs: number; probeMs?: number; timeoutMs?: number; clock?: () => number }): Db {
  if (primary.kind !== 'postgres') throw new Error('A read replica needs PostgreSQL (DATABASE_URL) as the primary')
  const replica = openPostgres(readUrl, 10, { timeoutMs: timeoutMs || 5_000 })
  let status: ReplicaStatus = { state: 'unknown', lagMs: null, checkedAt: 0 }
  const PROBE_TIMEOUT_MS = Math.max(500, Math.min(probeMs, 3_000))

  const probe = async (): Promise<ReplicaStatus> => {
    const checkedAt = clock()
    try {
      const [p] = await withTimeout(primary.query<{ lsn: string; replay_lag_ms: number | null }>(
        `SELECT pg_current_wal_lsn()::text AS lsn, (SELECT (extract(epoch FROM max(replay_lag)) * 1000)::float8 FROM pg_stat_replication) AS replay_lag_ms`,
      ), PROBE_TIMEOUT_MS)
      const [r] = await withTimeout(replica.query<{ is_replica: boolean; behind: number; since_replay_ms: number | null }>(
        `SELECT pg_is_in_recovery() AS is_replica,
                greatest(pg_wal_lsn_diff($1::pg_lsn, coalesce(pg_last_wal_replay_lsn(), '0/0'::pg_lsn)), 0)::float8 AS behind,
                (extract(epoch FROM now() - pg_last_xact_replay_timestamp()) * 1000)::float8 AS since_replay_ms`,
        [p.lsn],
      ), PROBE_TIMEOUT_MS)
      if (!r.is_replica) return { state: 'down', lagMs: null, checkedAt, error: 'DATABASE_READ_URL is not a replica (pg_is_in_recovery() is false)' }
      const lagMs = r.behind === 0 ? 0 : Math.max(r.since_replay_ms ?? Infinity, p.replay_lag_ms ?? 0)
      return { state: lagMs <= maxLagMs ? 'ok' : 'lagging', lagMs, checkedAt }
    } catch (e) {
      return { state: 'down', lagMs: null, checkedAt, error: (e as Error).message }
    }
  }
  let probing: Promise<unknown> = Promise.resolve()
  const refresh = () => (probing = probe().then((s) => (status = s)))
  void refresh()
  const timer = setInterval(() => void probing.then(refresh), probeMs)
  timer.unref()

  return {
    ...primary,
    replica: {
      pick(lastWriteAt = 0) {
        if (status.state !== 'ok' || status.lagMs === null) return null
        // The replica held everything up to (probe time − lag); the caller's write must be older.
        return lastWriteAt < status.checkedAt - status.lagMs - probeMs / 10 ? replica : null
      },
      status: () => status,
      refresh: async () => {
        await probing
        return refresh()
      },
    },
    async close() {
      clearInterval(timer)
      await probing.catch(() => {})
      await replica.close().catch(() => {})
      await primary.close()
    },
  }
}
