// BVCT_PROCESSES=N on PostgreSQL: N copies of the server sharing one port (node:cluster hands each
// new connection to one of them). Nothing a request needs lives in one process only — sessions, CSRF
// tokens, sign-in throttling, idempotency keys and uploads are rows in the database; the matrix and
// overview caches are checked against epochs in the database before every use — so any process may
// answer any request, and the job queue runs each scheduled job once whatever N is.
import cluster from 'node:cluster'

/** A worker that dies is replaced, but not in a tight loop: a server that cannot start stops trying. */
const RESTART_WINDOW_MS = 60_000
const MAX_RESTARTS_IN_WINDOW = 5

/**
 * The primary process: starts one worker first (it migrates the database and loads demo data
 * alone), then the others once it listens; forwards SIGINT/SIGTERM; replaces a worker that dies.
 * Never returns: the process ends when its workers have.
 */
export async function superviseWorkers(n: number): Promise<never> {
  let isStopping = false
  const restarts: number[] = []
  const fork = (index: number) => {
    const worker = cluster.fork({ BVCT_WORKER_INDEX: String(index) })
    worker.on('exit', (code, signal) => {
      if (isStopping) return
      const now = Date.now()
      restarts.push(now)
      while (restarts.length && restarts[0] < now - RESTART_WINDOW_MS) restarts.shift()
      if (restarts.length > MAX_RESTARTS_IN_WINDOW) {
        console.error(`BVCT: worker ${index} exited (${signal ?? code}) and ${MAX_RESTARTS_IN_WINDOW} workers died within a minute: stopping.`)
        return stop(1)
      }
      console.error(`BVCT: worker ${index} exited (${signal ?? code}); starting another.`)
      fork(index)
    })
    return worker
  }
  const stop = (code: number) => {
    isStopping = true
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM')
    const check = setInterval(() => {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(code)
    }, 100)
    // Each worker gives itself 15 s to stop cleanly (main.ts); then it is killed.
    setTimeout(() => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL')
      clearInterval(check)
      process.exit(code || 1)
    }, 20_000).unref()
  }
  process.on('SIGINT', () => stop(0))
  process.on('SIGTERM', () => stop(0))

  const first = fork(0)
  await new Promise<void>((resolve, reject) => {
    first.once('listening', () => resolve())
    first.once('exit', (code) => reject(new Error(`the first worker exited with code ${code} before listening`)))
  }).catch((e) => {
    console.error(`BVCT: ${e.message}; not starting the others.`)
    process.exit(1)
  })
  for (let i = 1; i < n; i++) fork(i)
  return new Promise<never>(() => {})
}

export const isClusterWorker = () => cluster.isWorker
export const workerIndex = () => Number(process.env.BVCT_WORKER_INDEX ?? 0)
