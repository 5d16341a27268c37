import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'

export class DataDirLockedError extends Error {
  constructor(public pid: number, dir: string) {
    super(
      `The data folder ${dir} is in use by another BVCT process (pid ${pid}). ` +
        `Embedded PGlite allows one process at a time; stop that process first, or set BVCT_DATA_DIR to another folder.`,
    )
  }
}

export const lockPath = (dataDir: string) => join(dataDir, 'bvct.lock')

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The pid holding the data folder, if a live process does. */
export function lockHolder(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(lockPath(dataDir), 'utf8').trim())
    return pid && isAlive(pid) ? pid : null
  } catch {
    return null
  }
}

/**
 * PGlite has no lock of its own: two processes on one folder would corrupt it (stack-notes §4).
 * An exclusive-create lock file holding our pid; a lock left by a dead process is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true })
  const file = lockPath(dataDir)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      let released = false
      return () => {
        if (!released) rmSync(file, { force: true })
        released = true
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      const holder = lockHolder(dataDir)
      if (holder && holder !== process.pid) throw new DataDirLockedError(holder, dataDir)
      rmSync(file, { force: true }) // stale: its process is gone
    }
  }
  throw new Error(`Could not lock ${file}`)
}
