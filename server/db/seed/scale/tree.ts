// The unit tree: ministry → departments, hospitals, institutes, universities → centres and
// faculties → departments and wards → teams. Ids are assigned level by level, so a parent always
// has a smaller id than its children and paths can be written in one pass.
import type { UnitKind } from '../../../../contract/units.ts'
import { pick } from '../names.ts'
import { CENTRES, COMPANIES, DEPARTMENTS, FACULTIES, HOSPITALS, INSTITUTES, OFFICES, TEAMS, UNIVERSITIES, WARDS } from './texts.ts'

export interface ScaleUnit {
  id: number
  parentId: number | null
  path: string
  code: string
  name: string
  kind: UnitKind
  level: number
  /** Index of the level-2 unit this one belongs to (-1 for the root and the issuer side). */
  branch: number
}

export interface ScaleTree {
  units: ScaleUnit[]
  root: ScaleUnit
  committee: ScaleUnit
  board: ScaleUnit
  /** Level-2 units below the ministry, excluding the issuer side: each heads one addressable subtree. */
  branches: ScaleUnit[]
}

/** How many units each level gets: about √n top-level units, then 15% / 40–45% / 30% further down. */
export function levelSizes(n: number): number[] {
  if (n < 12) throw new Error('--units must be at least 12 (a ministry, its committee and board, and four levels below)')
  const rest = n - 3
  const l2 = Math.max(4, Math.round(Math.sqrt(rest) * 0.5))
  const l3 = Math.max(2, Math.round(rest * 0.15))
  const l5 = Math.max(1, Math.round(rest * 0.3))
  const l4 = rest - l2 - l3 - l5
  if (l4 < 1) throw new Error('--units too small for a 5-level tree')
  return [l2, l3, l4, l5]
}

/** Weighted pick: cumulative weights, binary search. */
function picker(r: () => number, weights: number[]) {
  const cum: number[] = []
  let s = 0
  for (const w of weights) cum.push((s += w))
  return () => {
    const x = r() * s
    let lo = 0
    let hi = cum.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cum[mid] > x) hi = mid
      else lo = mid + 1
    }
    return lo
  }
}

const KIND_WEIGHT: Partial<Record<UnitKind, number>> = { hospital: 3, university: 2, institute: 1.5, company: 1, department: 0.5 }

function topLevelKind(i: number, n: number): UnitKind {
  // The ministry's own departments come first, then affiliated units: mostly hospitals.
  const f = i / n
  if (f < 0.25) return 'department'
  if (f < 0.65) return 'hospital'
  if (f < 0.83) return 'institute'
  if (f < 0.95) return 'university'
  return 'company'
}

function topLevelName(kind: UnitKind, k: number): { name: string; code: string } {
  const nth = (list: string[], prefix: string) => {
    const base = list[k % list.length]
    const round = Math.floor(k / list.length)
    return round ? `${prefix}${base} (cơ sở ${round + 1})` : `${prefix}${base}`
  }
  const num = String(k + 1).padStart(3, '0')
  switch (kind) {
    case 'department': return { name: nth(DEPARTMENTS, ''), code: `VU${num}` }
    case 'hospital': return { name: nth(HOSPITALS, 'Bệnh viện '), code: `BV${num}` }
    case 'institute': return { name: nth(INSTITUTES, 'Viện '), code: `VIEN${num}` }
    case 'university': return { name: nth(UNIVERSITIES, 'Trường Đại học '), code: `DH${num}` }
    default: return { name: nth(COMPANIES, ''), code: `CT${num}` }
  }
}

function childName(r: () => number, parent: ScaleUnit, level: number, k: number): { name: string; kind: UnitKind } {
  if (level === 3) {
    if (parent.kind === 'department') return { name: `Phòng ${pick(r, OFFICES)}`, kind: 'subunit' }
    if (parent.kind === 'university') return r() < 0.7 ? { name: `Khoa ${pick(r, FACULTIES)}`, kind: 'subunit' } : { name: `Trung tâm ${pick(r, CENTRES)}`, kind: 'center' }
    if (parent.kind === 'company') return { name: `Phòng ${pick(r, OFFICES)}`, kind: 'subunit' }
    return r() < 0.4 ? { name: `Trung tâm ${pick(r, CENTRES)}`, kind: 'center' } : { name: `Khoa ${pick(r, FACULTIES)}`, kind: 'subunit' }
  }
  if (level === 4) return r() < 0.6 ? { name: `Khoa ${pick(r, FACULTIES)}`, kind: 'subunit' } : { name: `${pick(r, WARDS)} ${k + 1}`, kind: 'subunit' }
  return { name: `${pick(r, TEAMS)} ${k + 1}`, kind: 'subunit' }
}

/** A deterministic tree of exactly `n` units, 5 levels deep. */
export function buildTree(n: number, r: () => number, firstId = 1): ScaleTree {
  const [l2, l3, l4, l5] = levelSizes(n)
  const units: ScaleUnit[] = []
  let nextId = firstId
  const childCount = new Map<number, number>()
  const add = (parent: ScaleUnit | null, code: string | null, name: string, kind: UnitKind, level: number, branch: number) => {
    const id = nextId++
    const k = parent ? childCount.get(parent.id) ?? 0 : 0
    if (parent) childCount.set(parent.id, k + 1)
    const u: ScaleUnit = {
      id, parentId: parent?.id ?? null, path: parent ? `${parent.path}.${id}` : String(id),
      code: code ?? `${parent!.code}-${String(k + 1).padStart(2, '0')}`, name, kind, level, branch,
    }
    units.push(u)
    return u
  }
  const root = add(null, 'BYT', 'Bộ Y tế', 'ministry', 1, -1)
  const committee = add(root, 'BCSD', 'Ban cán sự đảng Bộ Y tế', 'committee', 2, -1)
  const branches: ScaleUnit[] = []
  for (let i = 0; i < l2; i++) {
    const kind = topLevelKind(i, l2)
    const sameKind = branches.filter((b) => b.kind === kind).length
    const { name, code } = topLevelName(kind, sameKind)
    branches.push(add(root, code, name, kind, 2, i))
  }
  const board = add(committee, 'BBVCTNB', 'Ban Bảo vệ chính trị nội bộ', 'board', 3, -1)
  let parents = branches
  let weights = branches.map((b) => (KIND_WEIGHT[b.kind] ?? 1) * (0.3 + r() * 1.4))
  for (const [level, count] of [[3, l3], [4, l4], [5, l5]] as const) {
    const choose = picker(r, weights)
    const created: ScaleUnit[] = []
    for (let i = 0; i < count; i++) {
      const parent = parents[choose()]
      const k = childCount.get(parent.id) ?? 0
      const { name, kind } = childName(r, parent, level, k)
      created.push(add(parent, null, name, kind, level, parent.branch))
    }
    parents = created
    weights = created.map(() => 0.3 + r() * 1.4)
  }
  return { units, root, committee, board, branches }
}
