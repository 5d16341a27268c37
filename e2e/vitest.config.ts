import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Browser stories against the real server and a real Chromium. Slow by nature (the server
// creates its embedded database on start), hence the generous timeouts; one file at a time so
// two servers never compete for the machine.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: 'forks',
    fileParallelism: false,
  },
})
