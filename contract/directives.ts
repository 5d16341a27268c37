import { z } from 'zod'
import { id, listOf, pageOf, visibleText } from './common.ts'
import { PARSE_SOURCE_KINDS, directiveSignature } from './directive-parse.ts'
import { ROLES, type Role } from './roles.ts'

/** Register, edit, issue and close directives: the board runs it, the committee issues. */
export const DIRECTIVE_MANAGE_ROLES: readonly Role[] = ['board', 'committee']
/** Everyone reads the directives addressed to units in their scope (staff too: they must read what they confirm). */
export const DIRECTIVE_READ_ROLES: readonly Role[] = ROLES
/** Acknowledge receipt on behalf of a unit. */
export const ACKNOWLEDGE_ROLES: readonly Role[] = ['unitHead', 'unitOfficer']

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
  /** The requirement's own deadline (yyyy-mm-dd); null or absent when the letter names none. */
  deadline?: string | null
  children?: RequirementInput[]
}

export const requirementInput: z.ZodType<RequirementInput> = z.lazy(() =>
  z.strictObject({
    label: z.string().trim().max(20),
    text: z.string().trim().min(1).max(20_000),
    deadline: isoDate.nullable().optional(),
    children: z.array(requirementInput).max(100).optional(),
  }),
)

/**
 * Who signed the letter, as the parser reads it and the clerk corrects it: "T/M BAN THƯỜNG VỤ" (or
 * K/T, TL., TUQ.), "PHÓ BÍ THƯ", "Nguyễn Văn A"; each null when the letter does not show it.
 */
export const signatureInput = z.strictObject({
  authority: z.string().trim().max(300).nullable(),
  title: z.string().trim().max(300).nullable(),
  name: z.string().trim().max(200).nullable(),
})
export type SignatureInput = z.infer<typeof signatureInput>

const reference = z.strictObject({ number: z.string().max(100), date: isoDate.nullable(), issuer: z.string().max(300).nullable() })

/** What a person confirms after parsing (or types in): the directive's fields and requirements. */
export const directiveInput = z.strictObject({
  number: z.string().trim().max(100).nullable().optional(),
  documentType: z.string().trim().max(20).nullable().optional(),
  parentBody: z.string().trim().max(300).nullable().optional(),
  issuer: z.string().trim().max(300).nullable().optional(),
  place: z.string().trim().max(100).nullable().optional(),
  date: isoDate.nullable().optional(),
  subject: visibleText(3, 1000),
  addressees: z.array(z.string().trim().max(500)).max(50).default([]),
  /** Those of `addressees` written under "Đồng kính gửi" (for information or coordination); each must be one of them. */
  coAddressees: z.array(z.string().trim().max(500)).max(50).default([]),
  preamble: z.string().max(50_000).nullable().optional(),
  closing: z.string().max(10_000).nullable().optional(),
  distribution: z.array(z.string().trim().max(500)).max(100).default([]),
  references: z.array(reference).max(100).default([]),
  /** The signature block; null (or absent) when the letter shows none. */
  signature: signatureInput.nullable().optional(),
  sourceText: z.string().max(500_000).nullable().optional(),
  requirements: z.array(requirementInput).min(1).max(100),
  /**
   * Registering a parsed letter: where `sourceText` came from. The server parses that text again
   * and records which fields the person changed (parser accuracy); absent when typed in by hand.
   */
  parseSource: z.enum(PARSE_SOURCE_KINDS).optional(),
})
export type DirectiveInput = z.infer<typeof directiveInput>

/**
 * An edit: the fields sent change, the others stay. The lists' defaults are dropped here: a
 * `.partial()` of `.default([])` still fills the omitted list with [], and an edit that did not
 * send the co-addressees (or the distribution) would clear them.
 */
export const updateDirectiveInput = directiveInput
  .omit({ parseSource: true })
  .partial()
  .extend({
    addressees: directiveInput.shape.addressees.unwrap().optional(),
    coAddressees: directiveInput.shape.coAddressees.unwrap().optional(),
    distribution: directiveInput.shape.distribution.unwrap().optional(),
    references: directiveInput.shape.references.unwrap().optional(),
    version: z.number().int().positive(),
  })
  .strict()

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
  /** The requirement's own deadline (yyyy-mm-dd), null when the letter names none. */
  deadline: string | null
  children: RequirementDto[]
}
export const requirementDto: z.ZodType<RequirementDto> = z.object({
  id: z.number().int(),
  label: z.string(),
  text: z.string(),
  deadline: z.string().nullable(),
  get children() {
    return z.array(requirementDto)
  },
})

/** Where the addressee units in the caller's scope stand on an issued directive (the list's density). */
export const directiveProgressDto = z.object({
  addressees: z.number().int(),
  acknowledged: z.number().int(),
  plansAccepted: z.number().int(),
  overdueActions: z.number().int(),
  /** The soonest deadline still ahead: an acknowledgement, a plan or an action not yet done. */
  nextDeadline: z.string().nullable(),
})
export type DirectiveProgressDto = z.infer<typeof directiveProgressDto>

export const directiveSummaryDto = z.object({
  id: z.number().int(),
  number: z.string().nullable(),
  subject: z.string(),
  date: z.string().nullable(),
  status: z.enum(DIRECTIVE_STATUSES),
  /** In the list only, for an issued directive; null for a draft. */
  progress: directiveProgressDto.nullable().optional(),
})
export type DirectiveSummaryDto = z.infer<typeof directiveSummaryDto>
export const directivePageDto = pageOf(directiveSummaryDto)

export const directiveDto = directiveSummaryDto.extend({
  documentType: z.string().nullable(),
  parentBody: z.string().nullable(),
  issuer: z.string().nullable(),
  place: z.string().nullable(),
  addressees: z.array(z.string()),
  /** Those of `addressees` written under "Đồng kính gửi". */
  coAddressees: z.array(z.string()),
  preamble: z.string().nullable(),
  closing: z.string().nullable(),
  distribution: z.array(z.string()),
  /** Who signed (T/M, K/T, TL., TUQ. line, title, name); null when the letter shows no signature. */
  signature: directiveSignature.nullable(),
  references: z.array(z.object({ number: z.string(), date: z.string().nullable(), issuer: z.string().nullable() })),
  sourceText: z.string().nullable(),
  ownerUnitId: z.number().int(),
  issuedAt: z.string().nullable(),
  supersededById: z.number().int().nullable(),
  requirements: z.array(requirementDto),
  addresseeCount: z.number().int(),
  version: z.number().int(),
})
export type DirectiveDto = z.infer<typeof directiveDto>

export const addresseeDto = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  unitCode: z.string(),
  ackDueDate: z.string(),
  planDueDate: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  /** Not acknowledged by the due date, or acknowledged after it. */
  isAckOverdue: z.boolean(),
})
export type AddresseeDto = z.infer<typeof addresseeDto>
export const addresseeListDto = listOf(addresseeDto)

export const acknowledgeInput = z.strictObject({ unitId: id })
/** The unit's acknowledgement; acknowledging again keeps the first (isNew: false). */
export const acknowledgementDto = z.object({ acknowledgedAt: z.string(), isNew: z.boolean() })
