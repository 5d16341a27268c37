import type { UnitDto } from '../../../contract/units.ts'
import { foldVietnamese } from '../../../contract/vietnamese.ts'

export interface UnitNode {
  unit: UnitDto
  children: UnitNode[]
}

/**
 * Nests the flat list by parentId. Units whose parent is not in the list (the top of the caller's
 * scope) become roots. The server's order (depth, then Vietnamese name) is kept among siblings.
 */
export function buildUnitTree(units: UnitDto[]): UnitNode[] {
  const nodes = new Map<number, UnitNode>(units.map((u) => [u.id, { unit: u, children: [] }]))
  const roots: UnitNode[] = []
  for (const u of units) {
    const node = nodes.get(u.id)!
    const parent = u.parentId === null ? undefined : nodes.get(u.parentId)
    ;(parent ? parent.children : roots).push(node)
  }
  return roots
}

/** Drops inactive units (with everything under them: nothing active hangs under an inactive unit). */
export function withoutInactive(nodes: UnitNode[]): UnitNode[] {
  return nodes.filter((n) => n.unit.isActive).map((n) => ({ ...n, children: withoutInactive(n.children) }))
}

/** Does the unit's name or code contain the query, ignoring case and diacritics ("bach mai" finds "Bạch Mai")? */
export function unitMatches(unit: UnitDto, query: string): boolean {
  const q = foldVietnamese(query.trim())
  return !q || foldVietnamese(unit.name).includes(q) || foldVietnamese(unit.code).includes(q)
}

/** Keeps matching units and the path down to them; a match keeps its whole subtree visible. */
export function filterTree(nodes: UnitNode[], query: string): UnitNode[] {
  if (!query.trim()) return nodes
  const out: UnitNode[] = []
  for (const n of nodes) {
    if (unitMatches(n.unit, query)) out.push(n)
    else {
      const children = filterTree(n.children, query)
      if (children.length) out.push({ ...n, children })
    }
  }
  return out
}

/** Ids of units on the way to a match (what to expand so every match shows). */
export function pathsToMatches(nodes: UnitNode[], query: string): number[] {
  const ids: number[] = []
  const walk = (n: UnitNode): boolean => {
    const below = n.children.map(walk).some(Boolean)
    if (below) ids.push(n.unit.id)
    return below || unitMatches(n.unit, query)
  }
  nodes.forEach(walk)
  return ids
}

/** The unit's own id and those of every unit below it. */
export function subtreeIds(units: UnitDto[], rootId: number): Set<number> {
  const ids = new Set([rootId])
  // The server lists parents before children (ordered by depth), so one pass is enough.
  for (const u of units) if (u.parentId !== null && ids.has(u.parentId)) ids.add(u.id)
  return ids
}
