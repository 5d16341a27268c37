// Materials of a directive (the directive itself, guidance, slides, questions and answers) as files or
// text, kept by the board; the sessions that used them; and a staff member's own page: the
// directives sent to their unit, their materials, their training and the notices addressed to them.
import { z } from 'zod'
import { id, isoDay, streamed, binary, visibleText } from './common.ts'
import { directiveDto } from './directives.ts'
import { myDirectiveDto, myDirectivePageDto } from './dissemination.ts'
import { myCaseNoticeDto } from './cases.ts'
import { trainingRecordDto } from './officers.ts'
import type { Role } from './roles.ts'

/** The board keeps a directive's materials (within the scope of the directive's owner). */
export const MATERIAL_MANAGE_ROLES: readonly Role[] = ['board']

export const MATERIAL_KINDS = ['directive', 'guidance', 'slides', 'qa', 'other'] as const
export type MaterialKind = (typeof MATERIAL_KINDS)[number]
export const MATERIAL_KIND_LABELS: Record<MaterialKind, { vi: string; en: string }> = {
  directive: { vi: 'Toàn văn văn bản', en: 'The directive itself' },
  guidance: { vi: 'Tài liệu hướng dẫn', en: 'Guidance' },
  slides: { vi: 'Bài giảng, trình chiếu', en: 'Slides' },
  qa: { vi: 'Hỏi đáp', en: 'Questions and answers' },
  other: { vi: 'Tài liệu khác', en: 'Other' },
}

/** A material file's largest size. */
export const MATERIAL_MAX_BYTES = 20 * 1024 * 1024
/** A text material's longest body. */
export const MATERIAL_TEXT_MAX = 200_000

export const createTextMaterialInput = z.strictObject({
  kind: z.enum(MATERIAL_KINDS),
  title: visibleText(2, 300),
  body: z.string().trim().min(1).max(MATERIAL_TEXT_MAX),
})
export type CreateTextMaterialInput = z.infer<typeof createTextMaterialInput>

/** multipart/form-data: `kind` and `title` fields, then the file in `file`. */
export const materialUpload = streamed(z.object({ kind: z.enum(MATERIAL_KINDS).optional(), title: z.string().optional(), file: binary.optional() })
  .describe('multipart/form-data: fields `kind` and `title`, then one file in `file`'))
/** The fields of a material upload, checked once read from the stream. */
export const materialUploadFields = z.strictObject({ kind: z.enum(MATERIAL_KINDS), title: visibleText(2, 300) })

export const updateMaterialInput = z.strictObject({
  version: z.number().int().positive(),
  kind: z.enum(MATERIAL_KINDS).optional(),
  title: visibleText(2, 300).optional(),
  /** A text material's body (a file material's file is replaced by deleting it and uploading anew). */
  body: z.string().trim().min(1).max(MATERIAL_TEXT_MAX).optional(),
})
export type UpdateMaterialInput = z.infer<typeof updateMaterialInput>

export const deleteMaterialInput = z.strictObject({ version: z.number().int().positive() })

/** Replaces the materials a session used; `version` is the session's. */
export const sessionMaterialsInput = z.strictObject({
  version: z.number().int().positive(),
  materialIds: z.array(id).max(200),
})

export const materialDto = z.object({
  id: z.number().int(),
  directiveId: z.number().int(),
  kind: z.enum(MATERIAL_KINDS),
  title: z.string(),
  /** A text material's body; empty for a file. */
  body: z.string(),
  file: z.object({ filename: z.string(), mime: z.string(), size: z.number().int() }).nullable(),
  /** How many dissemination sessions used it. */
  sessionCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type MaterialDto = z.infer<typeof materialDto>
export const materialListDto = z.object({ items: z.array(materialDto) })

export const sessionMaterialsDto = z.object({
  sessionId: z.number().int(),
  /** The session's version after the change (linking materials is an edit of the session). */
  version: z.number().int(),
  items: z.array(materialDto),
})
export type SessionMaterialsDto = z.infer<typeof sessionMaterialsDto>

// ---- a staff member's own page

export const myPageDto = z.object({
  person: z.object({ id: z.number().int(), name: z.string(), unitId: z.number().int(), unitName: z.string(), position: z.string() }).nullable(),
  /** Directives addressed to my unit (first page; GET /api/v1/me/directives pages through all). Confirm with POST /api/v1/directives/{id}/receipt. */
  directives: myDirectivePageDto,
  /** The materials of the directives issued to my unit (each names its directive). */
  materials: z.array(materialDto),
  /** My training record when I am an officer in office (null otherwise). */
  training: trainingRecordDto.nullable(),
  /** Notices addressed to me as the subject of a case (GET /api/v1/me/case-notices; answering is there too). */
  notices: z.array(myCaseNoticeDto),
  asOf: isoDay,
})
export type MyPageDto = z.infer<typeof myPageDto>

/**
 * One directive as a person of a unit it was issued to reads it before confirming they have been
 * briefed: its text and requirements, its materials, and their own confirmation and sessions.
 */
export const myDirectiveViewDto = z.object({
  directive: directiveDto,
  materials: z.array(materialDto),
  mine: myDirectiveDto,
})
export type MyDirectiveViewDto = z.infer<typeof myDirectiveViewDto>
