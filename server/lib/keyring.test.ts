import { mkdtempSync, readFileSync, statSync, chmodSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { MissingKeyError, addCurrentKey, dropRetiredKeys, openKeyring } from './keyring.ts'

const dir = mkdtempSync(join(tmpdir(), 'bvct-keys-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const none = { masterKey: null, masterKeyNext: null, masterKeyFile: null }

describe('the master keys', () => {
  it('are made at the first embedded start in a file only its owner can read, and the same key is found again', () => {
    const file = join(dir, 'a', 'master.key')
    const ring = openKeyring({ ...none, masterKeyFile: file }, { createIfMissing: true })
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(statSync(join(dir, 'a')).mode & 0o777).toBe(0o700)
    const again = openKeyring({ ...none, masterKeyFile: file }, { createIfMissing: false })
    expect(again.current().key.equals(ring.current().key)).toBe(true)
    expect(ring.source).toBe(file)
  })

  it('are required in PostgreSQL mode: a missing file or no setting is refused with what to set', () => {
    expect(() => openKeyring(none, { createIfMissing: false })).toThrow(MissingKeyError)
    expect(() => openKeyring({ ...none, masterKeyFile: join(dir, 'nope.key') }, { createIfMissing: false })).toThrow(/BVCT_MASTER_KEY_FILE/)
    expect(() => openKeyring({ ...none, masterKey: 'short' }, { createIfMissing: false })).toThrow(/32 bytes/)
  })

  it('refuse a key file others can read', () => {
    const file = join(dir, 'b', 'master.key')
    openKeyring({ ...none, masterKeyFile: file }, { createIfMissing: true })
    chmodSync(file, 0o644)
    expect(() => openKeyring({ ...none, masterKeyFile: file }, { createIfMissing: false })).toThrow(/chmod 600/)
  })

  it('come from the environment too, the next key wrapping and both unwrapping during a rotation', () => {
    const a = randomBytes(32).toString('base64')
    const b = randomBytes(32).toString('hex')
    const one = openKeyring({ ...none, masterKey: a }, { createIfMissing: false })
    const two = openKeyring({ ...none, masterKey: a, masterKeyNext: b }, { createIfMissing: false })
    expect(two.current().kid).not.toBe(one.current().kid)
    expect(two.get(one.current().kid)?.key.equals(one.current().key)).toBe(true)
    expect(one.current().kid).not.toContain(a.slice(0, 8))
  })

  it('rotate in a file: a new current key, the old kept until retired', () => {
    const file = join(dir, 'c', 'master.key')
    const ring = openKeyring({ ...none, masterKeyFile: file }, { createIfMissing: true })
    const old = ring.current().kid
    const kid = addCurrentKey(file)
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).keys).sort()).toEqual([old, kid].sort())
    // A server that holds the ring finds the new key by its id (it rereads the file).
    expect(ring.get(kid)).toBeDefined()
    expect(dropRetiredKeys(file)).toEqual([old])
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).keys)).toEqual([kid])
  })
})
