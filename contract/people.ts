import { z } from 'zod'
import { pageOf, visibleText } from './common.ts'
import type { Role } from './roles.ts'

/** Who may read the staff list of a unit in their scope. Staff see only themselves (via /me). */
export const PEOPLE_READ_ROLES: readonly Role[] = ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'auditor', 'admin']
/** Who may keep the staff list: administrators, and a unit's own officer for its roster. */
export const PEOPLE_WRITE_ROLES: readonly Role[] = ['admin', 'unitOfficer']

export const PERSON_CATEGORIES = ['cadre', 'civilServant', 'publicEmployee', 'worker'] as const
export type PersonCategory = (typeof PERSON_CATEGORIES)[number]

export const PERSON_CATEGORY_LABELS: Record<PersonCategory, { vi: string; en: string }> = {
  cadre: { vi: 'Cán bộ', en: 'Cadre' },
  civilServant: { vi: 'Công chức', en: 'Civil servant' },
  publicEmployee: { vi: 'Viên chức', en: 'Public employee' },
  worker: { vi: 'Người lao động', en: 'Worker' },
}

const personFields = {
  fullName: visibleText(2, 200),
  unitId: z.number().int().positive(),
  position: z.string().trim().max(200).default(''),
  category: z.enum(PERSON_CATEGORIES),
  isPartyMember: z.boolean().default(false),
  email: z.email().max(200).nullable().optional(),
}

export const createPersonInput = z.strictObject(personFields)

export const updatePersonInput = z.strictObject({
  version: z.number().int().positive(),
  fullName: personFields.fullName.optional(),
  unitId: personFields.unitId.optional(),
  position: z.string().trim().max(200).optional(),
  category: personFields.category.optional(),
  isPartyMember: z.boolean().optional(),
  email: personFields.email,
  isActive: z.boolean().optional(),
})

export const personListQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(200).optional(),
  includeSubunits: z.enum(['0', '1']).optional(),
  includeInactive: z.enum(['0', '1']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

export const personDto = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  fullName: z.string(),
  position: z.string(),
  category: z.enum(PERSON_CATEGORIES),
  isPartyMember: z.boolean(),
  isActive: z.boolean(),
  email: z.string().nullable(),
  version: z.number().int(),
})
export type PersonDto = z.infer<typeof personDto>
/** `total` is exact up to 1,000 matches (or five pages past the one asked for); `isTotalCapped`: there are more. */
export const personPageDto = pageOf(personDto).extend({ isTotalCapped: z.boolean() })
