// A throwaway database on the test PostgreSQL for one cluster test file, and the URLs to reach it.
import { randomBytes } from 'node:crypto'
import { connectPostgresAdmin, openPostgres } from '../../server/db/client.ts'
import type { Db } from '../../server/db/types.ts'

export function requireEnv(name: string, how: string): string {
  const v = process.env[name]
  if (!v) throw new Error(`npm run test:cluster needs ${name} (${how})`)
  return v
}

const withDb = (url: string, name: string) => {
  const u = new URL(url)
  u.pathname = '/' + name
  return u.toString()
}

/** Creates `bvct_cluster_<random>` on the server of `baseUrl`; `drop` removes it (after the servers stopped). */
export async function throwawayDatabase(baseUrl: string) {
  const name = `bvct_cluster_${randomBytes(4).toString('hex')}`
  const admin = await connectPostgresAdmin(baseUrl)
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = withDb(baseUrl, name)
  const db: Db = openPostgres(url, 2)
  return {
    name,
    url,
    db,
    urlOn: (otherBase: string) => withDb(otherBase, name),
    async drop() {
      await db.close().catch(() => {})
      const a = await connectPostgresAdmin(baseUrl)
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {})
      await a.end()
    },
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Polls `check` until it returns a truthy value or `ms` pass. */
export async function waitFor<T>(check: () => Promise<T>, ms: number, what: string): Promise<NonNullable<T>> {
  const until = Date.now() + ms
  for (;;) {
    const v = await check().catch(() => undefined)
    if (v) return v as NonNullable<T>
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await sleep(200)
  }
}
