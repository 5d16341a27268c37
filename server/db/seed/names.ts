// Deterministic, realistic Vietnamese names and positions for demo and scale data.
export function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]

const FAMILY = ['Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Trần', 'Lê', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trịnh', 'Mai', 'Tạ', 'Lương']
const MIDDLE_M = ['Văn', 'Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Xuân', 'Công', 'Thanh', 'Ngọc', 'Duy', 'Trọng', 'Mạnh', 'Tuấn']
const MIDDLE_F = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Thúy', 'Hồng', 'Phương', 'Kim', 'Bích']
const GIVEN_M = ['An', 'Anh', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Đức', 'Giang', 'Hải', 'Hiếu', 'Hùng', 'Huy', 'Khánh', 'Khoa', 'Long', 'Minh', 'Nam', 'Phong', 'Phúc', 'Quân', 'Sơn', 'Thắng', 'Thành', 'Toàn', 'Trung', 'Tuấn', 'Việt', 'Vinh']
const GIVEN_F = ['An', 'Anh', 'Ánh', 'Chi', 'Diệp', 'Dung', 'Hà', 'Hằng', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Linh', 'Loan', 'Mai', 'Nga', 'Ngân', 'Nhung', 'Oanh', 'Phượng', 'Quyên', 'Thảo', 'Thủy', 'Trang', 'Uyên', 'Vân', 'Yến']

export function vietnameseName(r: () => number): string {
  const isFemale = r() < 0.55
  return [pick(r, FAMILY), pick(r, isFemale ? MIDDLE_F : MIDDLE_M), pick(r, isFemale ? GIVEN_F : GIVEN_M)].join(' ')
}

/** Positions by unit kind, the first being the unit's head. */
export const POSITIONS: Record<string, { head: string; deputy: string; staff: readonly string[] }> = {
  hospital: { head: 'Giám đốc', deputy: 'Phó Giám đốc', staff: ['Trưởng khoa', 'Bác sĩ', 'Bác sĩ', 'Bác sĩ', 'Điều dưỡng', 'Điều dưỡng', 'Điều dưỡng', 'Kỹ thuật viên', 'Dược sĩ', 'Kế toán', 'Chuyên viên Phòng Tổ chức cán bộ', 'Nhân viên hành chính'] },
  institute: { head: 'Viện trưởng', deputy: 'Phó Viện trưởng', staff: ['Trưởng phòng', 'Nghiên cứu viên', 'Nghiên cứu viên', 'Kỹ thuật viên', 'Chuyên viên', 'Kế toán'] },
  university: { head: 'Hiệu trưởng', deputy: 'Phó Hiệu trưởng', staff: ['Trưởng khoa', 'Giảng viên', 'Giảng viên', 'Giảng viên', 'Chuyên viên', 'Kế toán'] },
  department: { head: 'Vụ trưởng', deputy: 'Phó Vụ trưởng', staff: ['Chuyên viên chính', 'Chuyên viên', 'Chuyên viên', 'Chuyên viên', 'Văn thư'] },
  company: { head: 'Tổng Giám đốc', deputy: 'Phó Tổng Giám đốc', staff: ['Trưởng phòng', 'Chuyên viên', 'Dược sĩ', 'Công nhân', 'Công nhân', 'Kế toán'] },
  subunit: { head: 'Trưởng khoa', deputy: 'Phó Trưởng khoa', staff: ['Bác sĩ', 'Bác sĩ', 'Điều dưỡng', 'Điều dưỡng', 'Kỹ thuật viên', 'Hộ lý'] },
  default: { head: 'Trưởng ban', deputy: 'Phó Trưởng ban', staff: ['Chuyên viên chính', 'Chuyên viên', 'Chuyên viên'] },
}

export function categoryFor(kind: string, position: string): 'cadre' | 'civilServant' | 'publicEmployee' | 'worker' {
  if (/Giám đốc|Viện trưởng|Hiệu trưởng|Vụ trưởng|Trưởng ban|Trưởng khoa|Trưởng phòng/.test(position)) return 'cadre'
  if (/Công nhân|Hộ lý|Nhân viên|Văn thư/.test(position)) return 'worker'
  if (kind === 'department' || kind === 'committee' || kind === 'board' || kind === 'ministry') return 'civilServant'
  return 'publicEmployee'
}
