// npm run audit:verify [-- --anchors DIR | --anchor FILE] [--workers N] — recomputes the audit log's hash chain
// and checks it still holds every signed head in the anchor folder (BVCT_AUDIT_ANCHOR_DIR) or in a
// backup's own `.anchor.json`. Exit 1 names the first bad entry. Entries are hashed in worker threads
// (one per core but the main thread's, up to 4) while the next batch is read; --workers 0 hashes
// on the main thread.
import { dirname, basename } from 'node:path'
import { readFileSync } from 'node:fs'
import { readAnchors, ANCHOR_FILE, type Anchor } from '../features/audit/audit.anchor.ts'
import { verifyAuditChain } from '../features/audit/audit.verify.ts'
import { MissingKeyError, openKeyring, type Keyring } from '../lib/keyring.ts'
import { openCliDatabase } from './open-db.ts'

const arg = (name: string) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : undefined
}

const { db, release, config } = await openCliDatabase()
const file = arg('--anchor')
const dir = arg('--anchors') ?? config.auditAnchorDir
const where = file ?? `${dir}/${ANCHOR_FILE}`
const { anchors, unreadable } = file
  ? (() => {
      // A backup's anchor file has the same lines as the folder's.
      if (basename(file) === ANCHOR_FILE) return readAnchors(dirname(file))
      const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim())
      return { anchors: lines.map((l) => JSON.parse(l) as Anchor), unreadable: 0 }
    })()
  : readAnchors(dir)

let keys: Keyring | undefined
if (anchors.length) {
  try {
    keys = openKeyring(config, { createIfMissing: false })
  } catch (e) {
    if (!(e instanceof MissingKeyError)) throw e
    console.error(`Cannot check the ${anchors.length} anchors in ${where}: ${e.message}`)
    await db.close()
    release()
    process.exit(1)
  }
}

const started = Date.now()
const workers = arg('--workers')
const result = await verifyAuditChain(db, { anchors, keys, workers: workers === undefined ? undefined : Number(workers) })
await db.close()
release()
if (!result.ok) {
  console.error(`Audit log FAILED at entry ${result.firstBadId} (${result.count} entries before it are intact).\n${result.message}`)
  process.exit(1)
}
const lines = [`Audit log OK: ${result.count} entries verified in ${Date.now() - started} ms (last entry ${result.lastId}).`]
if (result.anchorsChecked) {
  const latest = anchors.filter((a) => a.lastId <= result.lastId).at(-1)
  lines.push(`It holds all ${result.anchorsChecked} signed heads in ${where}${latest ? `, the latest signed at ${latest.at} (entry ${latest.lastId})` : ''}.`)
} else {
  lines.push(`No signed heads in ${where}: only the chain's own consistency was checked; a log cut short or rewritten would not show. Point --anchors at the anchor folder (BVCT_AUDIT_ANCHOR_DIR).`)
}
if (result.anchorsSkipped) lines.push(`${result.anchorsSkipped} heads were signed under a master key this keyring no longer holds and were not checked.`)
if (unreadable) lines.push(`${unreadable} lines of ${where} are not anchors and were ignored.`)
if (result.legacyGaps.length) {
  lines.push(`Ids missing from before entries were numbered consecutively (writes rolled back then, not removals): ${result.legacyGaps.map(([a, b]) => (a === b ? a : `${a}–${b}`)).join(', ')}.`)
}
console.log(lines.join('\n'))
