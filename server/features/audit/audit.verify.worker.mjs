// A worker thread of audit:verify (audit.verify.ts): recomputes the hash of each entry it is sent,
// from the entry's own stored prev_hash, and answers the ids whose stored hash differs. Plain
// JavaScript so it starts the same under tsx, vitest and plain node; it loads audit.hash.ts (the one
// definition of the hash) through tsx's loader.
import { parentPort } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
const { hashEntry } = await import('./audit.hash.ts')

parentPort.on('message', ({ seq, rows }) => {
  const bad = []
  for (const r of rows) {
    const expected = hashEntry(r.prev_hash, {
      id: r.id, at: r.at, actorId: r.actor_id, actorUsername: r.actor_username, ip: r.ip, action: r.action,
      entity: r.entity, entityId: r.entity_id, unitId: r.unit_id,
      before: r.before === null ? null : JSON.parse(r.before), after: r.after === null ? null : JSON.parse(r.after),
      sessionNo: r.session_no === null ? null : Number(r.session_no),
    })
    if (expected !== r.hash) bad.push(r.id)
  }
  parentPort.postMessage({ seq, bad })
})
parentPort.postMessage({ ready: true })
