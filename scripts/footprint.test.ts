import { execFileSync } from 'node:child_process'
import { linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const SCRIPT = fileURLToPath(new URL('./footprint.mjs', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'bvct-footprint-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const footprint = (...args: string[]) => execFileSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' })

describe('scripts/footprint.mjs', () => {
  it('counts disk blocks as du does: tiny files take a block, a hard link counts once, links are not followed', () => {
    mkdirSync(join(dir, 'pkg', 'lib'), { recursive: true })
    writeFileSync(join(dir, 'pkg', 'index.js'), 'x')
    writeFileSync(join(dir, 'pkg', 'lib', 'big.js'), Buffer.alloc(200_000, 1))
    linkSync(join(dir, 'pkg', 'lib', 'big.js'), join(dir, 'pkg', 'same.js'))
    symlinkSync(join(dir, 'pkg'), join(dir, 'alias'))
    const m = JSON.parse(footprint('--json', dir))
    expect(m.diskBytes).toBe(Number(execFileSync('du', ['-s', '-B1', dir], { encoding: 'utf8' }).split('\t')[0]))
    expect(m.contentBytes).toBe(1 + 200_000 + Buffer.byteLength(join(dir, 'pkg'))) // a symlink's size is its target's length
    expect(m.files).toBe(3) // index.js, big.js (once), the symlink
  })

  it('exits 1 over the budget given with --max', () => {
    expect(() => footprint('--max', '0', dir)).toThrow(/Over budget/)
    expect(footprint('--max', '1000', dir)).toMatch(/MB on disk/)
  })
})
