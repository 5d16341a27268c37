import { Alert, Button, Card, Skeleton, Tag, Tooltip, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { REQUIREMENT_LABELS, type IndicatorDto } from '../../../contract/overview.ts'
import { formatDate } from '../../components/format.ts'
import { ArrowDownIcon, ArrowUpIcon, ChevronRightIcon } from '../../components/icons.tsx'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useLabel, useLang, useT } from '../../i18n/useT.ts'
import { DownloadButton } from '../reports/DownloadButton.tsx'
import { UnitTreeSelect } from '../units/UnitTreeSelect.tsx'
import { useUnitIndex } from '../units/api.ts'
import { OVERVIEW_DOCX, OVERVIEW_XLSX, useOverview } from './api.ts'
import { directionOf, formatValue, fractionOf, linesOf, monthLabel, toneOf, trendPoints } from './overview-lines.ts'
import { TrendChart } from './TrendChart.tsx'
import { UnitsDrawer } from './UnitsDrawer.tsx'
import './overview.css'

/** One indicator: its name, today's figure, numerator/denominator, the 12-month trend, the drill-down. */
function IndicatorRow({ indicator, onOpen }: { indicator: IndicatorDto; onOpen: () => void }) {
  const t = useT()
  const lang = useLang()
  const label = useLabel()
  const name = label(indicator.label)
  const points = useMemo(() => trendPoints(indicator.kind, indicator.trend), [indicator])
  const direction = directionOf(indicator.kind, indicator.trend)
  const text = formatValue(indicator.kind, indicator.value, lang)
  const fraction = fractionOf(indicator)
  const tone = toneOf(indicator.kind, indicator.value)

  if (!indicator.tracked)
    return (
      <div className="bvct-ov-row bvct-ov-row-untracked" data-testid={`indicator-${indicator.key}`} data-tracked="false">
        <div className="bvct-ov-name">{name}</div>
        <div className="bvct-ov-figure">
          <Tooltip title={t('overview.notTrackedHint')}>
            <Tag className="bvct-ov-untracked-tag">{t('overview.notTracked')}</Tag>
          </Tooltip>
        </div>
      </div>
    )

  return (
    <div className="bvct-ov-row" data-testid={`indicator-${indicator.key}`} data-tracked="true">
      <div className="bvct-ov-name">
        <span>{name}</span>
        {direction && (
          <small className={`bvct-ov-direction bvct-ov-${direction.direction}`}>
            {direction.direction === 'better' ? <ArrowUpIcon /> : direction.direction === 'worse' ? <ArrowDownIcon /> : null}
            {t(`overview.${direction.direction}`, { month: monthLabel(direction.month), from: formatValue(indicator.kind, direction.from, lang) ?? '' })}
          </small>
        )}
      </div>
      <div className="bvct-ov-figure">
        {text === null ? (
          <span className="bvct-muted bvct-ov-nothing">{t('overview.nothingToMeasure')}</span>
        ) : (
          <b className={`bvct-ov-value bvct-ov-tone-${tone}`} data-testid="indicator-value">{text}</b>
        )}
        {fraction ? (
          <small className="bvct-muted" title={t('overview.fractionHint', { numerator: indicator.numerator ?? 0, denominator: indicator.denominator ?? 0 })} data-testid="indicator-fraction">
            {fraction}
          </small>
        ) : (
          indicator.kind === 'count' && <small className="bvct-muted">{t('overview.countHint')}</small>
        )}
      </div>
      <div className="bvct-ov-trend">
        <TrendChart kind={indicator.kind} points={points} name={name} />
      </div>
      <div className="bvct-ov-actions">
        <Button size="small" onClick={onOpen} aria-label={t('overview.byUnitOf', { indicator: name })} data-testid="open-units">
          {t('overview.byUnit')}
          <ChevronRightIcon />
        </Button>
      </div>
    </div>
  )
}

/** The committee's one page: one line per seed requirement, for the caller's scope or a unit in it. */
export default function OverviewPage() {
  const t = useT()
  const label = useLabel()
  const isPhone = useIsPhone()
  const index = useUnitIndex()
  const [under, setUnder] = useState<number>()
  const [open, setOpen] = useState<IndicatorDto | null>(null)
  const { data, error, isPending } = useOverview(under)
  const lines = useMemo(() => linesOf(data?.indicators ?? []), [data])
  usePageTitle(t('overview.title'))
  const underName = under ? index.byId.get(under)?.name : undefined

  return (
    <div className="bvct-stack bvct-stack-tight bvct-ov">
      <Card size="small">
        <div className="bvct-page-head">
          <div style={{ minWidth: 0, flex: '1 1 320px' }}>
            <Typography.Title level={4} style={{ margin: '0 0 4px' }}>{t('overview.title')}</Typography.Title>
            <Typography.Text type="secondary">{t('overview.intro')}</Typography.Text>
          </div>
          <div className="bvct-ov-downloads">
            <DownloadButton path={OVERVIEW_XLSX} query={{ under }} fileName="tong-quan-bvctnb.xlsx" label={t('overview.xlsx')} testId="download-overview-xlsx" />
            <DownloadButton path={OVERVIEW_DOCX} query={{ under }} fileName="bao-cao-tom-tat-bvctnb.docx" label={t('overview.docx')} testId="download-overview-docx" />
          </div>
        </div>
        <div className="bvct-toolbar" style={{ marginTop: 12, marginBottom: 0 }}>
          <UnitTreeSelect value={under} onChange={setUnder} allowClear placeholder={t('overview.wholeScope')} style={{ width: isPhone ? '100%' : 320 }} />
          {data && <Typography.Text type="secondary" data-testid="overview-as-of">{t('overview.asOf', { date: formatDate(data.asOf) })}</Typography.Text>}
        </div>
      </Card>

      {error && <Alert type="error" showIcon title={error.message} />}
      {isPending && <Card size="small"><Skeleton active paragraph={{ rows: 8 }} /></Card>}

      {lines.length > 0 && (
        <Card size="small" className="bvct-ov-lines" styles={{ body: { padding: '0 12px' } }}>
          {lines.map((line) => (
            <section key={line.requirement} className="bvct-ov-line" data-testid={`requirement-${line.requirement}`} aria-label={t('overview.requirement', { number: line.requirement })}>
              <div className="bvct-ov-req">
                <span className="bvct-ov-req-num">{line.requirement}</span>
                <b>{label(REQUIREMENT_LABELS[line.requirement])}</b>
              </div>
              <div className="bvct-ov-indicators">
                {line.indicators.map((i) => (
                  <IndicatorRow key={i.key} indicator={i} onOpen={() => setOpen(i)} />
                ))}
              </div>
            </section>
          ))}
        </Card>
      )}

      {open && <UnitsDrawer key={`${open.key}:${under ?? ''}`} indicator={open} start={under ? { unitId: under, name: underName ?? '' } : null} onClose={() => setOpen(null)} />}
    </div>
  )
}
