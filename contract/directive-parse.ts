import { z } from 'zod'

// What the directive-letter parser proposes for a person to confirm. Every field may be missing
// from a real letter, so strings are nullable and `warnings` says what could not be placed.

export interface Requirement {
  /** The label as the letter shows it: "1.", "a)", "I.", "-", "+", "•", "1.1.", "Điều 1." */
  label: string
  text: string
  /** The requirement's own deadline as the letter states it (ISO), null when written but not placeable; absent when none. */
  deadline?: string | null
  /** The words the deadline came from: "trước ngày 20/12/2026". */
  deadlinePhrase?: string
  children: Requirement[]
}

export const requirement: z.ZodType<Requirement> = z.object({
  label: z.string(),
  text: z.string(),
  deadline: z.string().nullable().optional(),
  deadlinePhrase: z.string().optional(),
  get children() {
    return z.array(requirement)
  },
})

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

export const directiveReference = z.object({
  number: z.string().min(1),
  date: isoDate.nullable(),
  issuer: z.string().nullable(),
})
export type DirectiveReference = z.infer<typeof directiveReference>

/** Where a parsed letter's text came from: pasted or a .txt file, Word, a PDF's text layer, or OCR of a scan. */
export const PARSE_SOURCE_KINDS = ['text', 'docx', 'pdf', 'ocr'] as const
export type ParseSourceKind = (typeof PARSE_SOURCE_KINDS)[number]

/** The fields whose words OCR confidence is reported for (documentType comes from the number). */
export const OCR_FIELDS = ['parentBody', 'issuer', 'number', 'place', 'date', 'subject', 'addressees', 'preamble', 'requirements', 'closing', 'distribution'] as const
export type OcrField = (typeof OCR_FIELDS)[number]

export const ocrFieldConfidence = z.object({
  field: z.enum(OCR_FIELDS),
  /** Mean confidence (0–100) of the words the field was read from. */
  confidence: z.number(),
  /** The field's words Tesseract was unsure of, as it read them (at most 10). */
  lowWords: z.array(z.string()),
  isLow: z.boolean(),
})
export type OcrFieldConfidence = z.infer<typeof ocrFieldConfidence>

/** How sure OCR was of a scanned letter, overall and per field; low fields are for a person to check. */
export const ocrReport = z.object({
  pages: z.number().int(),
  meanConfidence: z.number(),
  fields: z.array(ocrFieldConfidence),
  lowConfidenceFields: z.array(z.enum(OCR_FIELDS)),
})
export type OcrReport = z.infer<typeof ocrReport>

/** Who signed: the closing lines above the signature, kept apart from the distribution. */
export const directiveSignature = z.object({
  /** "T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ", "TL. BỘ TRƯỞNG", "TUQ. CHỦ TỊCH"; several joined with ", "; null when signed in one's own name. */
  authority: z.string().nullable(),
  /** "BÍ THƯ", "PHÓ BÍ THƯ", "CHỦ TỊCH", "PHÓ CHÁNH VĂN PHÒNG". */
  title: z.string().nullable(),
  /** "Nguyễn Văn A"; null when the copy stops before it. */
  name: z.string().nullable(),
})
export type DirectiveSignature = z.infer<typeof directiveSignature>

export const parsedDirective = z.object({
  parentBody: z.string().nullable(),
  issuer: z.string().nullable(),
  number: z.string().nullable(),
  documentType: z.string().nullable(),
  place: z.string().nullable(),
  date: isoDate.nullable(),
  subject: z.string().nullable(),
  /** Every addressee ("Kính gửi" and "Đồng kính gửi"), in the letter's order. */
  addressees: z.array(z.string()),
  /** Those of `addressees` written under "Đồng kính gửi" (for information or coordination). */
  coAddressees: z.array(z.string()),
  preamble: z.string().nullable(),
  requirements: z.array(requirement),
  closing: z.string().nullable(),
  distribution: z.array(z.string()),
  /** The signature block; null when the letter shows none. */
  signature: directiveSignature.nullable(),
  references: z.array(directiveReference),
  /** Each starts with a stable code ("NO_NUMBER: …") so a client can translate or filter it. */
  warnings: z.array(z.string()),
  /**
   * Where the text came from, and for a file the text itself (what the parser read: stored with
   * the directive, and kept with the corrections a person makes). Absent from the pure parser.
   */
  source: z.object({ kind: z.enum(PARSE_SOURCE_KINDS), text: z.string().optional() }).optional(),
  /** For a scanned letter read with OCR: how sure it was, per field. */
  ocr: ocrReport.optional(),
})
export type ParsedDirective = z.infer<typeof parsedDirective>

/** Body of POST /api/v1/directives/parse when the letter is pasted rather than uploaded. */
export const parseDirectiveTextInput = z.strictObject({
  text: z.string().min(1).max(1_000_000),
})

export const PARSE_INPUT_ERRORS = {
  UNSUPPORTED_FILE: {
    vi: 'Định dạng tệp không được hỗ trợ. Hãy dùng tệp văn bản (.txt), Word (.docx), PDF hoặc ảnh quét (PNG, JPEG)',
    en: 'Unsupported file type. Use a text file (.txt), Word (.docx), a PDF or a scanned image (PNG, JPEG)',
  },
  NO_TEXT_LAYER: {
    vi: 'Tệp PDF không có lớp chữ (có thể là bản quét). Hãy dùng bản PDF xuất từ Word hoặc dán nội dung văn bản',
    en: 'The PDF has no text layer (it may be a scan). Use a PDF exported from Word, or paste the text',
  },
  UNREADABLE_FILE: {
    vi: 'Không đọc được tệp: tệp bị hỏng, bị mã hóa hoặc không đúng định dạng',
    en: 'The file cannot be read: it is damaged, encrypted or not what its name says',
  },
  OCR_UNAVAILABLE: {
    vi: 'Tệp là bản quét hoặc ảnh nên cần nhận dạng chữ (OCR), nhưng máy chủ chưa cài Tesseract. Quản trị viên cần cài: apt-get install tesseract-ocr tesseract-ocr-vie',
    en: 'The file is a scan or an image and needs OCR, but Tesseract is not installed on the server. The administrator must install: apt-get install tesseract-ocr tesseract-ocr-vie',
  },
} as const
export type ParseInputErrorCode = keyof typeof PARSE_INPUT_ERRORS
