import { inject } from 'vitest'
import { connectPostgresAdmin, openPgliteInProcess, openPostgres } from '../server/db/client.ts'
import type { Db } from '../server/db/types.ts'
import { testDbPrefix, withDatabase } from './global-setup.ts'

let counter = 0

/**
 * A fresh, migrated database for one test file: PostgreSQL (cloned from the run's template) when
 * TEST_DATABASE_URL is set, otherwise an in-memory PGlite cloned from the migrated snapshot.
 */
export async function createTestDb(): Promise<Db> {
  const url = process.env.TEST_DATABASE_URL
  const template = inject('pgTemplate')
  if (url && template) {
    const name = `${testDbPrefix(template)}_${process.pid}_${counter++}`
    const admin = await connectPostgresAdmin(url)
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`)
    await admin.end()
    const db = openPostgres(withDatabase(url, name), 5)
    const close = db.close
    return {
      ...db,
      async close() {
        await close()
        const a = await connectPostgresAdmin(url)
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {})
        await a.end()
      },
    }
  }
  const blob = new Blob([Buffer.from(inject('pgliteTemplate'), 'base64')])
  return openPgliteInProcess(undefined, blob)
}
