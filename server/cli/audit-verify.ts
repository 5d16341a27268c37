// npm run audit:verify — recomputes the audit log's hash chain; exit 1 names the first bad entry.
import { verifyAuditChain } from '../features/audit/audit.verify.ts'
import { openCliDatabase } from './open-db.ts'

const { db, release } = await openCliDatabase()
const started = Date.now()
const result = await verifyAuditChain(db)
await db.close()
release()
if (result.ok) {
  console.log(`Audit log OK: ${result.count} entries verified in ${Date.now() - started} ms.`)
} else {
  console.error(`Audit log FAILED at entry ${result.firstBadId} (${result.count} entries before it are intact).\n${result.message}`)
  process.exit(1)
}
