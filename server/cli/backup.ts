// npm run backup — embedded mode: a snapshot of the PGlite data folder into BVCT_BACKUP_DIR.
// While the server runs it holds the folder, so we ask it (SIGUSR2) to write the backup itself.
import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { readConfig } from '../config.ts'
import { backupPglite, listBackups } from '../db/backup.ts'
import { lockHolder } from '../db/lock.ts'
import { writeAnchor, writeAnchorBeside, type Anchor } from '../features/audit/audit.anchor.ts'
import { openKeyring } from '../lib/keyring.ts'
import { openCliDatabase } from './open-db.ts'

const config = readConfig()
if (config.databaseUrl) {
  // The audit log's head is signed first and kept beside the dump: restored, the dump must hold it.
  const { db, release } = await openCliDatabase()
  let anchor: Anchor
  try {
    anchor = (await writeAnchor(db, openKeyring(config, { createIfMissing: false }), config.auditAnchorDir, new Date())).anchor
  } finally {
    await db.close()
    release()
  }
  mkdirSync(config.backupDir, { recursive: true, mode: 0o700 })
  const file = `${config.backupDir}/bvct-${new Date().toISOString().replace(/[:.]/g, '-')}.dump`
  const r = spawnSync('pg_dump', ['--format=custom', `--file=${file}`, config.databaseUrl], { stdio: 'inherit' })
  if (r.status !== 0) {
    console.error('pg_dump failed (is the PostgreSQL client installed?)')
    process.exit(1)
  }
  writeAnchorBeside(file, anchor)
  console.log(`Backup written: ${file} (restore with pg_restore; its audit anchor: ${file}.anchor.json)`)
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
const { anchor } = await writeAnchor(db, openKeyring(config, { createIfMissing: true }), config.auditAnchorDir, new Date())
const file = await backupPglite(db, config.backupDir, config.backupKeep)
writeAnchorBeside(file, anchor)
await db.close()
release()
console.log(`Backup written: ${file}`)
