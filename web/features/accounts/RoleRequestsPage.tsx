import { App, Button, Card, Popconfirm, Space, Table, Typography, type TableColumnsType } from 'antd'
import { useMemo } from 'react'
import type { z } from 'zod'
import type { roleRequestDto } from '../../../contract/accounts.ts'
import { ROLE_LABELS } from '../../../contract/roles.ts'
import { isApiError } from '../../api/client.ts'
import { formatDateTime } from '../../components/format.ts'
import { ListPageHeader } from '../../components/ListPageHeader.tsx'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useLabel, useT } from '../../i18n/useT.ts'
import { useDecideRoleRequest, useRoleRequests } from './api.ts'

type RoleRequest = z.infer<typeof roleRequestDto>

/**
 * A committee member's second signature on committee, board and auditor roles an administrator
 * asked for. The server refuses a request the member made or one for themself; the buttons are
 * shown anyway and the refusal is said in a message, so nothing is hidden without a reason.
 */
export default function RoleRequestsPage() {
  const t = useT()
  const label = useLabel()
  usePageTitle(t('roleRequests.title'))
  const isPhone = useIsPhone()
  const { message } = App.useApp()
  const { data, isFetching, error } = useRoleRequests()
  const decide = useDecideRoleRequest()

  const onDecide = (r: RoleRequest, decision: 'approve' | 'refuse') =>
    decide.mutateAsync({ id: r.id, decision }).then(
      () => message.success(t(decision === 'approve' ? 'roleRequests.approved' : 'roleRequests.refused', { name: r.username })),
      (e: unknown) => message.error(isApiError(e, 'CONFLICT') ? t('roleRequests.gone') : e instanceof Error ? e.message : String(e)),
    )

  const columns = useMemo<TableColumnsType<RoleRequest>>(() => {
    const what = (r: RoleRequest) => (
      <span>
        <Typography.Text strong>{r.username}</Typography.Text>
        <br />
        {label(ROLE_LABELS[r.role])} · {r.unitName}
      </span>
    )
    const who = (r: RoleRequest) => (
      <Typography.Text type="secondary">{t('roleRequests.askedBy', { name: r.requestedBy, at: formatDateTime(r.requestedAt) })}</Typography.Text>
    )
    const actions = (r: RoleRequest) => (
      <Space wrap>
        <Popconfirm title={t('roleRequests.approveConfirm', { role: label(ROLE_LABELS[r.role]), name: r.username })} okText={t('roleRequests.approve')} cancelText={t('common.cancel')} onConfirm={() => onDecide(r, 'approve')}>
          <Button size="small" type="primary" data-testid={`approve-${r.id}`}>{t('roleRequests.approve')}</Button>
        </Popconfirm>
        <Popconfirm title={t('roleRequests.refuseConfirm', { name: r.username })} okText={t('roleRequests.refuse')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onConfirm={() => onDecide(r, 'refuse')}>
          <Button size="small" danger data-testid={`refuse-${r.id}`}>{t('roleRequests.refuse')}</Button>
        </Popconfirm>
      </Space>
    )
    if (isPhone) return [{ key: 'all', render: (_, r) => <div>{what(r)}<br />{who(r)}<div style={{ marginTop: 8 }}>{actions(r)}</div></div> }]
    return [
      { key: 'what', title: t('roleRequests.what'), render: (_, r) => what(r) },
      { key: 'who', title: t('roleRequests.who'), render: (_, r) => who(r) },
      { key: 'actions', title: '', render: (_, r) => actions(r) },
    ]
    // onDecide closes over stable hooks only.
  }, [t, label, isPhone])

  return (
    <Card title={t('roleRequests.title')} size="small">
      <ListPageHeader error={error} />
      <Typography.Paragraph type="secondary">{t('roleRequests.hint')}</Typography.Paragraph>
      <Table<RoleRequest>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data ?? []}
        loading={isFetching}
        showHeader={!isPhone}
        pagination={false}
        locale={{ emptyText: t('roleRequests.none') }}
        data-testid="role-requests"
      />
    </Card>
  )
}
