import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from './types.ts'

const PREFIX = 'bvct-'
const SUFFIX = '.tar.gz'

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)

export function listBackups(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.startsWith(PREFIX) && f.endsWith(SUFFIX)).sort().map((f) => join(dir, f))
  } catch {
    return []
  }
}

/**
 * PGlite never fsyncs, so embedded mode keeps rotated snapshots of its data folder: a gzip tarball
 * that `npm run restore -- FILE` loads back. Keeps the newest `keep` files.
 */
export async function backupPglite(db: Db, dir: string, keep: number, now = new Date()): Promise<string> {
  if (!db.dumpDataDir) throw new Error('Backups of PostgreSQL are made with pg_dump')
  mkdirSync(dir, { recursive: true })
  const bytes = await db.dumpDataDir()
  let file = join(dir, `${PREFIX}${stamp(now)}${SUFFIX}`)
  for (let i = 1; listBackups(dir).includes(file); i++) file = join(dir, `${PREFIX}${stamp(now)}-${i}${SUFFIX}`)
  writeFileSync(file + '.part', bytes)
  // Rename only a complete file, so a crash mid-write never leaves a truncated "backup".
  renameSync(file + '.part', file)
  for (const old of listBackups(dir).slice(0, -keep)) rmSync(old, { force: true })
  return file
}

export const backupSize = (file: string) => statSync(file).size
