// Telling a unit: in-app to its heads and officers inside the writing transaction, and by e-mail
// once the transaction has committed (a rolled-back change sends nothing). E-mail is a courtesy:
// the in-app notice is the record, so a mail server that fails does not fail the change.
import type { Queryable } from '../../db/types.ts'
import type { Mailer } from '../../mail/mailer.ts'
import { notify } from '../notifications/notifications.service.ts'
import { unitOfficers } from '../notifications/recipients.ts'

export interface PendingMail {
  to: string
  subject: string
  text: string
}

export interface UnitNotice {
  kind: string
  title: string
  body: string
  link: string
  /** Unique per event: the same event never notifies an account twice. */
  dedupeKey: string
}

type UnitPerson = Awaited<ReturnType<typeof unitOfficers>>[number]

/** Notifies the units' heads and officers in-app; returns the e-mails to send after commit. */
export async function notifyUnits(tx: Queryable, unitIds: number[], n: UnitNotice, now: Date): Promise<PendingMail[]> {
  const people = await unitOfficers(tx, unitIds)
  await notify(tx, people.map((p) => ({ accountId: p.account_id, kind: n.kind, title: n.title, body: n.body, link: n.link, dedupeKey: n.dedupeKey })), now)
  return mailsOf(people, n)
}

/** Each unit's heads and officers (as notifyUnits tells them), looked up for many units at once. */
export async function officersByUnit(tx: Queryable, unitIds: number[]): Promise<Map<number, UnitPerson[]>> {
  const byUnit = new Map<number, UnitPerson[]>(unitIds.map((id) => [id, []]))
  for (const p of await unitOfficers(tx, [...new Set(unitIds)])) byUnit.get(p.unit_id)!.push(p)
  return byUnit
}

/**
 * Many notices, each to its own unit's heads and officers (`people`, from officersByUnit), in one
 * statement; returns the e-mails to send after commit, as notifyUnits would for each.
 */
export async function notifyEachUnit(tx: Queryable, notices: (UnitNotice & { unitId: number })[], people: Map<number, UnitPerson[]>, now: Date): Promise<PendingMail[]> {
  const to = (n: { unitId: number }) => people.get(n.unitId) ?? []
  await notify(tx, notices.flatMap((n) => to(n).map((p) => ({ accountId: p.account_id, kind: n.kind, title: n.title, body: n.body, link: n.link, dedupeKey: n.dedupeKey }))), now)
  return notices.flatMap((n) => mailsOf(to(n), n))
}

/** One e-mail per address, however many of the people listed carry it. */
function mailsOf(people: UnitPerson[], n: UnitNotice): PendingMail[] {
  const seen = new Set<string>()
  return people.filter((p) => p.email && !seen.has(p.email) && seen.add(p.email)).map((p) => ({ to: p.email!, subject: n.title, text: `${n.body}\n\nĐăng nhập BVCT để xem chi tiết.\n` }))
}

/** Notifies accounts (a team) in-app. */
export async function notifyAccounts(tx: Queryable, accountIds: number[], n: UnitNotice, now: Date) {
  await notify(tx, [...new Set(accountIds)].map((accountId) => ({ accountId, kind: n.kind, title: n.title, body: n.body, link: n.link, dedupeKey: n.dedupeKey })), now)
}

/** Sends after commit; a failure is swallowed (see the top of this file) and counted. */
export async function sendMails(mailer: Mailer, mails: PendingMail[]): Promise<number> {
  let sent = 0
  for (const m of mails) {
    try {
      await mailer.send(m)
      sent++
    } catch {
      // The in-app notice stands; the reminder job will write again.
    }
  }
  return sent
}
