import { deflateRawSync, deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { makeZip } from '../../test/bombs.ts'
import { InflateLimitError, inflateRawLimited, inflatedSize } from './inflate.ts'
import { ZipFormatError, ZipLimitError, openZip, type ZipLimits } from './zip.ts'

const MB = 1024 * 1024
const limits: ZipLimits = { maxEntries: 10, maxUnpacked: 16 * MB, maxRatio: 100 }
const zeros = (mb: number) => Buffer.alloc(mb * MB)

describe('openZip', () => {
  it('should read stored and deflated entries within the limits', () => {
    const zip = openZip(makeZip([{ name: 'a.xml', data: '<a>xin chào</a>' }, { name: 'b.bin', data: Buffer.from([1, 2, 3]) }]), limits)
    expect([...zip.entries.keys()]).toEqual(['a.xml', 'b.bin'])
    expect(new TextDecoder().decode(zip.read('a.xml')!)).toBe('<a>xin chào</a>')
    expect(zip.read('missing')).toBeNull()
  })

  it('should refuse, before unpacking anything, an archive that declares more than the total', () => {
    // Nine entries of 2 MB each, every one harmless alone (the ratio check is off here).
    const entries = Array.from({ length: 9 }, (_, i) => ({ name: `part${i}.xml`, data: Buffer.alloc(2 * MB, 0x20 + i) }))
    expect(() => openZip(makeZip(entries), { ...limits, maxRatio: 1e9 })).toThrow(/unpacks to over 16 MB/)
  })

  it('should refuse an entry that grows more than the ratio allows, and too many entries', () => {
    expect(() => openZip(makeZip([{ name: 'bomb.xml', data: zeros(8) }]), limits)).toThrow(/grows \d+ times/)
    const many = Array.from({ length: 11 }, (_, i) => ({ name: `${i}.xml`, data: 'x' }))
    expect(() => openZip(makeZip(many), limits)).toThrow(/11 entries/)
  })

  it('should stop unpacking an entry at the size its lying directory declared', () => {
    // The directory says 4 KB for 64 MB of zeros: both its checks pass; zlib stops at 4 KB + 1.
    const zip = openZip(makeZip([{ name: 'word/document.xml', data: zeros(64), declaredSize: 4096 }]), limits)
    const before = process.memoryUsage().arrayBuffers
    expect(() => zip.read('word/document.xml')).toThrow(ZipLimitError)
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(8 * MB)
  })

  it('should refuse what is not a readable archive', () => {
    expect(() => openZip(Buffer.from('PK\x03\x04 not really'), limits)).toThrow(ZipFormatError)
    const zip = makeZip([{ name: 'a.xml', data: 'abc' }])
    zip.writeUInt16LE(1, 8 + zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))) // the "encrypted" flag
    expect(() => openZip(zip, limits)).toThrow(/Encrypted/)
  })
})

describe('inflate with a ceiling', () => {
  it('should give back data within the ceiling and refuse past it', () => {
    const packed = deflateRawSync(zeros(4))
    expect(inflateRawLimited(packed, 4 * MB)).toHaveLength(4 * MB)
    expect(() => inflateRawLimited(packed, MB)).toThrow(InflateLimitError)
  })

  it('should count a stream only up to just past the limit, and count damaged data as far as it goes', async () => {
    const bomb = deflateSync(zeros(64), { level: 9 })
    expect(await inflatedSize(bomb, 8 * MB)).toBeLessThan(9 * MB)
    expect(await inflatedSize(deflateSync(Buffer.from('hello')), MB)).toBe(5)
    const damaged = Buffer.concat([deflateSync(zeros(2)).subarray(0, -100), Buffer.from('garbage!')])
    expect(await inflatedSize(damaged, 8 * MB)).toBeGreaterThan(MB)
  })
})
