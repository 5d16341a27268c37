import { z } from 'zod'
import { REPORT_STATUS_LABELS, type ReportStatus } from './reports.ts'

// What the official-format report documents (.docx in the Party format of Guidance 36-HD/VPTW, and
// the .xlsx of figures) are made from. The report workflow gathers these from the database; the
// document functions are pure and know nothing of units' ids, scopes or versions.

/**
 * A unit's report status as the documents show it: the same statuses, in the same words, as every
 * screen (contract/reports.ts), so "Quá hạn, chưa gửi" in a document is the unit the screen calls so.
 */
export type DocumentReportStatus = ReportStatus
export const DOCUMENT_REPORT_STATUS_LABELS: Record<DocumentReportStatus, { vi: string; en: string }> = REPORT_STATUS_LABELS

/**
 * What a document's figures are counted on. `live`: everything BVCT records up to the day the document
 * is dated, exactly what the dashboard shows for that day. `submitted`: a unit that has sent its report
 * keeps the figures frozen when it sent it (what the unit signed); the others count up to that day.
 */
export const FIGURES_BASES = ['live', 'submitted'] as const
export type FiguresBasis = (typeof FIGURES_BASES)[number]

/** Margins in millimetres. The sources disagree on Guidance 36's values, so they are the caller's to set. */
export interface Margins {
  topMm: number
  bottomMm: number
  leftMm: number
  rightMm: number
}
/** 20/20/30/15 mm: what most implementations attribute to Guidance 36 (older handbooks say 25/25/35/15). */
export const DEFAULT_MARGINS: Margins = { topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 15 }

/** The header block: issuing body on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" and place/date on the right. */
export interface DocumentHeader {
  /** The directly superior body, e.g. "BAN CHẤP HÀNH TRUNG ƯƠNG" or "ĐẢNG BỘ BỘ Y TẾ". */
  parentBody: string
  /** The issuing body, e.g. "BAN CÁN SỰ ĐẢNG BỘ Y TẾ". */
  issuer: string
  /**
   * Number and symbol without "Số": "12-BC/BCSĐ", or "-BC/BCSĐ" (any leading blanks) when the
   * clerk writes the number in by hand at registration; the document then leaves a gap for it.
   */
  number: string
  /** Place name for the date line, e.g. "Hà Nội". */
  place: string
  /** yyyy-mm-dd */
  date: string
}

export interface Signature {
  /** "T/M BAN CÁN SỰ ĐẢNG", "K/T TRƯỞNG BAN", or "" when the head signs in their own name. */
  authority: string
  /** "BÍ THƯ", "PHÓ TRƯỞNG BAN" … */
  title: string
  name: string
}

export interface UnitFigures {
  unitName: string
  reportStatus: DocumentReportStatus
  /** When the unit's report was submitted: yyyy-mm-dd or an ISO timestamp (read in Vietnam time). */
  submittedAt: string | null
  /** When the unit acknowledged receipt of the directive(s): yyyy-mm-dd or an ISO timestamp. */
  acknowledgedAt: string | null
  sessions: number
  /** Share of the unit's people reached by dissemination, 0..1; null when the unit has no roster. */
  coverage: number | null
  actionsTotal: number
  actionsDone: number
  actionsOverdue: number
}

/** One unit's account of one requirement, as written in its report. */
export interface SectionNarrative {
  unitName: string
  done: string
  results: string
  shortcomings: string
  causes: string
  proposals: string
}

export interface RequirementSection {
  /** "1", "2", "3a" … as numbered in the directive. */
  label: string
  text: string
  narratives: SectionNarrative[]
}

export interface DirectiveSection {
  /** "1946-CV/BCSĐ"; null for a directive registered without a number. */
  number: string | null
  subject: string
  /** yyyy-mm-dd */
  date: string | null
  requirements: RequirementSection[]
}

export interface LateUnit {
  unitName: string
  /** When it first sent its report, after the deadline. */
  submittedAt: string
}

export interface ConsolidatedReportInput {
  header: DocumentHeader
  /** The type name, "BÁO CÁO". */
  title: string
  /** The subject (trích yếu), "kết quả thực hiện Công văn số 1946-CV/BCSĐ ngày 15/3/2024 …". */
  subtitle: string
  /** "Quý IV năm 2026", "6 tháng đầu năm 2026" … */
  periodTitle: string
  /** The units' reporting deadline, yyyy-mm-dd. */
  deadline: string
  /** What the figures are counted on; the document says so beside them. */
  basis: FiguresBasis
  /** Opening paragraph; a standard one naming the directives, period and deadline when absent. */
  intro?: string
  directives: DirectiveSection[]
  figures: UnitFigures[]
  /** Units that sent their report after the deadline. */
  lateUnits: LateUnit[]
  /** Units past the deadline that have sent nothing ("Quá hạn, chưa gửi" on screen). */
  missingUnits: string[]
  proposals: string[]
  distribution: string[]
  signature: Signature
  margins?: Margins
}

export interface UnitReportInput {
  header: DocumentHeader
  title: string
  subtitle: string
  periodTitle: string
  unitName: string
  intro?: string
  /** The directives' requirements, with this unit's narratives only. */
  directives: DirectiveSection[]
  figures: UnitFigures
  proposals: string[]
  distribution: string[]
  signature: Signature
  margins?: Margins
}

// The parts a person types or edits before exporting (the rest comes from the database), so the
// export form and the route validate them with the same schema.
const line = (max: number) => z.string().trim().max(max)

export const documentHeaderInput = z.strictObject({
  parentBody: line(200),
  issuer: line(200).min(2),
  number: z.string().max(60).regex(/^\s*\d*\s*-\s*\p{L}+\/[\p{L}\d-]+\s*$/u, 'Số, ký hiệu dạng "12-BC/BCSĐ", hoặc "-BC/BCSĐ" để điền số sau'),
  place: line(100).min(2),
  date: z.iso.date(),
})

export const marginsInput = z.strictObject({
  topMm: z.number().min(5).max(50),
  bottomMm: z.number().min(5).max(50),
  leftMm: z.number().min(5).max(50),
  rightMm: z.number().min(5).max(50),
})

export const signatureInput = z.strictObject({ authority: line(200), title: line(200), name: line(200) })

export const reportDocumentOptionsInput = z.strictObject({
  header: documentHeaderInput,
  title: line(100).min(2).default('BÁO CÁO'),
  subtitle: line(1000).min(3),
  intro: line(20_000).optional(),
  proposals: z.array(line(5000).min(1)).max(50).default([]),
  distribution: z.array(line(300).min(1)).max(50).default([]),
  signature: signatureInput,
  margins: marginsInput.optional(),
})
export type ReportDocumentOptions = z.infer<typeof reportDocumentOptionsInput>
