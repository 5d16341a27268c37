import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Config } from './config.ts'
import { openPgliteInProcess, openPgliteWorker, openPostgres } from './db/client.ts'
import { acquireDataDirLock } from './db/lock.ts'
import { migrate } from './db/migrate.ts'
import type { DemoAccount } from './db/seed/demo.ts'
import type { Db } from './db/types.ts'

export const pgliteDir = (config: Config) => join(config.dataDir, 'pgdata')
const demoPasswordFile = (config: Config) => join(config.dataDir, 'DEMO-PASSWORD.txt')

/** Opens the configured database (embedded PGlite behind a lock, or PostgreSQL) and migrates it. */
export async function openDatabase(config: Config, opts: { worker?: boolean } = {}): Promise<{ db: Db; release: () => void }> {
  if (config.databaseUrl) {
    const db = openPostgres(config.databaseUrl)
    await migrate(db)
    return { db, release: () => {} }
  }
  const release = acquireDataDirLock(config.dataDir)
  try {
    const db = opts.worker === false ? await openPgliteInProcess(pgliteDir(config)) : await openPgliteWorker(pgliteDir(config))
    await migrate(db)
    return { db, release }
  } catch (e) {
    release()
    throw e
  }
}

/**
 * The database that `opening` will yield, usable at once: every call waits for the opening. The
 * server builds its app with it while PGlite starts in its worker thread.
 */
export function whenOpen(opening: Promise<{ db: Db }>, kind: Db['kind']): Db {
  const db = async () => (await opening).db
  return {
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
export async function ensureDemoData(db: Db, config: Config): Promise<{ password: string; accounts: DemoAccount[] } | null> {
  if (!config.demo) return null
  // Imported here: main.ts loads this file first of all, to start opening the database sooner.
  const { isDatabaseEmpty, loadDemoData, newDemoPassword } = await import('./db/seed/demo.ts')
  if (!(await isDatabaseEmpty(db))) return null
  const password = config.demoPassword ?? newDemoPassword()
  const accounts = await loadDemoData(db, password)
  // Embedded mode keeps the generated password beside the data, so a newcomer who missed it can find it.
  if (!config.databaseUrl && !config.demoPassword) writeFileSync(demoPasswordFile(config), password + '\n', { mode: 0o600 })
  return { password, accounts }
}

export function savedDemoPassword(config: Config): string | null {
  const f = demoPasswordFile(config)
  return !config.databaseUrl && existsSync(f) ? readFileSync(f, 'utf8').trim() : null
}

