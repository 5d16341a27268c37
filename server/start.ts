import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Config } from './config.ts'
import { attachReplica, openPgliteInProcess, openPgliteWorker, openPostgres } from './db/client.ts'
import { StartupError, isDatabaseUnavailable, isStorageFull } from './db/errors.ts'
import { acquireDataDirLock } from './db/lock.ts'
import { migrate } from './db/migrate.ts'
import type { DemoAccount } from './db/seed/demo.ts'
import type { Db } from './db/types.ts'
import { freeBytes, megabytes } from './lib/disk.ts'
import type { Keyring } from './lib/keyring.ts'

export const pgliteDir = (config: Config) => join(config.dataDir, 'pgdata')
const demoPasswordFile = (config: Config) => join(config.dataDir, 'DEMO-PASSWORD.txt')

/** Embedded PGlite needs room for a new WAL segment (16 MB) and its first writes before it opens at all. */
export const MIN_FREE_TO_START = 64 * 1024 * 1024

/**
 * Opens the configured database (embedded PGlite behind a lock, or PostgreSQL), migrates it and
 * makes sure it can write. Whatever stops that is a StartupError saying what and where, in one
 * sentence: a folder it may not write, a full disk, a PostgreSQL it cannot reach.
 * `timeoutMs`: the server's limit on one query (BVCT_DB_TIMEOUT_MS); command-line tools run without.
 */
export async function openDatabase(config: Config, opts: { worker?: boolean; timeoutMs?: number } = {}): Promise<{ db: Db; release: () => void }> {
  if (config.databaseUrl) {
    const db = openPostgres(config.databaseUrl, 10, { timeoutMs: opts.timeoutMs })
    try {
      await migrate(db)
      await probeWrite(db)
    } catch (e) {
      await db.close().catch(() => {})
      throw startupError(e, `PostgreSQL at ${safeUrl(config.databaseUrl)}`)
    }
    // Dashboards, exports and lists may read from a streaming replica (http/read-routing.ts).
    return { db: config.databaseReadUrl ? attachReplica(db, config.databaseReadUrl, { maxLagMs: config.replicaMaxLagMs, timeoutMs: opts.timeoutMs }) : db, release: () => {} }
  }
  const release = acquireDataDirLock(config.dataDir)
  try {
    const free = freeBytes(config.dataDir)
    if (free < MIN_FREE_TO_START) {
      throw new StartupError(`Cannot start: only ${megabytes(free)} free on the disk holding ${config.dataDir}, and the embedded database needs ${megabytes(MIN_FREE_TO_START)}; free some space or move BVCT_DATA_DIR to a larger disk.`)
    }
    let db: Db
    try {
      db = opts.worker === false ? await openPgliteInProcess(pgliteDir(config)) : await openPgliteWorker(pgliteDir(config), { timeoutMs: opts.timeoutMs })
    } catch (e) {
      throw startupError(e, `the embedded database in ${pgliteDir(config)}`, `(${megabytes(freeBytes(config.dataDir))} free on its disk; the newest backup is in ${config.backupDir})`)
    }
    try {
      await migrate(db)
      await probeWrite(db)
    } catch (e) {
      await db.close().catch(() => {})
      throw startupError(e, `the embedded database in ${pgliteDir(config)}`)
    }
    return { db, release }
  } catch (e) {
    release()
    throw e
  }
}

/** A server that can read but not write would say "running" and then lose every change: find out now. */
async function probeWrite(db: Db) {
  await db.query(
    `INSERT INTO app_state (key, value, updated_at) VALUES ('lastStart', to_jsonb(now()), now())
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
  )
}

const safeUrl = (url: string) => {
  try {
    const u = new URL(url)
    return `${u.hostname}:${u.port || 5432}${u.pathname}`
  } catch {
    return 'DATABASE_URL'
  }
}

function startupError(e: unknown, what: string, more = ''): Error {
  if (e instanceof StartupError) return e
  const err = e as NodeJS.ErrnoException
  const tail = more ? ` ${more}` : ''
  if (isStorageFull(e)) return new StartupError(`Cannot start: ${what} cannot write, its disk is full (${err.message})${tail}; free some space and start again.`)
  if (err?.code === 'EACCES' || err?.code === 'EPERM' || err?.code === 'EROFS') return new StartupError(`Cannot start: ${what} is not writable (${err.message})${tail}.`)
  if (isDatabaseUnavailable(e) || err?.code === 'ENOTFOUND' || err?.code === '28P01' || err?.code === '3D000') {
    return new StartupError(`Cannot start: ${what} does not answer (${err.message}); check that it runs and that DATABASE_URL is right.`)
  }
  if (/PGlite failed to initialize/.test(String(err?.message))) return new StartupError(`Cannot start: ${what} failed to open${tail}.`)
  return err
}

/**
 * The database that `opening` will yield, usable at once: every call waits for the opening. The
 * server builds its app with it while PGlite starts in its worker thread.
 */
export function whenOpen(opening: Promise<{ db: Db }>, kind: Db['kind']): Db {
  const db = async () => (await opening).db
  let opened: Db | undefined
  opening.then((o) => (opened = o.db), () => {})
  return {
    // Known once open; until then every read goes to the primary (which is still opening too).
    get replica() {
      return opened?.replica
    },
    kind,
    query: async (text, params) => (await db()).query(text, params),
    transaction: async (fn) => (await db()).transaction(fn),
    ...(kind === 'pglite' && {
      async whileQuiet(fn) {
        const open = await db()
        if (!open.whileQuiet) throw new Error('this database cannot hold still for a backup')
        return open.whileQuiet(fn)
      },
    }),
    close: async () => (await db()).close(),
  }
}

/** Demo data on an empty database, once. Returns what to print, or null when nothing was loaded. */
export async function ensureDemoData(db: Db, config: Config, keys: Keyring): Promise<{ password: string; accounts: DemoAccount[] } | null> {
  if (!config.demo) return null
  // Imported here: main.ts loads this file first of all, to start opening the database sooner.
  const { isDatabaseEmpty, loadDemoData, newDemoPassword } = await import('./db/seed/demo.ts')
  if (!(await isDatabaseEmpty(db))) return null
  const password = config.demoPassword ?? newDemoPassword()
  // The demo's confidential cases are sealed under this server's master key.
  const accounts = await loadDemoData(db, password, { keys, appealDays: config.appealDays })
  // Embedded mode keeps the generated password beside the data, so a newcomer who missed it can find it.
  if (!config.databaseUrl && !config.demoPassword) writeFileSync(demoPasswordFile(config), password + '\n', { mode: 0o600 })
  return { password, accounts }
}

export function savedDemoPassword(config: Config): string | null {
  const f = demoPasswordFile(config)
  return !config.databaseUrl && existsSync(f) ? readFileSync(f, 'utf8').trim() : null
}

