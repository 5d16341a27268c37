// Uploaded files are read off the main thread, in a small pool of worker threads, so that no file
// can stall or exhaust the server: a 4 MB .docx that inflated to 4 GB once held every request for
// 25 s and left the process at 8.5 GB. The parsers have their own limits (upload-limits.ts); this
// is what holds when a limit did not foresee a file:
// - each thread has a V8 heap ceiling (resourceLimits) and is ended when it passes it;
// - each task has a wall-clock limit, after which its thread is terminated;
// - memory outside the heap (ArrayBuffers: zlib's and pdf.js's output) is not under the heap
//   ceiling, so while tasks run the process's resident size is watched, and the threads are ended
//   when it grows past a bound;
// - at most `size` threads and `queue` waiting tasks; beyond that a task is refused at once.
// Threads start on the first task (an idle server pays nothing) and end after a quiet minute.
import { Worker } from 'node:worker_threads'
import { workerModule } from './worker-module.ts'

export interface FilePoolOptions {
  /** Worker threads at most. */
  size: number
  /** Tasks waiting for a thread at most; one more is refused as "busy". */
  queue: number
  /** Wall-clock limit of one task, from the moment a thread takes it. */
  timeoutMs: number
  /** V8 old-generation heap of each thread (resourceLimits.maxOldGenerationSizeMb). */
  heapMb: number
  /**
   * V8 young generation of each thread (resourceLimits.maxYoungGenerationSizeMb); V8's default
   * (tens of MB) when absent. A small one collects a build's short-lived objects sooner.
   */
  youngMb?: number
  /** Growth of the process's resident memory allowed per running task before the running tasks are stopped. */
  rssGrowthMb: number
  /** An idle thread ends after this long. */
  idleMs: number
  /**
   * A thread ends after this many tasks and the next task gets a fresh one; unlimited when absent.
   * A thread that builds documents one after another kept growing its heap (V8 keeps what it grew).
   */
  tasksPerThread?: number
  /** How often resident memory is sampled while tasks run. */
  watchMs: number
}

export const FILE_POOL_DEFAULTS: FilePoolOptions = { size: 2, queue: 8, timeoutMs: 20_000, heapMb: 256, rssGrowthMb: 768, idleMs: 60_000, watchMs: 50 }

export type FileWorkerFailure = 'busy' | 'timeout' | 'memory' | 'crashed' | 'closed'

/** The pool gave no answer: the queue was full, or the task's thread was stopped or died. */
export class FileWorkerError extends Error {
  constructor(readonly reason: FileWorkerFailure) {
    super(`File worker: ${reason}`)
    this.name = 'FileWorkerError'
  }
}

/** What the task itself threw, rebuilt from plain data: the error's class name, message and own fields. */
export class FileTaskError extends Error {
  constructor(readonly remoteName: string, message: string, readonly props: Record<string, unknown>) {
    super(message)
    this.name = 'FileTaskError'
  }
}

interface Task {
  id: number
  timeoutMs: number
  module: string
  fn: string
  args: unknown[]
  resolve: (value: unknown) => void
  reject: (error: Error) => void
}

interface Slot {
  worker: Worker
  task: Task | null
  /** Tasks this thread has answered. */
  done: number
  timer?: NodeJS.Timeout
  idle?: NodeJS.Timeout
}

type Reply = { id: number; value?: unknown; error?: { name: string; message: string; props: Record<string, unknown> } }

const MB = 1024 * 1024

export class FileWorkerPool {
  private readonly opts: FilePoolOptions
  private readonly slots = new Set<Slot>()
  private readonly waiting: Task[] = []
  private nextId = 1
  /** Threads retired and still ending: they count against `size` until they have. */
  private retiring = 0
  private watch?: NodeJS.Timeout
  private baselineRss = 0

  constructor(opts: Partial<FilePoolOptions> = {}) {
    this.opts = { ...FILE_POOL_DEFAULTS, ...opts }
  }

  get limits(): Readonly<FilePoolOptions> {
    return this.opts
  }

  /**
   * Calls `fn(...args)` exported by `module` on a worker thread. The arguments and the answer are
   * copied between threads (structured clone: a Buffer arrives as a Uint8Array). Rejects with
   * FileTaskError for what the task threw, FileWorkerError when the pool could not answer.
   * `timeoutMs` replaces the pool's wall-clock limit for this task. A TypeScript module is run
   * from its bundle (worker-module.ts), built before the task is queued.
   */
  async run<T>(module: URL, fn: string, args: unknown[], opts: { timeoutMs?: number } = {}): Promise<T> {
    const href = await workerModule(module)
    return new Promise<T>((resolve, reject) => {
      const task: Task = { id: this.nextId++, timeoutMs: opts.timeoutMs ?? this.opts.timeoutMs, module: href, fn, args, resolve: resolve as (v: unknown) => void, reject }
      const free = [...this.slots].find((s) => !s.task)
      if (free) this.start(free, task)
      else if (this.slots.size + this.retiring < this.opts.size) this.start(this.spawn(), task)
      else if (this.waiting.length < this.opts.queue) this.waiting.push(task)
      else reject(new FileWorkerError('busy'))
    })
  }

  /** Ends every thread; tasks under way or waiting are rejected as "closed". */
  async close(): Promise<void> {
    for (const task of this.waiting.splice(0)) task.reject(new FileWorkerError('closed'))
    await Promise.all([...this.slots].map((slot) => this.stop(slot, 'closed')))
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./file-worker.mjs', import.meta.url), {
      // Plain JavaScript (a TypeScript module arrives bundled, worker-module.ts): none of the main thread's loader flags.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.opts.heapMb, ...(this.opts.youngMb ? { maxYoungGenerationSizeMb: this.opts.youngMb } : {}) },
    })
    const slot: Slot = { worker, task: null, done: 0 }
    this.slots.add(slot)
    worker.on('message', (reply: Reply) => this.answer(slot, reply))
    worker.on('error', (e: Error & { code?: string }) => this.lost(slot, e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crashed'))
    worker.on('exit', () => this.lost(slot, 'crashed'))
    return slot
  }

  private start(slot: Slot, task: Task) {
    clearTimeout(slot.idle)
    slot.task = task
    slot.worker.ref()
    slot.timer = setTimeout(() => void this.stop(slot, 'timeout'), task.timeoutMs)
    this.watchMemory()
    slot.worker.postMessage({ id: task.id, module: task.module, fn: task.fn, args: task.args })
  }

  private answer(slot: Slot, reply: Reply) {
    const task = slot.task
    if (!task || reply.id !== task.id) return
    this.release(slot)
    if (reply.error) task.reject(new FileTaskError(reply.error.name, reply.error.message, reply.error.props))
    else task.resolve(reply.value)
    if (this.opts.tasksPerThread && ++slot.done >= this.opts.tasksPerThread) return this.retire(slot)
    this.next(slot)
  }

  /**
   * Ends a thread that has done its share of tasks; the next waiting task starts on a fresh one once
   * the old one has ended: a thread's heap is freed when it ends, and starting the next one before
   * held both (the consolidated report's: ~100 MB each, under 8 clients).
   */
  private retire(slot: Slot) {
    this.slots.delete(slot)
    clearTimeout(slot.idle)
    this.retiring++
    const ended = () => {
      this.retiring--
      const task = this.waiting.shift()
      if (task) this.start(this.spawn(), task)
    }
    slot.worker.terminate().then(ended, ended)
  }

  /** Hands the thread the next waiting task, or lets it idle (and end after a while). */
  private next(slot: Slot) {
    const task = this.waiting.shift()
    if (task) return this.start(slot, task)
    slot.worker.unref()
    slot.idle = setTimeout(() => void this.stop(slot, 'closed'), this.opts.idleMs)
    slot.idle.unref()
  }

  private release(slot: Slot) {
    clearTimeout(slot.timer)
    slot.task = null
    if (![...this.slots].some((s) => s.task)) this.unwatchMemory()
  }

  /** Terminates a thread; its task, if any, fails with `reason`. A waiting task gets a new thread. */
  private async stop(slot: Slot, reason: FileWorkerFailure) {
    if (!this.slots.has(slot)) return
    this.drop(slot, reason)
    await slot.worker.terminate()
  }

  /** The thread ended (out of memory, crashed, or terminated by stop()). */
  private lost(slot: Slot, reason: FileWorkerFailure) {
    if (this.slots.has(slot)) this.drop(slot, reason)
  }

  private drop(slot: Slot, reason: FileWorkerFailure) {
    this.slots.delete(slot)
    clearTimeout(slot.idle)
    const task = slot.task
    this.release(slot)
    task?.reject(new FileWorkerError(reason))
    if (reason !== 'closed' && this.waiting.length) this.start(this.spawn(), this.waiting.shift()!)
  }

  private watchMemory() {
    if (this.watch) return
    this.baselineRss = process.memoryUsage.rss()
    this.watch = setInterval(() => {
      const running = [...this.slots].filter((s) => s.task)
      if (process.memoryUsage.rss() > this.baselineRss + running.length * this.opts.rssGrowthMb * MB) {
        for (const slot of running) void this.stop(slot, 'memory')
      }
    }, this.opts.watchMs)
    this.watch.unref()
  }

  private unwatchMemory() {
    clearInterval(this.watch)
    this.watch = undefined
  }
}

/** The server's pool: every route that parses an upload shares it. */
export const fileWorkers = new FileWorkerPool()

/**
 * The thread that builds large documents (the consolidated report: thousands of paragraphs as the
 * docx library's objects, 40–70 MB of heap for a 57 kB file). Built on the main thread, that heap
 * stayed with the server (V8 keeps what it grew); on a thread with a small young generation that
 * ends after a quiet spell, it is collected sooner and given back. One thread: the builds are CPU
 * work, a second one at once would only share the cores. Callers queue (documentBuilds bounds
 * how many wait here), so the queue is never what refuses.
 */
// The heap ceiling is the main thread's (V8's default), not an upload's: a report over every unit
// of a ministry is a legitimate build, however large. Measured at 5,000 units (a 200-unit period,
// 1,350 accounts): each build ~110 MB resident while it ran (the source through tsx, the accounts
// as docx objects), +48–54 MB since (a bundle, the accounts as XML: worker-module.ts,
// paragraph-xml.ts), and back after the thread ends, where four builds in a row on the main
// thread left it 187 MB larger. A fresh thread per build, started once the last one has ended:
// under the bench's 8 clients one thread building back to back grew to +230 MB.
export const documentWorkers = new FileWorkerPool({ size: 1, queue: 1000, timeoutMs: 180_000, heapMb: 2048, youngMb: 8, rssGrowthMb: 4096, idleMs: 10_000, tasksPerThread: 1 })
