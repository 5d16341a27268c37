// Runs PGlite off the main thread: PGlite executes queries synchronously inside WASM, so on the
// main thread one slow query would freeze every other HTTP request (stack-notes §3).
import { parentPort, workerData } from 'node:worker_threads'
import { openPglite } from './pglite-open.ts'

type Request =
  | { id: number; op: 'query'; text: string; params?: unknown[] }
  | { id: number; op: 'dump' }
  | { id: number; op: 'close' }

const db = await openPglite(workerData.dir)
parentPort!.postMessage({ ready: true })

parentPort!.on('message', async (msg: Request) => {
  try {
    if (msg.op === 'query') {
      const res = await db.query(msg.text, msg.params ?? [])
      parentPort!.postMessage({ id: msg.id, rows: res.rows })
    } else if (msg.op === 'dump') {
      const blob = await db.dumpDataDir('gzip')
      parentPort!.postMessage({ id: msg.id, bytes: new Uint8Array(await blob.arrayBuffer()) })
    } else if (msg.op === 'close') {
      await db.close()
      parentPort!.postMessage({ id: msg.id, rows: [] })
    }
  } catch (e: any) {
    const { message, code, detail, constraint, table, column, severity } = e ?? {}
    parentPort!.postMessage({ id: msg.id, error: { message: String(message ?? e), code, detail, constraint, table, column, severity } })
  }
})
