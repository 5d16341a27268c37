import { z } from 'zod'
import { listOf } from './common.ts'
import type { Role } from './roles.ts'

/** Who reads the audit log, within their scope. */
export const AUDIT_READ_ROLES: readonly Role[] = ['auditor', 'board']

export const auditListQuery = z.strictObject({
  actorId: z.coerce.number().int().positive().optional(),
  actorUsername: z.string().trim().max(100).optional(),
  /** Every entry made in one session, by its number. */
  sessionNo: z.coerce.number().int().positive().optional(),
  entity: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(60).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  beforeId: z.coerce.number().int().positive().optional(),
})

export const auditEntryDto = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorUsername: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  unitId: z.number().int().nullable(),
  /** The record before and after the change, as the feature recorded it. */
  before: z.unknown(),
  after: z.unknown(),
  /** The session the entry was made in, by its readable number; null for jobs, the system and older entries. */
  sessionNo: z.number().int().nullable().optional(),
  /** The actor's full name (their person record), when the account has one. */
  actorName: z.string().nullable().optional(),
  /**
   * Display names of the people, units and accounts this entry points at, keyed `person:12`,
   * `unit:3`, `account:7` (ids read from fields named *PersonId, *UnitId, *AccountId, parentId, and
   * from the entry's own record id). Empty for confidential case entries.
   */
  names: z.record(z.string(), z.string()).optional(),
})
export type AuditEntryDto = z.infer<typeof auditEntryDto>
export const auditListDto = listOf(auditEntryDto)

export type AuditRefKind = 'person' | 'unit' | 'account'

/**
 * Which kind of record a snapshot field points at, by its name: `ownerPersonId` → person,
 * `unitId`/`ownerUnitId` → unit, `accountId` → account (`parentId` only in a unit's own snapshot).
 * The server resolves these ids to names and the page looks them up the same way.
 */
export function auditRefKind(entity: string, field: string): AuditRefKind | undefined {
  if (/(^p|P)ersonId$/.test(field)) return 'person'
  if (/(^u|U)nitId$/.test(field) || (entity === 'unit' && field === 'parentId')) return 'unit'
  if (/(^a|A)ccountId$/.test(field)) return 'account'
  return undefined
}

/** The kind of record an entry's own id names (a session entry carries the signed-in account's id). */
export function auditEntityRefKind(entity: string): AuditRefKind | undefined {
  if (entity === 'person') return 'person'
  if (entity === 'unit') return 'unit'
  if (entity === 'account' || entity === 'session') return 'account'
  return undefined
}

/** Entries that must reveal nothing beyond what the log stores (never a case subject's name). */
export const AUDIT_UNRESOLVED_ENTITIES: readonly string[] = ['case']
