// A TypeScript module that a worker thread runs (file-worker.ts) is bundled once per process into
// one plain ES module, so the thread loads JavaScript. Registering tsx in the thread instead starts
// a module-loader thread of its own and compiles each file again in every new thread: measured,
// a thread that ran a trivial .ts module took 250–290 ms and +27–31 MB resident against 80–97 ms
// and +8 MB for plain JavaScript, and the consolidated report's thread (a fresh one per build)
// peaked ~40 MB lower and answered faster when it loaded the bundle.
//
// esbuild is the compiler tsx itself runs on; its asynchronous API works in its own process, so
// the server's heap holds none of the compilation. Packages stay imports (packages: 'external'):
// the bundle holds only the project's own code and is written under node_modules/.cache, where
// Node resolves those imports to the project's node_modules as it would for the source.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/bvct-workers/', import.meta.url))
const TYPESCRIPT = /\.[mc]?tsx?$/

const bundles = new Map<string, Promise<string>>()

/**
 * The address a worker thread imports for `module`: the module itself when it is JavaScript, else
 * its bundle (built on the first call in this process; a failed build is tried again next time),
 * or the source when the bundle cannot be written.
 * The process compiles each module once: a change to the source takes a restart, as for the rest
 * of the server.
 */
export function workerModule(module: URL, cacheDir = CACHE_DIR): Promise<string> {
  if (!TYPESCRIPT.test(module.pathname)) return Promise.resolve(module.href)
  let href = bundles.get(module.href)
  if (!href) {
    href = bundle(module, cacheDir)
    bundles.set(module.href, href)
    href.catch(() => bundles.delete(module.href))
  }
  return href
}

async function bundle(module: URL, cacheDir: string): Promise<string> {
  const { outputFiles } = await build({
    entryPoints: [fileURLToPath(module)], bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20',
    // keepNames: an error's class name crosses back to the server (FileTaskError.remoteName) as written.
    keepNames: true, write: false, logLevel: 'silent',
  })
  const code = outputFiles[0].contents
  // Named by content: processes (cluster workers, test files) that build the same code share one
  // file, and a file once written is never changed under a thread that is loading it.
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16)
  const file = join(cacheDir, `${basename(module.pathname).replace(TYPESCRIPT, '')}-${hash}.mjs`)
  try {
    if (!existsSync(file)) {
      mkdirSync(cacheDir, { recursive: true })
      const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`
      writeFileSync(partial, code)
      renameSync(partial, file)
    }
  } catch {
    // An installation whose node_modules cannot be written (a read-only image): the thread loads
    // the source through tsx (file-worker.mjs), slower and larger but the same answer.
    return module.href
  }
  return pathToFileURL(file).href
}
