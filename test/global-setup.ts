import type { TestProject } from 'vitest/node'
import { connectPostgresAdmin, openPgliteInProcess, openPostgres } from '../server/db/client.ts'
import { migrate } from '../server/db/migrate.ts'

/**
 * Migrates once per run: a PGlite data-dir snapshot every test file clones (0.4 s instead of a
 * fresh initdb), and, with TEST_DATABASE_URL, a PostgreSQL template database.
 */
export default async function setup(project: TestProject) {
  const db = await openPgliteInProcess()
  await migrate(db)
  const bytes = await db.dumpDataDir!()
  await db.close()
  project.provide('pgliteTemplate', Buffer.from(bytes).toString('base64'))

  const url = process.env.TEST_DATABASE_URL
  if (!url) return
  const template = `bvct_tpl_${process.pid}_${Date.now()}`
  const admin = await connectPostgresAdmin(url)
  await admin.query(`CREATE DATABASE ${template}`)
  const tdb = openPostgres(withDatabase(url, template), 2)
  await migrate(tdb)
  await tdb.close()
  project.provide('pgTemplate', template)
  return async () => {
    // Only this run's databases: other runs (another terminal, CI) may be using theirs right now.
    const ours = `${testDbPrefix(template).replace(/_/g, '\\_')}\\_%`
    const rows = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $2 OR datname = $1`, [template, ours])
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`).catch(() => {})
    await admin.end()
  }
}

/** The prefix of the test databases cloned from `template`: names a run can find and drop as its own. */
export const testDbPrefix = (template: string) => template.replace(/^bvct_tpl_/, 'bvct_t_')

export function withDatabase(url: string, name: string) {
  const u = new URL(url)
  u.pathname = '/' + name
  return u.toString()
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string
    pgTemplate?: string
  }
}
