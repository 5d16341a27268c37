// Envelope encryption for confidential records: each record's content is sealed with AES-256-GCM
// under its own random data key; the data key is stored wrapped (AES-256-GCM again) by the master
// key, which never enters the database. A stolen database or backup holds ciphertext and wrapped
// keys only. Rotating the master key re-wraps data keys without touching the content.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'

const ALGORITHM = 'aes-256-gcm'
const IV_BYTES = 12
const TAG_BYTES = 16
/** The format byte in front of every sealed value, so a later format can be told apart. */
const FORMAT = 1

export const KEY_BYTES = 32

/** A master key: its id (stored beside every key it wraps) and its 32 bytes. */
export interface MasterKey {
  kid: string
  key: Buffer
}

export const newKey = () => randomBytes(KEY_BYTES)

/**
 * AES-256-GCM with a fresh 12-byte nonce: format | nonce | tag | ciphertext. `aad` binds the value
 * to where it belongs (table, column, record id): a sealed value copied into another record or
 * column does not open there.
 */
export function seal(key: Buffer, plaintext: Buffer | string, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv(ALGORITHM, key, iv)
  cipher.setAAD(Buffer.from(aad, 'utf8'))
  const body = Buffer.concat([cipher.update(typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext), cipher.final()])
  return Buffer.concat([Buffer.from([FORMAT]), iv, cipher.getAuthTag(), body])
}

/** Opens what seal() made; throws if the value, its key or its place (`aad`) is not the one it was sealed for. */
export function open(key: Buffer, sealed: Uint8Array, aad: string): Buffer {
  const buf = Buffer.from(sealed)
  if (buf[0] !== FORMAT || buf.length < 1 + IV_BYTES + TAG_BYTES) throw new Error('Not a sealed value')
  const decipher = createDecipheriv(ALGORITHM, key, buf.subarray(1, 1 + IV_BYTES))
  decipher.setAAD(Buffer.from(aad, 'utf8'))
  decipher.setAuthTag(buf.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES))
  return Buffer.concat([decipher.update(buf.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()])
}

export const sealText = (key: Buffer, text: string, aad: string) => seal(key, text, aad)
export const openText = (key: Buffer, sealed: Uint8Array, aad: string) => open(key, sealed, aad).toString('utf8')
export const sealJson = (key: Buffer, value: unknown, aad: string) => seal(key, JSON.stringify(value), aad)
export const openJson = <T>(key: Buffer, sealed: Uint8Array, aad: string): T => JSON.parse(openText(key, sealed, aad)) as T

/** A data key wrapped by a master key; the wrap is bound to the master key's id. */
export const wrapKey = (master: MasterKey, dataKey: Buffer) => seal(master.key, dataKey, `data-key:${master.kid}`)
export const unwrapKey = (master: MasterKey, wrapped: Uint8Array) => open(master.key, wrapped, `data-key:${master.kid}`)

/**
 * A keyed hash for finding a record by a value without storing the value: the standards review of
 * person 42 is found by blindIndex(key, 'person', 42), which says nothing to a reader without the key.
 */
export const blindIndex = (key: Buffer, kind: string, value: string | number) => createHmac('sha256', key).update(`${kind}:${value}`).digest()
