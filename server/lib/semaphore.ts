/**
 * At most `limit` tasks at once; later ones wait their turn, first come first served, and none
 * fails for having waited. A task that throws frees its place like one that succeeds.
 */
export function semaphore(limit: number) {
  if (!(Number.isInteger(limit) && limit >= 1)) throw new Error(`semaphore limit must be a positive integer, got ${limit}`)
  let active = 0
  const waiting: (() => void)[] = []
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      // A freed place is handed straight to the first waiter (active stays counted), so a newcomer
      // arriving between the release and the waiter's wake-up cannot overtake it.
      if (active < limit) active++
      else await new Promise<void>((resolve) => waiting.push(resolve))
      try {
        return await task()
      } finally {
        const next = waiting.shift()
        if (next) next()
        else active--
      }
    },
    /** Tasks running and tasks waiting, now. */
    get state() {
      return { active, waiting: waiting.length }
    },
  }
}

/**
 * The documents (.docx, .xlsx) this process builds at once. A 5,000-unit consolidated report is
 * tens of MB of objects while it is built; eight at once took the server from 168 to 475 MB
 * resident. The others wait (the browser shows its download pending), they do not fail.
 */
export const documentBuilds = semaphore(2)
