import { z } from 'zod'
import { listOf, visibleText } from './common.ts'
import type { Role } from './roles.ts'

/** Who may see the unit tree at all: every role, each within its own scope. */
export const UNIT_READ_ROLES: readonly Role[] = ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'staff', 'auditor', 'admin']
/** Who may change the tree. */
export const UNIT_WRITE_ROLES: readonly Role[] = ['admin']

export const UNIT_KINDS = ['ministry', 'committee', 'board', 'department', 'hospital', 'institute', 'university', 'company', 'center', 'subunit'] as const
export type UnitKind = (typeof UNIT_KINDS)[number]

export const UNIT_KIND_LABELS: Record<UnitKind, { vi: string; en: string }> = {
  ministry: { vi: 'Bộ', en: 'Ministry' },
  committee: { vi: 'Ban cán sự đảng', en: 'Party committee' },
  board: { vi: 'Ban chuyên trách', en: 'Board' },
  department: { vi: 'Vụ, Cục, Văn phòng, Thanh tra', en: 'Department' },
  hospital: { vi: 'Bệnh viện', en: 'Hospital' },
  institute: { vi: 'Viện', en: 'Institute' },
  university: { vi: 'Trường đại học', en: 'University' },
  company: { vi: 'Doanh nghiệp', en: 'Company' },
  center: { vi: 'Trung tâm', en: 'Center' },
  subunit: { vi: 'Khoa, phòng', en: 'Sub-unit' },
}

export const unitCode = z.string().trim().min(2).max(30).regex(/^[A-Za-z0-9_-]+$/)

export const createUnitInput = z.strictObject({
  parentId: z.number().int().positive(),
  name: visibleText(2, 300),
  code: unitCode,
  kind: z.enum(UNIT_KINDS),
})

export const updateUnitInput = z.strictObject({
  version: z.number().int().positive(),
  name: visibleText(2, 300).optional(),
  kind: z.enum(UNIT_KINDS).optional(),
})

export const moveUnitInput = z.strictObject({
  version: z.number().int().positive(),
  parentId: z.number().int().positive(),
})


export const unitListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  includeInactive: z.enum(['0', '1']).optional(),
})

export const unitDto = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  code: z.string(),
  isActive: z.boolean(),
  /** 1 for the root. */
  depth: z.number().int(),
  version: z.number().int(),
})
export type UnitDto = z.infer<typeof unitDto>
export const unitListDto = listOf(unitDto)

/** One level of the tree: the caller's top units without `parentId`, else the unit's own children. */
export const unitChildrenQuery = z.strictObject({
  parentId: z.coerce.number().int().positive().optional(),
  includeInactive: z.enum(['0', '1']).optional(),
})

/** A unit of one level, with how many children it has (the tree shows an expander when > 0). */
export const unitNodeDto = unitDto.extend({ childCount: z.number().int() })
export type UnitNodeDto = z.infer<typeof unitNodeDto>
export const unitChildrenDto = listOf(unitNodeDto)
