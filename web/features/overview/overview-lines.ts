// Pure helpers of the committee's overview page: the indicators grouped by seed requirement, their
// figures as text, the trend as chart points and its direction, and how each figure should look.
import type { IndicatorDto, IndicatorKind } from '../../../contract/overview.ts'

export interface RequirementLine {
  requirement: number
  indicators: IndicatorDto[]
}

/** One line per requirement 1..9 in order, each with its indicators in the contract's order. */
export function linesOf(indicators: readonly IndicatorDto[]): RequirementLine[] {
  const byRequirement = new Map<number, IndicatorDto[]>()
  for (const i of indicators) byRequirement.set(i.requirement, [...(byRequirement.get(i.requirement) ?? []), i])
  return [...byRequirement.keys()].sort((a, b) => a - b).map((requirement) => ({ requirement, indicators: byRequirement.get(requirement)! }))
}

/** A share 0..1 as a whole percent ("87%"), "100%" only when it really is whole; a count as it is. */
export function formatValue(kind: IndicatorKind, value: number | null, lang: 'vi' | 'en' = 'vi'): string | null {
  if (value === null) return null
  if (kind === 'count') return value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')
  const pct = value * 100
  // 99.6% must not read as 100%: round down near the top, up near the bottom.
  const whole = pct > 99 && pct < 100 ? 99 : pct > 0 && pct < 1 ? 1 : Math.round(pct)
  return `${whole}%`
}

/** "12/15" for a share with a denominator; null for a count or when not tracked. */
export function fractionOf(i: Pick<IndicatorDto, 'kind' | 'numerator' | 'denominator'>): string | null {
  if (i.kind === 'count' || i.numerator === null || i.denominator === null) return null
  return `${i.numerator}/${i.denominator}`
}

export type Tone = 'good' | 'warn' | 'bad' | 'none'

/**
 * How a figure is coloured: a share from 90% is good, from 70% wants attention, below is bad; an
 * open count is good at 0 and wants attention above. Nothing to measure is neutral.
 */
export function toneOf(kind: IndicatorKind, value: number | null): Tone {
  if (value === null) return 'none'
  if (kind === 'count') return value === 0 ? 'good' : 'warn'
  return value >= 0.9 ? 'good' : value >= 0.7 ? 'warn' : 'bad'
}

export interface TrendPoint {
  /** YYYY-MM */
  month: string
  /** MM/yyyy, as the page shows months. */
  label: string
  /** A share in percent (0..100, one decimal), a count as it is; null for a month with no figure. */
  value: number | null
}

/** "2026-03" → "03/2026". */
export const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`

export function trendPoints(kind: IndicatorKind, trend: IndicatorDto['trend']): TrendPoint[] {
  return trend.map((p) => ({
    month: p.month,
    label: monthLabel(p.month),
    value: p.value === null ? null : kind === 'share' ? Math.round(p.value * 1000) / 10 : p.value,
  }))
}

/** How many of the months have a figure: a chart of one point says nothing. */
export const pointsWithValue = (points: TrendPoint[]) => points.filter((p) => p.value !== null).length

export type Direction = 'better' | 'worse' | 'same'

/**
 * The latest figure against the last month before it that has one: better or worse in the
 * indicator's sense (a share up is better, an open count up is worse). Null without two figures.
 */
export function directionOf(kind: IndicatorKind, trend: IndicatorDto['trend']): { direction: Direction; from: number; month: string } | null {
  const withValue = trend.filter((p) => p.value !== null) as { month: string; value: number }[]
  if (withValue.length < 2) return null
  const last = withValue[withValue.length - 1]
  const prev = withValue[withValue.length - 2]
  const diff = last.value - prev.value
  if (Math.abs(diff) < (kind === 'share' ? 0.005 : 0.5)) return { direction: 'same', from: prev.value, month: prev.month }
  const up = diff > 0
  return { direction: (kind === 'share') === up ? 'better' : 'worse', from: prev.value, month: prev.month }
}

/** A drill-down row's share of the bar (0..100): the share itself, or a count against the largest. */
export function barPercent(kind: IndicatorKind, value: number | null, largestCount: number): number {
  if (value === null) return 0
  if (kind === 'share') return Math.round(value * 100)
  return largestCount > 0 ? Math.round((value / largestCount) * 100) : 0
}

/** The units walked through in the drill-down, from the top of the scope to the one open now. */
export interface Crumb {
  unitId: number
  name: string
}

/** Opens `next` below the crumbs, or goes back to it if it is already among them. */
export function descend(crumbs: readonly Crumb[], next: Crumb): Crumb[] {
  const at = crumbs.findIndex((c) => c.unitId === next.unitId)
  return at >= 0 ? crumbs.slice(0, at + 1) : [...crumbs, next]
}
