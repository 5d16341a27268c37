import { z } from 'zod'

export const DIRECTIVE_STATUSES = ['draft', 'issued', 'closed', 'superseded'] as const
export type DirectiveStatus = (typeof DIRECTIVE_STATUSES)[number]

export const DIRECTIVE_STATUS_LABELS: Record<DirectiveStatus, { vi: string; en: string }> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  issued: { vi: 'Đã ban hành', en: 'Issued' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
  superseded: { vi: 'Đã được thay thế', en: 'Superseded' },
}

const isoDate = z.iso.date()

export interface RequirementInput {
  label: string
  text: string
  children?: RequirementInput[]
}

export const requirementInput: z.ZodType<RequirementInput> = z.lazy(() =>
  z.strictObject({
    label: z.string().trim().max(20),
    text: z.string().trim().min(1).max(20_000),
    children: z.array(requirementInput).max(100).optional(),
  }),
)

const reference = z.strictObject({ number: z.string().max(100), date: isoDate.nullable(), issuer: z.string().max(300).nullable() })

/** What a person confirms after parsing (or types in): the directive's fields and requirements. */
export const directiveInput = z.strictObject({
  number: z.string().trim().max(100).nullable().optional(),
  documentType: z.string().trim().max(20).nullable().optional(),
  parentBody: z.string().trim().max(300).nullable().optional(),
  issuer: z.string().trim().max(300).nullable().optional(),
  place: z.string().trim().max(100).nullable().optional(),
  date: isoDate.nullable().optional(),
  subject: z.string().trim().min(3).max(1000),
  addressees: z.array(z.string().trim().max(500)).max(50).default([]),
  preamble: z.string().max(50_000).nullable().optional(),
  closing: z.string().max(10_000).nullable().optional(),
  distribution: z.array(z.string().trim().max(500)).max(100).default([]),
  references: z.array(reference).max(100).default([]),
  sourceText: z.string().max(500_000).nullable().optional(),
  requirements: z.array(requirementInput).min(1).max(100),
})
export type DirectiveInput = z.infer<typeof directiveInput>

export const updateDirectiveInput = directiveInput.partial().extend({ version: z.number().int().positive() }).strict()

/** "Các đơn vị thuộc và trực thuộc Bộ …": every active unit of these kinds under the issuer's scope. */
export const ADDRESSEE_KINDS_ALL = ['department', 'hospital', 'institute', 'university', 'company', 'center'] as const

export const issueDirectiveInput = z.strictObject({
  version: z.number().int().positive(),
  unitIds: z.array(z.number().int().positive()).max(10_000).default([]),
  /** Adds every active unit of these kinds in the issuer's scope (the "all units of the Ministry" addressee). */
  unitKinds: z.array(z.enum(ADDRESSEE_KINDS_ALL)).max(10).default([]),
  acknowledgeWithinDays: z.number().int().min(1).max(365),
  planWithinDays: z.number().int().min(1).max(730),
})

export const closeDirectiveInput = z.strictObject({
  version: z.number().int().positive(),
  supersededById: z.number().int().positive().nullable().optional(),
})

export const directiveListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  status: z.enum(DIRECTIVE_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

export interface RequirementDto {
  id: number
  label: string
  text: string
  children: RequirementDto[]
}

export interface DirectiveSummaryDto {
  id: number
  number: string | null
  subject: string
  date: string | null
  status: DirectiveStatus
}

export interface DirectiveDto extends DirectiveSummaryDto {
  documentType: string | null
  parentBody: string | null
  issuer: string | null
  place: string | null
  addressees: string[]
  preamble: string | null
  closing: string | null
  distribution: string[]
  references: { number: string; date: string | null; issuer: string | null }[]
  sourceText: string | null
  ownerUnitId: number
  issuedAt: string | null
  supersededById: number | null
  requirements: RequirementDto[]
  addresseeCount: number
  version: number
}

export interface AddresseeDto {
  unitId: number
  unitName: string
  unitCode: string
  ackDueDate: string
  planDueDate: string
  acknowledgedAt: string | null
  acknowledgedBy: string | null
  isAckOverdue: boolean
}
