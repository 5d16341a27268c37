// One thread of the file worker pool (file-worker.ts): it runs an exported function of a module on
// the bytes of an upload and posts the answer back. Plain JavaScript, like db/pglite-worker.mjs,
// so the thread starts with no loader flags. The pool hands it a TypeScript module as a plain
// bundle (worker-module.ts); only where the bundle could not be written does the source arrive,
// and tsx is registered for it here, on that first task.
import { parentPort } from 'node:worker_threads'

const modules = new Map()
let tsx = null

function load(href) {
  if (!modules.has(href)) {
    modules.set(href, (async () => {
      if (/\.[mc]?tsx?$/.test(new URL(href).pathname)) {
        tsx ??= import('tsx/esm/api').then(({ register }) => register())
        await tsx
      }
      return import(href)
    })())
  }
  return modules.get(href)
}

/** What a thrown error says, as plain data: its class, message and own fields (code, fields, detail…). */
function describe(error) {
  const e = error instanceof Error ? error : new Error(String(error))
  const props = {}
  for (const [key, value] of Object.entries(e)) {
    try {
      props[key] = structuredClone(value)
    } catch {
      // A field that cannot cross threads is left out.
    }
  }
  return { name: e.constructor?.name || e.name, message: e.message, props }
}

parentPort.on('message', async ({ id, module, fn, args }) => {
  try {
    const mod = await load(module)
    if (typeof mod[fn] !== 'function') throw new Error(`${module} has no function ${fn}`)
    parentPort.postMessage({ id, value: await mod[fn](...args) })
  } catch (error) {
    parentPort.postMessage({ id, error: describe(error) })
  }
})
