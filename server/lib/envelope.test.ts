import { describe, expect, it } from 'vitest'
import { blindIndex, newKey, open, openJson, seal, sealJson, unwrapKey, wrapKey } from './envelope.ts'

describe('envelope encryption', () => {
  const key = newKey()

  it('seals with a fresh nonce each time and opens what it sealed', () => {
    const a = seal(key, 'Nguyễn Văn A', 'case:1:subject')
    const b = seal(key, 'Nguyễn Văn A', 'case:1:subject')
    expect(a.equals(b)).toBe(false)
    expect(a.includes(Buffer.from('Nguyễn'))).toBe(false)
    expect(open(key, a, 'case:1:subject').toString()).toBe('Nguyễn Văn A')
    expect(openJson(key, sealJson(key, { x: [1, 'đ'] }, 'p'), 'p')).toEqual({ x: [1, 'đ'] })
  })

  it('refuses a value opened in another place, with another key, or changed by one bit', () => {
    const sealed = seal(key, 'nội dung', 'case:1:notes')
    expect(() => open(key, sealed, 'case:2:notes')).toThrow()
    expect(() => open(newKey(), sealed, 'case:1:notes')).toThrow()
    const tampered = Buffer.from(sealed)
    tampered[tampered.length - 1] ^= 1
    expect(() => open(key, tampered, 'case:1:notes')).toThrow()
    expect(() => open(key, Buffer.from([9, 9, 9]), 'x')).toThrow(/Not a sealed value/)
  })

  it('wraps a data key under a master key bound to its id', () => {
    const master = { kid: 'k1', key: newKey() }
    const wrapped = wrapKey(master, key)
    expect(unwrapKey(master, wrapped).equals(key)).toBe(true)
    expect(() => unwrapKey({ kid: 'k2', key: master.key }, wrapped)).toThrow()
  })

  it('gives a blind index that depends on the key and the value, and says nothing without the key', () => {
    expect(blindIndex(key, 'person', 42).equals(blindIndex(key, 'person', 42))).toBe(true)
    expect(blindIndex(key, 'person', 42).equals(blindIndex(key, 'person', 43))).toBe(false)
    expect(blindIndex(key, 'person', 42).equals(blindIndex(key, 'account', 42))).toBe(false)
    expect(blindIndex(key, 'person', 42).equals(blindIndex(newKey(), 'person', 42))).toBe(false)
  })
})
