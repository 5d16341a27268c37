// npm run restore -- FILE — replaces the embedded data folder with a backup. The server must be
// stopped; the current folder is kept beside it, never deleted.
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { readConfig } from '../config.ts'
import { StartupError } from '../db/errors.ts'
import { acquireDataDirLock } from '../db/lock.ts'
import { openPgliteInProcess } from '../db/client.ts'
import { migrate } from '../db/migrate.ts'
import { ANCHOR_FILE, readAnchors } from '../features/audit/audit.anchor.ts'
import { verifyAuditChain } from '../features/audit/audit.verify.ts'
import { openKeyring } from '../lib/keyring.ts'
import { pgliteDir } from '../start.ts'

process.umask(0o077)

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
  if (e instanceof StartupError) {
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
  const lines = [`Restored ${file} into ${dir} (${n} units).${kept ? ` The previous data is kept in ${kept}.` : ''}`]
  // The log goes back to the backup's: later anchors would call it truncated. They are kept aside,
  // and the backup's own anchor (signed when it was made) starts the folder's history again.
  const anchorFile = join(config.auditAnchorDir, ANCHOR_FILE)
  if (existsSync(anchorFile)) {
    const aside = anchorFile.replace(/\.jsonl$/, `.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`)
    renameSync(anchorFile, aside)
    lines.push(`The audit anchors written before the restore are kept in ${aside}.`)
  }
  if (existsSync(`${file}.anchor.json`)) {
    mkdirSync(config.auditAnchorDir, { recursive: true, mode: 0o700 })
    copyFileSync(`${file}.anchor.json`, anchorFile)
    let keys
    try {
      keys = openKeyring(config, { createIfMissing: false })
    } catch (e) {
      lines.push(`The backup's signed head could not be checked: ${(e as Error).message}`)
    }
    if (keys) {
      const check = await verifyAuditChain(db, { anchors: readAnchors(config.auditAnchorDir).anchors, keys })
      lines.push(check.ok ? `The audit log holds the backup's signed head (${check.count} entries).` : `WARNING: the restored audit log does not match the backup's signed head: ${check.message}`)
      if (!check.ok) process.exitCode = 1
    }
  }
  await db.close()
  console.log(lines.join('\n'))
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
