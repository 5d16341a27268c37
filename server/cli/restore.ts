// npm run restore -- FILE — replaces the embedded data folder with a backup. The server must be
// stopped; the current folder is kept beside it, never deleted.
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { readConfig } from '../config.ts'
import { acquireDataDirLock, DataDirLockedError } from '../db/lock.ts'
import { openPgliteInProcess } from '../db/client.ts'
import { migrate } from '../db/migrate.ts'
import { pgliteDir } from '../start.ts'

const file = process.argv[2]
const config = readConfig()
if (config.databaseUrl) {
  console.error('With DATABASE_URL, restore with pg_restore.')
  process.exit(2)
}
if (!file || !existsSync(file)) {
  console.error(`Usage: npm run restore -- FILE   (a .tar.gz from ${config.backupDir})`)
  process.exit(2)
}
let release: () => void
try {
  release = acquireDataDirLock(config.dataDir)
} catch (e) {
  if (e instanceof DataDirLockedError) {
    console.error(e.message)
    process.exit(2)
  }
  throw e
}
const dir = pgliteDir(config)
let kept: string | null = null
if (existsSync(dir)) {
  kept = `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`
  renameSync(dir, kept)
}
try {
  const db = await openPgliteInProcess(dir, new Blob([readFileSync(file)], { type: 'application/x-gzip' }))
  await migrate(db)
  const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM unit')
  await db.close()
  console.log(`Restored ${file} into ${dir} (${n} units).${kept ? ` The previous data is kept in ${kept}.` : ''}`)
} catch (e) {
  if (kept) {
    rmSync(dir, { recursive: true, force: true })
    renameSync(kept, dir)
  }
  console.error('Restore failed; the previous data folder is back in place.', e)
  process.exitCode = 1
} finally {
  release()
}
