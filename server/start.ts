import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Config } from './config.ts'
import { backupPglite } from './db/backup.ts'
import { openPgliteWorker, openPostgres } from './db/client.ts'
import { acquireDataDirLock } from './db/lock.ts'
import { migrate } from './db/migrate.ts'
import { isDatabaseEmpty, loadDemoData, newDemoPassword, type DemoAccount } from './db/seed/demo.ts'
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
    const { openPgliteInProcess } = await import('./db/client.ts')
    const db = opts.worker === false ? await openPgliteInProcess(pgliteDir(config)) : await openPgliteWorker(pgliteDir(config))
    await migrate(db)
    return { db, release }
  } catch (e) {
    release()
    throw e
  }
}

/** Demo data on an empty database, once. Returns what to print, or null when nothing was loaded. */
export async function ensureDemoData(db: Db, config: Config): Promise<{ password: string; accounts: DemoAccount[] } | null> {
  if (!config.demo || !(await isDatabaseEmpty(db))) return null
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

export async function startupBackup(db: Db, config: Config) {
  if (db.kind !== 'pglite') return null
  return backupPglite(db, config.backupDir, config.backupKeep)
}
