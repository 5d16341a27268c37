// A unit's register from a spreadsheet, all or nothing: every row is checked first (its values, its
// unit, its holder among the unit's people, no position twice), and any bad row refuses the whole
// file with every bad row named. A row names a position by unit, department and title: an open
// one is updated, any other created; a holder named differs from the current one is a new holder.
import type { PositionImportResultDto } from '../../../contract/positions.ts'
import { foldVietnamese } from '../../../contract/vietnamese.ts'
import type { CurrentUser, Actor } from '../../http/current-user.ts'
import { invalidRows, type RowError } from '../../http/errors.ts'
import { once, type Answer } from '../../http/idempotency.ts'
import { addDays, vnDay } from '../../lib/dates.ts'
import type { Mail } from '../../mail/mailer.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { unitInScope } from '../units/units.access.ts'
import { POSITION_WRITE_ROLES } from './positions.policy.ts'
import {
  endHolding, findOpenPositionByTitle, findPosition, insertHolding, insertPosition, peopleOf, touchPosition, unitsByCode, updatePositionRow, type PositionRow,
} from './positions.queries.ts'
import type { PositionDeps } from './positions.service.ts'
import { checkRegisterRows, type EntryError, type RegisterEntry, type RegisterRow } from './register.parse.ts'
import { reevaluateHoldings, sendMails } from './vetting.service.ts'

const nameKey = (s: string) => foldVietnamese(s.normalize('NFC')).replace(/\s+/g, ' ').trim()

interface Plan {
  entry: RegisterEntry
  unitId: number
  existing: PositionRow | null
  /** The new holder, when the row names one who is not the current holder. */
  holder: { personId: number; from: string } | null
}

type Person = { id: number; fullName: string; isActive: boolean; unitPath: string }

/** The one active person of the unit (or its sub-units) with this name, or why not. */
function findHolder(name: string, people: Person[], unitPath: string): { personId: number } | { reason: 'notFound' | 'ambiguous' | 'inactive' } {
  const k = nameKey(name)
  let set = people.filter((p) => nameKey(p.fullName) === k && (p.unitPath === unitPath || p.unitPath.startsWith(unitPath + '.')))
  if (set.length > 1 && set.some((p) => p.isActive)) set = set.filter((p) => p.isActive)
  if (!set.length) return { reason: 'notFound' }
  if (set.length > 1) return { reason: 'ambiguous' }
  if (!set[0].isActive) return { reason: 'inactive' }
  return { personId: set[0].id }
}

const HOLDER_MESSAGES = { notFound: 'rowNotFound', ambiguous: 'rowAmbiguousHolder', inactive: 'rowInactive' } as const

const same = (p: PositionRow, e: RegisterEntry) =>
  p.classification === e.classification && p.requiresConclusion === e.requiresConclusion && p.reviewCycleMonths === e.reviewCycleMonths && (!e.note || p.note === e.note)

export async function importRegister(
  deps: PositionDeps, user: CurrentUser, actor: Actor, unitId: number, rows: RegisterRow[], idempotencyKey?: string,
): Promise<Answer<PositionImportResultDto>> {
  const mails: Mail[] = []
  const answer = await deps.db.transaction((tx) =>
    once(tx, actor.id, idempotencyKey, 200, async () => {
      const unit = await unitInScope(tx, user, POSITION_WRITE_ROLES, unitId)
      const today = vnDay(actor.now)
      const { entries, errors } = checkRegisterRows(rows)
      const units = await unitsByCode(tx, unit.path)
      const people = await peopleOf(tx, unit.path)
      const firstRowOf = new Map<string, number>()
      const plans: Plan[] = []
      const fail = (e: EntryError) => errors.push(e)
      for (const entry of entries) {
        const target = entry.unitCode ? units.get(entry.unitCode.toLowerCase()) : { id: unit.id, path: unit.path, isActive: unit.isActive }
        if (!target || !target.isActive) {
          fail({ row: entry.row, value: entry.unitCode, reason: 'unknownUnit', message: { key: 'rowUnknownUnit', n: entry.unitCode } })
          continue
        }
        const k = `${target.id}|${entry.title.toLowerCase()}|${entry.department.toLowerCase()}`
        if (firstRowOf.has(k)) {
          fail({ row: entry.row, value: entry.title, reason: 'duplicate', message: { key: 'rowDuplicatePosition', n: firstRowOf.get(k) } })
          continue
        }
        firstRowOf.set(k, entry.row)
        const existingId = await findOpenPositionByTitle(tx, target.id, entry.title, entry.department)
        const existing = existingId ? await findPosition(tx, existingId, true) : null
        let holder: Plan['holder'] = null
        if (entry.holder) {
          const found = findHolder(entry.holder, people, target.path)
          if ('reason' in found) {
            fail({ row: entry.row, value: entry.holder, reason: found.reason, message: { key: HOLDER_MESSAGES[found.reason], n: entry.holder } })
            continue
          }
          if (existing?.holder?.personId !== found.personId) {
            const from = entry.from ?? today
            if (from > today || (existing?.holder && from <= existing.holder.since)) {
              fail({ row: entry.row, value: entry.from ?? from, reason: 'badValue', message: { key: 'rowBadValue', n: entry.from ?? from } })
              continue
            }
            holder = { personId: found.personId, from }
          }
        }
        plans.push({ entry, unitId: target.id, existing, holder })
      }
      if (errors.length) throw invalidRows(errors.sort((a, b) => a.row - b.row) as RowError[])

      const result = { rows: rows.length, created: 0, updated: 0, holdersChanged: 0 }
      const started: number[] = []
      const ended: number[] = []
      for (const { entry, unitId: target, existing, holder } of plans) {
        const fields = {
          title: entry.title, department: entry.department, classification: entry.classification, requiresConclusion: entry.requiresConclusion,
          reviewCycleMonths: entry.reviewCycleMonths, note: entry.note || existing?.note || '',
        }
        let id: number
        if (existing) {
          id = existing.id
          if (!same(existing, entry)) {
            await updatePositionRow(tx, id, { ...fields, closedOn: null, now: actor.now })
            await recordAudit(tx, actor, { action: 'update', entity: 'keyPosition', entityId: id, unitId: target, before: { classification: existing.classification, requiresConclusion: existing.requiresConclusion, reviewCycleMonths: existing.reviewCycleMonths, note: existing.note }, after: { ...fields, viaImport: true } })
            result.updated++
          }
        } else {
          id = await insertPosition(tx, { unitId: target, ...fields, createdBy: actor.id, now: actor.now })
          await recordAudit(tx, actor, { action: 'create', entity: 'keyPosition', entityId: id, unitId: target, after: { ...fields, viaImport: true } })
          result.created++
        }
        if (holder) {
          if (existing?.holdingId) {
            await endHolding(tx, existing.holdingId, addDays(holder.from, -1))
            ended.push(existing.holdingId)
          }
          started.push(await insertHolding(tx, { positionId: id, personId: holder.personId, from: holder.from, isActing: entry.isActing, createdBy: actor.id, now: actor.now }))
          await touchPosition(tx, id, actor.now)
          await recordAudit(tx, actor, { action: 'assignHolder', entity: 'keyPosition', entityId: id, unitId: target, after: { holder: { personId: holder.personId, since: holder.from, isActing: entry.isActing }, viaImport: true } })
          result.holdersChanged++
        }
      }
      await recordAudit(tx, actor, { action: 'importRegister', entity: 'unit', entityId: unit.id, unitId: unit.id, after: result })
      mails.push(...(await reevaluateHoldings(tx, deps.keys, started, { today, expiringDays: deps.expiringDays, actor }, ended)).mails)
      return result
    }),
  )
  await sendMails(deps.mailer, mails)
  return answer
}
