import { App, Button, Card, Dropdown, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import type { AccountDto } from '../../../contract/accounts.ts'
import { ROLE_LABELS } from '../../../contract/roles.ts'
import { isApiError } from '../../api/client.ts'
import { ListPageHeader } from '../../components/ListPageHeader.tsx'
import { useDebounced } from '../../components/useDebounced.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useListPagination } from '../../components/usePagination.ts'
import { useLabel, useT } from '../../i18n/useT.ts'
import { useMe } from '../auth/api.ts'
import { useAccounts, useRevokeRole, useUpdateAccount } from './api.ts'
import { CreateAccountDrawer } from './CreateAccountDrawer.tsx'
import { GrantRoleModal } from './GrantRoleModal.tsx'
import { ResetPasswordModal } from './ResetPasswordModal.tsx'

type Dialog = { kind: 'create' } | { kind: 'grant' | 'reset'; account: AccountDto } | null

/** Accounts in the administrator's scope: roles per unit, lock/unlock, temporary passwords. */
export default function AccountsPage() {
  const t = useT()
  const label = useLabel()
  usePageTitle(t('accounts.title'))
  const isPhone = useIsPhone()
  const { modal, message } = App.useApp()
  const { data: me } = useMe()
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim(), 300)
  const { data, isFetching, error } = useAccounts(q)
  const [dialog, setDialog] = useState<Dialog>(null)
  const update = useUpdateAccount()
  const revoke = useRevokeRole()
  const pagination = useListPagination()

  const report = (e: unknown) => {
    if (isApiError(e, 'CONFLICT')) message.warning(t('accounts.conflict'))
    else message.error(e instanceof Error ? e.message : String(e))
  }

  const confirmRevoke = (a: AccountDto, grant: AccountDto['roles'][number]) =>
    modal.confirm({
      title: t('accounts.revokeConfirm', { role: label(ROLE_LABELS[grant.role]), unit: grant.unitName, name: a.username }),
      okText: t('accounts.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => revoke.mutateAsync({ id: a.id, grantId: grant.id }).then(() => message.success(t('accounts.revoked')), report),
    })

  const confirmActive = (a: AccountDto) =>
    modal.confirm({
      title: t(a.isActive ? 'accounts.lockConfirm' : 'accounts.unlockConfirm', { name: a.username }),
      content: a.isActive ? t('accounts.lockHint') : undefined,
      okText: t(a.isActive ? 'accounts.lock' : 'accounts.unlock'),
      okButtonProps: { danger: a.isActive },
      cancelText: t('common.cancel'),
      onOk: () =>
        update
          .mutateAsync({ id: a.id, version: a.version, isActive: !a.isActive })
          .then(() => message.success(t(a.isActive ? 'accounts.locked' : 'accounts.unlocked')), report),
    })

  const columns = useMemo<TableColumnsType<AccountDto>>(() => {
    const nameCell = (a: AccountDto) => (
      <span>
        <Typography.Text strong delete={!a.isActive}>{a.username}</Typography.Text>
        {!a.isActive && isPhone && <Tag style={{ marginInlineStart: 8 }}>{t('accounts.lockedState')}</Tag>}
        {a.personName && (
          <>
            <br />
            <Typography.Text type="secondary">{a.personName}</Typography.Text>
          </>
        )}
      </span>
    )
    const rolesCell = (a: AccountDto) => (
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
        {a.roles.map((g) => (
          // Revoking one's own administrator grant could lock the last administrator out.
          <Tag key={g.id} closable={a.id !== me?.id || g.role !== 'admin'} onClose={(e) => (e.preventDefault(), confirmRevoke(a, g))} style={{ marginInlineEnd: 0 }}>
            {label(ROLE_LABELS[g.role])} · {g.unitName}
          </Tag>
        ))}
        {a.pendingRoles.map((p) => (
          <Tag key={`p${p.requestId}`} color="gold" style={{ marginInlineEnd: 0 }} title={p.requestedBy}>
            {label(ROLE_LABELS[p.role])} · {p.unitName} · {t('accounts.pending')}
          </Tag>
        ))}
        {!a.roles.length && !a.pendingRoles.length && <Typography.Text type="secondary">{t('accounts.noRoles')}</Typography.Text>}
      </div>
    )
    const actionsCell = (a: AccountDto) => (
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'grant', label: t('accounts.grant') },
            { key: 'reset', label: t('accounts.resetPassword') },
            { type: 'divider' },
            { key: 'active', label: t(a.isActive ? 'accounts.lock' : 'accounts.unlock'), danger: a.isActive, disabled: a.id === me?.id },
          ],
          onClick: ({ key }) => (key === 'active' ? confirmActive(a) : setDialog({ kind: key as 'grant' | 'reset', account: a })),
        }}
      >
        <Button size="small">{t('common.actions')}</Button>
      </Dropdown>
    )
    // A phone gets one stacked column, so the roles do not hide off to the right.
    if (isPhone)
      return [
        {
          key: 'account',
          title: t('accounts.title'),
          render: (_, a) => (
            <div style={{ display: 'grid', gap: 6 }}>
              {nameCell(a)}
              {rolesCell(a)}
            </div>
          ),
        },
        { key: 'actions', title: '', width: 90, render: (_, a) => actionsCell(a) },
      ]
    return [
      { key: 'username', title: t('accounts.username'), render: (_, a) => nameCell(a) },
      { key: 'roles', title: t('accounts.roles'), render: (_, a) => rolesCell(a) },
      {
        key: 'totp',
        title: t('accounts.twoFactor'),
        dataIndex: 'isTotpEnabled',
        render: (v: boolean) => (v ? <Tag color="success">{t('totp.on')}</Tag> : <Tag>{t('totp.off')}</Tag>),
      },
      {
        key: 'status',
        title: t('common.status'),
        dataIndex: 'isActive',
        render: (v: boolean) => (v ? <Tag color="blue">{t('accounts.active')}</Tag> : <Tag>{t('accounts.lockedState')}</Tag>),
      },
      { key: 'actions', title: '', render: (_, a) => actionsCell(a) },
    ]
    // confirm* only close over stable hooks; what changes the cells is the language, me and the layout.
  }, [t, label, me, isPhone])

  return (
    <Card title={t('accounts.title')} size="small">
      <ListPageHeader
        search={{ value: search, onChange: setSearch, placeholder: t('accounts.searchPlaceholder'), maxWidth: 360 }}
        create={{ label: t('accounts.create'), onClick: () => setDialog({ kind: 'create' }) }}
        error={error}
      />
      <Table<AccountDto>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data ?? []}
        loading={isFetching}
        scroll={isPhone ? undefined : { x: 'max-content' }}
        pagination={pagination}
      />
      {dialog?.kind === 'create' && <CreateAccountDrawer onClose={() => setDialog(null)} />}
      {dialog?.kind === 'grant' && <GrantRoleModal account={dialog.account} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal account={dialog.account} onClose={() => setDialog(null)} />}
    </Card>
  )
}
