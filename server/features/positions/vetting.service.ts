// Vetting currency: each holder's standing, read only through the narrow call the standards reviews
// offer (standardsStanding: outcome class and validity), and the alert a holder without a current
// conclusion raises to the unit's head and the board, cleared when a review concludes, the holder
// leaves, or the position no longer needs one. Run for one holding when a holder changes, and for
// every holding by the hourly job (a review approved in the cases feature is picked up there).
import { ALERT_STATUSES, classifyVetting, type AlertStatus, type Standing } from '../../../contract/positions.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { Actor } from '../../http/current-user.ts'
import type { Keyring } from '../../lib/keyring.ts'
import { chunksOf } from '../../lib/chunks.ts'
import type { Mail, Mailer } from '../../mail/mailer.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { standardsStanding } from '../cases/standards.service.ts'
import { notify, type NewNotification } from '../notifications/notifications.service.ts'
import {
  alertCandidates, clearAlert, headsAndBoard, holdingsToCheck, insertAlert, saveStandings, setAlertStatus, type AlertCandidate, type Recipient,
} from './positions.queries.ts'
import { ensureReadinessDay, type ReadinessThresholds } from './readiness.service.ts'

const fmt = (iso: string) => iso.split('-').reverse().join('/')
const SYSTEM = (now: Date): Actor => ({ id: null, username: 'system', ip: null, now })
/** People asked about in one call of the narrow standards call. */
const STANDING_BATCH = 500
/**
 * Holdings the hourly job reads at once (and evaluates in one transaction). At 50,000 units (410,000
 * holdings) the job took 4.4 s and +276 MB reading them all; a page of 5,000 6.7 s, of 10,000
 * 6.2 s, of 20,000 5.3 s, each +86–100 MB (what stays is the heap V8 has not yet given back).
 */
export const VETTING_PAGE = 10_000

const sameStanding = (a: Standing | null, b: Standing | null) => (a?.outcome ?? null) === (b?.outcome ?? null) && (a?.validUntil ?? null) === (b?.validUntil ?? null)

/**
 * Reads the holders' standings through the narrow call and stores those that changed. Returns how
 * many changed.
 */
export async function refreshStandings(tx: Queryable, keys: Keyring, holdings: { id: number; personId: number; standing: Standing | null }[], now: Date): Promise<number> {
  if (!holdings.length) return 0
  const got = await standardsStanding(tx, keys, [...new Set(holdings.map((h) => h.personId))])
  const changed = holdings
    .map((h) => ({ id: h.id, before: h.standing, standing: (got.get(h.personId) as Standing | undefined) ?? null }))
    .filter((h) => !sameStanding(h.before, h.standing))
  await saveStandings(tx, changed, now)
  return changed.length
}

export interface AlertOutcome {
  raised: number
  cleared: number
  /** E-mails to send once the transaction has committed. */
  mails: Mail[]
}

const CLEARED_BODY: Record<string, string> = {
  concluded: 'người giữ vị trí đã có kết luận tiêu chuẩn chính trị còn hiệu lực',
  left: 'người giữ vị trí đã thôi giữ vị trí',
  notRequired: 'vị trí không còn yêu cầu kết luận tiêu chuẩn chính trị',
  closed: 'vị trí đã được bãi bỏ',
}

/**
 * Raises, updates or clears the alert of each holding given, by the vetting rule on `today`.
 * Notifications and e-mails say which position and unit, never who holds it or which status: those
 * are behind sign-in and scope, in the register and the alert list.
 */
export async function evaluateAlerts(tx: Queryable, candidates: AlertCandidate[], ctx: { today: string; expiringDays: number; actor: Actor }): Promise<AlertOutcome> {
  const out: AlertOutcome = { raised: 0, cleared: 0, mails: [] }
  const recipientsOf = new Map<string, Promise<Recipient[]>>()
  const recipients = (unitPath: string) => {
    if (!recipientsOf.has(unitPath)) recipientsOf.set(unitPath, headsAndBoard(tx, unitPath))
    return recipientsOf.get(unitPath)!
  }
  const notes: NewNotification[] = []
  const audit = (c: AlertCandidate, action: string, after: object) =>
    recordAudit(tx, ctx.actor, { action, entity: 'keyPosition', entityId: c.positionId, unitId: c.unitId, after: { holdingId: c.holdingId, ...after } })

  for (const c of candidates) {
    let status: AlertStatus | null = null
    let clearReason: string | null = null
    if (c.closedOn) clearReason = 'closed'
    else if (c.toOn) clearReason = 'left'
    else {
      const v = classifyVetting(c.requiresConclusion, c.standing, ctx.today, ctx.expiringDays)
      if ((ALERT_STATUSES as readonly string[]).includes(v)) status = v as AlertStatus
      else clearReason = v === 'not_required' ? 'notRequired' : 'concluded'
      if (v === 'expiring') await noticeExpiring(tx, c, await recipients(c.unitPath), notes, ctx.actor.now)
    }
    if (status && !c.alertId) {
      const alertId = await insertAlert(tx, { positionId: c.positionId, holdingId: c.holdingId, unitId: c.unitId, status, now: ctx.actor.now })
      const title = `Vị trí trọng yếu chưa có kết luận tiêu chuẩn chính trị còn hiệu lực: ${c.positionTitle}`
      const body = `${c.positionTitle} (${c.unitName}): người giữ vị trí chưa có kết luận tiêu chuẩn chính trị còn hiệu lực. Đề nghị rà soát, thẩm định theo Quy định 58-QĐ/TW.`
      for (const r of await recipients(c.unitPath)) {
        notes.push({ accountId: r.accountId, kind: 'position.alert', title, body, link: `/positions/${c.positionId}`, dedupeKey: `position-alert:${alertId}` })
        if (r.email) out.mails.push({ to: r.email, subject: title, text: `${body}\n\nĐăng nhập BVCT để xem sổ vị trí trọng yếu của đơn vị.\n` })
      }
      await audit(c, 'raiseVettingAlert', { alertId, status })
      out.raised++
    } else if (status && c.alertStatus !== status) {
      await setAlertStatus(tx, c.alertId!, status)
      await audit(c, 'updateVettingAlert', { alertId: c.alertId, status })
    } else if (!status && c.alertId) {
      await clearAlert(tx, c.alertId, clearReason!, ctx.actor.now)
      const title = `Đã xử lý cảnh báo vị trí trọng yếu: ${c.positionTitle}`
      for (const r of await recipients(c.unitPath)) {
        notes.push({ accountId: r.accountId, kind: 'position.alertCleared', title, body: `${c.positionTitle} (${c.unitName}): ${CLEARED_BODY[clearReason!]}.`, link: `/positions/${c.positionId}`, dedupeKey: `position-alert-cleared:${c.alertId}` })
      }
      await audit(c, 'clearVettingAlert', { alertId: c.alertId, reason: clearReason })
      out.cleared++
    }
  }
  await notify(tx, notes, ctx.actor.now)
  return out
}

/** Once per holder and validity: the head and the board hear that a conclusion enters its last days. */
async function noticeExpiring(tx: Queryable, c: AlertCandidate, recipients: Recipient[], notes: NewNotification[], now: Date) {
  const key = `vetting-expiring:${c.holdingId}:${c.validUntil}`
  const claimed = await tx.query('INSERT INTO readiness_reminder (key, sent_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1', [key, now])
  if (!claimed.length) return
  const title = `Kết luận tiêu chuẩn chính trị sắp hết hiệu lực: ${c.positionTitle}`
  const body = `${c.positionTitle} (${c.unitName}): kết luận của người giữ vị trí hết hiệu lực ngày ${fmt(c.validUntil!)}. Đề nghị chuẩn bị thẩm định lại.`
  for (const r of recipients) notes.push({ accountId: r.accountId, kind: 'position.expiring', title, body, link: `/positions/${c.positionId}`, dedupeKey: key })
}

/** Sends e-mails after the transaction that decided them has committed; a failed one does not undo the in-app alert. */
export async function sendMails(mailer: Mailer, mails: Mail[]): Promise<number> {
  let sent = 0
  for (const m of mails) {
    try {
      await mailer.send(m)
      sent++
    } catch {
      // The notification in BVCT is the record; an e-mail is a courtesy copy.
    }
  }
  return sent
}

/** Re-reads the standing of the given holdings and re-evaluates their alerts (and those of `alsoEvaluate`), inside the caller's transaction. */
export async function reevaluateHoldings(tx: Queryable, keys: Keyring, holdingIds: number[], ctx: { today: string; expiringDays: number; actor: Actor }, alsoEvaluate: number[] = []) {
  await refreshStandings(tx, keys, await holdingsToCheck(tx, holdingIds), ctx.actor.now)
  return evaluateAlerts(tx, await alertCandidates(tx, [...new Set([...holdingIds, ...alsoEvaluate])]), ctx)
}

/**
 * The hourly job: moves the readiness figures to today, re-reads every holder's standing (a review
 * concluded since is picked up here), then raises and clears alerts, and sends their e-mails.
 */
export async function runVettingJob(deps: { db: Db; keys: Keyring; mailer: Mailer; thresholds: ReadinessThresholds }, day: string, now: Date, pageSize = VETTING_PAGE) {
  const { db, keys } = deps
  await ensureReadinessDay(db, day, deps.thresholds)
  const ctx = { today: day, expiringDays: deps.thresholds.expiringDays, actor: SYSTEM(now) }
  const totals = { checked: 0, changed: 0, raised: 0, cleared: 0, emails: 0 }
  // A page of holdings at a time, in id order, so that the job holds one page, not every holding;
  // each page's alerts are one transaction (not one for all: the audit chain's lock was held for
  // the whole evaluation), whose e-mails go once it has committed.
  for (let afterId = 0; ;) {
    const holdings = await holdingsToCheck(db, { afterId, limit: pageSize })
    if (!holdings.length) break
    for (const batch of chunksOf(holdings, STANDING_BATCH)) totals.changed += await db.transaction((tx) => refreshStandings(tx, keys, batch, now))
    totals.checked += holdings.length
    afterId = holdings.at(-1)!.id
  }
  for (let afterId = 0; ;) {
    const page = await db.transaction(async (tx) => {
      const candidates = await alertCandidates(tx, { afterId, limit: pageSize })
      return { last: candidates.at(-1)?.holdingId, outcome: await evaluateAlerts(tx, candidates, ctx) }
    })
    if (page.last === undefined) break
    totals.raised += page.outcome.raised
    totals.cleared += page.outcome.cleared
    totals.emails += await sendMails(deps.mailer, page.outcome.mails)
    afterId = page.last
  }
  return totals
}
