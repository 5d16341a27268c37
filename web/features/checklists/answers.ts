// The unit's answers while it fills a round in: what the page holds, what a save sends, whether
// anything differs from what the server has, and what is still unanswered before the head submits.
import type { AssignmentDto } from '../../../contract/checklists.ts'

export type Answer = 'yes' | 'no' | 'na'
export interface DraftAnswer {
  answer: Answer | null
  note: string
  evidenceFileIds: number[]
}
export type Draft = Record<number, DraftAnswer>

/** The answers as the server has them, by item id. */
export function draftOf(a: Pick<AssignmentDto, 'items'>): Draft {
  return Object.fromEntries(a.items.map((i) => [i.id, { answer: i.answer, note: i.note, evidenceFileIds: i.evidence.map((f) => f.id) }]))
}

/** What a save sends: every answered item (a note or file without an answer is kept on the page only). */
export function answersToSave(draft: Draft) {
  return Object.entries(draft)
    .filter(([, d]) => d.answer !== null)
    .map(([itemId, d]) => ({ itemId: Number(itemId), answer: d.answer!, note: d.note.trim(), evidenceFileIds: d.evidenceFileIds }))
}

const same = (x: DraftAnswer | undefined, y: DraftAnswer | undefined) =>
  (x?.answer ?? null) === (y?.answer ?? null) && (x?.note ?? '').trim() === (y?.note ?? '').trim() && (x?.evidenceFileIds ?? []).join(',') === (y?.evidenceFileIds ?? []).join(',')

/** Has the page anything the server does not? */
export function isDirty(draft: Draft, saved: Draft): boolean {
  return [...new Set([...Object.keys(draft), ...Object.keys(saved)])].some((k) => !same(draft[Number(k)], saved[Number(k)]))
}

/** How many items are answered, and how many "no", in the draft. */
export function tally(draft: Draft) {
  const all = Object.values(draft)
  return { answered: all.filter((d) => d.answer !== null).length, no: all.filter((d) => d.answer === 'no').length }
}
