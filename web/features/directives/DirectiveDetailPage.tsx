import { Alert, Button, Card, Descriptions, Result, Skeleton, Tabs, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import type { DirectiveDto } from '../../../contract/directives.ts'
import { isApiError } from '../../api/client.ts'
import { formatDate, formatDateTime } from '../../components/format.ts'
import { DashboardIcon } from '../../components/icons.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useT } from '../../i18n/useT.ts'
import { ACCESS, hasAnyRole, holdsRoleOver } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { useUnitIndex } from '../units/api.ts'
import { AddresseesTable } from './AddresseesTable.tsx'
import { useAddressees, useDirective } from './api.ts'
import { CloseDirectiveModal } from './CloseDirectiveModal.tsx'
import { DirectiveStatusTag } from './DirectiveStatusTag.tsx'
import { IssueDirectiveModal } from './IssueDirectiveModal.tsx'
import { MyUnitsCard } from './MyUnitsCard.tsx'
import { RequirementTree } from './RequirementTree.tsx'

type Dialog = 'issue' | 'close' | null

function Fields({ d }: { d: DirectiveDto }) {
  const t = useT()
  const text = (v: string | null) => v || <Typography.Text type="secondary">—</Typography.Text>
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 1, md: 2 }}
      items={[
        { key: 'number', label: t('directives.number'), children: text(d.number) },
        { key: 'date', label: t('directives.date'), children: text(formatDate(d.date)) },
        { key: 'issuer', label: t('directives.issuer'), children: text([d.parentBody, d.issuer].filter(Boolean).join(' — ') || null) },
        { key: 'place', label: t('directives.place'), children: text(d.place) },
        { key: 'subject', label: t('directives.subject'), children: d.subject, span: 'filled' },
        { key: 'addressees', label: t('directives.addressees'), children: text(d.addressees.join('; ') || null), span: 'filled' },
        ...(d.issuedAt ? [{ key: 'issuedAt', label: t('directives.issuedAt'), children: formatDateTime(d.issuedAt) }, { key: 'count', label: t('directives.addresseeCount'), children: d.addresseeCount }] : []),
        ...(d.references.length
          ? [{ key: 'refs', label: t('directives.references'), span: 'filled' as const, children: d.references.map((r) => [r.number, formatDate(r.date), r.issuer].filter(Boolean).join(', ')).join('; ') }]
          : []),
      ]}
    />
  )
}

/** One directive: its fields and requirements, addressees and acknowledgement, and the way to everything done about it. */
export default function DirectiveDetailPage() {
  const t = useT()
  const navigate = useNavigate()
  const id = Number(useParams().id)
  const { data: me } = useMe()
  const index = useUnitIndex()
  const { data: d, error, isPending } = useDirective(id)
  const isIssued = !!d && d.status !== 'draft'
  const addressees = useAddressees(id, isIssued)
  const [dialog, setDialog] = useState<Dialog>(null)
  usePageTitle(d?.number ?? t('directives.title'))

  const canManage = !!d && holdsRoleOver(me, ACCESS.directivesManage, d.ownerUnitId, index.parentOf)
  // Every reader sees the text, the requirements and the addressees; plans, sessions and the
  // dashboard are offered only to the roles their routes let in (a staff member sees none).
  const canSeePlans = hasAnyRole(me, ACCESS.plans)
  const canSeeSessions = hasAnyRole(me, ACCESS.sessions)
  const myUnits = useMemo(
    () => (addressees.data ?? []).filter((a) => holdsRoleOver(me, ACCESS.directiveAcknowledge, a.unitId, index.parentOf)),
    [addressees.data, me, index],
  )

  if (isPending) return <Skeleton active paragraph={{ rows: 10 }} />
  if (error)
    return isApiError(error, 'NOT_FOUND') ? (
      <Result status="404" title={t('directives.notFound')} extra={<Button onClick={() => navigate('/directives')}>{t('directives.backToList')}</Button>} />
    ) : (
      <Alert type="error" showIcon title={error.message} />
    )

  const actions = (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
      {isIssued && hasAnyRole(me, ACCESS.dashboard) && (
        <Link to={`/directives/${d.id}/dashboard`}>
          <Button icon={<DashboardIcon />}>{t('directives.dashboard')}</Button>
        </Link>
      )}
      {canManage && d.status !== 'closed' && d.status !== 'superseded' && (
        <Link to={`/directives/${d.id}/edit`}><Button>{t('common.edit')}</Button></Link>
      )}
      {canManage && d.status === 'draft' && <Button type="primary" onClick={() => setDialog('issue')}>{t('directives.issue')}</Button>}
      {canManage && d.status === 'issued' && <Button danger onClick={() => setDialog('close')}>{t('directives.close')}</Button>}
    </div>
  )

  return (
    <div className="bvct-stack">
      <Card size="small" data-testid="directive-header">
        <div className="bvct-page-head">
          <div style={{ minWidth: 0 }}>
            <Typography.Text type="secondary"><Link to="/directives">{t('directives.title')}</Link> / {d.number ?? t('directives.noNumber')}</Typography.Text>
            <Typography.Title level={4} style={{ margin: '4px 0' }}>
              {d.number ? `${d.number}: ` : ''}{d.subject}
            </Typography.Title>
            <DirectiveStatusTag status={d.status} />
            {d.supersededById && (
              <Typography.Text style={{ marginInlineStart: 8 }}>
                <Link to={`/directives/${d.supersededById}`}>{t('directives.seeSuperseding')}</Link>
              </Typography.Text>
            )}
          </div>
          {actions}
        </div>
      </Card>

      {d.status === 'draft' && canManage && <Alert type="info" showIcon title={t('directives.draftHint')} />}
      {isIssued && <MyUnitsCard directiveId={d.id} units={myUnits} canAcknowledge={d.status === 'issued'} canSeePlans={canSeePlans} canSeeSessions={canSeeSessions} />}

      <Card size="small">
        <Tabs
          items={[
            {
              key: 'content',
              label: t('directives.content'),
              children: (
                <div className="bvct-stack">
                  <Fields d={d} />
                  {d.preamble && <Typography.Paragraph className="bvct-prose">{d.preamble}</Typography.Paragraph>}
                  <div>
                    <Typography.Title level={5}>{t('directives.requirements')} ({t('directives.requirementCount', { count: d.requirements.length })})</Typography.Title>
                    <RequirementTree requirements={d.requirements} />
                  </div>
                  {d.closing && <Typography.Paragraph className="bvct-prose">{d.closing}</Typography.Paragraph>}
                  {d.distribution.length > 0 && (
                    <div>
                      <Typography.Text strong>{t('directives.distribution')}:</Typography.Text>
                      <ul style={{ margin: '4px 0 0' }}>{d.distribution.map((x, i) => <li key={i}>{x}</li>)}</ul>
                    </div>
                  )}
                </div>
              ),
            },
            ...(isIssued
              ? [
                  {
                    key: 'addressees',
                    label: t('directives.addresseesTab', { count: addressees.data?.length ?? d.addresseeCount }),
                    children: addressees.error ? (
                      <Alert type="error" showIcon title={addressees.error.message} />
                    ) : addressees.isPending ? (
                      <Skeleton active />
                    ) : (
                      <AddresseesTable
                        directiveId={d.id}
                        items={addressees.data ?? []}
                        canSeePlans={canSeePlans}
                        canSeeSessions={canSeeSessions}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {dialog === 'issue' && <IssueDirectiveModal directive={d} onClose={() => setDialog(null)} />}
      {dialog === 'close' && <CloseDirectiveModal directive={d} onClose={() => setDialog(null)} />}
    </div>
  )
}
