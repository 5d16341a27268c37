import type {
  ConsolidatedReportInput, DirectiveSection, SectionNarrative, UnitFigures, UnitReportInput,
} from '../../../../contract/report-documents.ts'

// Realistic inputs for the document tests and the preview script: the nine requirements of letter
// 1946-CV/BCSĐ (seed/1946-CV-BCSD.txt) and six units of the Ministry of Health with their accounts.

export const SEED_REQUIREMENTS: { label: string; text: string }[] = [
  'Tiếp tục quán triệt, nâng cao nhận thức cho cán bộ, đảng viên, nhất là cấp ủy và người đứng đầu về ý nghĩa, tầm quan trọng của công tác bảo vệ chính trị nội bộ trong tình hình mới.',
  'Tăng cường công tác giáo dục chính trị tư tưởng, quán triệt các chủ trương, đường lối của Đảng và Nhà nước tới từng cán bộ, đảng viên, công chức, viên chức, người lao động trong toàn đơn vị.',
  'Thực hiện nghiêm công tác xây dựng, chỉnh đốn Đảng; xây dựng tổ chức Đảng trong sạch, vững mạnh; đề cao trách nhiệm nêu gương của cán bộ, đảng viên, trước hết là người đứng đầu; thực hiện nghiêm quy định về bố trí, quản lý công chức, viên chức làm việc tại bộ phận trọng yếu, cơ mật.',
  'Nâng cao ý thức cảnh giác, chủ động phòng ngừa, đấu tranh; tăng cường bảo vệ nền tảng tư tưởng của Đảng, quản lý tốt hoạt động truyền thông, mạng xã hội, bảo đảm an toàn, an ninh mạng.',
  'Công tác rà soát, thẩm định, thẩm tra, xác minh và kết luận về tiêu chuẩn chính trị của đảng viên bảo đảm kỹ lưỡng, cẩn trọng, khách quan, đúng Quy định 58-QĐ/TW ngày 08/02/2022 của Bộ Chính trị.',
  'Đẩy mạnh, nâng cao hiệu quả công tác kiểm tra, giám sát của Đảng về công tác bảo vệ chính trị nội bộ tại đơn vị.',
  'Tăng cường xây dựng, nâng cao chất lượng đội ngũ cán bộ làm công tác bảo vệ chính trị nội bộ đáp ứng yêu cầu, nhiệm vụ.',
  'Rà soát, đôn đốc, chấn chỉnh và kiểm tra, giám sát việc thực hiện các quy định của pháp luật, các quy định, quy chế của đơn vị.',
  'Chủ động phát hiện, ngăn chặn kịp thời và xử lý nghiêm đảng viên suy thoái về tư tưởng chính trị, “tự diễn biến”, “tự chuyển hóa”; kịp thời báo cáo Ban cán sự đảng Bộ Y tế (qua Ban Bảo vệ chính trị nội bộ).',
].map((text, i) => ({ label: String(i + 1), text }))

export const UNITS = [
  'Vụ Tổ chức cán bộ', 'Cục Quản lý Khám, chữa bệnh', 'Bệnh viện Bạch Mai', 'Bệnh viện Chợ Rẫy', 'Viện Vệ sinh dịch tễ Trung ương', 'Trường Đại học Y Hà Nội',
]

/** What a unit typically writes for each requirement: [done, results, shortcomings, causes, proposals]. */
const ACCOUNTS: [string, string, string, string, string][] = [
  ['Đảng ủy tổ chức hội nghị quán triệt Công văn số 1946-CV/BCSĐ cho cấp ủy, người đứng đầu các khoa, phòng', 'Trên 95% cán bộ chủ chốt tham dự; nội dung được đưa vào sinh hoạt chi bộ định kỳ', '', '', ''],
  ['Tổ chức {s} buổi học tập, quán triệt trực tiếp và trực tuyến; gửi tài liệu tới từng chi bộ', 'Tỷ lệ cán bộ, viên chức, người lao động được quán triệt đạt {c}', 'Một số viên chức làm việc theo ca chưa tham dự đầy đủ', 'Đặc thù trực chuyên môn 24/24 giờ', 'Đề nghị Ban cung cấp bài giảng điện tử để viên chức tự học'],
  ['Rà soát danh mục bộ phận trọng yếu, cơ mật; cập nhật hồ sơ người đang giữ vị trí', 'Đã lập danh sách 14 vị trí; 12/14 người có kết luận tiêu chuẩn chính trị còn hiệu lực', 'Còn 02 trường hợp chưa có kết luận tiêu chuẩn chính trị', 'Hồ sơ xác minh đang chờ cơ quan chức năng trả lời', ''],
  ['Rà soát các trang thông tin điện tử, trang mạng xã hội chính thức của đơn vị; đổi mật khẩu, bật xác thực hai lớp', 'Không phát hiện sự cố mất quyền quản trị; đã xử lý 01 trang mạo danh đơn vị', '', '', 'Đề nghị Bộ hướng dẫn quy trình phối hợp gỡ bỏ trang mạo danh'],
  ['Thực hiện thẩm định, xác minh tiêu chuẩn chính trị phục vụ công tác cán bộ theo Quy định 58-QĐ/TW', 'Hoàn thành 6 hồ sơ đúng thời hạn', 'Thời gian chờ trả lời xác minh của một số địa phương còn dài', '', ''],
  ['Ban hành kế hoạch kiểm tra, giám sát năm, có nội dung về công tác bảo vệ chính trị nội bộ', 'Đã kiểm tra 3 chi bộ; ban hành thông báo kết luận', 'Việc theo dõi khắc phục sau kiểm tra chưa chặt chẽ', 'Thiếu cán bộ chuyên trách', ''],
  ['Cử cán bộ làm công tác bảo vệ chính trị nội bộ tham gia lớp bồi dưỡng nghiệp vụ', '02 đồng chí được cấp chứng nhận', 'Cán bộ kiêm nhiệm nhiều việc', '', 'Đề nghị tổ chức tập huấn nghiệp vụ định kỳ hằng năm'],
  ['Rà soát hệ thống quy chế nội bộ; đôn đốc các khoa, phòng tự kiểm tra', 'Sửa đổi 2 quy chế cho phù hợp quy định mới', '', '', ''],
  ['Theo dõi, nắm tình hình tư tưởng trong các chi bộ; báo cáo định kỳ về Ban', 'Không phát hiện đảng viên có biểu hiện suy thoái cần xử lý trong kỳ', '', '', ''],
]

function narrative(unitName: string, reqIndex: number, unitIndex: number): SectionNarrative {
  const [done, results, shortcomings, causes, proposals] = ACCOUNTS[reqIndex].map((t) =>
    t.replace('{s}', String(3 + (unitIndex % 4))).replace('{c}', `${90 + (unitIndex % 9)},${unitIndex % 10}%`))
  return { unitName, done, results, shortcomings, causes, proposals }
}

export const DIRECTIVE_1946 = { number: '1946-CV/BCSĐ', subject: 'Tăng cường công tác bảo vệ chính trị nội bộ', date: '2024-03-15' }

/** Units' accounts for every requirement; the units in `skip` say nothing of requirement 9. */
export function directiveWithAccounts(units: string[], skip: Set<string> = new Set()): DirectiveSection {
  return {
    ...DIRECTIVE_1946,
    requirements: SEED_REQUIREMENTS.map((r, ri) => ({
      ...r,
      narratives: units.filter((u) => !(ri === 8 && skip.has(u))).map((u) => narrative(u, ri, units.indexOf(u))),
    })),
  }
}

function figuresFor(unitName: string, i: number, status: UnitFigures['reportStatus'], submittedAt: string | null): UnitFigures {
  return {
    unitName, reportStatus: status, submittedAt, acknowledgedAt: `2026-0${1 + (i % 3)}-1${i % 10}`,
    sessions: 2 + (i % 5), coverage: i % 7 === 6 ? null : (82 + (i % 9) * 2) / 100, actionsTotal: 9 + (i % 4), actionsDone: 6 + (i % 4), actionsOverdue: i % 3,
  }
}

const HEADER = { parentBody: 'Ban Chấp hành Trung ương', issuer: 'Ban cán sự đảng Bộ Y tế', number: '-BC/BCSĐ', place: 'Hà Nội', date: '2026-11-27' }
const SIGNATURE = { authority: 'T/M Ban cán sự đảng', title: 'Bí thư', name: 'Nguyễn Văn Thành' }
const DISTRIBUTION = ['Ban Tổ chức Trung ương (để b/c)', 'Đ/c Bí thư BCSĐ (để b/c)', 'Các đ/c Ủy viên BCSĐ', 'Các đơn vị thuộc, trực thuộc Bộ', 'Lưu VP BCSĐ, Ban BVCTNB']

/** Six units: four reported (one of them late), one late and not yet reported, one with no report. */
export function consolidatedFixture(): ConsolidatedReportInput {
  const statuses: [UnitFigures['reportStatus'], string | null][] = [
    ['accepted', '2026-11-10'], ['submitted', '2026-11-14'], ['accepted', '2026-11-12'], ['submitted', '2026-11-20T03:15:00Z'], ['late', null], ['missing', null],
  ]
  const figures = UNITS.map((u, i) => figuresFor(u, i, ...statuses[i]))
  figures[5].acknowledgedAt = null
  const reported = UNITS.slice(0, 4)
  return {
    header: HEADER,
    title: 'Báo cáo',
    subtitle: 'kết quả thực hiện Công văn số 1946-CV/BCSĐ ngày 15/3/2024 của Ban cán sự đảng Bộ Y tế về tăng cường công tác bảo vệ chính trị nội bộ',
    periodTitle: 'năm 2026',
    deadline: '2026-11-15',
    directives: [directiveWithAccounts(reported, new Set([UNITS[3]]))],
    figures,
    lateUnits: [{ unitName: UNITS[3], submittedAt: '2026-11-20T03:15:00Z' }, { unitName: UNITS[4], submittedAt: null }],
    missingUnits: [UNITS[5]],
    proposals: [
      'Đề nghị Ban cán sự đảng chỉ đạo các đơn vị chưa báo cáo khẩn trương hoàn thành, gửi về Ban Bảo vệ chính trị nội bộ trước ngày 05/12/2026',
      'Đề nghị Bộ bố trí kinh phí tập huấn nghiệp vụ cho đội ngũ cán bộ làm công tác bảo vệ chính trị nội bộ năm 2027',
    ],
    distribution: DISTRIBUTION,
    signature: SIGNATURE,
  }
}

/** Bệnh viện Bạch Mai's own report for the period. */
export function unitReportFixture(): UnitReportInput {
  const unit = UNITS[2]
  return {
    header: { parentBody: 'Đảng bộ Bộ Y tế', issuer: 'Đảng ủy Bệnh viện Bạch Mai', number: '27-BC/ĐU', place: 'Hà Nội', date: '2026-11-12' },
    title: 'Báo cáo',
    subtitle: 'kết quả thực hiện Công văn số 1946-CV/BCSĐ ngày 15/3/2024 của Ban cán sự đảng Bộ Y tế năm 2026',
    periodTitle: 'năm 2026',
    unitName: unit,
    directives: [directiveWithAccounts([unit])],
    figures: figuresFor(unit, 2, 'submitted', '2026-11-12'),
    proposals: ['Đề nghị Ban Bảo vệ chính trị nội bộ hướng dẫn mẫu hồ sơ theo dõi bộ phận trọng yếu, cơ mật thống nhất trong toàn ngành'],
    distribution: ['Ban cán sự đảng Bộ Y tế (qua Ban BVCTNB)', 'Đảng ủy Bộ Y tế', 'Lưu VP Đảng ủy'],
    signature: { authority: 'T/M Đảng ủy', title: 'Bí thư', name: 'Trần Thị Minh Hạnh' },
    margins: { topMm: 25, bottomMm: 25, leftMm: 35, rightMm: 15 },
  }
}

/** `n` units, every one with an account of all nine requirements: the size the board actually consolidates. */
export function manyUnitsFixture(n: number): ConsolidatedReportInput {
  const base = consolidatedFixture()
  const units = Array.from({ length: n }, (_, i) => `${['Bệnh viện', 'Viện', 'Trường Đại học', 'Trung tâm'][i % 4]} số ${i + 1}`)
  return {
    ...base,
    directives: [directiveWithAccounts(units)],
    figures: units.map((u, i) => figuresFor(u, i, i % 10 === 9 ? 'late' : 'accepted', i % 10 === 9 ? null : '2026-11-1' + (i % 6))),
    lateUnits: units.filter((_, i) => i % 10 === 9).map((unitName) => ({ unitName, submittedAt: null })),
    missingUnits: [],
  }
}
