import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Faults only a real process on a real machine shows: kill -9 under writes, PostgreSQL restarted
// under load, a full disk, a read-only folder. Some need root (a tmpfs mount, a private PostgreSQL
// cluster run as the postgres user): CI runs them as root. One file at a time: they time things.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/resilience/**/*.resilience.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
})
