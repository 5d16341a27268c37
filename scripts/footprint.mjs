// How much disk node_modules takes, counted the way `du -sm node_modules` counts it: the blocks each
// file and folder holds (a 1-byte file still takes 4 KB), every hard-linked file once. The README
// states a budget for a clean `npm install`; this measures it without relying on du's flags.
//   npm run footprint                      total, and the ten largest packages
//   npm run footprint -- --max 300         exits 1 when over 300 MB
//   node scripts/footprint.mjs --json DIR  any folder, as JSON
// Plain Node, no dependencies.
import { lstatSync, readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const MB = 1024 * 1024

/** Walks `dir` without following links; returns disk bytes, content bytes and files, and disk bytes per package. */
function measure(dir) {
  const seen = new Set()
  const byPackage = new Map()
  let disk = 0
  let content = 0
  let files = 0
  const walk = (path) => {
    const st = lstatSync(path)
    const key = `${st.dev}:${st.ino}`
    if (!seen.has(key)) {
      seen.add(key)
      disk += st.blocks * 512
      if (!st.isDirectory()) {
        content += st.size
        files++
      }
      const pkg = packageOf(relative(dir, path))
      if (pkg) byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + st.blocks * 512)
    }
    if (st.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name))
  }
  walk(dir)
  return { disk, content, files, byPackage }
}

/** `antd/es/x.js` → antd, `@ant-design/icons/lib` → @ant-design/icons, `a/node_modules/b/c` → a (nested copies count for their parent). */
function packageOf(rel) {
  const parts = rel.split(sep)
  if (!parts[0] || parts[0].startsWith('.')) return null
  if (parts[0].startsWith('@')) return parts.length > 1 ? `${parts[0]}/${parts[1]}` : null
  return parts[0]
}

const args = process.argv.slice(2)
const flag = (name) => args.includes(name)
const maxAt = args.indexOf('--max')
const max = maxAt >= 0 ? Number(args[maxAt + 1]) : null
const dir = args.filter((a, i) => !a.startsWith('--') && i !== maxAt + 1)[0] ?? fileURLToPath(new URL('../node_modules', import.meta.url))

const m = measure(dir)
const diskMb = Math.ceil(m.disk / MB) // du -m rounds up
if (flag('--json')) {
  console.log(JSON.stringify({ dir, diskBytes: m.disk, diskMb, contentBytes: m.content, files: m.files }))
} else {
  console.log(`${dir}: ${diskMb} MB on disk (as du -sm counts), ${Math.round(m.content / MB)} MB of file contents, ${m.files} files, ${m.byPackage.size} top-level packages`)
  const top = [...m.byPackage].sort((a, b) => b[1] - a[1]).slice(0, 10)
  for (const [name, bytes] of top) console.log(`${(bytes / MB).toFixed(1).padStart(7)} MB  ${name}`)
}
if (max !== null && diskMb > max) {
  console.error(`Over budget: ${diskMb} MB > ${max} MB`)
  process.exit(1)
}
