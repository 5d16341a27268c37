// npm run seed:scale -- --units N --people-per-unit M --directives D --seed S
//   [--requirements-min 5 --requirements-max 15] [--audit-entries K] [--addressees all|mixed]
//   [--as-of yyyy-mm-dd] [--password P] [--reset]
// Fills the configured database (PGlite in BVCT_DATA_DIR, or DATABASE_URL) with generated data:
// units, people, accounts, directives and dissemination, confidential cases, inspections with
// findings and corrective actions, key positions and officers, official channels and incidents,
// and the audit log (bench/README.md says how much of each per unit).
// Confidential cases are sealed under the master key the server reads (BVCT_MASTER_KEY or
// BVCT_MASTER_KEY_FILE; embedded mode's key file beside the data folder, made if missing), so the
// server run on this data opens them. `npm run bench` uses its own fixed key: see bench/README.md.
import { DatabaseNotEmptyError, countUnits, generateScale, resetSchema } from '../db/seed/scale/generate.ts'
import { parseScaleArgs } from '../db/seed/scale/options.ts'
import { stderrProgress } from '../db/seed/scale/progress.ts'
import { readConfig } from '../config.ts'
import { MissingKeyError, openKeyring, type Keyring } from '../lib/keyring.ts'
import { openCliDatabase } from './open-db.ts'

let parsed
try {
  parsed = parseScaleArgs(process.argv.slice(2), ['--reset'])
} catch (e) {
  console.error((e as Error).message)
  process.exit(2)
}
const { options, flags } = parsed
let keys: Keyring
try {
  const config = readConfig()
  keys = openKeyring(config, { createIfMissing: !config.databaseUrl })
} catch (e) {
  if (!(e instanceof MissingKeyError)) throw e
  console.error(e.message)
  process.exit(1)
}
const { db, release, config } = await openCliDatabase()
const target = config.databaseUrl ? `PostgreSQL ${new URL(config.databaseUrl).pathname.slice(1)}` : `PGlite in ${config.dataDir}`
let exitCode = 0
try {
  if (config.databaseUrl && ['postgres', 'template0', 'template1'].includes(new URL(config.databaseUrl).pathname.slice(1))) {
    throw new Error('Refusing to fill a system database; create one for the data (e.g. CREATE DATABASE bvct_bench).')
  }
  const units = await countUnits(db)
  if (units && !flags.has('--reset')) throw new DatabaseNotEmptyError(units)
  if (flags.has('--reset')) {
    console.error(`Resetting the schema of ${target} …`)
    await resetSchema(db)
  }
  console.error(`Generating ${options.units} units × ${options.peoplePerUnit} people, ${options.directives} directives (seed ${options.seed}, as of ${options.asOf}) into ${target}`)
  const s = await generateScale(db, options, keys, stderrProgress())
  const total = Object.values(s.rows).reduce((a, b) => a + b, 0)
  console.log(`Generated ${total.toLocaleString('en')} rows in ${(s.ms / 1000).toFixed(1)} s:`)
  for (const [t, n] of Object.entries(s.rows)) console.log(`  ${t.padEnd(24)} ${n.toLocaleString('en').padStart(12)} rows  ${s.seconds[t].toFixed(1).padStart(6)} s inserting`)
  console.log(`Accounts head.<code>, officer.<code>, inspector.<n>, board, committee; password: ${s.password}`)
  console.log(`Confidential cases sealed under the master key from ${keys.source}.`)
} catch (e) {
  console.error(e instanceof DatabaseNotEmptyError ? e.message : (e as Error)?.stack ?? String(e))
  exitCode = 1
} finally {
  await db.close()
  release()
}
process.exit(exitCode)
