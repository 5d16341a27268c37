// What the demo units write in their reports, requirement by requirement of letter 1946-CV/BCSĐ:
// each requirement has its own vocabulary, and each unit fills in its own figures and its own mix,
// so no two accounts read the same (a ministry reader spots a copied paragraph at once).
import type { DirectiveFigures } from '../../../contract/reports.ts'

interface Topic {
  done: ((n: Facts) => string)[]
  results: ((n: Facts) => string)[]
  shortcomings: string[]
  causes: string[]
}

/** What a unit's account can mention: its own figures and a few counts of its own. */
interface Facts {
  unit: string
  sessions: number
  reachedPercent: number | null
  actionsDone: number
  actionsTotal: number
  /** A small count that differs by unit and requirement (departments, documents, people). */
  k: number
}

const pct = (f: Facts) => (f.reachedPercent === null ? 'phần lớn' : `${f.reachedPercent}%`)

const TOPICS: Topic[] = [
  { // 1. awareness of the Party committee and the head
    done: [
      (f) => `Đảng ủy ${f.unit} ban hành kế hoạch thực hiện, phân công đồng chí Phó Bí thư trực tiếp chỉ đạo; đưa nội dung vào chương trình công tác toàn khóa.`,
      (f) => `Tổ chức ${Math.max(1, f.sessions)} hội nghị quán triệt cho cấp ủy, lãnh đạo đơn vị và trưởng các khoa, phòng; ${pct(f)} cán bộ, đảng viên được quán triệt.`,
      (f) => `Lồng ghép nội dung công tác bảo vệ chính trị nội bộ vào sinh hoạt định kỳ của ${f.k + 3} chi bộ trực thuộc.`,
    ],
    results: [
      () => 'Cấp ủy, người đứng đầu nhận thức rõ trách nhiệm; công tác bảo vệ chính trị nội bộ được đưa vào nghị quyết hằng năm.',
      (f) => `Đã hoàn thành ${f.actionsDone}/${f.actionsTotal} nhiệm vụ trong kế hoạch triển khai của đơn vị.`,
    ],
    shortcomings: ['', 'Một số chi bộ chưa xây dựng chuyên đề sinh hoạt riêng.', 'Việc cụ thể hóa ở cấp khoa, phòng còn chậm.'],
    causes: ['', 'Khối lượng công tác chuyên môn lớn, lịch sinh hoạt chi bộ nhiều lần phải lùi.'],
  },
  { // 2. political education and dissemination to every staff member
    done: [
      (f) => `Phổ biến văn bản tới toàn thể viên chức, người lao động qua hội nghị trực tiếp và hệ thống văn phòng điện tử; ${pct(f)} đã được quán triệt.`,
      (f) => `Đăng tải ${f.k + 2} tin, bài trên trang thông tin nội bộ; tổ chức buổi nói chuyện chuyên đề cho đoàn viên thanh niên.`,
      (f) => `Tổ chức ${f.sessions} buổi quán triệt, trong đó có buổi bổ sung cho viên chức trực, đi công tác vắng mặt.`,
    ],
    results: [
      () => 'Nhận thức của viên chức, người lao động về âm mưu "diễn biến hòa bình" được nâng lên.',
      () => 'Không có viên chức, người lao động vi phạm quy định về phát ngôn, đăng tải thông tin trên mạng xã hội.',
    ],
    shortcomings: ['', 'Tỷ lệ viên chức hợp đồng tham gia quán triệt còn thấp.', 'Hình thức tuyên truyền chưa đa dạng.'],
    causes: ['', 'Đặc thù làm việc theo ca, trực 24/24 giờ nên khó bố trí thời gian tập trung.'],
  },
  { // 3. Party building, example-setting, key and secret positions
    done: [
      (f) => `Rà soát ${f.k + 5} vị trí làm việc tại bộ phận trọng yếu, cơ mật; cập nhật danh mục theo quy định.`,
      () => 'Tổ chức kiểm điểm việc thực hiện trách nhiệm nêu gương của cán bộ lãnh đạo, quản lý trong sinh hoạt chi bộ cuối quý.',
      (f) => `Bố trí, luân chuyển ${f.k + 1} viên chức bảo đảm tiêu chuẩn chính trị theo quy định.`,
    ],
    results: [
      () => 'Danh mục vị trí trọng yếu, cơ mật được cập nhật đầy đủ; không có trường hợp bố trí chưa qua thẩm định.',
      () => 'Đội ngũ cán bộ lãnh đạo, quản lý gương mẫu, giữ vững kỷ cương.',
    ],
    shortcomings: ['', 'Hồ sơ thẩm định của một số viên chức mới tuyển dụng chưa hoàn thiện.'],
    causes: ['', 'Chờ kết quả xác minh của cơ quan chức năng nơi cư trú.'],
  },
  { // 4. vigilance, official channels and cyber security
    done: [
      (f) => `Rà soát ${f.k + 2} kênh thông tin chính thức (cổng thông tin, fanpage, nhóm Zalo) của đơn vị; cập nhật người quản trị.`,
      () => 'Phối hợp Cục An toàn thông tin tập huấn an toàn, an ninh mạng cho cán bộ quản trị hệ thống.',
      () => 'Ban hành quy chế quản lý, vận hành trang thông tin điện tử và quy định phát ngôn của đơn vị.',
    ],
    results: [
      () => 'Không để xảy ra sự cố mất an toàn thông tin nghiêm trọng trên các kênh của đơn vị.',
      (f) => `Kịp thời xử lý ${f.k} thông tin sai lệch về đơn vị trên mạng xã hội.`,
    ],
    shortcomings: ['', 'Một số nhóm trao đổi công việc của khoa, phòng chưa đăng ký quản trị viên.', 'Thiết bị bảo mật chưa được nâng cấp đồng bộ.'],
    causes: ['', 'Kinh phí đầu tư hạ tầng công nghệ thông tin còn hạn chế.'],
  },
  { // 5. political standards reviews (Regulation 58)
    done: [
      (f) => `Thẩm định tiêu chuẩn chính trị đối với ${f.k + 2} trường hợp đề nghị kết nạp đảng, quy hoạch, bổ nhiệm.`,
      () => 'Rà soát hồ sơ lý lịch đảng viên, bổ sung tài liệu còn thiếu theo Quy định số 58-QĐ/TW.',
      () => 'Phối hợp cơ quan chức năng xác minh đối với trường hợp có quan hệ ở nước ngoài.',
    ],
    results: [
      () => 'Các kết luận tiêu chuẩn chính trị bảo đảm đúng quy trình, thời hạn.',
      () => 'Hồ sơ lưu trữ đầy đủ, bảo mật theo quy định.',
    ],
    shortcomings: ['', 'Thời gian xác minh một số trường hợp kéo dài quá hạn.'],
    causes: ['', 'Cơ quan được đề nghị phối hợp trả lời chậm.'],
  },
  { // 6. inspection and supervision
    done: [
      (f) => `Xây dựng kế hoạch kiểm tra, giám sát năm; đã kiểm tra ${f.k + 1} chi bộ về công tác bảo vệ chính trị nội bộ.`,
      () => 'Tổ chức đoàn tự kiểm tra tại các khoa, phòng theo bảng kiểm của Ban Bảo vệ chính trị nội bộ.',
      () => 'Giám sát thường xuyên việc thực hiện quy chế dân chủ ở cơ sở.',
    ],
    results: [
      () => 'Qua kiểm tra, kịp thời chấn chỉnh các tồn tại; chưa phát hiện vi phạm phải xử lý kỷ luật.',
      (f) => `Các khoa, phòng đã khắc phục ${f.k + 1} tồn tại sau kiểm tra.`,
    ],
    shortcomings: ['', 'Việc lưu hồ sơ kiểm tra, giám sát chưa đầy đủ.', 'Một số kiến nghị sau kiểm tra khắc phục chậm.'],
    causes: ['', 'Cán bộ kiểm tra kiêm nhiệm, thời gian dành cho nhiệm vụ còn ít.'],
  },
  { // 7. the officers who do this work
    done: [
      (f) => `Cử ${f.k + 1} cán bộ tham gia lớp bồi dưỡng nghiệp vụ bảo vệ chính trị nội bộ do Ban cán sự đảng tổ chức.`,
      () => 'Kiện toàn bộ phận tham mưu công tác bảo vệ chính trị nội bộ, phân công cán bộ chuyên trách.',
    ],
    results: [
      () => 'Đội ngũ cán bộ làm công tác bảo vệ chính trị nội bộ được bồi dưỡng, đáp ứng yêu cầu nhiệm vụ.',
    ],
    shortcomings: ['', 'Cán bộ làm công tác bảo vệ chính trị nội bộ chủ yếu kiêm nhiệm.'],
    causes: ['', 'Biên chế của đơn vị còn hạn chế.'],
  },
  { // 8. laws, regulations and the unit's own rules
    done: [
      () => 'Rà soát quy chế làm việc, quy chế bảo vệ bí mật nhà nước và quy chế văn hóa công sở của đơn vị.',
      (f) => `Sửa đổi, bổ sung ${f.k + 1} quy chế nội bộ cho phù hợp với quy định mới.`,
    ],
    results: [
      () => 'Hệ thống quy chế của đơn vị được cập nhật, phù hợp quy định của Đảng và pháp luật.',
      () => 'Không để xảy ra lộ, lọt bí mật nhà nước.',
    ],
    shortcomings: ['', 'Việc phổ biến quy chế mới tới người lao động hợp đồng còn chậm.'],
    causes: ['', ''],
  },
  { // 9. detecting and handling degradation, reporting up
    done: [
      () => 'Theo dõi, nắm tình hình tư tưởng của cán bộ, đảng viên qua sinh hoạt chi bộ và phản ánh của đoàn thể.',
      () => 'Tổng hợp, báo cáo định kỳ về Ban cán sự đảng qua Ban Bảo vệ chính trị nội bộ đúng thời hạn.',
    ],
    results: [
      () => 'Không phát hiện đảng viên có biểu hiện suy thoái về tư tưởng chính trị, "tự diễn biến", "tự chuyển hóa".',
      () => 'Thông tin được phản ánh kịp thời, đầy đủ.',
    ],
    shortcomings: ['', 'Báo cáo của một số chi bộ gửi chưa đúng hạn.'],
    causes: ['', ''],
  },
]

/** Who in a unit led the work on a requirement: named in many accounts, as units do. */
const LEADS = ['Văn phòng Đảng ủy', 'Phòng Tổ chức cán bộ', 'Phòng Hành chính quản trị', 'Ban Thanh tra nhân dân', 'Công đoàn cơ sở', 'Đoàn Thanh niên', 'Phòng Công nghệ thông tin']

const PROPOSALS = [
  'Đề nghị Ban cán sự đảng tổ chức tập huấn nghiệp vụ cho cán bộ làm công tác bảo vệ chính trị nội bộ.',
  'Đề nghị Ban Bảo vệ chính trị nội bộ ban hành mẫu hồ sơ thẩm định tiêu chuẩn chính trị thống nhất.',
  'Đề nghị Bộ bố trí kinh phí nâng cấp hệ thống bảo đảm an toàn thông tin.',
  '',
]

export interface DemoSection { requirementId: number; done: string; results: string; shortcomings: string; causes: string; proposals: string }

/** One unit's accounts of the letter's requirements (in order), from its own figures and the demo's random stream. */
export function demoNarratives(unitName: string, requirementIds: number[], figures: DirectiveFigures[], rng: () => number): { sections: DemoSection[]; proposals: string } {
  const pick = <T>(xs: T[]) => xs[Math.floor(rng() * xs.length)]
  const f = figures[0]
  const facts = (): Facts => ({
    unit: unitName, sessions: f?.sessions ?? 0, reachedPercent: f?.coverage == null ? null : Math.round(f.coverage * 100),
    actionsDone: f?.actionsDone ?? 0, actionsTotal: f?.actionsTotal ?? 0, k: Math.floor(rng() * 6),
  })
  const sections = requirementIds.map((requirementId, i) => {
    const topic = TOPICS[i % TOPICS.length]
    // Two of the things done, in a unit's own order, when the topic has them.
    const first = pick(topic.done)
    const second = rng() < 0.6 ? pick(topic.done.filter((d) => d !== first)) : undefined
    const lead = rng() < 0.6 ? `${pick(LEADS)} là đầu mối tham mưu, theo dõi và đôn đốc thực hiện.` : undefined
    const done = [first(facts()), second?.(facts()), lead].filter(Boolean).join(' ')
    const shortcomings = pick(topic.shortcomings)
    return { requirementId, done, results: pick(topic.results)(facts()), shortcomings, causes: shortcomings ? pick(topic.causes) : '', proposals: '' }
  })
  return { sections, proposals: pick(PROPOSALS) }
}
