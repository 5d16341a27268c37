import { z } from 'zod'

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

export interface AuditEntryDto {
  id: number
  at: string
  actorId: number | null
  actorUsername: string | null
  ip: string | null
  action: string
  entity: string
  entityId: string | null
  unitId: number | null
  before: unknown
  after: unknown
}
