// Vocabulary for generated data: the kinds of units a ministry of health has, directive subjects,
// requirements and the actions units plan for them. Words only; the generator picks among them.

export const HOSPITALS = ['Bạch Mai', 'Chợ Rẫy', 'Hữu nghị Việt Đức', 'Trung ương Huế', 'K', 'Nhi Trung ương', 'Phổi Trung ương', 'E', 'Hữu nghị', 'Thống Nhất',
  'Da liễu Trung ương', 'Mắt Trung ương', 'Nội tiết Trung ương', 'Lão khoa Trung ương', 'Phụ sản Trung ương', 'Răng Hàm Mặt Trung ương', 'Tai Mũi Họng Trung ương',
  'Y học cổ truyền Trung ương', 'Bệnh Nhiệt đới Trung ương', 'Tâm thần Trung ương I', 'Châm cứu Trung ương', 'Đa khoa Trung ương Thái Nguyên', 'Đa khoa Trung ương Cần Thơ',
  'Đa khoa Trung ương Quảng Nam', 'Chỉnh hình và Phục hồi chức năng Đà Nẵng', 'C Đà Nẵng', 'Uông Bí', 'Việt Nam - Thụy Điển Uông Bí', 'Tâm thần Trung ương II', 'Phong - Da liễu Trung ương Quy Hòa']
export const DEPARTMENTS = ['Văn phòng Bộ', 'Vụ Tổ chức cán bộ', 'Vụ Kế hoạch - Tài chính', 'Vụ Pháp chế', 'Thanh tra Bộ', 'Cục Quản lý Khám, chữa bệnh', 'Cục Quản lý Dược',
  'Cục Phòng bệnh', 'Cục An toàn thực phẩm', 'Cục Khoa học công nghệ và Đào tạo', 'Cục Quản lý Y, Dược cổ truyền', 'Cục Bà mẹ và Trẻ em', 'Cục Dân số', 'Vụ Hợp tác quốc tế',
  'Cục Hạ tầng và Thiết bị y tế', 'Vụ Bảo hiểm y tế', 'Cục Quản lý Môi trường y tế', 'Vụ Truyền thông và Thi đua, khen thưởng']
export const INSTITUTES = ['Vệ sinh dịch tễ Trung ương', 'Dinh dưỡng', 'Pasteur Thành phố Hồ Chí Minh', 'Kiểm nghiệm thuốc Trung ương', 'Sốt rét - Ký sinh trùng - Côn trùng Trung ương',
  'Y tế công cộng Thành phố Hồ Chí Minh', 'Pasteur Nha Trang', 'Vệ sinh dịch tễ Tây Nguyên', 'Sức khỏe nghề nghiệp và Môi trường', 'Pháp y Quốc gia', 'Giám định y khoa Trung ương',
  'Trang thiết bị và Công trình y tế', 'Chiến lược và Chính sách y tế', 'Kiểm định quốc gia vắc xin và sinh phẩm y tế']
export const UNIVERSITIES = ['Y Hà Nội', 'Dược Hà Nội', 'Y Dược Thành phố Hồ Chí Minh', 'Y Dược Thái Bình', 'Y tế công cộng', 'Điều dưỡng Nam Định', 'Y Dược Hải Phòng',
  'Kỹ thuật Y tế Hải Dương', 'Kỹ thuật Y - Dược Đà Nẵng', 'Y Dược Cần Thơ']
export const COMPANIES = ['Tổng công ty Dược Việt Nam - CTCP', 'Tổng công ty Thiết bị y tế Việt Nam - CTCP', 'Công ty Vắc xin và Sinh phẩm số 1', 'Công ty Vắc xin Pasteur Đà Lạt']

export const CENTRES = ['Cấp cứu', 'Tim mạch', 'Hô hấp', 'Chống độc', 'Y học hạt nhân và Ung bướu', 'Đột quỵ', 'Bệnh nhiệt đới', 'Dị ứng - Miễn dịch lâm sàng', 'Sức khỏe tâm thần',
  'Dinh dưỡng lâm sàng', 'Đào tạo và Chỉ đạo tuyến', 'Huyết học và Truyền máu', 'Thận tiết niệu và Lọc máu', 'Kiểm soát bệnh tật', 'Khảo thí', 'Thông tin - Thư viện']
export const FACULTIES = ['Nội tổng hợp', 'Ngoại tổng hợp', 'Sản', 'Nhi', 'Hồi sức tích cực', 'Gây mê hồi sức', 'Chẩn đoán hình ảnh', 'Xét nghiệm', 'Dược', 'Kiểm soát nhiễm khuẩn',
  'Y học cổ truyền', 'Phục hồi chức năng', 'Răng Hàm Mặt', 'Tai Mũi Họng', 'Mắt', 'Da liễu', 'Thần kinh', 'Tiêu hóa', 'Cơ xương khớp', 'Nội tiết', 'Y tế công cộng', 'Điều dưỡng',
  'Khoa học cơ bản', 'Y học dự phòng']
export const OFFICES = ['Tổ chức cán bộ', 'Hành chính quản trị', 'Tài chính kế toán', 'Kế hoạch tổng hợp', 'Quản lý chất lượng', 'Điều dưỡng', 'Công tác xã hội', 'Vật tư thiết bị',
  'Công nghệ thông tin', 'Đào tạo', 'Quản lý khoa học', 'Hợp tác quốc tế', 'Thanh tra - Pháp chế', 'Tổng hợp']
export const WARDS = ['Đơn nguyên', 'Buồng bệnh', 'Bộ phận', 'Phòng khám']
export const TEAMS = ['Tổ điều dưỡng', 'Tổ hành chính', 'Tổ kỹ thuật', 'Nhóm chuyên môn', 'Tổ trực', 'Tổ công tác']

export const DOCUMENT_TYPES = [
  { type: 'CV', suffix: 'CV/BCSĐ' },
  { type: 'KH', suffix: 'KH/BCSĐ' },
  { type: 'CT', suffix: 'CT/BCSĐ' },
  { type: 'HD', suffix: 'HD/BBVCTNB' },
  { type: 'TB', suffix: 'TB/BCSĐ' },
]

export const SUBJECTS = [
  'Tăng cường công tác bảo vệ chính trị nội bộ trong tình hình mới',
  'Triển khai thực hiện Quy định số 58-QĐ/TW về một số vấn đề bảo vệ chính trị nội bộ Đảng',
  'Rà soát, thẩm định tiêu chuẩn chính trị cán bộ, viên chức năm',
  'Tăng cường bảo vệ bí mật nhà nước trong các đơn vị sự nghiệp y tế',
  'Kiểm tra công tác bảo vệ chính trị nội bộ tại các đơn vị trực thuộc',
  'Phòng ngừa, ngăn chặn biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống',
  'Quản lý thông tin trên mạng xã hội của cán bộ, viên chức ngành y tế',
  'Sơ kết công tác bảo vệ chính trị nội bộ sáu tháng đầu năm',
  'Bồi dưỡng nghiệp vụ cho cán bộ làm công tác bảo vệ chính trị nội bộ',
  'Thực hiện Kết luận của Bộ Chính trị về công tác bảo vệ chính trị nội bộ',
]

export const REQUIREMENTS = [
  'Tổ chức quán triệt nội dung văn bản tới cấp ủy, lãnh đạo và toàn thể cán bộ, đảng viên, viên chức, người lao động.',
  'Rà soát, bổ sung quy chế làm việc, quy chế bảo vệ bí mật nhà nước của đơn vị.',
  'Thẩm định tiêu chuẩn chính trị đối với cán bộ được đề nghị bổ nhiệm, quy hoạch, cử đi học tập, công tác nước ngoài.',
  'Rà soát danh sách viên chức làm việc tại các bộ phận trọng yếu, cơ mật.',
  'Quản lý chặt chẽ các kênh truyền thông, trang thông tin điện tử, mạng xã hội của đơn vị.',
  'Xây dựng và triển khai kế hoạch kiểm tra, giám sát công tác bảo vệ chính trị nội bộ.',
  'Kiện toàn bộ phận, cán bộ làm công tác bảo vệ chính trị nội bộ; cử cán bộ đi bồi dưỡng nghiệp vụ.',
  'Phối hợp với cơ quan chức năng xác minh, làm rõ các vấn đề chính trị hiện nay theo yêu cầu.',
  'Theo dõi, phát hiện, ngăn chặn và xử lý kịp thời các vi phạm theo quy định.',
  'Tăng cường trách nhiệm nêu gương của người đứng đầu cấp ủy, đơn vị.',
  'Đưa nội dung bảo vệ chính trị nội bộ vào sinh hoạt chi bộ định kỳ.',
  'Tổ chức tập huấn an toàn, an ninh mạng cho cán bộ quản trị hệ thống thông tin.',
  'Rà soát hồ sơ đảng viên, hồ sơ cán bộ theo quy định.',
  'Đôn đốc khắc phục các tồn tại, hạn chế sau kiểm tra.',
  'Tổng hợp, báo cáo kết quả thực hiện về Ban cán sự đảng qua Ban Bảo vệ chính trị nội bộ đúng thời hạn.',
]

export const ACTIONS = [
  'Tổ chức hội nghị quán triệt văn bản tới cấp ủy, lãnh đạo đơn vị',
  'Đưa nội dung vào sinh hoạt chi bộ định kỳ',
  'Tổ chức học tập cho toàn thể viên chức, người lao động',
  'Đăng tải nội dung trên trang thông tin nội bộ',
  'Rà soát danh sách viên chức làm việc tại bộ phận trọng yếu, cơ mật',
  'Kiểm điểm việc thực hiện trách nhiệm nêu gương của người đứng đầu',
  'Rà soát các kênh truyền thông chính thức của đơn vị',
  'Tập huấn an toàn, an ninh mạng cho cán bộ quản trị hệ thống',
  'Rà soát hồ sơ thẩm định tiêu chuẩn chính trị theo Quy định 58-QĐ/TW',
  'Phối hợp cơ quan chức năng xác minh theo yêu cầu',
  'Tổ chức đoàn tự kiểm tra tại các khoa, phòng',
  'Kiện toàn bộ phận làm công tác bảo vệ chính trị nội bộ',
  'Rà soát quy chế bảo vệ bí mật của đơn vị',
  'Đôn đốc khắc phục các tồn tại sau kiểm tra',
  'Tổng hợp, báo cáo kết quả về Ban Bảo vệ chính trị nội bộ',
]

export const SESSION_FORMS = ['meeting', 'meeting', 'conference', 'online', 'document', 'other'] as const

// Confidential cases: what is sealed in them. Procedure only, as a real case file reads.
export const REVIEW_NOTES = [
  'Đơn vị đề nghị thẩm định tiêu chuẩn chính trị; hồ sơ gửi kèm công văn của đơn vị.',
  'Đề nghị thẩm định tiêu chuẩn chính trị trước khi bố trí vào vị trí công tác mới.',
  'Hồ sơ gồm bản tự khai lý lịch, nhận xét của chi bộ và của thủ trưởng đơn vị.',
]
export const VIOLATION_NOTES = [
  'Từ kết luận kiểm tra: chưa thực hiện đúng quy định về quản lý, lưu trữ tài liệu mật.',
  'Tin báo: sử dụng máy tính có kết nối Internet để soạn thảo tài liệu có nội dung mật.',
  'Báo cáo của đơn vị: mang tài liệu có đóng dấu "Mật" ra khỏi cơ quan khi chưa được phép.',
]
export const STEP_NOTES: Record<string, string[]> = {
  screening: ['Hồ sơ đủ thành phần.', 'Còn thiếu bản nhận xét của đoàn thể nơi công tác; đã đề nghị bổ sung.'],
  verificationDecision: ['Quyết định thẩm tra, xác minh; tổ thẩm tra gồm 3 đồng chí.'],
  verification: ['Kết quả xác minh phù hợp với hồ sơ.', 'Đã làm việc với đơn vị và với người được thẩm định.'],
  conclusion: ['Kết luận về tiêu chuẩn chính trị; trình cấp ủy phê duyệt.'],
  approved: [''],
  subjectNotified: ['Đề nghị gửi bản giải trình về Ban Bảo vệ chính trị nội bộ trong thời hạn quy định.'],
  explanationReceived: ['Đã nhận bản giải trình và biên bản kiểm điểm.'],
  decision: ['Quyết định thi hành kỷ luật; có quyền khiếu nại trong thời hạn quy định.', 'Quyết định không thi hành kỷ luật, nhắc nhở rút kinh nghiệm.'],
  closed: ['Hết thời hạn khiếu nại; kết thúc hồ sơ.'],
}
export const AGENCIES = ['Công an phường nơi cư trú', 'Chi ủy nơi cư trú', 'Đơn vị công tác cũ', 'Trung tâm Y tế huyện nơi công tác trước đây', 'Đảng ủy nơi sinh hoạt trước đây']
export const AGENCY_ASKS = ['Đề nghị xác nhận nội dung bản tự khai lý lịch.', 'Đề nghị nhận xét quá trình công tác.', 'Đề nghị nhận xét việc chấp hành chính sách, pháp luật tại nơi cư trú.']
export const AGENCY_REPLIES = ['Nội dung phù hợp với hồ sơ quản lý.', 'Đã gửi bản nhận xét; không có nội dung ảnh hưởng đến tiêu chuẩn chính trị.']

// Inspections: what plan items cover, what teams find and ask units to correct, checklist items.
export const INSPECTION_TOPICS = [
  'việc thực hiện công tác bảo vệ chính trị nội bộ',
  'việc quán triệt, triển khai văn bản chỉ đạo của Ban cán sự đảng',
  'công tác bảo vệ bí mật nhà nước',
  'việc quản lý bộ phận trọng yếu, cơ mật',
  'việc quản lý các kênh truyền thông chính thức của đơn vị',
  'việc thẩm định tiêu chuẩn chính trị theo Quy định 58-QĐ/TW',
  'việc kiện toàn cán bộ làm công tác bảo vệ chính trị nội bộ',
]
export const FINDING_STRENGTHS = [
  'Đơn vị quán triệt văn bản đến 100% chi bộ, có kế hoạch thực hiện cụ thể.',
  'Đơn vị thực hiện nghiêm chế độ báo cáo định kỳ.',
  'Có danh mục bí mật nhà nước được phê duyệt, sổ sách theo dõi đầy đủ.',
  'Cấp ủy, người đứng đầu quan tâm chỉ đạo công tác bảo vệ chính trị nội bộ.',
]
export const FINDING_SHORTCOMINGS = [
  'Quy chế bảo vệ bí mật nhà nước chưa cập nhật theo quy định mới.',
  'Danh sách vị trí trọng yếu, cơ mật chưa được rà soát hằng năm.',
  'Sổ theo dõi văn bản mật ghi chép chưa đầy đủ.',
  'Chưa phân công cán bộ làm công tác bảo vệ chính trị nội bộ bằng văn bản.',
  'Trang thông tin điện tử chưa có quy chế duyệt tin bài.',
  'Hồ sơ quán triệt một số khoa, phòng còn thiếu danh sách tham dự.',
  'Tài khoản quản trị trang thông tin dùng chung, chưa bật xác thực hai lớp.',
  'Chưa báo cáo kết quả thực hiện đúng thời hạn.',
]
export const FINDING_VIOLATIONS = [
  'Lưu giữ tài liệu mật không đúng quy định tại một số khoa, phòng.',
  'Soạn thảo tài liệu có nội dung mật trên máy tính kết nối Internet.',
  'Cung cấp thông tin nội bộ ra ngoài khi chưa được phép.',
]
export const CORRECTIVE_ACTIONS = [
  'Ban hành lại quy chế bảo vệ bí mật nhà nước',
  'Rà soát danh sách vị trí trọng yếu, cơ mật',
  'Hoàn thiện sổ theo dõi văn bản mật',
  'Ban hành quyết định phân công cán bộ làm công tác bảo vệ chính trị nội bộ',
  'Ban hành quy chế duyệt tin bài trên trang thông tin điện tử',
  'Bổ sung danh sách tham dự vào hồ sơ quán triệt',
  'Bật xác thực hai lớp cho mọi tài khoản quản trị',
  'Tổ chức tập huấn nghiệp vụ bảo vệ bí mật nhà nước cho văn thư các khoa',
  'Kiểm điểm trách nhiệm tập thể, cá nhân có liên quan',
  'Báo cáo kết quả khắc phục về Ban Bảo vệ chính trị nội bộ',
]
export const REQUEST_ITEMS = [
  'Quy chế bảo vệ bí mật nhà nước của đơn vị', 'Sổ theo dõi văn bản mật năm gần nhất', 'Danh sách vị trí trọng yếu, cơ mật',
  'Báo cáo tự kiểm tra công tác bảo vệ chính trị nội bộ', 'Kế hoạch triển khai văn bản chỉ đạo', 'Biên bản hội nghị quán triệt',
]
export const CHECKLIST_ITEMS: { area: 'documents' | 'stateSecrets' | 'unitRules' | 'directive' | 'other'; text: string }[] = [
  { area: 'documents', text: 'Đơn vị có sổ theo dõi, quản lý văn bản đi, đến được cập nhật đầy đủ' },
  { area: 'stateSecrets', text: 'Đơn vị có quy chế bảo vệ bí mật nhà nước còn hiệu lực' },
  { area: 'stateSecrets', text: 'Tài liệu mật được lưu giữ trong tủ có khóa, có sổ giao nhận' },
  { area: 'unitRules', text: 'Quy chế làm việc của đơn vị quy định trách nhiệm bảo vệ chính trị nội bộ' },
  { area: 'directive', text: 'Đơn vị đã tổ chức quán triệt văn bản chỉ đạo đến toàn thể đảng viên' },
  { area: 'other', text: 'Các kênh truyền thông chính thức của đơn vị được rà soát an ninh định kỳ' },
]

// Key positions: titles by why they are key.
export const KEY_POSITIONS: { classification: string; title: string; department: string }[] = [
  { classification: 'stateSecretConfidential', title: 'Văn thư lưu trữ tài liệu mật', department: 'Phòng Hành chính quản trị' },
  { classification: 'stateSecretSecret', title: 'Cán bộ quản lý hồ sơ mật', department: 'Phòng Tổ chức cán bộ' },
  { classification: 'stateSecretTopSecret', title: 'Cán bộ quản lý tài liệu tuyệt mật', department: 'Văn phòng' },
  { classification: 'finance', title: 'Kế toán trưởng', department: 'Phòng Tài chính kế toán' },
  { classification: 'finance', title: 'Thủ quỹ', department: 'Phòng Tài chính kế toán' },
  { classification: 'personnel', title: 'Trưởng phòng Tổ chức cán bộ', department: 'Phòng Tổ chức cán bộ' },
  { classification: 'personnel', title: 'Chuyên viên quản lý hồ sơ cán bộ', department: 'Phòng Tổ chức cán bộ' },
  { classification: 'procurement', title: 'Chuyên viên mua sắm, đấu thầu', department: 'Phòng Vật tư thiết bị' },
  { classification: 'itAdministration', title: 'Quản trị hệ thống công nghệ thông tin', department: 'Phòng Công nghệ thông tin' },
  { classification: 'itAdministration', title: 'Quản trị cơ sở dữ liệu', department: 'Phòng Công nghệ thông tin' },
  { classification: 'other', title: 'Cán bộ phụ trách phát ngôn', department: 'Văn phòng' },
]
export const COURSE_TITLES = [
  'Bồi dưỡng nghiệp vụ công tác bảo vệ chính trị nội bộ', 'Tập huấn thực hiện Quy định 58-QĐ/TW', 'Tập huấn công tác bảo vệ bí mật nhà nước',
  'Bồi dưỡng kỹ năng thẩm định, xác minh tiêu chuẩn chính trị', 'Tập huấn an toàn, an ninh mạng cho cán bộ làm công tác bảo vệ chính trị nội bộ',
]
export const COURSE_ORGANIZERS = ['Ban Bảo vệ chính trị nội bộ Bộ Y tế', 'Ban Tổ chức Trung ương phối hợp Ban BVCTNB Bộ Y tế', 'Học viện Chính trị quốc gia Hồ Chí Minh']

// Channels and incidents.
export const INCIDENT_SUMMARIES: Record<string, string[]> = {
  account_takeover: ['Tài khoản quản trị trang bị chiếm quyền sau khi đăng nhập vào đường dẫn lừa đảo.', 'Mất quyền quản trị kênh do lộ mật khẩu của một quản trị viên.'],
  impersonation: ['Phát hiện trang giả mạo dùng tên, logo của đơn vị để nhận đặt lịch khám có thu phí.', 'Tài khoản mạo danh đơn vị nhắn tin đề nghị người bệnh chuyển tiền.'],
  false_information: ['Bài đăng sai sự thật về hoạt động khám, chữa bệnh của đơn vị lan truyền trên mạng xã hội.', 'Thông tin xuyên tạc về công tác cán bộ của đơn vị.'],
  defacement: ['Trang chủ cổng thông tin bị thay đổi giao diện trái phép.', 'Trang tin bị chèn nội dung quảng cáo lạ.'],
  data_leak: ['Phát hiện dữ liệu người bệnh bị đăng tải công khai trên một diễn đàn.', 'Lộ danh sách tài khoản thư điện tử công vụ.'],
  malware: ['Máy tính tại bộ phận văn thư nhiễm mã độc mã hóa dữ liệu.', 'Phát hiện mã độc trên máy chủ cổng thông tin.'],
}
export const INCIDENT_STEPS = [
  'Tạm dừng kênh, thông báo cho người dùng', 'Liên hệ nền tảng yêu cầu hỗ trợ', 'Khôi phục quyền quản trị, gỡ quản trị viên lạ',
  'Khôi phục dữ liệu từ bản sao lưu', 'Rà soát, vá lỗ hổng', 'Bật xác thực hai lớp cho mọi quản trị viên',
]
export const INCIDENT_LESSONS = [
  'Mọi quản trị viên phải bật xác thực hai lớp; không đăng nhập qua đường dẫn lạ.', 'Rà soát trang giả mạo định kỳ hằng tháng.',
  'Sao lưu định kỳ và kiểm tra khả năng khôi phục.', 'Phổ biến quy chế phát ngôn, đăng tin cho toàn đơn vị.',
]
