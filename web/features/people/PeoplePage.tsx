import { Button, Card, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'
import type { PersonDto } from '../../../contract/people.ts'
import { ListPageHeader } from '../../components/ListPageHeader.tsx'
import { useDebounced } from '../../components/useDebounced.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useServerPaging } from '../../components/usePagination.ts'
import { useT } from '../../i18n/useT.ts'
import { ACCESS, hasAnyRole, holdsRoleOver } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { useUnitIndex } from '../units/api.ts'
import { UnitTreeSelect } from '../units/UnitTreeSelect.tsx'
import { usePeople } from './api.ts'
import { CategoryLabel } from './CategoryTag.tsx'
import { PersonDrawer } from './PersonDrawer.tsx'

/** Staff of a unit (optionally with its sub-units), searched without diacritics, paged on the server. */
export default function PeoplePage() {
  const t = useT()
  usePageTitle(t('people.title'))
  const isPhone = useIsPhone()
  const { data: me } = useMe()
  const index = useUnitIndex()
  // The unit and sub-unit switch live in the URL, so the unit tree can link here.
  const [params, setParams] = useSearchParams()
  const unitId = Number(params.get('unitId')) || undefined
  const includeSubunits = params.get('sub') === '1'
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim(), 300)
  const [includeInactive, setIncludeInactive] = useState(false)
  const paging = useServerPaging()
  const [editing, setEditing] = useState<PersonDto | 'new' | null>(null)

  const { data, isFetching, error } = usePeople({
    unitId,
    includeSubunits: unitId ? includeSubunits : undefined,
    q: q || undefined,
    includeInactive,
    limit: paging.limit,
    offset: paging.offset,
  })

  const setFilter = (next: { unitId?: number; sub?: boolean }) => {
    const u = 'unitId' in next ? next.unitId : unitId
    const sub = next.sub ?? includeSubunits
    setParams({ ...(u ? { unitId: String(u) } : {}), ...(sub ? { sub: '1' } : {}) }, { replace: true })
    paging.toFirstPage()
  }

  const canWrite = (personUnitId: number) => holdsRoleOver(me, ACCESS.peopleWrite, personUnitId, index.parentOf)
  const canCreate = unitId ? canWrite(unitId) : hasAnyRole(me, ACCESS.peopleWrite)

  const columns = useMemo<TableColumnsType<PersonDto>>(
    () => [
      {
        key: 'fullName',
        title: t('people.fullName'),
        dataIndex: 'fullName',
        fixed: isPhone ? undefined : 'left',
        render: (name: string, p) => (
          <span>
            <Typography.Text delete={!p.isActive}>{name}</Typography.Text>
            {!p.isActive && <Tag style={{ marginInlineStart: 8 }}>{t('people.inactive')}</Tag>}
          </span>
        ),
      },
      { key: 'position', title: t('people.position'), dataIndex: 'position' },
      { key: 'category', title: t('people.category'), dataIndex: 'category', render: (c) => <CategoryLabel category={c} />, responsive: ['md'] },
      {
        key: 'party',
        title: t('people.isPartyMember'),
        dataIndex: 'isPartyMember',
        render: (v: boolean) => (v ? <Tag color="red">{t('people.partyMember')}</Tag> : null),
        responsive: ['md'],
      },
      { key: 'unit', title: t('people.unit'), dataIndex: 'unitName', responsive: ['sm'] },
      { key: 'email', title: t('people.email'), dataIndex: 'email', responsive: ['lg'], render: (e: string | null) => e ?? '' },
      {
        key: 'actions',
        title: '',
        width: 90,
        render: (_, p) => canWrite(p.unitId) && <Button size="small" onClick={() => setEditing(p)}>{t('common.edit')}</Button>,
      },
    ],
    // canWrite reads `me` and the unit index.
    [t, isPhone, me, index],
  )

  return (
    <Card title={t('people.title')} size="small">
      <ListPageHeader
        leading={
          <UnitTreeSelect
            value={unitId}
            onChange={(v) => setFilter({ unitId: v })}
            allowClear
            includeInactive
            placeholder={t('people.allUnits')}
            style={{ width: isPhone ? '100%' : 320 }}
          />
        }
        search={{ value: search, onChange: paging.withFirstPage(setSearch), placeholder: t('people.searchPlaceholder'), maxWidth: 320 }}
        create={canCreate && { label: t('people.create'), onClick: () => setEditing('new') }}
        error={error}
      >
        <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
          <Switch size="small" checked={includeSubunits} disabled={!unitId} onChange={(v) => setFilter({ sub: v })} />
          {t('people.includeSubunits')}
        </label>
        <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
          <Switch size="small" checked={includeInactive} onChange={paging.withFirstPage(setIncludeInactive)} />
          {t('people.showInactive')}
        </label>
      </ListPageHeader>
      <Table<PersonDto>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 'max-content' }}
        pagination={paging.pagination(data?.total ?? 0, data?.isTotalCapped)}
      />
      {editing && (
        <PersonDrawer person={editing === 'new' ? undefined : editing} defaultUnitId={unitId} onClose={() => setEditing(null)} />
      )}
    </Card>
  )
}
