import { Alert, App, Button, Card, Segmented, Select, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { formatDateTime } from '../../components/format.ts'
import { TrashIcon } from '../../components/icons.tsx'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { useT } from '../../i18n/useT.ts'
import { historyRows, type HistoryRow } from './access-history.ts'
import { AccountSelect } from './AccountSelect.tsx'
import { useAccessMutations, useCaseAccess, useCaseGroups, type CaseAccess, type CaseDto } from './api.ts'
import { useStepLabel } from './CaseTags.tsx'
import { useCaseAccounts } from './CaseTimeline.tsx'

type Entry = CaseAccess['entries'][number]

/** Puts an account or a named group on the list. */
function AddToList({ c, entries }: { c: CaseDto; entries: Entry[] }) {
  const t = useT()
  const { message } = App.useApp()
  const [kind, setKind] = useState<'account' | 'group'>('account')
  const [accountId, setAccountId] = useState<number>()
  const [groupId, setGroupId] = useState<number>()
  const accounts = useCaseAccounts(c)
  const groups = useCaseGroups(true)
  const { grant } = useAccessMutations(c.id)
  const onList = new Set(entries.map((e) => (e.groupId ? `g${e.groupId}` : `a${e.accountId}`)))
  const chosen = kind === 'account' ? accountId : groupId
  const add = () => {
    if (!chosen) return
    const who = kind === 'account' ? { accountId: chosen } : { groupId: chosen }
    const name = kind === 'account' ? accounts.find((a) => a.id === chosen)?.name : groups.data?.find((g) => g.id === chosen)?.name
    grant.mutateAsync(who).then(
      () => {
        message.success(t('cases.access.added', { name: name ?? '' }))
        setAccountId(undefined)
        setGroupId(undefined)
      },
      (e) => message.error(e instanceof Error ? e.message : String(e)),
    )
  }
  return (
    <div className="bvct-case-add" data-testid="access-add">
      <Segmented<'account' | 'group'>
        value={kind}
        onChange={setKind}
        options={[{ value: 'account', label: t('cases.access.account') }, { value: 'group', label: t('cases.access.group') }]}
      />
      <div className="bvct-case-add-pick">
        {kind === 'account' ? (
          <AccountSelect value={accountId} onChange={(v) => setAccountId(v as number | undefined)} known={accounts.filter((a) => !onList.has(`a${a.id}`))} data-testid="access-account" />
        ) : (
          <Select<number>
            value={groupId}
            onChange={setGroupId}
            allowClear
            style={{ width: '100%' }}
            placeholder={t('cases.access.pickGroup')}
            options={(groups.data ?? []).filter((g) => !onList.has(`g${g.id}`)).map((g) => ({ value: g.id, label: g.name }))}
            notFoundContent={t('cases.groups.none')}
          />
        )}
      </div>
      <Button type="primary" onClick={add} disabled={!chosen} loading={grant.isPending} data-testid="access-add-submit">{t('cases.access.add')}</Button>
    </div>
  )
}

function useHistoryColumns(): TableColumnsType<HistoryRow> {
  const t = useT()
  const isPhone = useIsPhone()
  const action = (r: HistoryRow) => (
    <span className="bvct-tags">
      {r.isBreakGlass && <Tag color="red">{t('cases.access.breakGlassTag')}</Tag>}
      <span>{r.actionLabel}</span>
    </span>
  )
  const reason = (r: HistoryRow) => r.reason && <div className="bvct-case-reason">{t('cases.access.reason', { reason: r.reason })}</div>
  if (isPhone)
    return [
      {
        key: 'all',
        title: t('cases.access.history'),
        render: (_, r) => (
          <div className="bvct-case-cell">
            {action(r)}
            <Typography.Text type="secondary">{formatDateTime(r.at)} · {r.actor ?? '—'}{r.ip ? ` · ${r.ip}` : ''}</Typography.Text>
            {r.partLabel && <span>{r.partLabel}</span>}
            {reason(r)}
          </div>
        ),
      },
    ]
  return [
    { key: 'at', title: t('cases.access.at'), render: (_, r) => formatDateTime(r.at, true), width: 160 },
    { key: 'actor', title: t('cases.access.actor'), render: (_, r) => r.actor ?? '—', width: 140 },
    { key: 'ip', title: t('cases.access.ip'), render: (_, r) => r.ip ?? '—', width: 130 },
    { key: 'action', title: t('cases.access.action'), render: (_, r) => <>{action(r)}{reason(r)}</> },
    { key: 'part', title: t('cases.access.part'), render: (_, r) => r.partLabel },
  ]
}

/**
 * For the case's owner and the board's head: who is on its list (add an account or a group, take
 * one off), and its access history, break-glass openings first to the eye with their reason.
 */
export function AccessPanel({ c }: { c: CaseDto }) {
  const t = useT()
  const { modal, message } = App.useApp()
  const access = useCaseAccess(c.id, true)
  const { revoke } = useAccessMutations(c.id)
  const groups = useCaseGroups(true)
  const accounts = useCaseAccounts(c)
  const stepLabel = useStepLabel()
  const columns = useHistoryColumns()
  const isPhone = useIsPhone()
  const rows = useMemo(() => {
    const account = new Map(accounts.map((a) => [a.id, a.name]))
    const group = new Map((groups.data ?? []).map((g) => [g.id, g.name]))
    const file = new Map(c.files.map((f) => [f.id, f.name]))
    return historyRows(access.data?.history ?? [], { t, stepLabel, fileName: (id) => file.get(id), accountName: (id) => account.get(id), groupName: (id) => group.get(id) })
  }, [access.data, accounts, groups.data, c.files, t, stepLabel])
  const breakGlassCount = rows.filter((r) => r.isBreakGlass).length
  const entries = access.data?.entries ?? []
  const isOwnerEntry = (e: Entry) => e.accountId !== null && e.name === c.owner

  const remove = (e: Entry) =>
    modal.confirm({
      title: t('cases.access.removeConfirm', { name: e.name }),
      okText: t('cases.access.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => revoke.mutateAsync(e.id).then(() => message.success(t('cases.access.removed', { name: e.name })), (err) => message.error((err as Error).message)),
    })

  return (
    <Card size="small" title={t('cases.access.title')} data-testid="access-panel" loading={access.isPending}>
      {access.error && <Alert type="error" showIcon title={access.error.message} style={{ marginBottom: 12 }} />}
      {breakGlassCount > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('cases.access.breakGlassCount', { count: breakGlassCount })} data-testid="break-glass-alert" />
      )}
      <Typography.Title level={5} style={{ marginTop: 0 }}>{t('cases.access.list')}</Typography.Title>
      <div className="bvct-case-entries" data-testid="access-list">
        {entries.map((e) => (
          <div key={e.id} className="bvct-case-entry">
            <span className="bvct-tags">
              <Typography.Text strong>{e.name}</Typography.Text>
              <Tag>{t(e.groupId ? 'cases.access.group' : 'cases.access.account')}</Tag>
              {isOwnerEntry(e) && <Tag color="gold">{t('cases.access.owner')}</Tag>}
            </span>
            <Typography.Text type="secondary" className="bvct-case-entry-meta">
              {t('cases.access.addedByAt', { name: e.addedBy ?? '—', at: formatDateTime(e.addedAt) })}
            </Typography.Text>
            {!isOwnerEntry(e) && (
              <Button size="small" type="text" danger icon={<TrashIcon />} aria-label={t('cases.access.removeConfirm', { name: e.name })} onClick={() => remove(e)} />
            )}
          </div>
        ))}
      </div>
      <AddToList c={c} entries={entries} />
      <Typography.Title level={5}>{t('cases.access.history')}</Typography.Title>
      <Table<HistoryRow>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        rowClassName={(r) => (r.isBreakGlass ? 'bvct-case-row-break-glass' : '')}
        pagination={{ defaultPageSize: 10, hideOnSinglePage: true, showSizeChanger: false, simple: isPhone }}
        showHeader={!isPhone}
        data-testid="access-history"
      />
    </Card>
  )
}
