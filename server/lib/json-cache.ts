/**
 * Answers kept as the JSON sent (UTF-8 bytes: half the memory of a JS string of Vietnamese text),
 * each filed under the version of the data it was computed from (an epoch the database moves in
 * every writing transaction), within `maxBytes`, least recently used out first. Requests for an
 * answer being computed wait for that computation instead of starting their own: eight clients
 * asking at once for a cold 5,000-unit list were eight copies of it in memory.
 *
 * Read the version before computing, so an entry is never older than the version it is filed under.
 */
export function jsonCache(maxBytes: number) {
  const entries = new Map<string, { version: number; body: Buffer }>()
  const computing = new Map<string, Promise<Buffer>>()
  let bytes = 0

  const remember = (key: string, version: number, body: Buffer) => {
    const old = entries.get(key)
    if (old) {
      bytes -= old.body.length
      entries.delete(key)
    }
    // An answer larger than a quarter of the budget would push out every other one.
    if (body.length > maxBytes / 4) return
    entries.set(key, { version, body })
    bytes += body.length
    for (const [k, e] of entries) {
      if (bytes <= maxBytes) break
      entries.delete(k)
      bytes -= e.body.length
    }
  }

  return {
    /** The JSON of `key` at `version`: kept, being computed for another request, or computed now. */
    async bytes(key: string, version: number, compute: () => Promise<unknown>): Promise<Buffer> {
      const hit = entries.get(key)
      if (hit && hit.version === version) {
        // Most recently used last: eviction takes the oldest first.
        entries.delete(key)
        entries.set(key, hit)
        return hit.body
      }
      const flight = `${version}\u0000${key}`
      const running = computing.get(flight)
      if (running) return running
      const done = (async () => Buffer.from(JSON.stringify(await compute())))()
      computing.set(flight, done)
      try {
        const body = await done
        remember(key, version, body)
        return body
      } finally {
        computing.delete(flight)
      }
    },
    get size() {
      return { entries: entries.size, bytes, computing: computing.size }
    },
  }
}
