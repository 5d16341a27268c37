import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { StartupError } from './errors.ts'

export class DataDirLockedError extends StartupError {
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

/**
 * When a process started, as Linux counts it (field 22 of /proc/PID/stat), or null where there is no
 * /proc. A pid is reused after a reboot or a long time: the lock records the start time too, so a
 * stale lock whose pid now belongs to another program is taken over instead of refused.
 */
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null
  } catch {
    return null
  }
}

/** The pid holding the data folder, if a live process does: the one that wrote the lock, not a namesake. */
export function lockHolder(dataDir: string): number | null {
  let text: string
  try {
    text = readFileSync(lockPath(dataDir), 'utf8')
  } catch {
    return null
  }
  const [pidText, started] = text.trim().split(/\s+/)
  const pid = Number(pidText)
  if (!pid || !isAlive(pid)) return null
  const now = startTimeOf(pid)
  if (started && now && started !== now) return null
  // A lock from before start times were recorded: a live pid that is not a Node process is not ours.
  if (!started && now && !isNode(pid)) return null
  return pid
}

function isNode(pid: number): boolean {
  try {
    return /node|tsx|bvct/i.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))
  } catch {
    return true
  }
}

/**
 * PGlite has no lock of its own: two processes on one folder would corrupt it (stack-notes §4).
 * An exclusive-create lock file holding our pid and start time; a lock left by a dead process is
 * taken over. The folder is created readable by its owner only (0700), and one found looser is
 * tightened: it holds the whole database.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    if (process.platform !== 'win32' && (statSync(dataDir).mode & 0o077) !== 0) chmodSync(dataDir, 0o700)
  } catch (e) {
    const err = e as NodeJS.ErrnoException
    throw new StartupError(`Cannot start: the data folder ${dataDir} cannot be created or written (${err.code ?? err.message}); set BVCT_DATA_DIR to a folder this user may write.`)
  }
  const file = lockPath(dataDir)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600)
      writeSync(fd, `${process.pid} ${startTimeOf(process.pid) ?? ''}`.trim())
      closeSync(fd)
      let released = false
      return () => {
        if (!released) rmSync(file, { force: true })
        released = true
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM' || code === 'ENOSPC') {
        throw new StartupError(`Cannot start: the data folder ${dataDir} is not writable (${code}); set BVCT_DATA_DIR to a folder this user may write${code === 'ENOSPC' ? ', or free some space on its disk' : ''}.`)
      }
      if (code !== 'EEXIST') throw e
      const holder = lockHolder(dataDir)
      if (holder && holder !== process.pid) throw new DataDirLockedError(holder, dataDir)
      rmSync(file, { force: true }) // stale: its process is gone, or its pid is another program's now
    }
  }
  throw new StartupError(`Cannot start: could not lock ${file}.`)
}
