import { Button, Select, Switch, Table, Tag, type TableColumnsType } from 'antd'
import { useMemo, useState, type ReactNode } from 'react'
import { OFFICER_ROLE_LABELS, type OfficerDto, type TrainingStatus } from '../../../contract/officers.ts'
import { ListPageHeader } from '../../components/ListPageHeader.tsx'
import { formatDate } from '../../components/format.ts'
import { useDebounced } from '../../components/useDebounced.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { useListPagination } from '../../components/usePagination.ts'
import { useLabel, useT } from '../../i18n/useT.ts'
import { ACCESS, hasAnyRole, holdsRoleOver } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { useUnitIndex } from '../units/api.ts'
import { useOfficers } from './api.ts'
import { OfficerDrawer } from './OfficerDrawer.tsx'
import { OfficerHistoryDrawer } from './OfficerHistoryDrawer.tsx'
import { TrainingTag, useTrainingOptions } from './TrainingTag.tsx'

/** The roster of officers in scope (or under a unit), with their appointment and training status. */
export function RosterTab({ unitId, unitPicker }: { unitId?: number; unitPicker: ReactNode }) {
  const t = useT()
  const label = useLabel()
  const isPhone = useIsPhone()
  const { data: me } = useMe()
  const index = useUnitIndex()
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim(), 300)
  const [trainingStatus, setTrainingStatus] = useState<TrainingStatus | undefined>()
  const [includeFormer, setIncludeFormer] = useState(false)
  const [editing, setEditing] = useState<OfficerDto | 'new' | null>(null)
  const [viewing, setViewing] = useState<number | null>(null)
  const pagination = useListPagination()
  const { data, isFetching, error } = useOfficers({ under: unitId, trainingStatus, includeFormer, q: q || undefined })
  const canWrite = (u: number) => holdsRoleOver(me, ACCESS.officersWrite, u, index.parentOf)
  const trainingOptions = useTrainingOptions()

  const columns = useMemo<TableColumnsType<OfficerDto>>(
    () => [
      {
        key: 'name',
        title: t('officers.person'),
        render: (_, o) => (
          <span>
            <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => setViewing(o.id)} data-testid={`officer-${o.id}`}>{o.name}</Button>
            {!o.isInOffice && <Tag style={{ marginInlineStart: 6 }}>{t('officers.former')}</Tag>}
            {o.position && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{o.position}</div>}
            {/* A phone has no room for the training column: it goes under the name. */}
            {isPhone && <div style={{ marginTop: 4 }}><TrainingTag status={o.trainingStatus} dueOn={o.refresherDueOn} /></div>}
          </span>
        ),
      },
      { key: 'unit', title: t('officers.unit'), dataIndex: 'unitName', responsive: ['sm'] },
      { key: 'role', title: t('officers.role'), render: (_, o) => label(OFFICER_ROLE_LABELS[o.role]), responsive: ['md'] },
      {
        key: 'decision',
        title: t('officers.decision'),
        responsive: ['md'],
        render: (_, o) => (
          <span>
            {o.decisionNumber}
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
              {formatDate(o.appointedOn)}
              {o.until ? ` – ${formatDate(o.until)}` : ''}
            </div>
          </span>
        ),
      },
      { key: 'training', title: t('officers.training'), render: (_, o) => <TrainingTag status={o.trainingStatus} dueOn={o.refresherDueOn} />, responsive: ['sm'] },
      {
        key: 'actions',
        title: '',
        width: 80,
        render: (_, o) => canWrite(o.unitId) && <Button size="small" onClick={() => setEditing(o)}>{t('common.edit')}</Button>,
      },
    ],
    // canWrite reads `me` and the unit index.
    [t, label, isPhone, me, index],
  )

  return (
    <>
      <ListPageHeader
        leading={unitPicker}
        search={{ value: search, onChange: setSearch, placeholder: t('officers.searchPlaceholder'), maxWidth: 260 }}
        create={(unitId ? canWrite(unitId) : hasAnyRole(me, ACCESS.officersWrite)) && { label: t('officers.create'), onClick: () => setEditing('new') }}
        error={error}
      >
        <Select<TrainingStatus>
          allowClear
          value={trainingStatus}
          onChange={setTrainingStatus}
          options={trainingOptions}
          placeholder={t('officers.anyTraining')}
          aria-label={t('officers.training')}
          style={{ width: isPhone ? '100%' : 240 }}
        />
        <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
          <Switch size="small" checked={includeFormer} onChange={setIncludeFormer} />
          {t('officers.includeFormer')}
        </label>
      </ListPageHeader>
      <Table<OfficerDto>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={isPhone ? undefined : { x: 'max-content' }}
        pagination={pagination}
        locale={{ emptyText: t('officers.empty') }}
        data-testid="roster"
      />
      {editing && <OfficerDrawer officer={editing === 'new' ? undefined : editing} defaultUnitId={unitId} onClose={() => setEditing(null)} />}
      {viewing && <OfficerHistoryDrawer officerId={viewing} onClose={() => setViewing(null)} />}
    </>
  )
}
