import { Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { IndicatorKind } from '../../../contract/overview.ts'
import { useT } from '../../i18n/useT.ts'
import { pointsWithValue, type TrendPoint } from './overview-lines.ts'

const COLOR = '#1677ff'

/** The indicator's last 12 months as a small line: a share on a 0–100% scale, a count from 0. */
export function TrendChart({ kind, points, name }: { kind: IndicatorKind; points: TrendPoint[]; name: string }) {
  const t = useT()
  if (pointsWithValue(points) === 0) return <span className="bvct-muted bvct-ov-notrend">{t('overview.noTrend')}</span>
  const few = pointsWithValue(points) < 3
  const show = (v: unknown) => (typeof v === 'number' ? (kind === 'share' ? `${v}%` : String(v)) : '—')
  return (
    <div className="bvct-ov-chart" role="img" aria-label={t('overview.trend', { indicator: name })} data-testid="trend-chart">
      <ResponsiveContainer width="100%" height={44}>
        <LineChart data={points} margin={{ top: 4, right: 4, bottom: 4, left: 4 }}>
          <XAxis dataKey="label" hide />
          <YAxis hide domain={kind === 'share' ? [0, 100] : [0, 'auto']} />
          <Tooltip
            formatter={(v) => [show(v), '']}
            separator=""
            labelStyle={{ fontWeight: 600 }}
            contentStyle={{ padding: '2px 8px', fontSize: 12 }}
            wrapperStyle={{ zIndex: 5 }}
          />
          <Line type="monotone" dataKey="value" stroke={COLOR} strokeWidth={2} dot={{ r: few ? 3 : 1.5, fill: COLOR }} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  )
}
