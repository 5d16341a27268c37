import { Card, Descriptions, InputNumber, Typography } from 'antd'
import type { DirectiveFigures } from '../../../contract/reports.ts'
import { formatDate, formatDateTime } from '../../components/format.ts'
import { useT } from '../../i18n/useT.ts'
import type { ClaimedFigures } from './api.ts'

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toLocaleString('vi-VN')}%`

interface Props {
  figures: DirectiveFigures[]
  /** Live figures: when they were read. Frozen ones: when the version was submitted. */
  asOf: string | null
  isFrozen: boolean
  claimed: ClaimedFigures[]
  /** Present while the draft is editable. */
  onClaimedChange?: (next: ClaimedFigures[]) => void
}

/** What BVCT already knows about the unit's work on each covered directive, with where it comes from. */
export function FiguresPanel({ figures, asOf, isFrozen, claimed, onClaimedChange }: Props) {
  const t = useT()
  const setClaim = (directiveId: number, key: 'sessions' | 'coveragePercent' | 'actionsDone', value: number | null) => {
    const rest = claimed.filter((c) => c.directiveId !== directiveId)
    const current = claimed.find((c) => c.directiveId === directiveId) ?? { directiveId }
    onClaimedChange?.([...rest, { ...current, [key]: value }])
  }
  return (
    <Card size="small" title={t('reports.figures.title')} data-testid="figures-panel">
      {figures.length === 0 && <Typography.Text type="secondary">{t('reports.figures.none')}</Typography.Text>}
      {figures.map((f) => {
        const c = claimed.find((x) => x.directiveId === f.directiveId)
        const hasClaim = c && (c.sessions != null || c.coveragePercent != null || c.actionsDone != null)
        return (
          <div key={f.directiveId} className="bvct-rep-figures">
            <Typography.Text strong>{t('reports.directiveHeading', { number: f.number ?? `#${f.directiveId}` })}</Typography.Text>
            <Descriptions size="small" column={1} colon={false} className="bvct-rep-figures-list">
              <Descriptions.Item label={t('reports.figures.acknowledged')}>
                {f.acknowledgedAt ? formatDate(f.acknowledgedAt) : <Typography.Text type="danger">{t('reports.figures.notAcknowledged')}</Typography.Text>}
              </Descriptions.Item>
              <Descriptions.Item label={t('reports.figures.sessions')}>
                <b data-testid="figure-sessions">{f.sessions}</b>
              </Descriptions.Item>
              <Descriptions.Item label={t('reports.figures.coverage')}>
                {f.coverage === null ? '—' : <b data-testid="figure-coverage">{pct(f.coverage)}</b>}
                <Typography.Text type="secondary" style={{ marginInlineStart: 4 }}>{t('reports.figures.reachedOf', { reached: f.reached, total: f.activePeople })}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('reports.figures.actionsDone')}>
                <b data-testid="figure-actions">{t('reports.figures.ofTotal', { done: f.actionsDone, total: f.actionsTotal })}</b>
              </Descriptions.Item>
              <Descriptions.Item label={t('reports.figures.actionsOverdue')}>
                {f.actionsOverdue > 0 ? <Typography.Text type="danger" strong>{f.actionsOverdue}</Typography.Text> : 0}
              </Descriptions.Item>
              <Descriptions.Item label={t('reports.figures.withoutEvidence')}>
                {f.actionsDoneWithoutEvidence > 0 ? <Typography.Text type="warning" strong>{f.actionsDoneWithoutEvidence}</Typography.Text> : 0}
              </Descriptions.Item>
            </Descriptions>
            {onClaimedChange ? (
              <div className="bvct-rep-claimed">
                <Typography.Text strong>{t('reports.claimed.title')}</Typography.Text>
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0 6px' }}>{t('reports.claimed.hint')}</Typography.Paragraph>
                <div className="bvct-rep-claimed-grid">
                  <label>
                    <span>{t('reports.figures.sessions')}</span>
                    <InputNumber min={0} max={10000} precision={0} value={c?.sessions ?? null} onChange={(v) => setClaim(f.directiveId, 'sessions', v)} style={{ width: '100%' }} />
                  </label>
                  <label>
                    <span>{t('reports.claimed.coverage')}</span>
                    <InputNumber min={0} max={1000} value={c?.coveragePercent ?? null} onChange={(v) => setClaim(f.directiveId, 'coveragePercent', v)} suffix="%" style={{ width: '100%' }} />
                  </label>
                  <label>
                    <span>{t('reports.figures.actionsDoneShort')}</span>
                    <InputNumber min={0} max={100000} precision={0} value={c?.actionsDone ?? null} onChange={(v) => setClaim(f.directiveId, 'actionsDone', v)} style={{ width: '100%' }} />
                  </label>
                </div>
              </div>
            ) : (
              hasClaim && (
                <Typography.Paragraph style={{ margin: '6px 0 0' }}>
                  <Typography.Text strong>{t('reports.claimed.title')}: </Typography.Text>
                  {[
                    c.sessions != null && `${t('reports.figures.sessions')} ${c.sessions}`,
                    c.coveragePercent != null && `${t('reports.claimed.coverage')} ${c.coveragePercent}%`,
                    c.actionsDone != null && `${t('reports.figures.actionsDoneShort')} ${c.actionsDone}`,
                  ].filter(Boolean).join('; ')}
                </Typography.Paragraph>
              )
            )}
          </div>
        )
      })}
      <Typography.Text type="secondary" className="bvct-rep-source" data-testid="figures-source">
        {isFrozen ? t('reports.figures.sourceFrozen', { at: formatDateTime(asOf) }) : t('reports.figures.source', { at: formatDateTime(asOf) })}
      </Typography.Text>
    </Card>
  )
}
