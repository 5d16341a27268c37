// Error codes shared by server and web. The server maps each to an HTTP status in one place
// (server/http/errors.ts); the messages here are what a user reads, Vietnamese first.
import { z } from 'zod'

export type Lang = 'vi' | 'en'

export const ERRORS = {
  VALIDATION: { status: 400, vi: 'Dữ liệu không hợp lệ', en: 'Invalid input' },
  MALFORMED_JSON: { status: 400, vi: 'Nội dung gửi lên không phải JSON hợp lệ', en: 'The request body is not valid JSON' },
  BODY_TOO_LARGE: { status: 413, vi: 'Nội dung gửi lên quá lớn', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, vi: 'Kiểu nội dung không được hỗ trợ', en: 'Unsupported content type' },
  UNAUTHENTICATED: { status: 401, vi: 'Bạn cần đăng nhập', en: 'Sign-in required' },
  BAD_CREDENTIALS: { status: 401, vi: 'Tên đăng nhập hoặc mật khẩu không đúng', en: 'Wrong username or password' },
  TOTP_REQUIRED: { status: 401, vi: 'Cần mã xác thực hai lớp (TOTP)', en: 'A two-factor code (TOTP) is required' },
  TOTP_INVALID: { status: 401, vi: 'Mã xác thực hai lớp không đúng', en: 'Wrong two-factor code' },
  MFA_SETUP_REQUIRED: { status: 403, vi: 'Vai trò của bạn bắt buộc bật xác thực hai lớp trước khi tiếp tục', en: 'Your role requires two-factor authentication to be set up first' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, vi: 'Bạn cần đổi mật khẩu trước khi tiếp tục', en: 'Change your password before going on' },
  TOO_MANY_ATTEMPTS: { status: 429, vi: 'Quá nhiều lần đăng nhập sai. Vui lòng thử lại sau', en: 'Too many failed sign-ins. Try again later' },
  CSRF: { status: 403, vi: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF)', en: 'Missing or wrong CSRF token' },
  FORBIDDEN: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy', en: 'Not found' },
  CONFLICT: { status: 409, vi: 'Dữ liệu đã bị người khác thay đổi. Hãy tải lại và thử lại', en: 'Someone else changed this record. Reload and try again' },
  DUPLICATE: { status: 409, vi: 'Đã tồn tại bản ghi trùng', en: 'A record with this value already exists' },
  INVALID_STATE: { status: 409, vi: 'Thao tác không hợp lệ ở trạng thái hiện tại', en: 'Not allowed in the current state' },
  UNSUPPORTED_FILE: { status: 400, vi: 'Định dạng tệp không được hỗ trợ. Hãy dùng tệp văn bản (.txt), Word (.docx), PDF hoặc ảnh quét (PNG, JPEG)', en: 'Unsupported file type. Use a text file (.txt), Word (.docx), a PDF or a scanned image (PNG, JPEG)' },
  NO_TEXT_LAYER: { status: 422, vi: 'Tệp PDF không có lớp chữ (có thể là bản quét). Hãy dùng bản PDF xuất từ Word hoặc dán nội dung văn bản', en: 'The PDF has no text layer (it may be a scan). Use a PDF exported from Word, or paste the text' },
  UNREADABLE_FILE: { status: 400, vi: 'Không đọc được tệp: tệp bị hỏng, bị mã hóa hoặc không đúng định dạng', en: 'The file cannot be read: it is damaged, encrypted or not what its name says' },
  OCR_UNAVAILABLE: { status: 422, vi: 'Tệp là bản quét hoặc ảnh nên cần nhận dạng chữ (OCR), nhưng máy chủ chưa cài Tesseract. Quản trị viên cần cài: apt-get install tesseract-ocr tesseract-ocr-vie', en: 'The file is a scan or an image and needs OCR, but Tesseract is not installed on the server. The administrator must install: apt-get install tesseract-ocr tesseract-ocr-vie' },
  INTERNAL: { status: 500, vi: 'Lỗi hệ thống. Vui lòng thử lại sau', en: 'Internal error. Please try again later' },
  DATABASE_UNAVAILABLE: { status: 503, vi: 'Cơ sở dữ liệu tạm thời không phản hồi. Dữ liệu chưa được lưu; vui lòng thử lại sau ít phút', en: 'The database is not answering. Nothing was saved; try again in a few minutes' },
  STORAGE_FULL: { status: 507, vi: 'Máy chủ đã hết dung lượng lưu trữ. Dữ liệu chưa được lưu; hãy báo quản trị viên', en: 'The server has run out of storage. Nothing was saved; tell the administrator' },
} as const

export type ErrorCode = keyof typeof ERRORS
export const ERROR_CODES = Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]]

/** A row of an imported file that cannot be taken, with why (a field-message key) in the caller's language. */
export const rowErrorDto = z.object({ row: z.number().int(), value: z.string(), reason: z.string(), message: z.string() })
export type RowErrorDto = z.infer<typeof rowErrorDto>

/**
 * Every 4xx/5xx answer. `fields` names each bad field (`name`, `roles.0.unitId`, `rows.7`);
 * errors may carry more (e.g. `current`, the fresh record, on CONFLICT; `rows` on a refused import).
 */
export const errorBody = z.object({
  error: z.looseObject({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    rows: z.array(rowErrorDto).optional(),
  }),
}).meta({ id: 'Error' })
export type ErrorBody = z.infer<typeof errorBody>

/** Field-level messages, keyed by what went wrong. {n} is replaced by a number. */
export const FIELD_MESSAGES = {
  required: { vi: 'Bắt buộc nhập', en: 'Required' },
  type: { vi: 'Sai kiểu dữ liệu (cần {n})', en: 'Wrong type (expected {n})' },
  unknown: { vi: 'Trường không được phép', en: 'Unknown field' },
  tooShort: { vi: 'Quá ngắn (tối thiểu {n})', en: 'Too short (at least {n})' },
  tooLong: { vi: 'Quá dài (tối đa {n})', en: 'Too long (at most {n})' },
  tooSmall: { vi: 'Giá trị quá nhỏ (tối thiểu {n})', en: 'Too small (at least {n})' },
  tooBig: { vi: 'Giá trị quá lớn (tối đa {n})', en: 'Too large (at most {n})' },
  enum: { vi: 'Giá trị không nằm trong danh sách cho phép: {n}', en: 'Must be one of: {n}' },
  format: { vi: 'Sai định dạng', en: 'Invalid format' },
  date: { vi: 'Ngày không hợp lệ (cần yyyy-mm-dd)', en: 'Invalid date (expected yyyy-mm-dd)' },
  cycle: { vi: 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó', en: 'A unit cannot move under itself or one of its sub-units' },
  notFound: { vi: 'Không tồn tại hoặc ngoài phạm vi của bạn', en: 'Does not exist or is outside your scope' },
  taken: { vi: 'Giá trị đã được sử dụng', en: 'Already in use' },
  inactive: { vi: 'Đơn vị đã ngừng hoạt động', en: 'The unit is inactive' },
  weakPassword: { vi: 'Mật khẩu cần ít nhất 12 ký tự, gồm chữ và số', en: 'Password needs at least 12 characters, letters and digits' },
  commonPassword: { vi: 'Mật khẩu quá phổ biến, dễ đoán', en: 'This password is too common to be safe' },
  passwordIsUsername: { vi: 'Mật khẩu không được chứa tên đăng nhập', en: 'The password may not contain the username' },
  passwordUnchanged: { vi: 'Mật khẩu mới phải khác mật khẩu hiện tại', en: 'The new password must differ from the current one' },
  wrongPassword: { vi: 'Mật khẩu hiện tại không đúng', en: 'Current password is wrong' },
  lockedAfterIssue: { vi: 'Không thể sửa các yêu cầu sau khi văn bản đã ban hành', en: 'Requirements cannot change once the directive is issued' },
  notAddressee: { vi: 'Đơn vị không có trong danh sách nơi nhận của văn bản', en: 'The unit is not an addressee of the directive' },
  notListedAddressee: { vi: 'Nơi đồng kính gửi phải là một trong các nơi "Kính gửi" của văn bản', en: 'A co-addressee must be one of the directive’s addressees' },
  planLocked: { vi: 'Kế hoạch đã trình, không thể thêm, xóa hoặc đổi hạn các nhiệm vụ', en: 'The plan has been submitted: actions cannot be added, removed or rescheduled' },
  missingActions: { vi: 'Mỗi yêu cầu cần ít nhất một nhiệm vụ: còn thiếu {n}', en: 'Every requirement needs at least one action; missing: {n}' },
  notInPlan: { vi: 'Không thuộc kế hoạch này', en: 'Not part of this plan' },
  completedOnRequired: { vi: 'Cần ngày hoàn thành khi nhiệm vụ đã xong', en: 'A completion date is required when the action is done' },
  afterToday: { vi: 'Không được sau ngày hôm nay', en: 'Cannot be later than today' },
  notLater: { vi: 'Hạn mới phải sau hạn hiện tại', en: 'The new deadline must be later than the current one' },
  scopeRequired: { vi: 'Vai trò này phải gắn với một đơn vị', en: 'This role needs a unit scope' },
  notInDirective: { vi: 'Yêu cầu không thuộc văn bản này', en: 'The requirement is not part of this directive' },
  notInUnit: { vi: 'Không phải cán bộ của đơn vị hoặc đơn vị cấp dưới', en: 'Not a person of the unit or its sub-units' },
  personInactive: { vi: 'Người này không còn công tác tại đơn vị', en: 'This person is no longer active' },
  future: { vi: 'Ngày tổ chức không được sau ngày hôm nay', en: 'The date cannot be in the future' },
  beforeDirective: { vi: 'Ngày tổ chức trước ngày của văn bản ({n})', en: 'The date is before the directive’s date ({n})' },
  fileRequired: { vi: 'Cần gửi kèm tệp danh sách (.xlsx hoặc .csv)', en: 'Attach a roster file (.xlsx or .csv)' },
  fileType: { vi: 'Chỉ nhận tệp .xlsx hoặc .csv (tệp .xls cần lưu lại thành .xlsx)', en: 'Only .xlsx or .csv files (save an .xls file as .xlsx)' },
  fileUnreadable: { vi: 'Không đọc được tệp', en: 'The file cannot be read' },
  ocrUnavailable: { vi: 'Máy chủ chưa cài Tesseract để đọc bản quét (apt-get install tesseract-ocr tesseract-ocr-vie)', en: 'Tesseract is not installed on the server to read scans (apt-get install tesseract-ocr tesseract-ocr-vie)' },
  fileTooLarge: { vi: 'Tệp quá lớn (tối đa {n} MB)', en: 'The file is too large (at most {n} MB)' },
  noNameColumn: { vi: 'Không tìm thấy cột "Họ và tên" ở dòng tiêu đề', en: 'No "Full name" column in the header row' },
  emptyRoster: { vi: 'Danh sách không có dòng dữ liệu nào', en: 'The roster has no data rows' },
  tooManyRows: { vi: 'Danh sách quá dài (tối đa {n} dòng)', en: 'The roster is too long (at most {n} rows)' },
  rowNotFound: { vi: 'Không tìm thấy người có họ tên này trong đơn vị: "{n}"', en: 'No person with this name in the unit: "{n}"' },
  rowAmbiguous: { vi: 'Nhiều người trùng họ tên "{n}"; thêm cột Chức vụ hoặc Email để phân biệt', en: 'Several people are named "{n}"; add a Position or Email column to tell them apart' },
  rowInactive: { vi: 'Người này không còn công tác tại đơn vị: "{n}"', en: 'This person is no longer active: "{n}"' },
  rowDuplicate: { vi: 'Trùng người với dòng {n}', en: 'Same person as row {n}' },
  rowEmptyName: { vi: 'Dòng thiếu họ và tên', en: 'The row has no full name' },
  noPerson: { vi: 'Tài khoản chưa gắn với cán bộ nào', en: 'This account is not linked to a person' },
  noLetter: { vi: 'Cần có ít nhất một chữ cái hoặc chữ số nhìn thấy được', en: 'Needs at least one visible letter or digit' },
  badText: { vi: 'Có ký tự không hợp lệ (ký tự NUL hoặc mã Unicode lẻ)', en: 'Contains an invalid character (NUL or a lone Unicode surrogate)' },
  tooDeep: { vi: 'Cấu trúc lồng nhau quá sâu', en: 'Nested too deeply' },
  selfGrant: { vi: 'Không ai được tự cấp vai trò cho chính mình', en: 'Nobody may grant a role to themself' },
  fourEyes: { vi: 'Người đề nghị hoặc người được cấp không được tự phê duyệt', en: 'The requester and the account itself may not approve' },
  adminNotAllowed: { vi: 'Tài khoản quản trị hệ thống không được xem hồ sơ mật', en: 'Administrator accounts may not read confidential cases' },
  notSubject: { vi: 'Chỉ người được thông báo mới gửi được ý kiến', en: 'Only the person notified may answer' },
  pastDue: { vi: 'Đã quá thời hạn', en: 'The deadline has passed' },
  noSecrets: { vi: 'BVCT không lưu mật khẩu, mã xác thực hay khóa bí mật; hãy bỏ thông tin này', en: 'BVCT keeps no passwords, codes or secret keys; leave this out' },
  personalAccount: { vi: 'Đây là tài khoản cá nhân, không phải kênh chính thức do đơn vị quản lý', en: 'This is a personal account, not an official channel the unit controls' },
  notUnitControlled: { vi: 'Liên hệ khôi phục phải do đơn vị quản lý (hộp thư công vụ, số điện thoại của đơn vị), không dùng hộp thư cá nhân', en: 'Recovery contacts must be under the unit’s control (an official mailbox or phone), not a personal mailbox' },
  findingsRequired: { vi: 'Có nội dung kiểm tra chưa đạt: cần ghi phát hiện và việc khắc phục', en: 'A check failed: record the findings and the follow-up actions' },
  beforeDetected: { vi: 'Không được trước thời điểm phát hiện sự cố', en: 'Cannot be before the incident was detected' },
  notInList: { vi: 'Không có trong danh sách cho phép: {n}', en: 'Not on the allowed list: {n}' },
  inFuture: { vi: 'Không được là thời điểm trong tương lai', en: 'Cannot be in the future' },
  otherUnitChannel: { vi: 'Kênh không thuộc đơn vị này', en: 'The channel is not this unit’s' },
  beforeResponse: { vi: 'Không được trước lần báo cáo hoặc bước xử lý đã ghi', en: 'Cannot be before a report or step already recorded' },
  afterResponse: { vi: 'Không được sau lần báo cáo hoặc bước xử lý đã ghi', en: 'Cannot be after a report or step already recorded' },
  // Key positions, officers and training, materials (issue 13).
  noTitleColumn: { vi: 'Không tìm thấy cột "Vị trí" ở dòng tiêu đề', en: 'No "Position" column in the header row' },
  rowEmptyTitle: { vi: 'Dòng thiếu tên vị trí', en: 'The row has no position title' },
  rowBadValue: { vi: 'Giá trị không hợp lệ: "{n}"', en: 'Invalid value: "{n}"' },
  rowUnknownUnit: { vi: 'Không có đơn vị mã "{n}" trong phạm vi của bạn', en: 'No unit with code "{n}" in your scope' },
  rowDuplicatePosition: { vi: 'Trùng vị trí với dòng {n}', en: 'Same position as row {n}' },
  rowAmbiguousHolder: { vi: 'Nhiều người trùng họ tên "{n}" trong đơn vị: hãy chọn người giữ vị trí trên sổ vị trí', en: 'Several people in the unit are named "{n}": pick the holder in the register' },
  notBefore: { vi: 'Không được trước ngày {n}', en: 'Cannot be before {n}' },
  alreadyOfficer: { vi: 'Người này đang là cán bộ làm công tác BVCTNB của đơn vị', en: 'This person is already an officer of the unit' },
  alreadyHolder: { vi: 'Người này đang giữ vị trí', en: 'This person already holds the position' },
  alreadyAttendee: { vi: 'Người này đã có trong danh sách học viên', en: 'This person is already on the course' },
  materialNotInDirective: { vi: 'Tài liệu không thuộc văn bản của phiên quán triệt này', en: 'The material is not one of this session’s directive' },
  // Inspections, corrective actions and self-inspection checklists (issue 11).
  periodTooLong: { vi: 'Thời kỳ kiểm tra chỉ được trong {n} năm gần nhất', en: 'The period reviewed may reach back at most {n} years' },
  teamTooSmall: { vi: 'Đoàn cần ít nhất {n} thành viên', en: 'The team needs at least {n} members' },
  notInspector: { vi: 'Tài khoản không có vai trò thành viên đoàn kiểm tra', en: 'The account does not hold the inspector role' },
  oneLead: { vi: 'Đoàn phải có đúng một trưởng đoàn', en: 'The team needs exactly one lead' },
  extensionLimit: { vi: 'Đã gia hạn đủ số lần cho phép ({n})', en: 'Already extended the number of times allowed ({n})' },
  extensionTooLong: { vi: 'Gia hạn không được quá ngày {n} (thêm tối đa 1/3 thời hạn)', en: 'Cannot extend past {n} (at most a third of the time limit)' },
  evidenceRequired: { vi: 'Cần gửi kèm minh chứng trước khi báo cáo đã khắc phục', en: 'Attach evidence before reporting the work done' },
  notSubjectUnit: { vi: 'Đơn vị không thuộc đối tượng của cuộc kiểm tra, giám sát này', en: 'The unit is not a subject of this inspection' },
  inspectionPlanLocked: { vi: 'Kế hoạch kiểm tra, giám sát đã trình hoặc đã phê duyệt, không thể sửa', en: 'The inspection plan has been submitted or approved and cannot change' },
  unanswered: { vi: 'Còn {n} nội dung chưa trả lời', en: '{n} item(s) not answered' },
  nextPhase: { vi: 'Chỉ chuyển được sang giai đoạn tiếp theo: {n}', en: 'Only the next phase may follow: {n}' },
  notInInspection: { vi: 'Không thuộc cuộc kiểm tra, giám sát này', en: 'Not part of this inspection' },
} as const

export type FieldMessageKey = keyof typeof FIELD_MESSAGES

export function fieldMessage(key: FieldMessageKey, lang: Lang, n?: string | number): string {
  return FIELD_MESSAGES[key][lang].replace('{n}', String(n ?? ''))
}

export const isFieldMessageKey = (key: string): key is FieldMessageKey => key in FIELD_MESSAGES
