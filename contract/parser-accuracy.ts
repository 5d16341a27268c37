// How exact the directive parser is on the letters people register (issue 15, point 8): when the
// board confirms a parsed letter, every field the person changed is recorded; per field and
// period, the exact rate is 1 − corrected / reviewed.
import { z } from 'zod'
import { PARSE_SOURCE_KINDS } from './directive-parse.ts'
import type { Role } from './roles.ts'

/** The administrator watches the parser; the board, who confirms the letters, may look too. */
export const PARSER_ACCURACY_ROLES: readonly Role[] = ['admin', 'board']

/** The fields compared between the parser's proposal and what the person confirmed. */
export const CORRECTABLE_FIELDS = [
  'number', 'documentType', 'parentBody', 'issuer', 'place', 'date', 'subject', 'addressees', 'coAddressees', 'preamble', 'requirements', 'closing', 'distribution',
  'signature', 'references',
] as const
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number]

export const CORRECTABLE_FIELD_LABELS: Record<CorrectableField, { vi: string; en: string }> = {
  number: { vi: 'Số, ký hiệu', en: 'Number' },
  documentType: { vi: 'Loại văn bản', en: 'Document type' },
  parentBody: { vi: 'Cơ quan cấp trên', en: 'Parent body' },
  issuer: { vi: 'Cơ quan ban hành', en: 'Issuer' },
  place: { vi: 'Địa danh', en: 'Place' },
  date: { vi: 'Ngày ban hành', en: 'Date' },
  subject: { vi: 'Trích yếu', en: 'Subject' },
  addressees: { vi: 'Nơi gửi', en: 'Addressees' },
  coAddressees: { vi: 'Đồng kính gửi', en: 'Co-addressees' },
  preamble: { vi: 'Phần mở đầu', en: 'Preamble' },
  requirements: { vi: 'Nội dung yêu cầu', en: 'Requirements' },
  closing: { vi: 'Phần kết', en: 'Closing' },
  distribution: { vi: 'Nơi nhận', en: 'Distribution' },
  signature: { vi: 'Người ký', en: 'Signer' },
  references: { vi: 'Văn bản dẫn chiếu', en: 'References' },
}

export const PARSE_SOURCE_LABELS: Record<(typeof PARSE_SOURCE_KINDS)[number], { vi: string; en: string }> = {
  text: { vi: 'Văn bản dán / .txt', en: 'Pasted / .txt' },
  docx: { vi: 'Word (.docx)', en: 'Word (.docx)' },
  pdf: { vi: 'PDF có lớp chữ', en: 'PDF with text' },
  ocr: { vi: 'Bản quét (OCR)', en: 'Scan (OCR)' },
}

export const parserAccuracyQuery = z.strictObject({
  period: z.enum(['month', 'week']).default('month'),
  kind: z.enum(PARSE_SOURCE_KINDS).optional(),
  /** How many periods back from the current one (the current one included). */
  periods: z.coerce.number().int().min(1).max(60).default(12),
})

export const fieldAccuracyDto = z.object({
  field: z.enum(CORRECTABLE_FIELDS),
  corrected: z.number().int(),
  /** 1 − corrected / reviewed; null without any review. */
  exactRate: z.number().nullable(),
})
export type FieldAccuracyDto = z.infer<typeof fieldAccuracyDto>

export const accuracyPeriodDto = z.object({
  /** "2026-12" for a month, "2026-W49" for an ISO week (Vietnamese time). */
  period: z.string(),
  reviewed: z.number().int(),
  fields: z.array(fieldAccuracyDto),
})
export type AccuracyPeriodDto = z.infer<typeof accuracyPeriodDto>

export const parserAccuracyDto = z.object({
  period: z.enum(['month', 'week']),
  kind: z.enum(PARSE_SOURCE_KINDS).nullable(),
  /** Newest first; only periods with at least one review. */
  periods: z.array(accuracyPeriodDto),
  /** Every period of the window together. */
  total: accuracyPeriodDto,
  byKind: z.array(z.object({ kind: z.enum(PARSE_SOURCE_KINDS), reviewed: z.number().int() })),
})
export type ParserAccuracyDto = z.infer<typeof parserAccuracyDto>
