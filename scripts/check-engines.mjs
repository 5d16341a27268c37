// npm run check:engines — every installed package must run on every Node line we support: its
// `engines.node` must accept the oldest release of each line (Node 20.19, 22.13, 24.0). Exit 1
// lists those that do not. CI runs it; so does scripts/check-engines.test.ts.
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import semver from 'semver'

export const SUPPORTED = ['20.19.0', '22.13.0', '24.0.0']

/** Every package under `root`/node_modules, nested ones too: [{ name, version, engines, path }]. */
export function installedPackages(root) {
  const out = []
  const walk = (dir) => {
    if (!existsSync(dir)) return
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.')) continue
      const path = join(dir, name)
      if (name.startsWith('@')) {
        walk(path)
        continue
      }
      const file = join(path, 'package.json')
      if (!existsSync(file)) continue
      const pkg = JSON.parse(readFileSync(file, 'utf8'))
      out.push({ name: pkg.name, version: pkg.version, engines: pkg.engines?.node ?? null, path })
      walk(join(path, 'node_modules'))
    }
  }
  walk(join(root, 'node_modules'))
  return out
}

/** The packages whose declared engines refuse one of the supported Node versions. */
export function engineViolations(root) {
  const violations = []
  for (const p of installedPackages(root)) {
    if (!p.engines) continue
    const refused = SUPPORTED.filter((v) => !semver.satisfies(v, p.engines))
    if (refused.length) violations.push({ ...p, refused })
  }
  return violations
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.cwd()
  const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node
  const ownRefused = SUPPORTED.filter((v) => !semver.satisfies(v, own))
  const bad = engineViolations(root)
  for (const b of bad) console.error(`${b.name}@${b.version} (${b.path}) declares node ${b.engines}: refuses ${b.refused.join(', ')}`)
  if (ownRefused.length) console.error(`package.json declares node ${own}: refuses ${ownRefused.join(', ')}`)
  if (bad.length || ownRefused.length) process.exit(1)
  console.log(`Every installed package accepts Node ${SUPPORTED.join(', ')}.`)
}
