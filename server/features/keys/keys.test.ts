import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb } from '../../../test/db.ts'
import type { Db } from '../../db/types.ts'
import { openText, sealText } from '../../lib/envelope.ts'
import { addCurrentKey, openKeyring } from '../../lib/keyring.ts'
import { blindIndexer, blindRef, createDataKey, finishRotation, openDataKey, UnknownMasterKeyError } from './keys.service.ts'

const dir = mkdtempSync(join(tmpdir(), 'bvct-keys-svc-'))
const file = join(dir, 'master.key')
const none = { masterKey: null, masterKeyNext: null }
let db: Db
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => {
  await db.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('data keys', () => {
  it('are stored wrapped, never in clear, and open to what was sealed under them', async () => {
    const keys = openKeyring({ ...none, masterKeyFile: file }, { createIfMissing: true })
    const dk = await createDataKey(db, keys)
    const [row] = await db.query<{ kid: string; wrapped: Uint8Array }>('SELECT kid, wrapped FROM data_key WHERE id = $1', [dk.id])
    expect(row.kid).toBe(keys.current().kid)
    expect(Buffer.from(row.wrapped).includes(dk.key)).toBe(false)
    const sealed = sealText(dk.key, 'Nguyễn Văn A', 'test:1')
    expect(openText(await openDataKey(db, keys, dk.id), sealed, 'test:1')).toBe('Nguyễn Văn A')
  })

  it('survive a master-key rotation: every key re-wrapped under the new key, the old one retired from the file, content untouched', async () => {
    const keys = openKeyring({ ...none, masterKeyFile: file }, { createIfMissing: false })
    const old = keys.current().kid
    const made = await Promise.all([1, 2, 3].map(() => createDataKey(db, keys)))
    const sealed = made.map((dk, i) => sealText(dk.key, `nội dung ${i}`, `t:${i}`))
    const fresh = addCurrentKey(file)
    const r = await finishRotation(db, keys, file)
    expect(r.current).toBe(fresh)
    expect(r.rewrapped).toBeGreaterThanOrEqual(3)
    expect(r.retired).toEqual([old])
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).keys)).toEqual([fresh])
    expect(await db.query('SELECT id FROM data_key WHERE kid <> $1', [fresh])).toEqual([])
    // A server started only with the new file opens everything.
    const after = openKeyring({ ...none, masterKeyFile: file }, { createIfMissing: false })
    for (const [i, dk] of made.entries()) expect(openText(await openDataKey(db, after, dk.id), sealed[i], `t:${i}`)).toBe(`nội dung ${i}`)
    // Done is done: a second run changes nothing.
    expect(await finishRotation(db, keys, file)).toEqual({ rewrapped: 0, current: fresh, retired: [] })
  })

  it('wrapped by a master key the server does not have are refused with the key named, and a rotation stops there', async () => {
    const keys = openKeyring({ ...none, masterKeyFile: file }, { createIfMissing: false })
    const [{ id }] = await db.query<{ id: number }>("INSERT INTO data_key (kid, wrapped) VALUES ('k-lost', '\\x01') RETURNING id")
    await expect(openDataKey(db, keys, id)).rejects.toThrow(UnknownMasterKeyError)
    await expect(finishRotation(db, keys, file)).rejects.toThrow(/k-lost/)
    await db.query('DELETE FROM data_key WHERE id = $1', [id])
  })
})

describe('the blind index', () => {
  it('gives one reference per value, the same across calls and servers, different per kind and value, made once even when asked at once', async () => {
    const keys = openKeyring({ ...none, masterKeyFile: file }, { createIfMissing: false })
    const refs = await Promise.all([1, 2, 3, 4].map(() => db.transaction((tx) => blindRef(tx, keys, 'person', 42))))
    for (const r of refs) expect(r.equals(refs[0])).toBe(true)
    expect(await db.query("SELECT name FROM system_key")).toEqual([{ name: 'blindIndex' }])
    expect((await blindRef(db, keys, 'account', 42)).equals(refs[0])).toBe(false)
    expect((await blindRef(db, keys, 'person', 43)).equals(refs[0])).toBe(false)
    const index = await blindIndexer(db, keys)
    expect(index('person', 42).equals(refs[0])).toBe(true)
  })
})
