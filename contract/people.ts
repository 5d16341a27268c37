import { z } from 'zod'

export const PERSON_CATEGORIES = ['cadre', 'civilServant', 'publicEmployee', 'worker'] as const
export type PersonCategory = (typeof PERSON_CATEGORIES)[number]

export const PERSON_CATEGORY_LABELS: Record<PersonCategory, { vi: string; en: string }> = {
  cadre: { vi: 'Cán bộ', en: 'Cadre' },
  civilServant: { vi: 'Công chức', en: 'Civil servant' },
  publicEmployee: { vi: 'Viên chức', en: 'Public employee' },
  worker: { vi: 'Người lao động', en: 'Worker' },
}

const personFields = {
  fullName: z.string().trim().min(2).max(200),
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

export interface PersonDto {
  id: number
  unitId: number
  unitName: string
  fullName: string
  position: string
  category: PersonCategory
  isPartyMember: boolean
  isActive: boolean
  email: string | null
  version: number
}
