import { Alert, Button, Card, Result, Switch, Table, Typography, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { Link, useParams } from 'react-router'
import { SESSION_FORM_LABELS, type SessionDto } from '../../../contract/dissemination.ts'
import { isApiError } from '../../api/client.ts'
import { formatDate } from '../../components/format.ts'
import { PlusIcon } from '../../components/icons.tsx'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useLabel, useT } from '../../i18n/useT.ts'
import { ACCESS, hasAnyRole, holdsRoleOver } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { useDirective } from '../directives/api.ts'
import { useUnitIndex } from '../units/api.ts'
import { useSessions } from './api.ts'
import { CoverageCard } from './CoverageCard.tsx'
import { SessionDetailDrawer } from './SessionDetailDrawer.tsx'
import { SessionDrawer } from './SessionDrawer.tsx'

/** Dissemination of one directive in one unit: coverage, the sessions held, and recording a new one. */
export default function DisseminationPage() {
  const t = useT()
  const label = useLabel()
  const isPhone = useIsPhone()
  const params = useParams()
  const directiveId = Number(params.id)
  const unitId = Number(params.unitId)
  const { data: me } = useMe()
  const index = useUnitIndex()
  const directive = useDirective(directiveId)
  const unit = index.byId.get(unitId)
  const [includeSubunits, setIncludeSubunits] = useState(true)
  const [page, setPage] = useState(1)
  const sessions = useSessions(directiveId, unitId, { includeSubunits, limit: 20, offset: (page - 1) * 20 })
  const [dialog, setDialog] = useState<{ kind: 'new' } | { kind: 'view'; id: number } | null>(null)
  usePageTitle(`${t('dissemination.title')} · ${unit?.name ?? ''}`)

  const d = directive.data
  const canWrite = d?.status === 'issued' && holdsRoleOver(me, ACCESS.sessionsWrite, unitId, index.parentOf)
  const topRequirements = useMemo(() => (d?.requirements ?? []).map((r) => ({ id: r.id, label: r.label, text: r.text })), [d])
  const reqLabels = useMemo(() => new Map(topRequirements.map((r) => [r.id, r.label])), [topRequirements])

  const columns: TableColumnsType<SessionDto> = isPhone
    ? [
        {
          key: 'all',
          title: t('dissemination.sessions'),
          render: (_, s) => (
            <div style={{ display: 'grid', gap: 2 }}>
              <Button type="link" className="bvct-link-button" onClick={() => setDialog({ kind: 'view', id: s.id })}>{s.title}</Button>
              <Typography.Text type="secondary">{formatDate(s.heldOn)} · {label(SESSION_FORM_LABELS[s.form])}</Typography.Text>
              <span>{t('dissemination.attendeeCountShort', { count: s.attendeeCount })}{includeSubunits ? ` · ${s.unitName}` : ''}</span>
            </div>
          ),
        },
      ]
    : [
        { key: 'heldOn', title: t('dissemination.heldOn'), dataIndex: 'heldOn', render: formatDate, width: 120 },
        { key: 'title', title: t('dissemination.sessionTitle'), render: (_, s) => <Button type="link" className="bvct-link-button" onClick={() => setDialog({ kind: 'view', id: s.id })}>{s.title}</Button> },
        { key: 'form', title: t('dissemination.form'), render: (_, s) => label(SESSION_FORM_LABELS[s.form]) },
        ...(includeSubunits ? [{ key: 'unit', title: t('people.unit'), dataIndex: 'unitName' }] : []),
        { key: 'reqs', title: t('dissemination.requirementsShort'), render: (_, s) => s.requirementIds.map((id) => reqLabels.get(id) ?? '').join(' ') },
        { key: 'count', title: t('dissemination.attendeeCount'), dataIndex: 'attendeeCount', width: 110, align: 'right' },
      ]

  if (directive.error && isApiError(directive.error, 'NOT_FOUND')) return <Result status="404" title={t('directives.notFound')} />

  return (
    <div className="bvct-stack">
      <Card size="small">
        <div className="bvct-page-head">
          <div style={{ minWidth: 0 }}>
            <Typography.Text type="secondary">
              <Link to="/directives">{t('directives.title')}</Link> / <Link to={`/directives/${directiveId}`}>{d?.number ?? t('directives.noNumber')}</Link> / {t('dissemination.title')}
            </Typography.Text>
            <Typography.Title level={4} style={{ margin: '4px 0' }}>{t('dissemination.titleFor', { unit: unit?.name ?? '' })}</Typography.Title>
            {d && <Typography.Paragraph type="secondary" ellipsis={{ rows: 1 }} style={{ margin: 0 }}>{d.subject}</Typography.Paragraph>}
          </div>
          <div className="bvct-head-actions">
            {hasAnyRole(me, ACCESS.plans) && <Link to={`/directives/${directiveId}/units/${unitId}/plan`}><Button>{t('directives.plan')}</Button></Link>}
            {canWrite && (
              <Button type="primary" icon={<PlusIcon />} onClick={() => setDialog({ kind: 'new' })} data-testid="new-session">
                {t('dissemination.newSession')}
              </Button>
            )}
          </div>
        </div>
      </Card>

      <CoverageCard directiveId={directiveId} unitId={unitId} />

      <Card
        size="small"
        title={t('dissemination.sessions')}
        extra={
          <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
            <Switch size="small" checked={includeSubunits} onChange={(v) => (setIncludeSubunits(v), setPage(1))} />
            {t('people.includeSubunits')}
          </label>
        }
      >
        {sessions.error && <Alert type="error" showIcon title={sessions.error.message} style={{ marginBottom: 12 }} />}
        <Table<SessionDto>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={sessions.data?.items ?? []}
          loading={sessions.isFetching}
          locale={{ emptyText: t('dissemination.noSessions') }}
          pagination={{ current: page, pageSize: 20, total: sessions.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true, simple: isPhone }}
        />
      </Card>

      {dialog?.kind === 'new' && d && (
        <SessionDrawer directiveId={directiveId} directiveNumber={d.number} unitId={unitId} requirements={topRequirements} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'view' && <SessionDetailDrawer sessionId={dialog.id} canWrite={canWrite} onClose={() => setDialog(null)} />}
    </div>
  )
}
