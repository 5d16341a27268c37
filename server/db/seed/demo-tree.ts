import type { UnitKind } from '../../../contract/units.ts'

export interface DemoUnit {
  code: string
  name: string
  kind: UnitKind
  people?: number
  children?: DemoUnit[]
}

/** The Ministry of Health as the letter 1946-CV/BCSĐ addresses it: its departments and affiliated units. */
export const DEMO_TREE: DemoUnit = {
  code: 'BYT', name: 'Bộ Y tế', kind: 'ministry', people: 0,
  children: [
    { code: 'BCSD', name: 'Ban cán sự đảng Bộ Y tế', kind: 'committee', people: 9,
      children: [{ code: 'BBVCTNB', name: 'Ban Bảo vệ chính trị nội bộ', kind: 'board', people: 8 }] },
    { code: 'VPB', name: 'Văn phòng Bộ', kind: 'department' },
    { code: 'VTCCB', name: 'Vụ Tổ chức cán bộ', kind: 'department' },
    { code: 'VKHTC', name: 'Vụ Kế hoạch - Tài chính', kind: 'department' },
    { code: 'VPC', name: 'Vụ Pháp chế', kind: 'department' },
    { code: 'TTB', name: 'Thanh tra Bộ', kind: 'department' },
    { code: 'CQLKCB', name: 'Cục Quản lý Khám, chữa bệnh', kind: 'department' },
    { code: 'CQLD', name: 'Cục Quản lý Dược', kind: 'department' },
    { code: 'CPB', name: 'Cục Phòng bệnh', kind: 'department' },
    { code: 'BVBM', name: 'Bệnh viện Bạch Mai', kind: 'hospital',
      children: [
        { code: 'BVBM-CC', name: 'Trung tâm Cấp cứu A9', kind: 'subunit' },
        { code: 'BVBM-TM', name: 'Viện Tim mạch Việt Nam', kind: 'subunit' },
        { code: 'BVBM-TCCB', name: 'Phòng Tổ chức cán bộ', kind: 'subunit' },
      ] },
    { code: 'BVCR', name: 'Bệnh viện Chợ Rẫy', kind: 'hospital',
      children: [{ code: 'BVCR-HSTC', name: 'Khoa Hồi sức tích cực', kind: 'subunit' }] },
    { code: 'BVVD', name: 'Bệnh viện Hữu nghị Việt Đức', kind: 'hospital' },
    { code: 'BVTWH', name: 'Bệnh viện Trung ương Huế', kind: 'hospital' },
    { code: 'BVK', name: 'Bệnh viện K', kind: 'hospital' },
    { code: 'BVNTW', name: 'Bệnh viện Nhi Trung ương', kind: 'hospital' },
    { code: 'BVPTW', name: 'Bệnh viện Phổi Trung ương', kind: 'hospital' },
    { code: 'BVE', name: 'Bệnh viện E', kind: 'hospital' },
    { code: 'VVSDTTW', name: 'Viện Vệ sinh dịch tễ Trung ương', kind: 'institute' },
    { code: 'VDD', name: 'Viện Dinh dưỡng', kind: 'institute' },
    { code: 'VPASTEUR', name: 'Viện Pasteur Thành phố Hồ Chí Minh', kind: 'institute' },
    { code: 'VKNTTW', name: 'Viện Kiểm nghiệm thuốc Trung ương', kind: 'institute' },
    { code: 'DHYHN', name: 'Trường Đại học Y Hà Nội', kind: 'university',
      children: [
        { code: 'DHYHN-YTCC', name: 'Viện Đào tạo Y học dự phòng và Y tế công cộng', kind: 'subunit' },
        { code: 'DHYHN-BV', name: 'Bệnh viện Đại học Y Hà Nội', kind: 'hospital' },
      ] },
    { code: 'DHDHN', name: 'Trường Đại học Dược Hà Nội', kind: 'university' },
    { code: 'VINAPHARM', name: 'Tổng công ty Dược Việt Nam - CTCP', kind: 'company' },
  ],
}
