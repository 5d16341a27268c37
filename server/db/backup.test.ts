import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { backupPglite, listBackups } from './backup.ts'
import { openPgliteInProcess } from './client.ts'

describe('embedded backups', () => {
  it('write a tarball that PGlite loads back with the same data, keeping the newest ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bvct-backup-'))
    const db = await openPgliteInProcess(join(dir, 'pgdata'))
    try {
      await db.query(`CREATE TABLE t (x int, note text)`)
      await db.query(`INSERT INTO t SELECT g, 'Bảo vệ ' || g FROM generate_series(1, 1000) g`)
      await backupPglite(db, join(dir, 'backups'), 2, new Date('2026-03-01T08:00:00Z'))
      await db.query(`DELETE FROM t WHERE x > 10`)
      await backupPglite(db, join(dir, 'backups'), 2, new Date('2026-03-01T09:00:00Z'))
      await backupPglite(db, join(dir, 'backups'), 2, new Date('2026-03-02T08:00:00Z'))
      expect(listBackups(join(dir, 'backups')).map((f) => f.split('/').pop())).toEqual(['bvct-20260301-090000.tar.gz', 'bvct-20260302-080000.tar.gz'])
      expect(readdirSync(dir).sort()).toEqual(['backups', 'pgdata'])

      // What `npm run restore` does with a backup file.
      const restored = await openPgliteInProcess(join(dir, 'restored'), new Blob([readFileSync(listBackups(join(dir, 'backups'))[0])], { type: 'application/x-gzip' }))
      try {
        expect(await restored.query(`SELECT count(*)::int AS n, max(note) AS last FROM t`)).toEqual([{ n: 10, last: 'Bảo vệ 9' }])
      } finally {
        await restored.close()
      }
    } finally {
      await db.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
