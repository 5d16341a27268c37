// A year of audit history leading up to the generation day, hash-chained exactly as recordAudit
// chains it (same hashEntry), computed here in bulk instead of one locked INSERT at a time.
import { GENESIS_HASH, hashEntry, toJsonValue } from '../../../features/audit/audit.hash.ts'
import type { Loader, TableWriter } from './bulk.ts'
import { officeTime, shiftDays } from './dates.ts'
import type { Progress } from './progress.ts'
import type { ScaleOptions } from './options.ts'

export const auditWriter = (loader: Loader): TableWriter =>
  loader.table('audit_log', [
    ['id', 'bigint'], ['at', 'timestamptz'], ['actor_id', 'int'], ['actor_username', 'text'], ['ip', 'text'], ['action', 'text'], ['entity', 'text'],
    ['entity_id', 'text'], ['unit_id', 'int'], ['before', 'jsonb'], ['after', 'jsonb'], ['prev_hash', 'text'], ['hash', 'text'],
  ])

export interface AuditActor {
  id: number
  username: string
  unitId: number
}

interface Draft {
  action: string
  entity: string
  entityId: string | null
  before: unknown
  after: unknown
}

const STATUSES = ['notStarted', 'inProgress', 'done', 'blocked']

/** One plausible entry for `actor`: mostly sign-ins and progress updates. */
function draft(r: () => number, actor: AuditActor, ranges: { directives: number; actions: number; firstDirective: number; firstAction: number }, at: Date): Draft {
  const x = r()
  const directive = ranges.firstDirective + 1 + Math.floor(r() * ranges.directives)
  const action = ranges.actions ? ranges.firstAction + 1 + Math.floor(r() * ranges.actions) : null
  if (x < 0.4 || action === null) return { action: 'login', entity: 'session', entityId: String(actor.id), before: null, after: null }
  if (x < 0.55) return { action: 'acknowledge', entity: 'directive', entityId: String(directive), before: null, after: { unitId: actor.unitId, acknowledgedAt: at.toISOString() } }
  if (x < 0.85) {
    const from = STATUSES[Math.floor(r() * 2)]
    const to = STATUSES[1 + Math.floor(r() * 2)]
    return { action: 'update', entity: 'planAction', entityId: String(action), before: { status: from, note: '' }, after: { status: to, note: 'Đã triển khai theo kế hoạch' } }
  }
  if (x < 0.95) return { action: 'create', entity: 'planAction', entityId: String(action), before: null, after: { requirementId: directive, status: 'notStarted' } }
  return { action: 'logout', entity: 'session', entityId: String(actor.id), before: null, after: null }
}

/**
 * `count` entries over the 365 days before `asOf`, in time order, then one entry recording the
 * generation itself. Continues the chain after `lastHash` / `lastId` when the log is not empty.
 */
export async function generateAudit(
  o: ScaleOptions, actors: AuditActor[], ranges: { directives: number; actions: number; firstDirective: number; firstAction: number },
  start: { lastId: number; lastHash: string | null }, w: TableWriter, loader: Loader, r: () => number, progress: Progress, summary: unknown,
) {
  const end = officeTime(o.asOf)
  const from = shiftDays(end, -365).getTime()
  const span = end.getTime() - from
  const times = Array.from({ length: o.auditEntries }, () => from + Math.floor(r() * span)).sort((a, b) => a - b)
  let prev = start.lastHash ?? GENESIS_HASH
  let id = start.lastId
  progress.stage('audit log', times.length + 1)
  const append = (at: Date, actor: { id: number | null; username: string; unitId: number | null }, ip: string | null, d: Draft) => {
    const entry = {
      id: ++id, at, actorId: actor.id, actorUsername: actor.username, ip, action: d.action, entity: d.entity, entityId: d.entityId,
      unitId: actor.unitId, before: toJsonValue(d.before), after: toJsonValue(d.after),
    }
    const hash = hashEntry(prev, entry)
    w.push(entry.id, at.toISOString(), entry.actorId, entry.actorUsername, ip, entry.action, entry.entity, entry.entityId, entry.unitId,
      entry.before === null ? null : JSON.stringify(entry.before), entry.after === null ? null : JSON.stringify(entry.after), prev, hash)
    prev = hash
    progress.tick()
  }
  for (const [i, t] of times.entries()) {
    const actor = actors[Math.floor(r() * actors.length)]
    const at = new Date(t)
    append(at, actor, `10.${(actor.unitId >> 8) & 255}.${actor.unitId & 255}.${1 + Math.floor(r() * 250)}`, draft(r, actor, ranges, at))
    if ((i & 4095) === 4095) await loader.backpressure()
  }
  append(end, { id: null, username: 'system', unitId: null }, null, { action: 'generateScaleData', entity: 'system', entityId: null, before: null, after: summary })
  progress.done()
}
