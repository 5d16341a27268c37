import { Card, Checkbox, Select, Table, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { CHANNEL_KINDS, CHANNEL_LABELS, REVIEW_STATUSES, type ChannelKind, type ReviewStatus } from '../../../contract/channels.ts'
import { formatDate } from '../../components/format.ts'
import { useLabelOptions } from '../../components/LabelTag.tsx'
import { ListPageHeader } from '../../components/ListPageHeader.tsx'
import { useDebounced } from '../../components/useDebounced.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useServerPaging } from '../../components/usePagination.ts'
import { useT } from '../../i18n/useT.ts'
import { ACCESS, hasAnyRole } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { UnitTreeSelect } from '../units/UnitTreeSelect.tsx'
import { useChannelRegister, type ChannelFilters, type ChannelSummaryDto } from './api.ts'
import { ChannelDrawer } from './ChannelDrawer.tsx'
import { CyberSummary } from './CyberSummary.tsx'
import { ChannelKindTag, ReviewStatusTag, TwoFactorTag } from './tags.tsx'
import './channels.css'

/**
 * The register of the units' own official channels: for a unit its own, for the board and the
 * committee every unit in scope by status (review overdue, 2FA missing) down the tree.
 */
export default function ChannelsPage() {
  const t = useT()
  usePageTitle(t('channels.title'))
  const isPhone = useIsPhone()
  const { data: me } = useMe()
  const [params, setParams] = useSearchParams()
  const [isRegistering, setIsRegistering] = useState(false)
  const [search, setSearch] = useState(params.get('q') ?? '')
  const q = useDebounced(search.trim(), 300)
  const paging = useServerPaging()
  const under = Number(params.get('under')) || undefined
  const filters: ChannelFilters = {
    under,
    kind: (params.get('kind') as ChannelKind | null) ?? undefined,
    reviewStatus: (params.get('reviewStatus') as ReviewStatus | null) ?? undefined,
    twoFactor: params.get('twoFactor') === '0' ? '0' : undefined,
    status: params.get('status') === 'retired' ? 'retired' : 'active',
    q: q || undefined,
    limit: paging.limit,
    offset: paging.offset,
  }
  const { data, isFetching, error } = useChannelRegister(filters)
  const kindOptions = useLabelOptions(CHANNEL_KINDS, CHANNEL_LABELS.kind)
  const reviewOptions = useLabelOptions(REVIEW_STATUSES.filter((s) => s !== 'retired'), CHANNEL_LABELS.reviewStatus)
  const setFilter = (key: string, value: string | number | undefined) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, String(value))
    else next.delete(key)
    setParams(next, { replace: true })
    paging.toFirstPage()
  }

  const nameCell = (c: ChannelSummaryDto) => (
    <span className="bvct-channel-cell">
      <Link to={`/channels/${c.id}`}>{c.name}</Link>
      <span className="bvct-channel-address">{c.address}</span>
    </span>
  )
  const reviewCell = (c: ChannelSummaryDto) => (
    <span className="bvct-channel-cell">
      <ReviewStatusTag status={c.reviewStatus} />
      <small className="bvct-muted">
        {c.lastReviewedOn ? t('channels.lastReviewedOn', { date: formatDate(c.lastReviewedOn) }) : t('channels.neverReviewed')}
        {c.nextReviewDue && ` · ${t('channels.nextDue', { date: formatDate(c.nextReviewDue) })}`}
      </small>
    </span>
  )
  const columns: TableColumnsType<ChannelSummaryDto> = isPhone
    ? [
        {
          key: 'row',
          render: (_, c) => (
            <span className="bvct-channel-cell">
              {nameCell(c)}
              <small>{c.unitName}</small>
              <span className="bvct-tags"><ChannelKindTag kind={c.kind} /><TwoFactorTag isOn={c.twoFactor} /></span>
              {reviewCell(c)}
            </span>
          ),
        },
      ]
    : [
        { key: 'name', title: t('channels.name'), render: (_, c) => nameCell(c) },
        { key: 'kind', title: t('channels.kind'), render: (_, c) => <ChannelKindTag kind={c.kind} />, width: 170 },
        {
          key: 'unit',
          title: t('channels.unitResponsible'),
          render: (_, c) => (
            <span className="bvct-channel-cell">
              <span>{c.unitName}</span>
              <small className="bvct-muted">{c.responsibleName}</small>
            </span>
          ),
          width: 200,
        },
        {
          key: 'admins',
          title: t('channels.admins'),
          render: (_, c) => (
            <span className="bvct-channel-cell">
              <span>{t('channels.adminCount', { n: c.adminCount })}</span>
              <TwoFactorTag isOn={c.twoFactor} />
            </span>
          ),
          width: 150,
        },
        { key: 'review', title: t('channels.review'), render: (_, c) => reviewCell(c), width: 230 },
      ]

  return (
    <div className="bvct-stack">
      <Card size="small">
        <Typography.Title level={4} style={{ margin: '0 0 4px' }}>{t('channels.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('channels.intro')}</Typography.Text>
      </Card>
      <CyberSummary under={under} onUnit={(id) => setFilter('under', id)} focus="channels" />
      <Card size="small" title={t('channels.register')} data-testid="channel-register">
        <ListPageHeader
          leading={<UnitTreeSelect value={under} onChange={(v) => setFilter('under', v)} allowClear placeholder={t('channels.allUnits')} style={{ width: isPhone ? '100%' : 260 }} />}
          search={{ value: search, onChange: (v) => { setSearch(v); paging.toFirstPage() }, placeholder: t('channels.search'), maxWidth: 280 }}
          create={hasAnyRole(me, ACCESS.channelsEdit) && { label: t('channels.registerNew'), onClick: () => setIsRegistering(true) }}
          error={error}
        >
          <Select<ChannelKind> value={filters.kind} onChange={(v) => setFilter('kind', v)} allowClear placeholder={t('channels.allKinds')} aria-label={t('channels.kind')} options={kindOptions} style={{ width: isPhone ? '100%' : 200 }} />
          {filters.status === 'active' && (
            <Select<ReviewStatus> value={filters.reviewStatus} onChange={(v) => setFilter('reviewStatus', v)} allowClear placeholder={t('channels.allReviewStatuses')} aria-label={t('channels.review')} options={reviewOptions} style={{ width: isPhone ? '100%' : 220 }} />
          )}
          <Checkbox checked={filters.twoFactor === '0'} onChange={(e) => setFilter('twoFactor', e.target.checked ? '0' : undefined)}>{t('channels.onlyTwoFactorMissing')}</Checkbox>
          <Checkbox checked={filters.status === 'retired'} onChange={(e) => setFilter('status', e.target.checked ? 'retired' : undefined)}>{t('channels.showRetired')}</Checkbox>
        </ListPageHeader>
        <Table<ChannelSummaryDto>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          pagination={paging.pagination(data?.total ?? 0)}
          showHeader={!isPhone}
          locale={{ emptyText: t(filters.status === 'retired' ? 'channels.noneRetired' : 'channels.none') }}
        />
      </Card>
      {isRegistering && <ChannelDrawer onClose={() => setIsRegistering(false)} defaultUnitId={under} />}
    </div>
  )
}
