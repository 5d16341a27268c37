// Runs PGlite off the main thread: PGlite executes queries synchronously inside WASM, so on the
// main thread one slow query would freeze every other HTTP request (stack-notes §3).
// Plain JavaScript, like pglite-open.mjs, so the worker starts without tsx.
import { parentPort, workerData } from 'node:worker_threads'
import { openPglite } from './pglite-open.mjs'

const db = await openPglite(workerData.dir)
parentPort.postMessage({ ready: true })

/** @param {{ id: number, op: 'query', text: string, params?: unknown[] } | { id: number, op: 'close' }} msg */
async function handle(msg) {
  try {
    if (msg.op === 'query') {
      const res = await db.query(msg.text, msg.params ?? [])
      parentPort.postMessage({ id: msg.id, rows: res.rows })
    } else if (msg.op === 'close') {
      await db.close()
      parentPort.postMessage({ id: msg.id, rows: [] })
    }
  } catch (e) {
    const { message, code, detail, constraint, table, column, severity } = e ?? {}
    parentPort.postMessage({ id: msg.id, error: { message: String(message ?? e), code, detail, constraint, table, column, severity } })
  }
}

parentPort.on('message', handle)
