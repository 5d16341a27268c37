// A real BVCT server in its own process (node directly, not npx: the pid a test kills must be the
// server's own), for tests of what only a process shows: start-up, crashes, signals.
import { spawn, type ChildProcess } from 'node:child_process'

export interface ServerProcess {
  proc: ChildProcess
  output(): string
  /** Resolves when the process has exited. */
  exited: Promise<number | null>
}

/** Starts `server/main.ts` with `env` and resolves once it prints that it is running. */
export function startServer(env: NodeJS.ProcessEnv, timeoutMs = 90_000): Promise<ServerProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  proc.stdout!.on('data', (d) => (out += d))
  proc.stderr!.on('data', (d) => (out += d))
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start:\n' + out)), timeoutMs)
    proc.stdout!.on('data', () => {
      if (out.includes('BVCT is running')) {
        clearTimeout(timer)
        resolve({ proc, output: () => out, exited })
      }
    })
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`server exited (${code}):\n${out}`))
    })
  })
}

/** Runs the server until it exits by itself (a refused start), with its output. */
export function runServerToExit(env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<{ code: number | null; output: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  proc.stdout!.on('data', (d) => (out += d))
  proc.stderr!.on('data', (d) => (out += d))
  const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs)
  return new Promise((r) => proc.on('exit', (code) => (clearTimeout(timer), r({ code, output: out }))))
}

export const stopServer = (p: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') =>
  new Promise<void>((r) => {
    if (p.exitCode !== null || p.signalCode !== null) return r()
    p.on('exit', () => r())
    p.kill(signal)
  })

/** Signs in over HTTP; the session cookie and the CSRF token for writes. */
export async function signIn(base: string, username: string, password: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`)
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  return { cookie, csrf: cookie.match(/bvct_csrf=([^;]+)/)![1] }
}

export type HttpSession = Awaited<ReturnType<typeof signIn>>

export const post = (base: string, s: HttpSession, path: string, body: unknown, signal?: AbortSignal) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf }, body: JSON.stringify(body), signal })
