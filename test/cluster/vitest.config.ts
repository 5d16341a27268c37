import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Several BVCT processes on one PostgreSQL (TEST_DATABASE_URL), and reads from a real streaming
// replica (TEST_DATABASE_READ_URL, made by scripts/replica.sh). Real server processes on loopback:
// one file at a time.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/cluster/**/*.cluster.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
})
