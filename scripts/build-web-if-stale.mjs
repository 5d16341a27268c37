// Runs before `npm start`: builds the web app only when web/dist is missing or older than its
// sources, so a fresh clone (or a pull that touched the front end) just works, and a normal
// restart costs a directory walk (~milliseconds) instead of a multi-second build.
// Plain Node, no dependencies: it runs before anything else is known to work.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'web', 'dist')
const builtIndex = join(dist, 'index.html')
// What goes into the bundle: the app, the shared contract, and the installed library versions.
const SOURCES = [join(root, 'web'), join(root, 'contract'), join(root, 'package-lock.json')]
const SKIP_DIRS = new Set([dist, join(root, 'web', 'node_modules')])

/** The newest file under `path` (skipping web/dist), as { file, mtimeMs }. */
function newest(path) {
  if (!existsSync(path)) return { file: null, mtimeMs: 0 }
  const st = statSync(path)
  if (!st.isDirectory()) return { file: path, mtimeMs: st.mtimeMs }
  let best = { file: null, mtimeMs: 0 }
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name)
    if (SKIP_DIRS.has(full) || entry.name.startsWith('.')) continue
    const n = entry.isDirectory() ? newest(full) : { file: full, mtimeMs: statSync(full).mtimeMs }
    if (n.mtimeMs > best.mtimeMs) best = n
  }
  return best
}

function staleReason() {
  if (!existsSync(builtIndex)) return 'web/dist/index.html is missing'
  const builtAt = statSync(builtIndex).mtimeMs
  for (const src of SOURCES) {
    const n = newest(src)
    if (n.mtimeMs > builtAt) return `${relative(root, n.file)} is newer than the build`
  }
  return null
}

const reason = staleReason()
if (!reason) {
  console.log('Web app is up to date (web/dist).')
  process.exit(0)
}

const viteBin = join(root, 'node_modules', 'vite', 'bin', 'vite.js')
if (!existsSync(viteBin)) {
  // A production install without dev dependencies: serve the API (and any older build) anyway.
  console.warn(`Web app needs a build (${reason}), but vite is not installed; run \`npm install\` to include dev dependencies. Starting without rebuilding.`)
  process.exit(0)
}

console.log(`Building the web app: ${reason}…`)
const started = Date.now()
// NODE_ENV decides React's and antd's build flavour; a caller's `test` or `development` (vitest
// sets `test`) must not leak into the bundle the server ships.
const env = { ...process.env, NODE_ENV: 'production' }
const r = spawnSync(process.execPath, [viteBin, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env })
if (r.status !== 0) {
  console.error('Web app build failed; see the errors above.')
  process.exit(r.status ?? 1)
}
console.log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
