import { describe, expect, it } from 'vitest'
import type { AssignmentDto } from '../../../contract/checklists.ts'
import { answersToSave, draftOf, isDirty, tally } from './answers.ts'

const file = (id: number) => ({ id, filename: `f${id}.pdf`, mime: 'application/pdf', size: 1, unitId: 1, uploadedAt: '2026-01-01T00:00:00.000Z' })
const item = (id: number, answer: 'yes' | 'no' | 'na' | null, note = '', files: number[] = []) => ({
  id, ordinal: id, area: 'documents' as const, text: `Mục ${id}`, requirementId: null, answer, note, evidence: files.map(file), findingId: null, correctiveActionId: null,
})
const round = (items: AssignmentDto['items']) => ({ items })

describe('a round being answered', () => {
  it('starts from the server\'s answers and sends only the answered items, notes trimmed', () => {
    const draft = draftOf(round([item(1, 'yes', '', [5]), item(2, null), item(3, 'no', '  Tủ chưa có khóa ')]))
    expect(draft[1]).toEqual({ answer: 'yes', note: '', evidenceFileIds: [5] })
    expect(answersToSave(draft)).toEqual([
      { itemId: 1, answer: 'yes', note: '', evidenceFileIds: [5] },
      { itemId: 3, answer: 'no', note: 'Tủ chưa có khóa', evidenceFileIds: [] },
    ])
    expect(tally(draft)).toEqual({ answered: 2, no: 1 })
  })

  it('is dirty after a changed answer, note or file, and not after whitespace alone', () => {
    const saved = draftOf(round([item(1, 'yes'), item(2, null)]))
    expect(isDirty(saved, saved)).toBe(false)
    expect(isDirty({ ...saved, 2: { answer: 'no', note: '', evidenceFileIds: [] } }, saved)).toBe(true)
    expect(isDirty({ ...saved, 1: { answer: 'yes', note: 'x', evidenceFileIds: [] } }, saved)).toBe(true)
    expect(isDirty({ ...saved, 1: { answer: 'yes', note: '', evidenceFileIds: [9] } }, saved)).toBe(true)
    expect(isDirty({ ...saved, 1: { answer: 'yes', note: '   ', evidenceFileIds: [] } }, saved)).toBe(false)
  })
})
