import { describe, expect, it } from 'vitest'
import { translate } from '../../i18n/translate.ts'
import { durationText, periodText } from './job-format.ts'

const vi = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('vi', key, params)
const en = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en', key, params)

describe('jobs page formats', () => {
  it('says a period in its largest whole unit, in both languages', () => {
    expect(periodText(vi, 86_400_000)).toBe('1 ngày')
    expect(periodText(en, 3_600_000)).toBe('1 h')
    expect(periodText(vi, 5 * 60_000)).toBe('5 phút')
    // 90 minutes is not a whole number of hours.
    expect(periodText(en, 90 * 60_000)).toBe('90 min')
  })

  it('says a duration in ms below a second, else in seconds; nothing while running', () => {
    expect(durationText(null)).toBe('')
    expect(durationText(37)).toBe('37 ms')
    expect(durationText(2_345)).toBe('2.3 s')
  })
})
