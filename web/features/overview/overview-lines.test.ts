import { describe, expect, it } from 'vitest'
import { INDICATORS, INDICATOR_LABELS, type IndicatorDto } from '../../../contract/overview.ts'
import { barPercent, descend, directionOf, formatValue, fractionOf, linesOf, monthLabel, pointsWithValue, toneOf, trendPoints } from './overview-lines.ts'

const indicator = (key: IndicatorDto['key'], patch: Partial<IndicatorDto> = {}): IndicatorDto => {
  const meta = INDICATORS.find((i) => i.key === key)!
  return { requirement: meta.requirement, key, label: INDICATOR_LABELS[key], kind: meta.kind, value: null, numerator: null, denominator: null, tracked: true, trend: [], page: meta.page, ...patch }
}

describe('linesOf', () => {
  it('makes one line per requirement 1..9 in order, several indicators on one line', () => {
    // Shuffled on purpose: the lines must come out in requirement order whatever the input order.
    const all = [...INDICATORS].reverse().map((i) => indicator(i.key))
    const lines = linesOf(all)
    expect(lines.map((l) => l.requirement)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(lines[3].indicators.map((i) => i.key).sort()).toEqual(['channels_reviewed_on_time', 'channels_two_factor', 'incidents_open'])
    expect(lines[8].indicators.map((i) => i.key).sort()).toEqual(['reports_on_time', 'violation_cases_open'])
    expect(lines.flatMap((l) => l.indicators)).toHaveLength(INDICATORS.length)
  })
})

describe('formatValue and fractionOf', () => {
  it('shows a share as a whole percent that never rounds to 100% or 0% when it is not', () => {
    expect(formatValue('share', 0.875)).toBe('88%')
    expect(formatValue('share', 1)).toBe('100%')
    expect(formatValue('share', 0.996)).toBe('99%')
    expect(formatValue('share', 0.004)).toBe('1%')
    expect(formatValue('share', 0)).toBe('0%')
  })

  it('shows a count as a number and nothing at all for a missing figure (never a made-up zero)', () => {
    expect(formatValue('count', 3)).toBe('3')
    expect(formatValue('count', 1234, 'vi')).toBe('1.234')
    expect(formatValue('count', 1234, 'en')).toBe('1,234')
    expect(formatValue('count', null)).toBeNull()
    expect(formatValue('share', null)).toBeNull()
  })

  it('writes numerator/denominator for a share only', () => {
    expect(fractionOf({ kind: 'share', numerator: 12, denominator: 15 })).toBe('12/15')
    expect(fractionOf({ kind: 'share', numerator: 0, denominator: 0 })).toBe('0/0')
    expect(fractionOf({ kind: 'count', numerator: 4, denominator: null })).toBeNull()
    expect(fractionOf({ kind: 'share', numerator: null, denominator: null })).toBeNull()
  })
})

describe('toneOf', () => {
  it('colours shares by 90% and 70%, open counts by zero, missing figures neutral', () => {
    expect(toneOf('share', 0.95)).toBe('good')
    expect(toneOf('share', 0.9)).toBe('good')
    expect(toneOf('share', 0.75)).toBe('warn')
    expect(toneOf('share', 0.5)).toBe('bad')
    expect(toneOf('count', 0)).toBe('good')
    expect(toneOf('count', 2)).toBe('warn')
    expect(toneOf('share', null)).toBe('none')
    expect(toneOf('count', null)).toBe('none')
  })
})

describe('trend', () => {
  const trend = [
    { month: '2026-01', value: null },
    { month: '2026-02', value: 0.5 },
    { month: '2026-03', value: null },
    { month: '2026-04', value: 0.8123 },
  ]

  it('turns shares into percents with one decimal, keeps gaps as null and labels months MM/yyyy', () => {
    expect(trendPoints('share', trend)).toEqual([
      { month: '2026-01', label: '01/2026', value: null },
      { month: '2026-02', label: '02/2026', value: 50 },
      { month: '2026-03', label: '03/2026', value: null },
      { month: '2026-04', label: '04/2026', value: 81.2 },
    ])
    expect(trendPoints('count', [{ month: '2026-05', value: 7 }])[0].value).toBe(7)
    expect(pointsWithValue(trendPoints('share', trend))).toBe(2)
    expect(monthLabel('2025-12')).toBe('12/2025')
  })

  it('compares the latest figure with the last earlier month that has one, in the indicator\'s sense', () => {
    expect(directionOf('share', trend)).toEqual({ direction: 'better', from: 0.5, month: '2026-02' })
    expect(directionOf('share', [{ month: '2026-01', value: 0.9 }, { month: '2026-02', value: 0.6 }])?.direction).toBe('worse')
    // An open count going up is worse, going down better.
    expect(directionOf('count', [{ month: '2026-01', value: 2 }, { month: '2026-02', value: 5 }])?.direction).toBe('worse')
    expect(directionOf('count', [{ month: '2026-01', value: 5 }, { month: '2026-02', value: 2 }])?.direction).toBe('better')
    expect(directionOf('share', [{ month: '2026-01', value: 0.801 }, { month: '2026-02', value: 0.803 }])?.direction).toBe('same')
    expect(directionOf('share', [{ month: '2026-01', value: null }, { month: '2026-02', value: 0.8 }])).toBeNull()
    expect(directionOf('share', [])).toBeNull()
  })
})

describe('drill-down', () => {
  it('sizes a bar by the share, or by the largest count in the list', () => {
    expect(barPercent('share', 0.42, 0)).toBe(42)
    expect(barPercent('count', 3, 6)).toBe(50)
    expect(barPercent('count', 0, 0)).toBe(0)
    expect(barPercent('share', null, 0)).toBe(0)
  })

  it('walks down the tree and back up to a unit already passed', () => {
    const a = { unitId: 1, name: 'Bộ' }
    const b = { unitId: 5, name: 'Cục' }
    const c = { unitId: 9, name: 'Phòng' }
    expect(descend([a], b)).toEqual([a, b])
    expect(descend([a, b], c)).toEqual([a, b, c])
    expect(descend([a, b, c], b)).toEqual([a, b])
    expect(descend([a, b, c], a)).toEqual([a])
  })
})
