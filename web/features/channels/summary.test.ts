import { describe, expect, it } from 'vitest'
import { formatHours, unitChain, worstFirst } from './summary.ts'

const row = (id: number, isAggregate: boolean, overdue = 0, twoFactorMissing = 0, open = 0) => ({
  id,
  isAggregate,
  channels: { reviewOverdue: overdue, twoFactorMissing, neverReviewed: 0 },
  incidents: { open, openOverdue: 0 },
})

describe('the board view helpers', () => {
  it('puts the unit’s own row first, then the subtrees with most wanting attention, the tree order among equals', () => {
    const rows = [row(1, true), row(2, true, 1), row(3, false), row(4, true, 0, 1, 2), row(5, true)]
    expect(worstFirst(rows).map((r) => r.id)).toEqual([3, 4, 2, 1, 5])
  })

  it('walks from the top of the scope down to a unit, stopping where the scope ends', () => {
    const units = new Map([
      [2, { id: 2, name: 'Bộ Y tế', parentId: 1 }],
      [5, { id: 5, name: 'Bệnh viện Bạch Mai', parentId: 2 }],
      [9, { id: 9, name: 'Khoa Khám bệnh', parentId: 5 }],
    ])
    expect(unitChain(9, units).map((u) => u.id)).toEqual([2, 5, 9])
    expect(unitChain(7, units)).toEqual([])
  })

  it('shows hours with one decimal below ten, in the language’s way', () => {
    expect(formatHours(3.25, 'vi')).toBe('3,3')
    expect(formatHours(3.25, 'en')).toBe('3.3')
    expect(formatHours(31.4, 'vi')).toBe('31')
  })
})
