// A real full disk and a real read-only folder (a small tmpfs, mounted by root): the embedded server
// answers 507 to a write it cannot store and keeps answering its health check, exits on SIGTERM,
// and refuses to start on a full or read-only disk with one sentence instead of hanging.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { post, runServerToExit, signIn, startServer, stopServer } from '../server-process.ts'

const PASSWORD = 'Disk-test-password-1'
const dir = mkdtempSync(join(tmpdir(), 'bvct-disk-'))
const mnt = join(dir, 'mnt')
const port = 5500 + Math.floor(Math.random() * 90)
const base = `http://127.0.0.1:${port}`
const env = {
  ...process.env, PORT: String(port), LOG_LEVEL: 'error', DATABASE_URL: '', BVCT_DEMO: '', BVCT_DEMO_PASSWORD: PASSWORD,
  BVCT_DATA_DIR: join(mnt, 'data'), BVCT_BACKUP_DIR: join(mnt, 'backups'), BVCT_AUDIT_ANCHOR_DIR: join(dir, 'anchors'), BVCT_MASTER_KEY_FILE: join(dir, 'keys', 'master.key'),
}

/** Writes zeros until the disk refuses: what a full disk looks like to everything else on it. */
function fill(path: string) {
  const chunk = Buffer.alloc(1024 * 1024)
  for (let i = 0; ; i++) {
    try {
      writeFileSync(join(path, `filler-${i}`), chunk)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOSPC') return
      throw e
    }
  }
}

beforeAll(() => {
  if (process.getuid?.() !== 0) throw new Error('The resilience suite runs as root (CI does): it mounts a small tmpfs to fill')
  mkdirSync(mnt)
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=320m', 'tmpfs', mnt])
})
afterAll(() => {
  try {
    execFileSync('umount', ['-l', mnt])
  } catch {
    // not mounted
  }
  rmSync(dir, { recursive: true, force: true })
})

describe('a disk that fills up', () => {
  it('answers 507 to writes, keeps its health check, exits on SIGTERM, and then refuses to start with one sentence', async () => {
    const server = await startServer(env)
    const admin = await signIn(base, 'admin', PASSWORD)
    mkdirSync(join(mnt, 'filler'))
    fill(join(mnt, 'filler'))
    // Fill what the first refusals freed up again, then write: the database cannot store it.
    const codes: number[] = []
    for (let i = 0; i < 40; i++) {
      const res = await post(base, admin, '/api/v1/units', { parentId: 1, name: `Đơn vị đĩa đầy ${i} ${'x'.repeat(500)}`.slice(0, 200), code: `DF-${i}`, kind: 'institute' }, AbortSignal.timeout(30_000))
      codes.push(res.status)
      if (res.status === 507) {
        expect((await res.json()).error.code).toBe('STORAGE_FULL')
        break
      }
      fill(join(mnt, 'filler'))
    }
    expect(codes).toContain(507)
    expect(codes.filter((c) => c >= 500 && c !== 507)).toEqual([])
    const health = await fetch(`${base}/api/v1/health`, { signal: AbortSignal.timeout(10_000) })
    expect(health.status).toBeLessThan(600)
    expect(await health.json()).toMatchObject({ storage: 'low' })
    const stoppedAt = Date.now()
    await stopServer(server.proc, 'SIGTERM')
    expect(Date.now() - stoppedAt).toBeLessThan(20_000)

    const refused = await runServerToExit(env)
    expect(refused.code).toBe(1)
    expect(refused.output.trim().split('\n')).toHaveLength(1)
    expect(refused.output).toMatch(/Cannot start: only \d+ MB free on the disk holding/)
  })

  it('a read-only data folder is refused at start with one sentence', async () => {
    rmSync(join(mnt, 'filler'), { recursive: true, force: true })
    execFileSync('mount', ['-o', 'remount,ro', mnt])
    try {
      const refused = await runServerToExit(env)
      expect(refused.code).toBe(1)
      expect(refused.output.trim().split('\n')).toHaveLength(1)
      expect(refused.output).toMatch(/^Cannot start/)
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', mnt])
    }
  })
})
