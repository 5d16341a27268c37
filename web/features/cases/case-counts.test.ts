import { describe, expect, it } from 'vitest'
import { countRows } from './case-counts.ts'

describe('countRows', () => {
  it('gives one row per kind with every status (zero when absent) and the overdue ones summed', () => {
    const rows = countRows({
      items: [
        { kind: 'standards_review', status: 'open', total: 4, overdue: 1 },
        { kind: 'standards_review', status: 'closed', total: 2, overdue: 0 },
        { kind: 'violation', status: 'open', total: 1, overdue: 1 },
      ],
      expiringWithin90: 3,
    })
    expect(rows).toEqual([
      { kind: 'standards_review', byStatus: { open: 4, closed: 2, purged: 0 }, overdue: 1 },
      { kind: 'violation', byStatus: { open: 1, closed: 0, purged: 0 }, overdue: 1 },
    ])
  })
})
