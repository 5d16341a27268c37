// How the jobs page says a period and a run's duration.
import type { MessageKey } from '../../i18n/translate.ts'

type T = (key: MessageKey, params?: Record<string, string | number>) => string

/** A job's period in its largest whole unit: 1 d, 1 h, 5 min. */
export function periodText(t: T, ms: number): string {
  if (ms >= 86_400_000 && ms % 86_400_000 === 0) return t('jobs.days', { n: ms / 86_400_000 })
  if (ms >= 3_600_000 && ms % 3_600_000 === 0) return t('jobs.hours', { n: ms / 3_600_000 })
  return t('jobs.minutes', { n: Math.round(ms / 60_000) })
}

/** A run's duration: milliseconds below a second, else seconds with one decimal; '' while running. */
export const durationText = (ms: number | null) => (ms === null ? '' : ms < 1_000 ? `${ms} ms` : `${(ms / 1_000).toFixed(1)} s`)
