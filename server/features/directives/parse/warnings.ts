// Warnings tell the person confirming a parsed letter what to check by hand. Each starts with
// a stable code so the UI can translate or group them; the text is Vietnamese, then English.

const MESSAGES = {
  NO_NUMBER: ['Không tìm thấy số, ký hiệu văn bản', 'No document number found'],
  NUMBER_BLANK: ['Số văn bản để trống, chỉ có ký hiệu', 'The number is blank; only the symbol is printed'],
  NO_DATE: ['Không tìm thấy ngày ban hành', 'No issue date found'],
  DATE_INVALID: ['Ngày ban hành để trống hoặc không hợp lệ', 'The issue date is blank or impossible'],
  NO_ISSUER: ['Không tìm thấy cơ quan ban hành', 'No issuing body found'],
  NO_SUBJECT: ['Không tìm thấy trích yếu (V/v …) hoặc tên văn bản', 'No subject (V/v …) or title found'],
  NO_ADDRESSEES: ['Không tìm thấy nơi gửi (Kính gửi)', 'No addressees (Kính gửi) found'],
  NO_REQUIREMENTS: ['Không tìm thấy nội dung được đánh số (1., 2., a), -)', 'No numbered requirements found'],
  NO_DISTRIBUTION: ['Không tìm thấy danh sách nơi nhận', 'No distribution list (Nơi nhận) found'],
  UNPLACED_LINE: ['Không xếp được dòng vào phần nào của văn bản', 'Could not place a line'],
} as const

export type WarningCode = keyof typeof MESSAGES

export function warning(code: WarningCode, detail?: string): string {
  const [vi, en] = MESSAGES[code]
  return `${code}: ${vi} / ${en}${detail ? `: «${detail}»` : ''}`
}
