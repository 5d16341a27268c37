export const ROLES = ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'staff', 'auditor', 'admin'] as const
export type Role = (typeof ROLES)[number]

/** Roles whose holders must use a second factor outside demo mode. */
export const MFA_ROLES: readonly Role[] = ['committee', 'board', 'admin']

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  committee: { vi: 'Ban cán sự đảng', en: 'Party Affairs Committee' },
  board: { vi: 'Ban Bảo vệ chính trị nội bộ', en: 'Internal Political Protection Board' },
  unitHead: { vi: 'Người đứng đầu đơn vị', en: 'Unit head' },
  unitOfficer: { vi: 'Cán bộ làm công tác BVCTNB', en: 'Unit officer' },
  inspector: { vi: 'Thành viên đoàn kiểm tra', en: 'Inspector' },
  staff: { vi: 'Cán bộ, đảng viên, viên chức', en: 'Staff member' },
  auditor: { vi: 'Kiểm soát viên', en: 'Auditor' },
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
}
