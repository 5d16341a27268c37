import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error a plain .mjs script without types
import { SUPPORTED, engineViolations } from './check-engines.mjs'

describe('npm run check:engines', () => {
  it('finds no installed package that refuses Node 20.19, 22.13 or 24', () => {
    expect(SUPPORTED).toEqual(['20.19.0', '22.13.0', '24.0.0'])
    expect(engineViolations(process.cwd())).toEqual([])
  })

  it('names a package, nested or scoped, whose engines refuse a supported line', () => {
    const root = mkdtempSync(join(tmpdir(), 'bvct-engines-'))
    const put = (dir: string, pkg: object) => {
      mkdirSync(dir, { recursive: true })
      writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg))
    }
    put(join(root, 'node_modules', 'fine'), { name: 'fine', version: '1.0.0', engines: { node: '>=18' } })
    put(join(root, 'node_modules', 'fine', 'node_modules', 'cookie'), { name: 'cookie', version: '2.0.2', engines: { node: '>=22' } })
    put(join(root, 'node_modules', '@scope', 'pkg'), { name: '@scope/pkg', version: '1.0.0', engines: { node: '^22 || ^24' } })
    const bad = engineViolations(root).map((v: { name: string; refused: string[] }) => [v.name, v.refused])
    expect(bad).toEqual(expect.arrayContaining([['cookie', ['20.19.0']], ['@scope/pkg', ['20.19.0']]]))
    expect(bad).toHaveLength(2)
  })
})
