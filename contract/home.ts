// The home page of work ("Việc cần làm"): for each role what is waiting for the caller now, each
// section with its first items and its total, each item with the page that acts on it.
import { z } from 'zod'

export const UNIT_SECTIONS = ['acknowledge', 'plans', 'overdueActions', 'reports', 'extensionsDecided'] as const
export const BOARD_SECTIONS = ['directives', 'plansToReview', 'reportsToReview', 'extensionsToDecide', 'overdue'] as const
export const HOME_SECTIONS = [...UNIT_SECTIONS, ...BOARD_SECTIONS] as const
export type HomeSection = (typeof HOME_SECTIONS)[number]

/** How many items a section lists; its total counts them all. */
export const HOME_SECTION_ITEMS = 8

export const workItemDto = z.object({
  directiveId: z.number().int().nullable(),
  directiveNumber: z.string().nullable(),
  /** The directive's subject, an action's title, a report period's title. */
  title: z.string(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  dueDate: z.string().nullable(),
  /** A state word of the item's own kind: draft / returned / none (plans, reports), approved / refused (extensions), acknowledgement / plan / action (overdue). */
  state: z.string().nullable(),
  /** The page of the web app that acts on it. */
  link: z.string(),
  /** For the board's directives: where the units stand. */
  progress: z
    .object({ addressees: z.number().int(), acknowledged: z.number().int(), plansAccepted: z.number().int(), overdueActions: z.number().int(), nextDeadline: z.string().nullable() })
    .nullable(),
})
export type WorkItemDto = z.infer<typeof workItemDto>

export const workSectionDto = z.object({ key: z.enum(HOME_SECTIONS), total: z.number().int(), items: z.array(workItemDto) })
export type WorkSectionDto = z.infer<typeof workSectionDto>

export const homeDto = z.object({
  asOf: z.string(),
  /** The sections the caller's roles have, in the order shown; none for someone with nothing to follow (staff, admin). */
  sections: z.array(workSectionDto),
})
export type HomeDto = z.infer<typeof homeDto>
