import { Alert, Card, List, Skeleton, Tag, Typography } from 'antd'
import { Link, Navigate } from 'react-router'
import type { WorkItemDto, WorkSectionDto } from '../../../contract/home.ts'
import { formatDate } from '../../components/format.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import type { MessageKey } from '../../i18n/translate.ts'
import { useT, type TFunction } from '../../i18n/useT.ts'
import { useMe } from '../auth/api.ts'
import { useMyWork } from './api.ts'

const STATE_COLORS: Record<string, string> = { returned: 'red', none: 'default', draft: 'blue', submitted: 'gold', approved: 'green', refused: 'red', acknowledgement: 'orange', plan: 'volcano', action: 'red' }

/** The line under an item's title: its unit, its directive, its date in the section's own words. */
function itemMeta(t: TFunction, s: WorkSectionDto['key'], i: WorkItemDto) {
  const parts = [i.unitName, s === 'reports' || s === 'reportsToReview' || s === 'directives' ? null : i.directiveNumber]
  if (i.dueDate) parts.push(s === 'plansToReview' ? t('home.submittedOn', { date: formatDate(i.dueDate) }) : s.startsWith('extensions') ? t('home.requested', { date: formatDate(i.dueDate) }) : t('home.due', { date: formatDate(i.dueDate) }))
  if (i.progress) {
    const p = i.progress
    parts.push(t('home.progress', { acknowledged: p.acknowledged, addressees: p.addressees, accepted: p.plansAccepted, overdue: p.overdueActions }))
    if (p.nextDeadline) parts.push(t('home.nextDeadline', { date: formatDate(p.nextDeadline) }))
  }
  return parts.filter(Boolean).join(' · ')
}

function Section({ s }: { s: WorkSectionDto }) {
  const t = useT()
  const footer = s.key === 'overdue' && s.total > 0 ? <Link to="/notifications?tab=overdue">{t('home.seeAllOverdue')}</Link> : s.key === 'directives' && s.total > 0 ? <Link to="/directives">{t('home.seeAllDirectives')}</Link> : null
  return (
    <Card size="small" title={<span>{t(`home.section.${s.key}` as MessageKey)} <Tag color={s.total ? 'red' : 'default'} data-testid="section-total">{s.total}</Tag></span>} data-testid={`home-${s.key}`}>
      {s.items.length === 0 ? (
        <Typography.Text type="secondary">{t('home.nothing')}</Typography.Text>
      ) : (
        <List
          size="small"
          split
          dataSource={s.items}
          footer={s.total > s.items.length || footer ? <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>{s.total > s.items.length && <Typography.Text type="secondary">{t('home.more', { count: s.total - s.items.length })}</Typography.Text>}{footer}</div> : undefined}
          renderItem={(i) => (
            <List.Item style={{ display: 'block' }}>
              <div style={{ display: 'flex', gap: 8, alignItems: 'baseline', flexWrap: 'wrap' }}>
                {i.state && STATE_COLORS[i.state] && <Tag color={STATE_COLORS[i.state]}>{t(`home.state.${i.state}` as MessageKey)}</Tag>}
                <Link to={i.link} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{i.directiveNumber && (s.key === 'directives' || s.key === 'acknowledge') ? `${i.directiveNumber} — ${i.title}` : i.title}</Link>
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>{itemMeta(t, s.key, i)}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}

/**
 * The first page after sign-in: what waits for the caller. Staff go to their own page, an
 * administrator to the unit tree: they have no work of this kind.
 */
export default function HomePage() {
  const t = useT()
  usePageTitle(t('home.title'))
  const { data: me } = useMe()
  const { data, error, isPending } = useMyWork()
  if (isPending) return <Skeleton active />
  if (error) return <Alert type="error" showIcon title={error.message} />
  if (!data.sections.length) return <Navigate to={me?.roles.every((g) => g.role === 'admin') ? '/units' : '/my-directives'} replace />
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('home.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('home.asOf', { date: formatDate(data.asOf) })}</Typography.Text>
      </div>
      <div className="bvct-home-grid">
        {data.sections.map((s) => <Section key={s.key} s={s} />)}
      </div>
    </div>
  )
}
