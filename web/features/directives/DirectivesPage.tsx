import { Card, Select, Table, Typography, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import type { DirectiveProgressDto, DirectiveStatus, DirectiveSummaryDto } from '../../../contract/directives.ts'
import { formatDate } from '../../components/format.ts'
import { Highlight } from '../../components/Highlight.tsx'
import { ListPageHeader } from '../../components/ListPageHeader.tsx'
import { useDebounced } from '../../components/useDebounced.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useServerPaging } from '../../components/usePagination.ts'
import { useT } from '../../i18n/useT.ts'
import { ACCESS, hasAnyRole } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { useDirectives } from './api.ts'
import { DirectiveStatusTag, useDirectiveStatusOptions } from './DirectiveStatusTag.tsx'

/** Where the units in my scope stand: acknowledged x/y, plans accepted, overdue actions, the next deadline. */
function ProgressLine({ p }: { p: DirectiveProgressDto }) {
  const t = useT()
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2px 10px', fontSize: 13 }} data-testid="directive-progress">
      <span>{t('directives.progressAcknowledged', { done: p.acknowledged, total: p.addressees })}</span>
      <span>{t('directives.progressAccepted', { count: p.plansAccepted })}</span>
      <span style={p.overdueActions ? { color: '#cf1322' } : undefined}>{t('directives.progressOverdue', { count: p.overdueActions })}</span>
      {p.nextDeadline && <Typography.Text type="secondary">{t('directives.progressNext', { date: formatDate(p.nextDeadline) })}</Typography.Text>}
    </div>
  )
}

/** Directives in the user's scope, newest first; the search ignores diacritics (done by the server). */
export default function DirectivesPage() {
  const t = useT()
  usePageTitle(t('directives.title'))
  const isPhone = useIsPhone()
  const navigate = useNavigate()
  const { data: me } = useMe()
  const [params, setParams] = useSearchParams()
  const status = (params.get('status') as DirectiveStatus | null) ?? undefined
  const [search, setSearch] = useState(params.get('q') ?? '')
  const q = useDebounced(search.trim(), 300)
  const paging = useServerPaging()
  const statusOptions = useDirectiveStatusOptions()
  const { data, isFetching, error } = useDirectives({ q: q || undefined, status, limit: paging.limit, offset: paging.offset })

  const columns = useMemo<TableColumnsType<DirectiveSummaryDto>>(() => {
    const numberCell = (d: DirectiveSummaryDto) => (
      <Link to={`/directives/${d.id}`}>
        <Highlight text={d.number ?? t('directives.noNumber')} query={q} />
      </Link>
    )
    if (isPhone)
      return [
        {
          key: 'summary',
          title: t('directives.title'),
          render: (_, d) => (
            <div style={{ display: 'grid', gap: 4 }}>
              <span>
                {numberCell(d)} <Typography.Text type="secondary">· {formatDate(d.date)}</Typography.Text>
              </span>
              <span><Highlight text={d.subject} query={q} /></span>
              <span><DirectiveStatusTag status={d.status} /></span>
              {d.progress && <ProgressLine p={d.progress} />}
            </div>
          ),
        },
      ]
    return [
      { key: 'number', title: t('directives.number'), render: (_, d) => numberCell(d), width: 170 },
      { key: 'subject', title: t('directives.subject'), render: (_, d) => <Highlight text={d.subject} query={q} /> },
      { key: 'date', title: t('directives.date'), dataIndex: 'date', render: (v: string | null) => formatDate(v), width: 120 },
      { key: 'status', title: t('common.status'), dataIndex: 'status', render: (s: DirectiveStatus) => <DirectiveStatusTag status={s} />, width: 150 },
      { key: 'progress', title: t('directives.progress'), render: (_, d) => (d.progress ? <ProgressLine p={d.progress} /> : null), width: 330 },
    ]
  }, [t, isPhone, q])

  const setStatus = (s: DirectiveStatus | undefined) => {
    setParams(s ? { status: s } : {}, { replace: true })
    paging.toFirstPage()
  }

  return (
    <Card title={t('directives.title')} size="small">
      <ListPageHeader
        search={{ value: search, onChange: paging.withFirstPage(setSearch), placeholder: t('directives.searchPlaceholder'), maxWidth: 420 }}
        create={hasAnyRole(me, ACCESS.directivesManage) && { label: t('directives.register'), onClick: () => navigate('/directives/new') }}
        error={error}
      >
        <Select<DirectiveStatus>
          value={status}
          onChange={(v) => setStatus(v ?? undefined)}
          allowClear
          placeholder={t('directives.allStatuses')}
          aria-label={t('common.status')}
          options={statusOptions}
          style={{ width: isPhone ? '100%' : 200 }}
        />
      </ListPageHeader>
      <Table<DirectiveSummaryDto>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        pagination={paging.pagination(data?.total ?? 0)}
      />
    </Card>
  )
}
