// Free space on the disk that holds a folder: checked before the server starts and before a
// backup, so a full disk is said in a sentence instead of found out halfway through a write.
import { statfsSync } from 'node:fs'
import { dirname } from 'node:path'

/** Bytes an unprivileged process may still write where `path` is (or would be created). */
export function freeBytes(path: string): number {
  for (let p = path; ; p = dirname(p)) {
    try {
      const s = statfsSync(p)
      return Number(s.bavail) * Number(s.bsize)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(p) === p) throw e
    }
  }
}

export const megabytes = (bytes: number) => `${Math.floor(bytes / 1024 / 1024)} MB`
