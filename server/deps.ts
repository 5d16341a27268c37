import type { Config } from './config.ts'
import type { Db } from './db/types.ts'
import type { Keyring } from './lib/keyring.ts'
import type { Mailer } from './mail/mailer.ts'

/** The one thing routes and jobs receive: passed in, so tests hand in their own database and clock. */
export interface AppDeps {
  db: Db
  config: Config
  /** The current time; tests hand in their own. "Today" comes from it through lib/dates.ts. */
  clock: () => Date
  mailer: Mailer
  /** Master keys for confidential records (lib/keyring.ts). */
  keys: Keyring
}
