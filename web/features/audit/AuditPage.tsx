import { Button, Card, DatePicker, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd'
import type { Dayjs } from 'dayjs'
import { useMemo, useRef, useState } from 'react'
import { auditEntityRefKind, type AuditEntryDto } from '../../../contract/audit.ts'
import { API_DATE_FORMAT, DATE_FORMAT, formatDateTime } from '../../components/format.ts'
import { ListPageHeader } from '../../components/ListPageHeader.tsx'
import { useDebounced } from '../../components/useDebounced.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useLang, useT } from '../../i18n/useT.ts'
import { ACCESS, hasAnyRole } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { ActorSelect, type Actor } from './ActorSelect.tsx'
import { useAuditLog, type AuditFilters } from './api.ts'
import { AuditDiff } from './AuditDiff.tsx'
import { actionLabel, AUDIT_ENTITIES, entityLabel } from './labels.ts'

/** Who did what to which record, newest first, with each change shown as before → after. */
export default function AuditPage() {
  const t = useT()
  const lang = useLang()
  usePageTitle(t('audit.title'))
  const isPhone = useIsPhone()
  const { data: me } = useMe()
  const [actorId, setActorId] = useState<number>()
  const [sessionNo, setSessionNo] = useState<number>()
  const [entity, setEntity] = useState<string>()
  const [entityIdText, setEntityIdText] = useState('')
  const entityId = useDebounced(entityIdText.trim(), 400)
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null)

  const filters: AuditFilters = {
    actorId,
    sessionNo,
    entity,
    entityId: entityId || undefined,
    from: range?.[0]?.format(API_DATE_FORMAT),
    to: range?.[1]?.format(API_DATE_FORMAT),
  }
  const log = useAuditLog(filters)
  const entries = useMemo(() => log.data?.pages.flat() ?? [], [log.data])
  // Every actor met so far, kept after narrowing so the filter can still offer them.
  // Adding to the map during render is idempotent, so StrictMode's double render is harmless.
  const seen = useRef(new Map<number, Actor>())
  const actors = useMemo(() => {
    for (const e of entries) if (e.actorId !== null) seen.current.set(e.actorId, { id: e.actorId, username: e.actorName ?? e.actorUsername ?? `#${e.actorId}` })
    return [...seen.current.values()].sort((a, b) => a.username.localeCompare(b.username, 'vi'))
  }, [entries])

  const hasFilters = !!(actorId || sessionNo || entity || entityIdText || range)
  const clear = () => {
    setActorId(undefined)
    setSessionNo(undefined)
    setEntity(undefined)
    setEntityIdText('')
    setRange(null)
  }

  const actorCell = (e: AuditEntryDto) =>
    e.actorId !== null ? (
      // People by full name; the username stays as a quiet hint (and is all there is for a person-less account).
      <span>
        <Typography.Link onClick={() => setActorId(e.actorId!)} title={t('audit.filterByActor')}>
          {e.actorName ?? e.actorUsername}
        </Typography.Link>
        {e.actorName && e.actorUsername && <Typography.Text type="secondary"> ({e.actorUsername})</Typography.Text>}
        {e.sessionNo != null && (
          <>
            {' · '}
            <Typography.Link type="secondary" onClick={() => setSessionNo(e.sessionNo!)} title={t('audit.filterBySession')} data-testid="audit-session">
              {t('audit.sessionNo', { number: e.sessionNo.toLocaleString('vi-VN') })}
            </Typography.Link>
          </>
        )}
      </span>
    ) : (
      <Typography.Text type="secondary">{e.actorUsername ?? t('audit.system')}</Typography.Text>
    )
  // The record by its name where the server could name it (a person, unit or account: a sign-in names
  // its account holder), else by its number. Each entry made in a session shows that session's number
  // beside its actor (migration 0020); a click lists everything done in it.
  const entityCell = (e: AuditEntryDto) => {
    const kind = auditEntityRefKind(e.entity)
    const name = kind && e.entityId ? e.names?.[`${kind}:${e.entityId}`] : undefined
    return (
      <span>
        {entityLabel(lang, e.entity)}
        {name ? <Typography.Text> · {name}</Typography.Text> : e.entityId && <Typography.Text type="secondary"> #{e.entityId}</Typography.Text>}
      </span>
    )
  }

  // A phone has room for one column: the same facts stacked, so nothing hides off to the right.
  const columns: TableColumnsType<AuditEntryDto> = isPhone
    ? [
        {
          key: 'summary',
          title: t('audit.title'),
          render: (_, e) => (
            <div>
              <Typography.Text type="secondary">{formatDateTime(e.at, true)}</Typography.Text> · {actorCell(e)}
              <br />
              <Typography.Text strong>{actionLabel(lang, e.action)}</Typography.Text> · {entityCell(e)}
            </div>
          ),
        },
      ]
    : [
        { key: 'at', title: t('audit.at'), dataIndex: 'at', render: (at: string) => formatDateTime(at, true), width: 170 },
        { key: 'actor', title: t('audit.actor'), render: (_, e) => actorCell(e) },
        { key: 'action', title: t('audit.action'), dataIndex: 'action', render: (a: string) => actionLabel(lang, a) },
        { key: 'entity', title: t('audit.entity'), render: (_, e) => entityCell(e) },
        { key: 'ip', title: t('audit.ip'), dataIndex: 'ip', responsive: ['lg'] },
      ]

  return (
    <Card title={t('audit.title')} size="small">
      <ListPageHeader error={log.error}>
        <ActorSelect value={actorId} onChange={setActorId} seen={actors} canSearchAccounts={hasAnyRole(me, ACCESS.accounts)} />
        <Select<string>
          value={entity}
          onChange={(v) => setEntity(v ?? undefined)}
          allowClear
          placeholder={t('audit.entity')}
          aria-label={t('audit.entity')}
          options={AUDIT_ENTITIES.map((e) => ({ value: e, label: entityLabel(lang, e) }))}
          style={{ width: 160 }}
        />
        <Input value={entityIdText} onChange={(e) => setEntityIdText(e.target.value)} allowClear placeholder={t('audit.entityId')} aria-label={t('audit.entityId')} style={{ width: 150 }} />
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => setRange(v)}
          format={DATE_FORMAT}
          allowEmpty={[true, true]}
          placeholder={[t('audit.from'), t('audit.to')]}
          style={{ width: isPhone ? '100%' : 260 }}
        />
        {sessionNo && (
          <Tag closable onClose={() => setSessionNo(undefined)} data-testid="audit-session-filter">
            {t('audit.sessionNo', { number: sessionNo.toLocaleString('vi-VN') })}
          </Tag>
        )}
        {hasFilters && <Button onClick={clear}>{t('audit.clearFilters')}</Button>}
      </ListPageHeader>
      <Table<AuditEntryDto>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={entries}
        loading={log.isFetching && !log.isFetchingNextPage}
        pagination={false}
        scroll={isPhone ? undefined : { x: 'max-content' }}
        expandable={{
          expandedRowRender: (e) => <AuditDiff entry={e} />,
        }}
      />
      <div style={{ textAlign: 'center', marginTop: 12 }}>
        {log.hasNextPage ? (
          <Button onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage}>
            {t('audit.loadMore')}
          </Button>
        ) : (
          entries.length > 0 && <Typography.Text type="secondary">{t('audit.end', { count: entries.length })}</Typography.Text>
        )}
      </div>
    </Card>
  )
}
