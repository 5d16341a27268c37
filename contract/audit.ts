import { z } from 'zod'
import { listOf } from './common.ts'
import type { Role } from './roles.ts'

/** Who reads the audit log, within their scope. */
export const AUDIT_READ_ROLES: readonly Role[] = ['auditor', 'board']

export const auditListQuery = z.strictObject({
  actorId: z.coerce.number().int().positive().optional(),
  actorUsername: z.string().trim().max(100).optional(),
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
})
export type AuditEntryDto = z.infer<typeof auditEntryDto>
export const auditListDto = listOf(auditEntryDto)
