// npm run keys:rotate — a new master key for confidential records, without downtime: every data key
// is re-wrapped under it (the content is not touched), then the old key is retired.
//
// Keyring file (embedded mode's default, or BVCT_MASTER_KEY_FILE): this adds a new current key to
// the file. Servers pick it up within a second. With the database free, this command re-wraps
// every data key and removes the old key; while an embedded server holds the data folder, that
// server's keyRotation job finishes it within five minutes.
// Environment keys: set BVCT_MASTER_KEY_NEXT (e.g. `openssl rand -base64 32`) on every server and
// restart them, run this, then make BVCT_MASTER_KEY the new key and remove BVCT_MASTER_KEY_NEXT.
import { readConfig } from '../config.ts'
import { lockHolder } from '../db/lock.ts'
import { addCurrentKey, openKeyring } from '../lib/keyring.ts'
import { finishRotation } from '../features/keys/keys.service.ts'
import { openCliDatabase } from './open-db.ts'

const config = readConfig()
if (config.masterKey && !config.masterKeyNext) {
  console.error('The master key comes from BVCT_MASTER_KEY: set BVCT_MASTER_KEY_NEXT to the new key (32 bytes, base64), on every server too, then run this again.')
  process.exit(2)
}
let started = ''
if (!config.masterKey) {
  if (!config.masterKeyFile) {
    console.error('No master key configured: set BVCT_MASTER_KEY_FILE or BVCT_MASTER_KEY.')
    process.exit(2)
  }
  started = addCurrentKey(config.masterKeyFile)
  console.log(`New master key ${started} added to ${config.masterKeyFile}.`)
  if (!config.databaseUrl && lockHolder(config.dataDir)) {
    console.log(`The embedded server (pid ${lockHolder(config.dataDir)}) re-wraps every data key within five minutes and then retires the old key.`)
    process.exit(0)
  }
  // Running servers reread the file within a second: wait, so none wraps a new key under the old one after the last pass.
  await new Promise((r) => setTimeout(r, 2_000))
}
const keys = openKeyring(config, { createIfMissing: false })
const { db, release } = await openCliDatabase()
const r = await finishRotation(db, keys, config.masterKey ? null : config.masterKeyFile)
await db.close()
release()
console.log(`${r.rewrapped} data key(s) re-wrapped under ${r.current}.${r.retired.length ? ` Retired: ${r.retired.join(', ')}.` : ''}`)
if (config.masterKey) console.log('Now make BVCT_MASTER_KEY the new key and remove BVCT_MASTER_KEY_NEXT on every server.')
