import { describe, expect, it } from 'vitest'
import type { UnitDto } from '../../../contract/units.ts'
import { buildUnitTree, filterTree, pathsToMatches, subtreeIds, unitMatches, withoutInactive, type UnitNode } from './tree.ts'

const unit = (id: number, parentId: number | null, name: string, code: string, isActive = true): UnitDto => ({
  id,
  parentId,
  name,
  code,
  kind: parentId === null ? 'ministry' : 'hospital',
  isActive,
  depth: 0,
  version: 1,
})

// In the server's order: by depth, then by Vietnamese name.
const UNITS = [
  unit(1, null, 'Bộ Y tế', 'BYT'),
  unit(2, 1, 'Bệnh viện Bạch Mai', 'BVBM'),
  unit(3, 1, 'Bệnh viện Chợ Rẫy', 'BVCR'),
  unit(4, 1, 'Trung tâm Đào tạo cũ', 'TTDT', false),
  unit(5, 2, 'Khoa Hồi sức tích cực', 'BVBM-HSTC'),
  unit(6, 2, 'Khoa Nội tiết', 'BVBM-NT'),
  unit(7, 4, 'Phòng Giáo vụ', 'TTDT-GV', false),
  unit(8, 5, 'Đơn nguyên Đột quỵ', 'BVBM-HSTC-DQ'),
]

/** The tree as indented names, to compare whole shapes at a glance. */
const outline = (nodes: UnitNode[], depth = 0): string[] => nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.unit.name}`, ...outline(n.children, depth + 1)])

describe('buildUnitTree', () => {
  it('gives no roots for no units', () => {
    expect(buildUnitTree([])).toEqual([])
  })

  it('nests by parentId over several levels and keeps the server order among siblings', () => {
    expect(outline(buildUnitTree(UNITS))).toEqual([
      'Bộ Y tế',
      '  Bệnh viện Bạch Mai',
      '    Khoa Hồi sức tích cực',
      '      Đơn nguyên Đột quỵ',
      '    Khoa Nội tiết',
      '  Bệnh viện Chợ Rẫy',
      '  Trung tâm Đào tạo cũ',
      '    Phòng Giáo vụ',
    ])
  })

  it('makes roots of units whose parent is outside the list (the top of the caller\'s scope)', () => {
    const scope = UNITS.filter((u) => u.id === 2 || u.id === 5 || u.id === 6 || u.id === 3)
    expect(buildUnitTree(scope).map((n) => n.unit.name)).toEqual(['Bệnh viện Bạch Mai', 'Bệnh viện Chợ Rẫy'])
  })
})

describe('withoutInactive', () => {
  it('drops an inactive unit with everything under it, at any level', () => {
    expect(outline(withoutInactive(buildUnitTree(UNITS)))).not.toContain('  Trung tâm Đào tạo cũ')
    expect(outline(withoutInactive(buildUnitTree(UNITS))).join('|')).not.toMatch(/Giáo vụ/)
    const closedWard = UNITS.map((u) => (u.id === 5 ? { ...u, isActive: false } : u))
    expect(outline(withoutInactive(buildUnitTree(closedWard)))).toEqual(['Bộ Y tế', '  Bệnh viện Bạch Mai', '    Khoa Nội tiết', '  Bệnh viện Chợ Rẫy'])
  })
})

describe('unitMatches', () => {
  const bachMai = UNITS[1]
  it('matches the name without diacritics or case', () => {
    expect(unitMatches(bachMai, 'bach mai')).toBe(true)
    expect(unitMatches(bachMai, 'BẠCH MAI')).toBe(true)
    expect(unitMatches(bachMai, 'bach mại')).toBe(true)
    expect(unitMatches(bachMai, 'cho ray')).toBe(false)
  })

  it('reads đ as d', () => {
    expect(unitMatches(UNITS[7], 'don nguyen dot quy')).toBe(true)
    expect(unitMatches(UNITS[3], 'dao tao')).toBe(true)
  })

  it('matches the code too, and everything for a blank query', () => {
    expect(unitMatches(bachMai, 'bvbm')).toBe(true)
    expect(unitMatches(bachMai, '   ')).toBe(true)
  })
})

describe('filterTree', () => {
  const tree = buildUnitTree(UNITS)

  it('returns the tree as it is for a blank query', () => {
    expect(filterTree(tree, '  ')).toBe(tree)
  })

  it('keeps a deep match and only the path down to it', () => {
    expect(outline(filterTree(tree, 'dot quy'))).toEqual(['Bộ Y tế', '  Bệnh viện Bạch Mai', '    Khoa Hồi sức tích cực', '      Đơn nguyên Đột quỵ'])
  })

  it('keeps the whole subtree under a match', () => {
    expect(outline(filterTree(tree, 'hoi suc'))).toEqual(['Bộ Y tế', '  Bệnh viện Bạch Mai', '    Khoa Hồi sức tích cực', '      Đơn nguyên Đột quỵ'])
    expect(outline(filterTree(tree, 'Bạch Mai'))).toEqual(outline(tree).slice(0, 5))
  })

  it('keeps every branch that leads to a match', () => {
    expect(outline(filterTree(tree, 'khoa'))).toEqual(['Bộ Y tế', '  Bệnh viện Bạch Mai', '    Khoa Hồi sức tích cực', '      Đơn nguyên Đột quỵ', '    Khoa Nội tiết'])
  })

  it('is empty when nothing matches, and leaves the input tree untouched', () => {
    expect(filterTree(tree, 'không có đơn vị này')).toEqual([])
    expect(outline(tree)).toHaveLength(8)
  })
})

describe('pathsToMatches', () => {
  const tree = buildUnitTree(UNITS)
  it('lists the units to open so every match shows, deepest first, not the matches themselves', () => {
    expect(pathsToMatches(tree, 'dot quy')).toEqual([5, 2, 1])
    expect(pathsToMatches(tree, 'giao vu')).toEqual([4, 1])
  })

  it('opens nothing when only a root matches, or nothing does', () => {
    expect(pathsToMatches(tree, 'bo y te')).toEqual([])
    expect(pathsToMatches(tree, 'xyz')).toEqual([])
  })
})

describe('subtreeIds', () => {
  it('holds the unit and every unit below it', () => {
    expect([...subtreeIds(UNITS, 2)].sort()).toEqual([2, 5, 6, 8])
    expect([...subtreeIds(UNITS, 1)].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
  })

  it('holds only the unit itself for a leaf or an unknown id', () => {
    expect([...subtreeIds(UNITS, 8)]).toEqual([8])
    expect([...subtreeIds(UNITS, 99)]).toEqual([99])
  })
})
