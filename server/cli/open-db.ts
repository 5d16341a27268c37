// Command-line tools open the same database the server uses, and refuse to touch a PGlite
// folder while a server holds it.
import { readConfig } from '../config.ts'
import { DataDirLockedError } from '../db/lock.ts'
import { openDatabase } from '../start.ts'

export async function openCliDatabase() {
  const config = readConfig()
  try {
    const opened = await openDatabase(config, { worker: false })
    return { ...opened, config }
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(e.message)
      process.exit(2)
    }
    throw e
  }
}
