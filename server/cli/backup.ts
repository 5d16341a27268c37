// npm run backup — embedded mode: a snapshot of the PGlite data folder into BVCT_BACKUP_DIR.
// While the server runs it holds the folder, so we ask it (SIGUSR2) to write the backup itself.
import { spawnSync } from 'node:child_process'
import { readConfig } from '../config.ts'
import { backupPglite, listBackups } from '../db/backup.ts'
import { lockHolder } from '../db/lock.ts'
import { openCliDatabase } from './open-db.ts'

const config = readConfig()
if (config.databaseUrl) {
  const file = `${config.backupDir}/bvct-${new Date().toISOString().replace(/[:.]/g, '-')}.dump`
  spawnSync('mkdir', ['-p', config.backupDir])
  const r = spawnSync('pg_dump', ['--format=custom', `--file=${file}`, config.databaseUrl], { stdio: 'inherit' })
  if (r.status !== 0) {
    console.error('pg_dump failed (is the PostgreSQL client installed?)')
    process.exit(1)
  }
  console.log(`Backup written: ${file} (restore with pg_restore)`)
  process.exit(0)
}

const holder = lockHolder(config.dataDir)
if (holder) {
  const before = new Set(listBackups(config.backupDir))
  process.kill(holder, 'SIGUSR2')
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    const created = listBackups(config.backupDir).find((f) => !before.has(f))
    if (created) {
      console.log(`Backup written by the running server (pid ${holder}): ${created}`)
      process.exit(0)
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  console.error('The running server did not write a backup within 2 minutes; see its log.')
  process.exit(1)
}

const { db, release } = await openCliDatabase()
const file = await backupPglite(db, config.backupDir, config.backupKeep)
await db.close()
release()
console.log(`Backup written: ${file}`)
