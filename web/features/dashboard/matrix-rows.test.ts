import { describe, expect, it } from 'vitest'
import type { MatrixRow } from '../../../contract/dashboard.ts'
import { behindUnits, columnTotals, initiallyExpanded, overallTotals, overview, shortLabel, sumCounts, visibleRows } from './matrix-rows.ts'

let nextId = 1
function row(unitName: string, parentId: number | null, over: Partial<MatrixRow> = {}): MatrixRow {
  return {
    unitId: nextId++,
    unitName,
    unitCode: unitName.slice(0, 4).toUpperCase(),
    kind: 'hospital',
    parentId,
    depth: 0,
    hasChildren: false,
    isAggregate: false,
    addressees: 1,
    acknowledged: 0,
    ackLate: 0,
    acknowledgedAt: null,
    coverage: null,
    planStatus: null,
    actionCounts: { done_on_time: 0, done_late: 0, in_progress_on_time: 0, overdue: 0 },
    openFindings: 0,
    overdueCorrectiveActions: 0,
    cells: [],
    reports: [],
    ...over,
  }
}

/** What a reader sees: each row's name indented by its level, with ⏳ while its children load. */
const outline = (rows: ReturnType<typeof visibleRows>) => rows.map((r) => `${'  '.repeat(r.level)}${r.row.unitName}${r.isLoading ? ' ⏳' : ''}`)

describe('visibleRows', () => {
  const ministry = row('Bộ Y tế', null, { hasChildren: true })
  const bachMai = row('Bệnh viện Bạch Mai', ministry.unitId, { hasChildren: true })
  const choRay = row('Bệnh viện Chợ Rẫy', ministry.unitId, { hasChildren: true })
  const base = [ministry, bachMai, choRay]
  const khoaNoi = row('Khoa Nội', bachMai.unitId, { hasChildren: true })
  const khoaNgoai = row('Khoa Ngoại', bachMai.unitId)
  const phongKham = row('Phòng khám Nội 1', khoaNoi.unitId)

  it('draws nothing for an empty answer', () => {
    expect(visibleRows([], new Set(), new Map())).toEqual([])
    expect(initiallyExpanded([])).toEqual([])
  })

  it('opens the rows whose children came with the base answer, in the server order', () => {
    const expanded = new Set(initiallyExpanded(base))
    expect([...expanded]).toEqual([ministry.unitId])
    expect(outline(visibleRows(base, expanded, new Map()))).toEqual(['Bộ Y tế', '  Bệnh viện Bạch Mai', '  Bệnh viện Chợ Rẫy'])
  })

  it('hides the children of a collapsed row, even those already fetched', () => {
    const childrenOf = new Map([[bachMai.unitId, [khoaNoi, khoaNgoai]]])
    expect(outline(visibleRows(base, new Set(), childrenOf))).toEqual(['Bộ Y tế'])
    expect(outline(visibleRows(base, new Set([ministry.unitId]), childrenOf))).toEqual(['Bộ Y tế', '  Bệnh viện Bạch Mai', '  Bệnh viện Chợ Rẫy'])
  })

  it('marks an expanded row as loading until its children arrive', () => {
    const rows = visibleRows(base, new Set([ministry.unitId, choRay.unitId]), new Map([[choRay.unitId, undefined]]))
    expect(outline(rows)).toEqual(['Bộ Y tế', '  Bệnh viện Bạch Mai', '  Bệnh viện Chợ Rẫy ⏳'])
    expect(rows.map((r) => r.isExpanded)).toEqual([true, false, true])
  })

  it('nests fetched children level by level under expanded rows', () => {
    const expanded = new Set([ministry.unitId, bachMai.unitId, khoaNoi.unitId])
    const childrenOf = new Map([
      [bachMai.unitId, [khoaNoi, khoaNgoai]],
      [khoaNoi.unitId, [phongKham]],
    ])
    expect(outline(visibleRows(base, expanded, childrenOf))).toEqual([
      'Bộ Y tế',
      '  Bệnh viện Bạch Mai',
      '    Khoa Nội',
      '      Phòng khám Nội 1',
      '    Khoa Ngoại',
      '  Bệnh viện Chợ Rẫy',
    ])
  })

  it('treats a row whose parent is not on screen as a root', () => {
    // A filtered answer: two hospitals without the ministry above them.
    expect(visibleRows([bachMai, choRay], new Set(), new Map()).map((r) => [r.row.unitName, r.level])).toEqual([
      ['Bệnh viện Bạch Mai', 0],
      ['Bệnh viện Chợ Rẫy', 0],
    ])
  })

  it('prefers the base answer to a fetch, and never draws a unit twice', () => {
    const expanded = new Set([ministry.unitId, bachMai.unitId])
    // The ministry's children were fetched too (say, before a refresh) and include Bạch Mai again.
    const childrenOf = new Map([
      [ministry.unitId, [bachMai]],
      [bachMai.unitId, [khoaNgoai, khoaNgoai]],
    ])
    expect(outline(visibleRows(base, expanded, childrenOf))).toEqual(['Bộ Y tế', '  Bệnh viện Bạch Mai', '    Khoa Ngoại', '  Bệnh viện Chợ Rẫy'])
  })
})

describe('sumCounts', () => {
  it('adds every status and counts a missing one as zero', () => {
    expect(sumCounts({})).toBe(0)
    expect(sumCounts({ overdue: 2, done_on_time: 3, none: 1 })).toBe(6)
  })
})

describe('overview', () => {
  const actions = (overdue: number, done: number) => ({ done_on_time: done, done_late: 0, in_progress_on_time: 0, overdue })
  const top = row('Bộ Y tế', null, { addressees: 10, acknowledged: 7, ackLate: 2, actionCounts: actions(3, 4), isAggregate: true })
  const child = row('Bệnh viện Bạch Mai', top.unitId, { addressees: 4, acknowledged: 3, ackLate: 1, actionCounts: actions(1, 2) })
  const other = row('Viện Vệ sinh dịch tễ', null, { addressees: 2, acknowledged: 2, ackLate: 0, actionCounts: actions(0, 1) })

  it('is all zeros for no rows', () => {
    expect(overview([], false)).toEqual({ addressees: 0, acknowledged: 0, ackLate: 0, actions: actions(0, 0) })
  })

  it('sums only the roots of a tree, since each root already holds its subtree', () => {
    expect(overview([top, child, other], false)).toEqual({ addressees: 12, acknowledged: 9, ackLate: 2, actions: actions(3, 5) })
  })

  it('sums every row of a flat list', () => {
    expect(overview([top, child, other], true)).toEqual({ addressees: 16, acknowledged: 12, ackLate: 3, actions: actions(4, 7) })
  })
})

describe('shortLabel', () => {
  it('keeps the first words of a long requirement and marks the cut', () => {
    expect(shortLabel('Tăng cường công tác quán triệt, tuyên truyền nâng cao nhận thức về bảo vệ chính trị nội bộ')).toBe('Tăng cường công tác quán triệt…')
  })
  it('leaves a short text whole, without a mark', () => {
    expect(shortLabel('  Rà soát   hồ sơ ')).toBe('Rà soát hồ sơ')
  })
  it('stops before a word that would pass the character limit', () => {
    expect(shortLabel('Kiện toàn tổ chức bộ máy', 6, 12)).toBe('Kiện toàn tổ…')
  })
})

describe('totals', () => {
  it('counts done on time and late as done, and overdue apart', () => {
    expect(columnTotals({ done_on_time: 3, done_late: 2, overdue: 1, planned: 4 })).toEqual({ done: 5, overdue: 1, total: 10 })
    expect(columnTotals({})).toEqual({ done: 0, overdue: 0, total: 0 })
  })
  it('adds every requirement for the overall figure', () => {
    expect(overallTotals([{ counts: { done_on_time: 3, overdue: 1 } }, { counts: { done_late: 1, none: 5 } }])).toEqual({ done: 4, overdue: 1, total: 10 })
  })
})

describe('behindUnits', () => {
  const cell = (status: 'overdue' | 'planned' | 'done_on_time', requirementId: number) => ({ requirementId, status, counts: { [status]: 1 } })
  const actions = (overdue: number) => ({ done_on_time: 0, done_late: 0, in_progress_on_time: 0, overdue })
  const hospital = row('Bệnh viện Bạch Mai', null)
  const dept = row('Phòng Tổ chức cán bộ', hospital.unitId, { actionCounts: actions(3), cells: [cell('overdue', 1), cell('planned', 2), cell('overdue', 3)] })
  const late = row('Viện Pasteur', null, { ackLate: 1, cells: [cell('planned', 1)] })
  const fine = row('Bệnh viện E', null, { cells: [cell('done_on_time', 1)] })

  it('keeps the order given, names the parent, lists the overdue requirements, drops units on track', () => {
    expect(behindUnits([dept, hospital, late, fine]).map((b) => [b.row.unitName, b.parentName, b.overdue, b.requirements])).toEqual([
      ['Phòng Tổ chức cán bộ', 'Bệnh viện Bạch Mai', 3, [0, 2]],
      ['Viện Pasteur', null, 0, []],
    ])
  })

  it('names a parent that only the tree answer holds', () => {
    const ministry = row('Bộ Y tế', null)
    const vu = row('Vụ Tổ chức cán bộ', ministry.unitId, { actionCounts: actions(1) })
    expect(behindUnits([vu], [ministry]).map((b) => b.parentName)).toEqual(['Bộ Y tế'])
    expect(behindUnits([vu]).map((b) => b.parentName)).toEqual([null])
  })
})
