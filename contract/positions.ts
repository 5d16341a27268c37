// Key and confidential positions (vị trí trong bộ phận trọng yếu, cơ mật): each unit's register of
// positions, who holds them over time, and each holder's vetting currency as the confidential
// standards reviews give it (outcome class and validity only). The register records positions,
// never opinions: of a holder it keeps who, since when, acting or not, and the vetting status.
import { z } from 'zod'
import { id, isoDay, queryId, visibleText } from './common.ts'
import type { Role } from './roles.ts'

/** Who reads registers, holders, alerts and the readiness roll-up, each within scope. */
export const POSITION_READ_ROLES: readonly Role[] = ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'auditor']
/** Who keeps a unit's register: its officer and head, and the board. */
export const POSITION_WRITE_ROLES: readonly Role[] = ['unitOfficer', 'unitHead', 'board']
/** Who sees the readiness roll-up (positions and officers) of a unit's subtree. */
export const READINESS_ROLES: readonly Role[] = POSITION_READ_ROLES

/** The largest register file an import takes. */
export const MAX_REGISTER_BYTES = 10 * 1024 * 1024

/** Why a position is key: state secrets at a level (Mật, Tối mật, Tuyệt mật), or what it handles. */
export const POSITION_CLASSIFICATIONS = [
  'stateSecretConfidential', 'stateSecretSecret', 'stateSecretTopSecret', 'finance', 'personnel', 'procurement', 'itAdministration', 'other',
] as const
export type PositionClassification = (typeof POSITION_CLASSIFICATIONS)[number]

export const CLASSIFICATION_LABELS: Record<PositionClassification, { vi: string; en: string }> = {
  stateSecretConfidential: { vi: 'Bí mật nhà nước độ Mật', en: 'State secrets: Confidential (Mật)' },
  stateSecretSecret: { vi: 'Bí mật nhà nước độ Tối mật', en: 'State secrets: Secret (Tối mật)' },
  stateSecretTopSecret: { vi: 'Bí mật nhà nước độ Tuyệt mật', en: 'State secrets: Top secret (Tuyệt mật)' },
  finance: { vi: 'Tài chính, kế toán', en: 'Finance' },
  personnel: { vi: 'Tổ chức cán bộ', en: 'Personnel' },
  procurement: { vi: 'Mua sắm, đấu thầu', en: 'Procurement' },
  itAdministration: { vi: 'Quản trị hệ thống công nghệ thông tin', en: 'IT administration' },
  other: { vi: 'Khác', en: 'Other' },
}

/**
 * A holder's vetting currency: a current conclusion, one expiring within the configured days, an
 * expired one, a conclusion that they did not meet the standards, no conclusion, or a position that
 * does not require one. A vacant position that requires one reads `none` (its `holder` is null).
 */
export const VETTING_STATUSES = ['current', 'expiring', 'expired', 'not_met', 'none', 'not_required'] as const
export type VettingStatus = (typeof VETTING_STATUSES)[number]
/** The statuses that raise an alert to the unit's head and the board: no current conclusion. */
export const ALERT_STATUSES = ['none', 'expired', 'not_met'] as const satisfies readonly VettingStatus[]
export type AlertStatus = (typeof ALERT_STATUSES)[number]

export const VETTING_LABELS: Record<VettingStatus, { vi: string; en: string }> = {
  current: { vi: 'Có kết luận còn hiệu lực', en: 'Current conclusion' },
  expiring: { vi: 'Kết luận sắp hết hiệu lực', en: 'Conclusion expiring soon' },
  expired: { vi: 'Kết luận đã hết hiệu lực', en: 'Conclusion expired' },
  not_met: { vi: 'Không đủ tiêu chuẩn', en: 'Did not meet the standards' },
  none: { vi: 'Chưa có kết luận', en: 'No conclusion' },
  not_required: { vi: 'Không yêu cầu kết luận', en: 'Not required' },
}

/** A standing as the standards reviews give it: the latest approved conclusion's class and validity. */
export interface Standing {
  outcome: 'meets' | 'doesNotMeet' | 'meetsWithConditions'
  validUntil: string | null
}

/**
 * The vetting status of a position's holder on `asOf`. The same rule in SQL is vetting_status()
 * (migration 0011), pinned equal by server/features/positions/vetting.sql.test.ts.
 */
export function classifyVetting(requiresConclusion: boolean, standing: Standing | null, asOf: string, expiringDays: number): VettingStatus {
  if (!requiresConclusion) return 'not_required'
  if (!standing) return 'none'
  if (standing.outcome === 'doesNotMeet') return 'not_met'
  if (!standing.validUntil) return 'current'
  if (standing.validUntil < asOf) return 'expired'
  const lastCurrentDay = new Date(Date.parse(asOf + 'T00:00:00Z') + expiringDays * 86_400_000).toISOString().slice(0, 10)
  return standing.validUntil <= lastCurrentDay ? 'expiring' : 'current'
}

// ---- inputs

const positionFields = {
  title: visibleText(2, 300),
  /** The department (bộ phận) the position sits in. */
  department: z.string().transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim()).pipe(z.string().max(300)),
  classification: z.enum(POSITION_CLASSIFICATIONS),
  /** Whether its holder must have a current political-standards conclusion. */
  requiresConclusion: z.boolean(),
  /** How often the holder's standards are reviewed, in months (null: as each conclusion says). */
  reviewCycleMonths: z.number().int().min(1).max(120).nullable(),
  note: z.string().trim().max(4000),
}

export const createPositionInput = z.strictObject({
  unitId: id,
  title: positionFields.title,
  department: positionFields.department.default(''),
  classification: positionFields.classification,
  requiresConclusion: positionFields.requiresConclusion.default(true),
  reviewCycleMonths: positionFields.reviewCycleMonths.default(null),
  note: positionFields.note.default(''),
})
export type CreatePositionInput = z.infer<typeof createPositionInput>

/** Every field but `version` optional; `closedOn` abolishes the position (its holder's term ends that day). */
export const updatePositionInput = z.strictObject({
  version: z.number().int().positive(),
  title: positionFields.title.optional(),
  department: positionFields.department.optional(),
  classification: positionFields.classification.optional(),
  requiresConclusion: positionFields.requiresConclusion.optional(),
  reviewCycleMonths: positionFields.reviewCycleMonths.optional(),
  note: positionFields.note.optional(),
  closedOn: isoDay.optional(),
})
export type UpdatePositionInput = z.infer<typeof updatePositionInput>

/** A new holder from `from` (the current one, if any, leaves the day before). */
export const assignHolderInput = z.strictObject({
  version: z.number().int().positive(),
  personId: id,
  from: isoDay,
  isActing: z.boolean().default(false),
})
export type AssignHolderInput = z.infer<typeof assignHolderInput>

/** The holder leaves on `on`: the position is vacant after it. */
export const vacateInput = z.strictObject({ version: z.number().int().positive(), on: isoDay })

export const positionListQuery = z.strictObject({
  /** A unit and everything below it (default: every unit in scope). */
  under: queryId.optional(),
  /** Exactly this unit (a unit's own register). */
  unitId: queryId.optional(),
  vetting: z.enum(VETTING_STATUSES).optional(),
  /** Searches title and department without diacritics. */
  q: z.string().trim().max(200).optional(),
  includeClosed: z.enum(['0', '1']).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
})
export type PositionListQuery = z.infer<typeof positionListQuery>

export const positionExportQuery = positionListQuery.omit({ limit: true, offset: true })

export const alertListQuery = z.strictObject({
  under: queryId.optional(),
  /** '0': cleared alerts too (default: open ones only). */
  open: z.enum(['0', '1']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
})

export const readinessQuery = z.strictObject({
  /** '0': the subtree's totals only, without a row per child unit. */
  children: z.enum(['0', '1']).optional(),
})

// ---- answers

export const holderDto = z.object({
  personId: z.number().int(),
  name: z.string(),
  /** The day they took the position. */
  since: z.string(),
  isActing: z.boolean(),
})

export const positionDto = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  title: z.string(),
  department: z.string(),
  classification: z.enum(POSITION_CLASSIFICATIONS),
  requiresConclusion: z.boolean(),
  reviewCycleMonths: z.number().int().nullable(),
  note: z.string(),
  closedOn: z.string().nullable(),
  /** Null: vacant. */
  holder: holderDto.nullable(),
  vetting: z.enum(VETTING_STATUSES),
  /** Until when the holder's conclusion is valid (for current, expiring and expired). */
  validUntil: z.string().nullable(),
  version: z.number().int(),
})
export type PositionDto = z.infer<typeof positionDto>
export const positionListDto = z.object({ items: z.array(positionDto), total: z.number().int() })

export const holdingDto = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  name: z.string(),
  from: z.string(),
  to: z.string().nullable(),
  isActing: z.boolean(),
})

export const ALERT_CLEARED_REASONS = ['concluded', 'left', 'notRequired', 'closed'] as const
export const alertDto = z.object({
  id: z.number().int(),
  positionId: z.number().int(),
  positionTitle: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  holder: z.object({ personId: z.number().int(), name: z.string() }),
  status: z.enum(ALERT_STATUSES),
  raisedAt: z.string(),
  clearedAt: z.string().nullable(),
  clearedReason: z.enum(ALERT_CLEARED_REASONS).nullable(),
})
export type AlertDto = z.infer<typeof alertDto>
export const alertListDto = z.object({ items: z.array(alertDto) })

export const positionDetailDto = positionDto.extend({
  /** Everyone who held it, newest first. */
  holders: z.array(holdingDto),
  alert: alertDto.nullable(),
})
export type PositionDetailDto = z.infer<typeof positionDetailDto>

/** A register import: what was created, updated and whose holder changed (all or nothing). */
export const positionImportResultDto = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  holdersChanged: z.number().int(),
})
export type PositionImportResultDto = z.infer<typeof positionImportResultDto>

export const POSITION_ROW_REASONS = ['emptyTitle', 'badValue', 'unknownUnit', 'notFound', 'ambiguous', 'inactive', 'duplicate'] as const
export type PositionRowReason = (typeof POSITION_ROW_REASONS)[number]

const readinessCounts = {
  /** Active units, and those of them that should have an officer (OFFICER_UNIT_KINDS) but have none in office. */
  units: z.number().int(),
  unitsWithoutOfficer: z.number().int(),
  /** Units with officers none of whom has current training (current or due). */
  unitsWithoutCurrentTraining: z.number().int(),
  positions: z.number().int(),
  filled: z.number().int(),
  /** Holders (filled positions) by vetting status; they add up to `filled`. */
  vetting: z.object(Object.fromEntries(VETTING_STATUSES.map((s) => [s, z.number().int()])) as Record<VettingStatus, z.ZodNumber>),
  /** Holders with a current (or expiring) conclusion ÷ holders who need one; null when none need one. */
  vettedShare: z.number().nullable(),
  officers: z.number().int(),
  training: z.object({ current: z.number().int(), due: z.number().int(), overdue: z.number().int(), none: z.number().int() }),
}

export const readinessChildDto = z.object({ unitId: z.number().int(), code: z.string(), name: z.string(), ...readinessCounts })
/**
 * The readiness of a unit's subtree (the unit included) as of `asOf`, and one row per child unit
 * (its own subtree) to drill down into.
 */
export const readinessDto = z.object({
  unitId: z.number().int(),
  asOf: z.string(),
  ...readinessCounts,
  children: z.array(readinessChildDto),
})
export type ReadinessDto = z.infer<typeof readinessDto>
