import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { FileTaskError, FileWorkerError, FileWorkerPool } from './file-worker.ts'
import { workerModule } from './worker-module.ts'

// Tasks as a parser might misbehave, in a TypeScript module, loaded the way the routes' are.
const dir = mkdtempSync(join(tmpdir(), 'bvct-file-worker-'))
writeFileSync(join(dir, 'tasks.mts'), `
export class RefusedFile extends Error {
  code = 'UNREADABLE_FILE'
  fields: Record<string, string> = { file: 'fileUnreadable' }
}
export const echo = (x: unknown) => x
export const kindOf = (b: Uint8Array) => \`\${b.constructor.name}:\${b.length}\`
export function refuse(): never { throw new RefusedFile('Không đọc được') }
export function spin(): never { for (;;) {} }
export function hoardObjects(): never { const all: object[] = []; for (;;) all.push({ n: Math.random(), list: [1, 2, 3] }) }
export function hoardBuffers(): never { const all: Uint8Array[] = []; for (;;) all.push(new Uint8Array(32 * 1024 * 1024).fill(1)) }
export const sleep = (ms: number) => new Promise((r) => setTimeout(() => r(ms), ms))
export const thread = async () => (await import('node:worker_threads')).threadId
export const loadedFrom = () => import.meta.url
`)
const TASKS = pathToFileURL(join(dir, 'tasks.mts'))
const pools: FileWorkerPool[] = []
const pool = (opts: ConstructorParameters<typeof FileWorkerPool>[0]) => {
  const p = new FileWorkerPool({ size: 1, queue: 1, timeoutMs: 10_000, heapMb: 64, rssGrowthMb: 256, ...opts })
  pools.push(p)
  return p
}
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()))
  rmSync(dir, { recursive: true, force: true })
})

/** The longest the main thread's timers were late while `work` ran: how blocked the server was. */
async function mainThreadStall<T>(work: Promise<T>): Promise<{ result: PromiseSettledResult<T>; stallMs: number }> {
  let last = performance.now()
  let stallMs = 0
  const tick = setInterval(() => {
    const now = performance.now()
    stallMs = Math.max(stallMs, now - last - 10)
    last = now
  }, 10)
  const [result] = await Promise.allSettled([work])
  clearInterval(tick)
  return { result, stallMs }
}

/** How far the process's resident memory rose above where it was while `work` ran. */
async function withPeakMemory<T>(work: Promise<T>): Promise<{ result: PromiseSettledResult<T>; peakGrowthMb: number }> {
  const before = process.memoryUsage.rss()
  let peak = before
  const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5)
  const [result] = await Promise.allSettled([work])
  clearInterval(watch)
  return { result, peakGrowthMb: (peak - before) / 1024 / 1024 }
}

const reason = (r: PromiseSettledResult<unknown>) => (r.status === 'rejected' && r.reason instanceof FileWorkerError ? r.reason.reason : r.status)

describe('the file worker pool', () => {
  it('should run a TypeScript task on another thread and bring back its answer or its error', async () => {
    const p = pool({})
    expect(await p.run(TASKS, 'echo', [{ a: [1, 'hai'] }])).toEqual({ a: [1, 'hai'] })
    expect(await p.run(TASKS, 'kindOf', [Buffer.from('abc')])).toBe('Uint8Array:3')
    const refused = await p.run(TASKS, 'refuse', []).catch((e) => e)
    expect(refused).toBeInstanceOf(FileTaskError)
    expect(refused).toMatchObject({ remoteName: 'RefusedFile', message: 'Không đọc được', props: { code: 'UNREADABLE_FILE', fields: { file: 'fileUnreadable' } } })
  })

  it('should give each task a fresh thread when asked to (tasksPerThread), queued tasks included', async () => {
    const p = pool({ queue: 4, tasksPerThread: 1 })
    const ids = await Promise.all([0, 1, 2].map(() => p.run<number>(TASKS, 'thread', [])))
    expect(new Set(ids).size).toBe(3)
    expect(await p.run(TASKS, 'echo', ['và tiếp tục'])).toBe('và tiếp tục')
    // Without it, one thread serves them all.
    const reused = pool({ queue: 4 })
    expect(new Set(await Promise.all([0, 1, 2].map(() => reused.run<number>(TASKS, 'thread', [])))).size).toBe(1)
  })

  it('should stop a task past its time by ending its thread, without stalling the main thread, and carry on', async () => {
    const p = pool({ timeoutMs: 30_000 })
    await p.run(TASKS, 'echo', [1]) // the thread is up (however long that took): what follows times the task
    const t = performance.now()
    const { result, stallMs } = await mainThreadStall(p.run(TASKS, 'spin', [], { timeoutMs: 1500 }))
    expect(reason(result)).toBe('timeout')
    expect(performance.now() - t).toBeLessThan(4000)
    // On the main thread the task would have held every timer for its 1.5 s.
    expect(stallMs).toBeLessThan(750)
    expect(await p.run(TASKS, 'echo', ['again'])).toBe('again')
  })

  it('should end a thread whose heap passes its limit', async () => {
    // The memory watchdog is set far off: the 64 MB heap ceiling is what must stop this one.
    const p = pool({ heapMb: 64, rssGrowthMb: 2048 })
    const { result, peakGrowthMb } = await withPeakMemory(p.run(TASKS, 'hoardObjects', []))
    expect(reason(result)).toBe('memory')
    expect(peakGrowthMb).toBeLessThan(400)
    expect(await p.run(TASKS, 'echo', ['after'])).toBe('after')
  })

  it('should end a thread whose memory outside the heap (buffers) grows the process past its bound', async () => {
    const p = pool({ rssGrowthMb: 256 })
    const { result, peakGrowthMb } = await withPeakMemory(p.run(TASKS, 'hoardBuffers', []))
    expect(reason(result)).toBe('memory')
    // The bound, plus what the thread allocates between two checks.
    expect(peakGrowthMb).toBeLessThan(256 + 200)
  })

  it('should queue a few tasks and refuse more at once as busy', async () => {
    const p = pool({ size: 1, queue: 1 })
    const runs = [p.run(TASKS, 'sleep', [300]), p.run(TASKS, 'sleep', [10]), p.run(TASKS, 'sleep', [10])]
    const results = await Promise.allSettled(runs)
    expect(results.map(reason)).toEqual(['fulfilled', 'fulfilled', 'busy'])
  })

  it('should reject the tasks under way and waiting when closed', async () => {
    const p = pool({ size: 1, queue: 2 })
    const settled = Promise.allSettled([p.run(TASKS, 'sleep', [5000]), p.run(TASKS, 'sleep', [10])])
    await new Promise((r) => setTimeout(r, 50))
    await p.close()
    expect((await settled).map(reason)).toEqual(['closed', 'closed'])
  })

  it('should run a TypeScript module from one plain JavaScript bundle, built once per process and again after a failed build', async () => {
    const p = pool({})
    const bundle = await workerModule(TASKS)
    // The thread loaded the bundle, not the source through a loader of its own.
    expect(await p.run(TASKS, 'loadedFrom', [])).toBe(bundle)
    expect(bundle).toMatch(/\/node_modules\/\.cache\/bvct-workers\/tasks-[0-9a-f]{16}\.mjs$/)
    const code = readFileSync(fileURLToPath(bundle), 'utf8')
    expect(code).toContain('UNREADABLE_FILE')
    expect(code).not.toContain('Record<string, string>')
    expect(await workerModule(TASKS)).toBe(bundle)

    const broken = join(dir, 'broken.mts')
    writeFileSync(broken, 'export const answer = (: number => 42\n')
    await expect(p.run(pathToFileURL(broken), 'answer', [])).rejects.toThrow(/Expected|Unexpected/)
    writeFileSync(broken, 'export const answer = (): number => 42\n')
    expect(await p.run(pathToFileURL(broken), 'answer', [])).toBe(42)
  })

  it('should run the TypeScript source on the thread when its bundle cannot be written', async () => {
    // A cache folder under a file: not writable, whoever runs the test.
    writeFileSync(join(dir, 'a-file'), '')
    const source = pathToFileURL(join(dir, 'unwritable.mts'))
    writeFileSync(source, 'export const answer = (): number => 7\nexport const loadedFrom = () => import.meta.url\n')
    expect(await workerModule(source, join(dir, 'a-file', 'cache'))).toBe(source.href)
    expect(await pool({}).run(source, 'answer', [])).toBe(7)
    expect(await pool({}).run(source, 'loadedFrom', [])).toBe(source.href)
  })
})
