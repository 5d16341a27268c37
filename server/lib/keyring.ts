// The master keys that wrap confidential records' data keys (lib/envelope.ts). They live outside
// the database and outside its backups: a keyring file (mode 0600) or environment variables.
// Embedded mode creates the file at the first start; PostgreSQL mode refuses to start without keys.
import { createHash, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { KEY_BYTES, type MasterKey } from './envelope.ts'

export interface Keyring {
  /** The key new data keys are wrapped with. */
  current(): MasterKey
  /** A key by id, for unwrapping; rereads the file when it does not know the id (a rotation elsewhere). */
  get(kid: string): MasterKey | undefined
  /** Rereads the key file now (a rotation's last step must not miss a key added a moment ago). */
  refresh(): void
  /** Where the keys come from, for the start-up message. */
  readonly source: string
}

export interface KeyringConfig {
  /** BVCT_MASTER_KEY: 32 bytes, base64 or hex. */
  masterKey: string | null
  /** BVCT_MASTER_KEY_NEXT: during a rotation, the key that replaces BVCT_MASTER_KEY. */
  masterKeyNext: string | null
  /** BVCT_MASTER_KEY_FILE (embedded default: ./keys/master.key). */
  masterKeyFile: string | null
}

interface KeyringFile {
  current: string
  keys: Record<string, string>
}

export class MissingKeyError extends Error {}

function decodeKey(text: string, name: string): Buffer {
  const t = text.trim()
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64')
  if (key.length !== KEY_BYTES) throw new MissingKeyError(`${name} must be ${KEY_BYTES} bytes, base64 or hex (e.g. \`openssl rand -base64 32\`)`)
  return key
}

/** A stable id for an environment key: a hash of it, never the key itself. */
const kidOf = (key: Buffer) => 'env-' + createHash('sha256').update(key).digest('hex').slice(0, 12)

export const newKeyId = (now = new Date()) => `k${now.toISOString().slice(0, 19).replace(/\D/g, '')}-${randomBytes(3).toString('hex')}`

/** Writes a keyring file readable by its owner only, replacing any other atomically. */
export function writeKeyringFile(path: string, ring: KeyringFile) {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
  const tmp = `${path}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(ring, null, 2) + '\n', { mode: 0o600 })
  chmodSync(tmp, 0o600)
  renameSync(tmp, path)
}

function readKeyringFile(path: string): KeyringFile {
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    throw new MissingKeyError(`${path} is readable by others than its owner: chmod 600 ${path}`)
  }
  const ring = JSON.parse(readFileSync(path, 'utf8')) as KeyringFile
  if (!ring.keys?.[ring.current]) throw new MissingKeyError(`${path} names no current key`)
  return ring
}

/**
 * The master keys for this server. `createIfMissing` (embedded mode) writes a fresh keyring file at
 * the first start; otherwise a missing key is an error that names the settings.
 */
export function openKeyring(config: KeyringConfig, opts: { createIfMissing: boolean }): Keyring {
  if (config.masterKey) {
    const keys = [config.masterKey, config.masterKeyNext].filter((k): k is string => !!k).map((k, i) => decodeKey(k, i ? 'BVCT_MASTER_KEY_NEXT' : 'BVCT_MASTER_KEY'))
    const ring = new Map(keys.map((key) => [kidOf(key), { kid: kidOf(key), key }]))
    // During a rotation the next key wraps new data keys; both unwrap.
    const current = ring.get(kidOf(keys.at(-1)!))!
    return { current: () => current, get: (kid) => ring.get(kid), refresh: () => {}, source: config.masterKeyNext ? 'BVCT_MASTER_KEY and BVCT_MASTER_KEY_NEXT' : 'BVCT_MASTER_KEY' }
  }
  const path = config.masterKeyFile
  if (!path) throw new MissingKeyError('No master key: set BVCT_MASTER_KEY_FILE (a keyring file) or BVCT_MASTER_KEY (32 bytes, base64)')
  if (!existsSync(path)) {
    if (!opts.createIfMissing) throw new MissingKeyError(`The master key file ${path} does not exist (BVCT_MASTER_KEY_FILE). Restore it from where you keep it safe, or set BVCT_MASTER_KEY.`)
    const kid = newKeyId()
    try {
      writeKeyringFile(path, { current: kid, keys: { [kid]: randomBytes(KEY_BYTES).toString('base64') } })
    } catch (e) {
      const err = e as NodeJS.ErrnoException
      throw new MissingKeyError(`Cannot start: the master key file ${path} cannot be created (${err.code ?? err.message}); set BVCT_MASTER_KEY_FILE to a file this user may write, or BVCT_DATA_DIR to a folder it may.`)
    }
  }
  let ring = readKeyringFile(path)
  let loadedAt = statSync(path).mtimeMs
  const reload = () => {
    const mtime = statSync(path).mtimeMs
    if (mtime !== loadedAt) {
      ring = readKeyringFile(path)
      loadedAt = mtime
    }
  }
  const keyOf = (kid: string): MasterKey | undefined => (ring.keys[kid] ? { kid, key: decodeKey(ring.keys[kid], path) } : undefined)
  let checkedAt = 0
  return {
    current() {
      // A rotation run by `npm run keys:rotate` rewrites the file: pick it up within a second.
      if (Date.now() - checkedAt > 1000) {
        checkedAt = Date.now()
        reload()
      }
      return keyOf(ring.current)!
    },
    get(kid) {
      const known = keyOf(kid)
      if (known) return known
      reload()
      return keyOf(kid)
    },
    refresh: reload,
    source: path,
  }
}

export { readKeyringFile }

/**
 * Starts a rotation of a keyring file: a new key becomes current, the old ones stay to unwrap
 * until every data key is re-wrapped (finishRotation in features/keys). Returns the new key's id.
 */
export function addCurrentKey(path: string): string {
  const ring = readKeyringFile(path)
  const kid = newKeyId()
  writeKeyringFile(path, { current: kid, keys: { ...ring.keys, [kid]: randomBytes(KEY_BYTES).toString('base64') } })
  return kid
}

/** Ends a rotation: only the current key stays in the file. */
export function dropRetiredKeys(path: string): string[] {
  const ring = readKeyringFile(path)
  const retired = Object.keys(ring.keys).filter((k) => k !== ring.current)
  if (retired.length) writeKeyringFile(path, { current: ring.current, keys: { [ring.current]: ring.keys[ring.current] } })
  return retired
}
