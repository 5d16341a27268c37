// Closed-loop load: N client loops, each sending its next request as soon as the last one answered.
import { performance } from 'node:perf_hooks'
import type { Endpoint, LoopState } from './endpoints.ts'
import type { HttpClient, Session } from './http.ts'
import type { Targets } from './database.ts'
import { percentile } from './stats.ts'

export interface LoadResult {
  requests: number
  errors: number
  errorSamples: string[]
  p50: number
  p95: number
  rps: number
  seconds: number
}

export interface LoadPlan {
  concurrency: number
  warmupMs: number
  durationMs: number
  /** Stop after this many measured requests in all (a serial phase needs only a few dozen). */
  maxRequests?: number
  phase: LoopState['phase']
}

/**
 * Runs `ep` with `plan.concurrency` loops; `sessions[i]` is loop i's session (null for anonymous
 * calls). Any status other than 2xx counts as an error, 409 Conflict included.
 */
export async function runLoad(ep: Endpoint, http: HttpClient, t: Targets, sessions: (Session | null)[], plan: LoadPlan, states?: LoopState[]): Promise<LoadResult> {
  const latencies: number[] = []
  // Requests that started during the warm-up: used only when an endpoint is so slow that fewer
  // than one per loop started after it.
  const warm: number[] = []
  let errors = 0
  const errorSamples: string[] = []
  const begin = performance.now()
  const measureFrom = begin + plan.warmupMs
  const end = measureFrom + plan.durationMs
  let measuredEnd = measureFrom
  let lastEnd = begin
  const loops = Array.from({ length: plan.concurrency }, async (_, client) => {
    const s: LoopState = states?.[client] ?? { client, n: 0, phase: plan.phase, t, scratch: {} }
    s.phase = plan.phase
    for (;;) {
      const now = performance.now()
      if (now >= end || (plan.maxRequests !== undefined && latencies.length >= plan.maxRequests)) return
      const req = ep.next(s)
      if (!req) return
      s.n++
      let status = 0
      let detail = ''
      try {
        const res = await http.send(req, sessions[client])
        status = res.status
        if (status >= 200 && status < 300) ep.onResponse?.(s, res)
        else detail = res.body.toString().slice(0, 200)
        const at = performance.now()
        if (now >= measureFrom) {
          latencies.push(res.ms)
          measuredEnd = Math.max(measuredEnd, at)
        } else warm.push(res.ms)
        lastEnd = Math.max(lastEnd, at)
      } catch (e: any) {
        detail = e?.message ?? String(e)
      }
      if (status < 200 || status >= 300) {
        errors++
        if (errorSamples.length < 3) errorSamples.push(`${req.method} ${req.path} → ${status || 'no answer'} ${detail}`)
      }
    }
  })
  await Promise.all(loops)
  const isSlow = latencies.length < plan.concurrency && warm.length > 0
  const all = (isSlow ? [...warm, ...latencies] : latencies).sort((a, b) => a - b)
  const seconds = Math.max(1e-3, (isSlow ? lastEnd - begin : measuredEnd - measureFrom) / 1000)
  return { requests: all.length, errors, errorSamples, p50: percentile(all, 50), p95: percentile(all, 95), rps: all.length / seconds, seconds }
}

/** Times `fn` directly: one warm-up call, then until `budgetMs` is spent or `maxRuns` done (at least 3). */
export async function timeDirect(fn: () => Promise<unknown>, budgetMs: number, maxRuns: number): Promise<number> {
  await fn()
  const times: number[] = []
  const start = performance.now()
  while (times.length < 3 || (times.length < maxRuns && performance.now() - start < budgetMs)) {
    const t0 = performance.now()
    await fn()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  return percentile(times, 50)
}
