import { z } from 'zod'

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
  name: z.string().trim().min(2).max(300),
  code: unitCode,
  kind: z.enum(UNIT_KINDS),
})

export const updateUnitInput = z.strictObject({
  version: z.number().int().positive(),
  name: z.string().trim().min(2).max(300).optional(),
  kind: z.enum(UNIT_KINDS).optional(),
})

export const moveUnitInput = z.strictObject({
  version: z.number().int().positive(),
  parentId: z.number().int().positive(),
})

export const versionInput = z.strictObject({ version: z.number().int().positive() })

export const unitListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  includeInactive: z.enum(['0', '1']).optional(),
})

export interface UnitDto {
  id: number
  parentId: number | null
  name: string
  kind: UnitKind
  code: string
  isActive: boolean
  depth: number
  version: number
}
