import { describe, expect, it } from 'vitest'
import { semaphore } from './semaphore.ts'

const deferred = () => {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('semaphore', () => {
  it('runs at most `limit` tasks at once; the third waits and still succeeds, in arrival order', async () => {
    const s = semaphore(2)
    const gates = [deferred(), deferred(), deferred()]
    const started: number[] = []
    const results = gates.map((g, i) => s.run(async () => {
      started.push(i)
      await g.promise
      return i * 10
    }))
    await new Promise((r) => setTimeout(r, 10))
    expect(started).toEqual([0, 1])
    expect(s.state).toEqual({ active: 2, waiting: 1 })
    gates[1].resolve()
    await results[1]
    await new Promise((r) => setTimeout(r, 0))
    expect(started).toEqual([0, 1, 2])
    expect(s.state).toEqual({ active: 2, waiting: 0 })
    gates[0].resolve()
    gates[2].resolve()
    expect(await Promise.all(results)).toEqual([0, 10, 20])
    expect(s.state).toEqual({ active: 0, waiting: 0 })
  })

  it('frees the place of a task that throws', async () => {
    const s = semaphore(1)
    await expect(s.run(async () => { throw new Error('boom') })).rejects.toThrow('boom')
    expect(await s.run(async () => 'next')).toBe('next')
    expect(s.state).toEqual({ active: 0, waiting: 0 })
  })

  it('refuses a limit below one', () => {
    expect(() => semaphore(0)).toThrow(/positive integer/)
  })
})
