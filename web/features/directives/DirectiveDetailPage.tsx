import { Alert, Button, Card, Result, Skeleton, Tabs, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { isApiError } from '../../api/client.ts'
import { DashboardIcon } from '../../components/icons.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useT } from '../../i18n/useT.ts'
import { ACCESS, hasAnyRole, holdsRoleOver } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { useMaterials } from '../materials/api.ts'
import { MaterialsPanel } from '../materials/MaterialsPanel.tsx'
import { useUnitIndex } from '../units/api.ts'
import { AddresseesTable } from './AddresseesTable.tsx'
import { DirectiveText } from './DirectiveText.tsx'
import { useAddressees, useDirective } from './api.ts'
import { CloseDirectiveModal } from './CloseDirectiveModal.tsx'
import { DirectiveStatusTag } from './DirectiveStatusTag.tsx'
import { IssueDirectiveModal } from './IssueDirectiveModal.tsx'
import { MyUnitsCard } from './MyUnitsCard.tsx'

type Dialog = 'issue' | 'close' | null

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
  const canManageMaterials = !!d && holdsRoleOver(me, ACCESS.materialsManage, d.ownerUnitId, index.parentOf)
  // Read here only for the tab's count; the panel shares the same cache entry.
  const materials = useMaterials(id, !!d)
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
              children: <DirectiveText d={d} />,
            },
            {
              key: 'materials',
              label: materials.data ? t('materials.tab', { count: materials.data.length }) : t('materials.nav'),
              children: <MaterialsPanel directiveId={d.id} canManage={canManageMaterials} />,
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
