import { describe, expect, it } from 'vitest'
import { formatShare } from './share.ts'

describe('formatShare', () => {
  it('shows a share as a whole percent in either language', () => {
    expect(formatShare(0.873, 'vi')).toMatch(/^87\s?%$/)
    expect(formatShare(0.873, 'en')).toBe('87%')
    expect(formatShare(1, 'en')).toBe('100%')
    expect(formatShare(0, 'vi')).toMatch(/^0\s?%$/)
  })

  it('shows a dash when no holder needs a conclusion, never 0%', () => {
    expect(formatShare(null, 'vi')).toBe('—')
    expect(formatShare(null, 'en')).toBe('—')
  })
})
