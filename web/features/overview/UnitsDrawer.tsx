import { Alert, Button, Drawer, Empty, Progress, Skeleton, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { Link } from 'react-router'
import type { IndicatorDto } from '../../../contract/overview.ts'
import { ChevronRightIcon } from '../../components/icons.tsx'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { useLabel, useLang, useT } from '../../i18n/useT.ts'
import { useIndicatorUnits } from './api.ts'
import { barPercent, descend, formatValue, fractionOf, toneOf, type Crumb } from './overview-lines.ts'

const PROGRESS_COLOR = { good: '#52c41a', warn: '#faad14', bad: '#ff4d4f', none: '#d9d9d9' }

/**
 * One indicator over the units behind it, worst first: the top units of the caller's scope (or the
 * units under the one the page is about), each opening the units under it in turn.
 */
export function UnitsDrawer({ indicator, start, onClose }: { indicator: IndicatorDto; start: Crumb | null; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const label = useLabel()
  const isPhone = useIsPhone()
  const [crumbs, setCrumbs] = useState<Crumb[]>(start ? [start] : [])
  // A scope of one unit (the ministry, say) would open on a list of one: go straight to the units under it, once.
  const [mayDescend, setMayDescend] = useState(!start)
  const under = crumbs.at(-1)?.unitId
  const { data, error, isPending, isPlaceholderData } = useIndicatorUnits(indicator.key, under)
  const only = data?.items.length === 1 ? data.items[0] : null
  if (mayDescend && !crumbs.length && !isPlaceholderData && only) {
    setMayDescend(false)
    if (only.hasChildren) setCrumbs([{ unitId: only.unitId, name: only.unitName }])
  }
  const items = useMemo(() => data?.items ?? [], [data])
  const largest = useMemo(() => Math.max(0, ...items.map((i) => i.value ?? 0)), [items])
  const name = label(indicator.label)
  const openPage = <Link to={indicator.page}><Button type="primary" size="small">{t('overview.openPage')}</Button></Link>

  return (
    <Drawer
      open
      onClose={onClose}
      title={name}
      size={isPhone ? '100%' : 560}
      destroyOnHidden
      extra={!isPhone && openPage}
      data-testid="overview-units"
    >
      <nav className="bvct-ov-crumbs" aria-label={t('overview.unit')}>
        <Button type="link" size="small" disabled={!crumbs.length} onClick={() => { setMayDescend(false); setCrumbs([]) }}>
          {t('overview.scopeTop')}
        </Button>
        {crumbs.map((c, i) => (
          <span key={c.unitId}>
            <span className="bvct-muted"> / </span>
            <Button type="link" size="small" disabled={i === crumbs.length - 1} onClick={() => setCrumbs(descend(crumbs, c))}>{c.name}</Button>
          </span>
        ))}
      </nav>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('overview.worstFirst')}</Typography.Paragraph>
      {isPhone && <div style={{ marginBottom: 8 }}>{openPage}</div>}
      {error && <Alert type="error" showIcon title={error.message} />}
      {isPending ? (
        <Skeleton active />
      ) : !items.length ? (
        <Empty description={t('overview.noUnits')} />
      ) : (
        <ol className="bvct-ov-units" data-testid="overview-unit-list">
          {items.map((u) => {
            const text = formatValue(indicator.kind, u.value, lang)
            const fraction = fractionOf({ kind: indicator.kind, numerator: u.numerator, denominator: u.denominator })
            const tone = toneOf(indicator.kind, u.value)
            return (
              <li key={u.unitId} className="bvct-ov-unit" data-unit-code={u.unitCode}>
                <div className="bvct-ov-unit-name">
                  {u.hasChildren ? (
                    <button type="button" className="bvct-ov-down" onClick={() => setCrumbs(descend(crumbs, { unitId: u.unitId, name: u.unitName }))} title={t('overview.down', { unit: u.unitName })}>
                      <span>{u.unitName}</span>
                      <ChevronRightIcon />
                    </button>
                  ) : (
                    <span>{u.unitName}</span>
                  )}
                </div>
                <Progress percent={barPercent(indicator.kind, u.value, largest)} showInfo={false} size="small" strokeColor={PROGRESS_COLOR[tone]} className="bvct-ov-unit-bar" />
                <div className={`bvct-ov-unit-value bvct-ov-tone-${tone}`}>
                  {text ?? <span className="bvct-muted">{t('overview.nothingToMeasure')}</span>}
                  {fraction && text && <small className="bvct-muted"> · {fraction}</small>}
                </div>
              </li>
            )
          })}
        </ol>
      )}
    </Drawer>
  )
}
