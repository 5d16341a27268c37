import { describe, expect, it } from 'vitest'
import { NAV_GROUPS, NAV_ITEMS, activeNavItem } from './nav.tsx'

describe('the main menu', () => {
  it('highlights "Theo dõi" on a directive’s dashboard and "Văn bản chỉ đạo" on the directive itself', () => {
    expect(activeNavItem(NAV_ITEMS, '/directives/12/dashboard')?.path).toBe('/follow-up')
    expect(activeNavItem(NAV_ITEMS, '/directives/12')?.path).toBe('/directives')
    expect(activeNavItem(NAV_ITEMS, '/directives/12/units/3/plan')?.path).toBe('/directives')
    expect(activeNavItem(NAV_ITEMS, '/my-directives/4')?.path).toBe('/my-directives')
    expect(activeNavItem(NAV_ITEMS, '/nowhere')).toBeUndefined()
  })

  it('puts every entry in a section, each section a handful of entries', () => {
    for (const g of NAV_GROUPS) {
      const n = NAV_ITEMS.filter((i) => i.group === g).length
      expect(n, g).toBeGreaterThan(0)
      expect(n, g).toBeLessThanOrEqual(5)
    }
  })
})
