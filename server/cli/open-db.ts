// Command-line tools open the same database the server uses, and refuse to touch a PGlite
// folder while a server holds it.
import { readConfig } from '../config.ts'
import { StartupError } from '../db/errors.ts'
import { DataDirLockedError } from '../db/lock.ts'
import { openDatabase } from '../start.ts'

export async function openCliDatabase() {
  // What a tool writes (backups, anchors, keys) is its owner's alone, as the server's is.
  process.umask(0o077)
  const config = readConfig()
  try {
    const opened = await openDatabase(config, { worker: false })
    return { ...opened, config }
  } catch (e) {
    if (e instanceof StartupError) {
      console.error(e.message)
      process.exit(e instanceof DataDirLockedError ? 2 : 1)
    }
    throw e
  }
}
