import { describe, expect, it } from 'vitest'
import type { CellCounts, MatrixRow } from '../../../contract/dashboard.ts'
import type { RowAggregate, RowUnit } from './matrix.queries.ts'
import { columnTotals, filterRows, isAggregateRow, matrixRows, matrixView, sortRows, topStatus, type MatrixInput } from './matrix.view.ts'

// The matrix from hand-built figures: no database.

const R1 = 101
const R2 = 102

const unit = (id: number, path: string, o: Partial<RowUnit> = {}): RowUnit => ({
  id, parentId: path.includes('.') ? Number(path.split('.').at(-2)) : null, name: `Đơn vị ${id}`, code: `U${id}`, kind: 'hospital', path,
  depth: path.split('.').length, hasChildren: false, ...o,
})

const figures = (cells: Record<number, CellCounts>, o: Partial<RowAggregate> = {}): RowAggregate => ({
  addressees: 1, acknowledged: 0, ackLate: 0, acknowledgedAt: null, planStatus: null,
  cells: new Map(Object.entries(cells).map(([id, counts]) => [Number(id), counts])),
  actions: { done_on_time: 0, done_late: 0, in_progress_on_time: 0, overdue: 0 }, ...o,
})

const input = (rows: [RowUnit, RowAggregate][], o: Partial<MatrixInput> = {}): MatrixInput => ({
  units: rows.map(([u]) => u), figures: new Map(rows.map(([u, f]) => [u.id, f])), coverage: new Map(), reports: new Map(),
  requirementIds: [R1, R2], aggregate: true, ...o,
})

/** A built row with only what a test cares about set. */
const row = (unitId: number, o: { name?: string; kind?: string; overdue?: number; isAggregate?: boolean; cells?: CellCounts[] } = {}): MatrixRow => ({
  unitId, unitName: o.name ?? `Đơn vị ${unitId}`, unitCode: `U${unitId}`, kind: o.kind ?? 'hospital', parentId: null, depth: 1, hasChildren: false,
  isAggregate: o.isAggregate ?? false, addressees: 1, acknowledged: 0, ackLate: 0, acknowledgedAt: null, coverage: null, planStatus: null,
  actionCounts: { done_on_time: 0, done_late: 0, in_progress_on_time: 0, overdue: o.overdue ?? 0 }, reports: [], openFindings: 0, overdueCorrectiveActions: 0,
  cells: (o.cells ?? [{}, {}]).map((counts, i) => ({ requirementId: [R1, R2][i], status: topStatus(counts), counts })),
})
const ids = (rows: MatrixRow[]) => rows.map((r) => r.unitId)

describe('topStatus', () => {
  it('shows the most pressing status among the units, and "nothing planned" for none', () => {
    expect(topStatus({ done_on_time: 3, overdue: 1, none: 2 })).toBe('overdue')
    expect(topStatus({ done_on_time: 3, none: 2 })).toBe('none')
    expect(topStatus({ done_on_time: 3, done_late: 1, in_progress_on_time: 1 })).toBe('in_progress_on_time')
    expect(topStatus({ done_on_time: 3, done_late: 1 })).toBe('done_late')
    expect(topStatus({ overdue: 0, done_on_time: 2 })).toBe('done_on_time')
    expect(topStatus({})).toBe('none')
  })
})

describe('matrixRows', () => {
  it('builds one row per unit with figures, in the units\' order, cells in requirement order', () => {
    const a = unit(1, '1', { hasChildren: true })
    const b = unit(2, '1.2', { name: 'Bệnh viện Bạch Mai', code: 'BM', kind: 'hospital' })
    const withoutAddressees = unit(3, '1.3')
    const fa = figures({ [R1]: { overdue: 1, planned: 2 }, [R2]: { done_on_time: 3 } }, {
      addressees: 3, acknowledged: 2, ackLate: 1, acknowledgedAt: '2026-03-18T09:00:00.000Z', planStatus: 'submitted',
      actions: { done_on_time: 3, done_late: 0, in_progress_on_time: 2, overdue: 1 },
    })
    const fb = figures({ [R1]: { planned: 1 } })
    const reports = new Map([[2, [{ periodId: 7, title: 'Quý I', deadline: '2026-03-31', status: 'draft' as const, counts: { draft: 1 } }]]])
    const rows = matrixRows({ ...input([[a, fa], [b, fb]]), units: [a, withoutAddressees, b], coverage: new Map([[1, 0.5]]), reports })
    expect(ids(rows)).toEqual([1, 2])
    expect(rows[0]).toEqual({
      unitId: 1, unitName: 'Đơn vị 1', unitCode: 'U1', kind: 'hospital', parentId: null, depth: 1, hasChildren: true, isAggregate: true,
      addressees: 3, acknowledged: 2, ackLate: 1, acknowledgedAt: '2026-03-18T09:00:00.000Z', coverage: 0.5, planStatus: 'submitted',
      actionCounts: { done_on_time: 3, done_late: 0, in_progress_on_time: 2, overdue: 1 }, reports: [], openFindings: 0, overdueCorrectiveActions: 0,
      cells: [
        { requirementId: R1, status: 'overdue', counts: { overdue: 1, planned: 2 } },
        { requirementId: R2, status: 'done_on_time', counts: { done_on_time: 3 } },
      ],
    })
    expect(rows[1]).toMatchObject({ unitId: 2, unitName: 'Bệnh viện Bạch Mai', unitCode: 'BM', parentId: 1, depth: 2, isAggregate: false, coverage: null, reports: reports.get(2) })
    // A requirement the figures do not mention: nothing to count, shown as nothing planned.
    expect(rows[1].cells[1]).toEqual({ requirementId: R2, status: 'none', counts: {} })
  })

  it('makes a row an aggregate when it stands for more than its own unit, and never in a flat list', () => {
    const leaf = unit(1, '1')
    const parent = unit(2, '2', { hasChildren: true })
    expect(isAggregateRow(leaf, figures({}), true)).toBe(false)
    expect(isAggregateRow(leaf, figures({}, { addressees: 2 }), true)).toBe(true)
    expect(isAggregateRow(parent, figures({}), true)).toBe(true)
    expect(isAggregateRow(parent, figures({}, { addressees: 2 }), false)).toBe(false)
  })

  it('gives no rows for no units', () => {
    expect(matrixRows(input([]))).toEqual([])
  })
})

describe('filterRows', () => {
  const rows = [
    row(1, { kind: 'department', cells: [{ planned: 1 }, {}] }),
    row(2, { kind: 'hospital', overdue: 2, cells: [{ in_progress_on_time: 1 }, {}] }),
    row(3, { kind: 'hospital', cells: [{ overdue: 1 }, { none: 1 }] }),
    row(4, { kind: 'institute', cells: [{ done_on_time: 1 }, { overdue: 0, done_late: 1 }] }),
  ]

  it('keeps every row when no filter is set', () => {
    expect(ids(filterRows(rows, {}))).toEqual([1, 2, 3, 4])
  })

  it('keeps the rows of a kind', () => {
    expect(ids(filterRows(rows, { kind: 'hospital' }))).toEqual([2, 3])
    expect(ids(filterRows(rows, { kind: 'company' }))).toEqual([])
  })

  it('keeps the rows with a unit in a status in any cell', () => {
    expect(ids(filterRows(rows, { status: 'none' }))).toEqual([3])
    expect(ids(filterRows(rows, { status: 'done_late' }))).toEqual([4])
    expect(ids(filterRows(rows, { status: 'overdue' }))).toEqual([3])
  })

  it('keeps the rows with an overdue action or an overdue cell', () => {
    expect(ids(filterRows(rows, { overdueOnly: true }))).toEqual([2, 3])
    expect(ids(filterRows(rows, { overdueOnly: false }))).toEqual([1, 2, 3, 4])
  })

  it('applies the filters together', () => {
    expect(ids(filterRows(rows, { kind: 'hospital', status: 'in_progress_on_time', overdueOnly: true }))).toEqual([2])
    expect(ids(filterRows(rows, { kind: 'department', overdueOnly: true }))).toEqual([])
    expect(filterRows([], { kind: 'hospital', overdueOnly: true })).toEqual([])
  })
})

describe('sortRows', () => {
  it('keeps tree order', () => {
    const rows = [row(2, { overdue: 1 }), row(1, { overdue: 5 })]
    expect(ids(sortRows(rows, 'tree'))).toEqual([2, 1])
  })

  it('puts the most overdue actions first, ties in Vietnamese alphabetical order', () => {
    // Vietnamese order: a < ă < â, d < đ, o < ô < ơ (a plain alphabetical order puts Ân before Anh).
    const rows = [
      row(1, { name: 'Viện Ơn', overdue: 1 }), row(2, { name: 'Viện Đông', overdue: 1 }), row(3, { name: 'Viện Ôn', overdue: 1 }),
      row(4, { name: 'Viện Ân', overdue: 1 }), row(5, { name: 'Viện Zeta', overdue: 0 }), row(6, { name: 'Viện Dương', overdue: 1 }),
      row(7, { name: 'Viện Anh', overdue: 1 }), row(8, { name: 'Viện Xa', overdue: 4 }), row(9, { name: 'Viện On', overdue: 1 }),
    ]
    expect(sortRows(rows, 'overdue').map((r) => r.unitName)).toEqual([
      'Viện Xa', 'Viện Anh', 'Viện Ân', 'Viện Dương', 'Viện Đông', 'Viện On', 'Viện Ôn', 'Viện Ơn', 'Viện Zeta',
    ])
    expect(ids(rows)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
  })

  it('sorts nothing to nothing', () => {
    expect(sortRows([], 'overdue')).toEqual([])
  })
})

describe('columnTotals', () => {
  const paths = new Map([[1, '1'], [2, '1.2'], [3, '1.2.3'], [4, '1.4'], [5, '5'], [6, '5.6'], [12, '12']])

  it('counts each unit once: rows inside an aggregated row are already in its counts', () => {
    const rows = [
      row(1, { isAggregate: true, cells: [{ overdue: 1, planned: 3 }, { none: 4 }] }),
      row(2, { isAggregate: true, cells: [{ planned: 2 }, { none: 2 }] }),
      row(3, { cells: [{ planned: 1 }, { none: 1 }] }),
      row(4, { cells: [{ overdue: 1 }, { none: 1 }] }),
      // A flat row under a unit that is not aggregated: counted for itself.
      row(5, { cells: [{ done_late: 1 }, { done_on_time: 1 }] }),
      row(6, { cells: [{ done_on_time: 1 }, { none: 1 }] }),
      // '12' starts like '1' but is not under it.
      row(12, { isAggregate: true, cells: [{ in_progress_on_time: 2 }, { done_on_time: 1, none: 1 }] }),
    ]
    expect(columnTotals(rows, paths, [R1, R2])).toEqual([
      { requirementId: R1, counts: { overdue: 1, planned: 3, done_late: 1, done_on_time: 1, in_progress_on_time: 2 } },
      { requirementId: R2, counts: { none: 6, done_on_time: 2 } },
    ])
  })

  it('counts the rows under an aggregated unit that is not shown (filtered out)', () => {
    const rows = [row(2, { isAggregate: true, cells: [{ planned: 2 }, {}] }), row(3, { cells: [{ planned: 1 }, {}] }), row(4, { cells: [{ overdue: 1 }, {}] })]
    expect(columnTotals(rows, paths, [R1, R2])).toEqual([
      { requirementId: R1, counts: { planned: 2, overdue: 1 } },
      { requirementId: R2, counts: {} },
    ])
  })

  it('gives empty counts per requirement for no rows', () => {
    expect(columnTotals([], paths, [R1, R2])).toEqual([{ requirementId: R1, counts: {} }, { requirementId: R2, counts: {} }])
    expect(columnTotals([], paths, [])).toEqual([])
  })
})

describe('matrixView', () => {
  // A ministry (1) with a hospital (2, which has a sub-unit 3) and an institute (4), in tree order.
  const units: [RowUnit, RowAggregate][] = [
    [unit(1, '1', { name: 'Bộ Y tế', kind: 'ministry', hasChildren: true }), figures({ [R1]: { overdue: 1, planned: 2 }, [R2]: { none: 3 } }, { addressees: 3, actions: { done_on_time: 0, done_late: 0, in_progress_on_time: 2, overdue: 1 } })],
    [unit(2, '1.2', { name: 'Bệnh viện Đống Đa', hasChildren: true }), figures({ [R1]: { overdue: 1, planned: 1 }, [R2]: { none: 2 } }, { addressees: 2, actions: { done_on_time: 0, done_late: 0, in_progress_on_time: 1, overdue: 1 } })],
    [unit(4, '1.4', { name: 'Viện Dược', kind: 'institute' }), figures({ [R1]: { planned: 1 }, [R2]: { none: 1 } })],
  ]

  it('builds, filters and orders the rows, and totals what is left without counting a subtree twice', () => {
    expect(matrixView(input(units), { sort: 'tree' })).toEqual({
      rows: matrixRows(input(units)),
      totals: [{ requirementId: R1, counts: { overdue: 1, planned: 2 } }, { requirementId: R2, counts: { none: 3 } }],
    })
    const hospitals = matrixView(input(units), { kind: 'hospital', sort: 'tree' })
    expect(ids(hospitals.rows)).toEqual([2])
    expect(hospitals.totals).toEqual([{ requirementId: R1, counts: { overdue: 1, planned: 1 } }, { requirementId: R2, counts: { none: 2 } }])
    // Bệnh viện before Bộ: ê before ô.
    const planned = matrixView(input(units), { status: 'planned', overdueOnly: false, sort: 'overdue' })
    expect(ids(planned.rows)).toEqual([2, 1, 4])
    expect(planned.totals).toEqual([{ requirementId: R1, counts: { overdue: 1, planned: 2 } }, { requirementId: R2, counts: { none: 3 } }])
  })

  it('totals each row for itself in a flat list', () => {
    const flat = matrixView(input(units.slice(1), { aggregate: false }), { sort: 'overdue' })
    expect(flat.rows.map((r) => r.isAggregate)).toEqual([false, false])
    expect(flat.totals).toEqual([{ requirementId: R1, counts: { overdue: 1, planned: 2 } }, { requirementId: R2, counts: { none: 3 } }])
  })

  it('shows nothing, with empty totals, for no units', () => {
    expect(matrixView(input([]), { overdueOnly: true, sort: 'overdue' })).toEqual({
      rows: [], totals: [{ requirementId: R1, counts: {} }, { requirementId: R2, counts: {} }],
    })
  })
})
