// The real server as a child process: `node --import tsx server/main.ts`, the way production starts
// it, with its resident memory read from /proc.
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createWriteStream, readFileSync } from 'node:fs'
import net from 'node:net'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
/**
 * The bench's master key: fixed, because a generated database outlives one run and its cases must
 * open in the next. Throwaway data only; never a real deployment's key.
 */
export const BENCH_MASTER_KEY = process.env.BVCT_MASTER_KEY ?? createHash('sha256').update('bvct bench master key (throwaway data)').digest('base64')

/**
 * What `npm start` gives the server (package.json): V8's young generation capped at 2 × 4 MB
 * (its default grows to 2 × 16 MB under load, and the old generation grew with what it promoted),
 * and two malloc arenas (glibc makes up to 8 per core for the native threads: argon2, zlib, the
 * document thread; each kept its peak). At 5,000 units, 8 clients: idle 172 -> 145 MB, peak over
 * the run 411 -> 291 MB.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4']
export const SERVER_ENV: Record<string, string> = { MALLOC_ARENA_MAX: '2' }

/**
 * A free port in 3500–3599 (the range this project's tools may use), or in BENCH_PORTS ("3350-3369")
 * when several people run benches on one machine.
 */
export async function freePort(): Promise<number> {
  const [lo, hi] = (process.env.BENCH_PORTS ?? '3500-3599').split('-').map(Number)
  if (!(lo > 0 && hi >= lo)) throw new Error(`BENCH_PORTS must look like 3350-3369, got ${process.env.BENCH_PORTS}`)
  const size = hi - lo + 1
  const start = Math.floor(Math.random() * size)
  for (let i = 0; i < size; i++) {
    const port = lo + ((start + i) % size)
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.createServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => s.close(() => resolve(true)))
    })
    if (ok) return port
  }
  throw new Error(`no free port in ${lo}–${hi}`)
}

/** VmRSS and VmHWM (peak) of a process, in MB. */
export function memoryOf(pid: number): { rss: number; peak: number } | null {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? NaN)
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 }
  } catch {
    return null
  }
}

export interface RunningServer {
  port: number
  pid: number
  /** When it was started (its start-up jobs run from then on). */
  startedAt: Date
  /** Largest VmRSS seen since the last reset, sampled every 50 ms. */
  sampledPeak(): number
  resetPeak(): void
  stop(): Promise<void>
}

export async function startServer(env: Record<string, string>, logFile: string): Promise<RunningServer> {
  const port = await freePort()
  const log = createWriteStream(logFile)
  const startedAt = new Date()
  const child: ChildProcess = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    // The bench's own master key (PostgreSQL mode needs one; embedded mode would make a file).
    env: { BVCT_MASTER_KEY: BENCH_MASTER_KEY, ...SERVER_ENV, ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', BVCT_DEMO: '0', LOG_LEVEL: env.LOG_LEVEL ?? 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.pipe(log)
  child.stderr!.pipe(log)
  let exited: number | null = null
  child.once('exit', (code, signal) => (exited = code ?? (signal ? 128 : 1)))
  // An interrupted benchmark must not leave its server running.
  const onSignal = () => {
    child.kill('SIGKILL')
    process.exit(130)
  }
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal)
  const deadline = Date.now() + 120_000
  for (;;) {
    if (exited !== null) throw new Error(`the server exited with code ${exited} before it answered; see ${logFile}:\n${tail(logFile)}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`the server did not answer within 120 s; see ${logFile}`)
    }
    const ok = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then((r) => r.ok, () => false)
    if (ok) break
    await sleep(200)
  }
  let peak = 0
  const timer = setInterval(() => {
    const m = memoryOf(child.pid!)
    if (m && m.rss > peak) peak = m.rss
  }, 50)
  return {
    port,
    pid: child.pid!,
    startedAt,
    sampledPeak: () => peak,
    resetPeak: () => (peak = memoryOf(child.pid!)?.rss ?? 0),
    async stop() {
      clearInterval(timer)
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal)
      if (exited !== null) return
      const done = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.kill('SIGTERM')
      const killed = await Promise.race([done.then(() => true), sleep(15_000).then(() => false)])
      if (!killed) {
        child.kill('SIGKILL')
        await done
      }
      log.end()
    },
  }
}

function tail(file: string) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n')
  } catch {
    return ''
  }
}
