import { Button, Dropdown, Select, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { Link } from 'react-router'
import { CLASSIFICATION_LABELS, type PositionDto, type VettingStatus } from '../../../contract/positions.ts'
import { ListPageHeader } from '../../components/ListPageHeader.tsx'
import { formatDate } from '../../components/format.ts'
import { DownloadIcon } from '../../components/icons.tsx'
import { useDebounced } from '../../components/useDebounced.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { useListPagination } from '../../components/usePagination.ts'
import { useLabel, useT } from '../../i18n/useT.ts'
import { ACCESS, hasAnyRole, holdsRoleOver } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { useUnitIndex } from '../units/api.ts'
import { UnitTreeSelect } from '../units/UnitTreeSelect.tsx'
import { exportRegister, usePositions } from './api.ts'
import { AssignHolderModal, VacateModal } from './HolderModals.tsx'
import { PositionDrawer } from './PositionDrawer.tsx'
import { useRegisterImport } from './RegisterImport.tsx'
import { VettingTag, useVettingOptions } from './VettingTag.tsx'

type Editing = { kind: 'new' } | { kind: 'edit' | 'assign' | 'vacate'; position: PositionDto } | null

/** Who holds a position and since when (acting marked), or "vacant". */
export function HolderCell({ p }: { p: PositionDto }) {
  const t = useT()
  if (!p.holder) return <Tag color="default" data-testid="vacant">{t('positions.vacant')}</Tag>
  return (
    <span>
      {p.holder.name}
      {p.holder.isActing && <Tag style={{ marginInlineStart: 6 }}>{t('positions.actingShort')}</Tag>}
      <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{t('positions.since', { date: formatDate(p.holder.since) })}</div>
    </span>
  )
}

/** A unit's register (or every register under it): filters, export, import, and the keeper's actions. */
export function RegisterTab({ unitId, includeSub, onFilter }: { unitId?: number; includeSub: boolean; onFilter: (next: { unitId?: number; sub?: boolean }) => void }) {
  const t = useT()
  const label = useLabel()
  const isPhone = useIsPhone()
  const { data: me } = useMe()
  const index = useUnitIndex()
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim(), 300)
  const [vetting, setVetting] = useState<VettingStatus | undefined>()
  const [editing, setEditing] = useState<Editing>(null)
  const [isExporting, setIsExporting] = useState(false)
  const [exportError, setExportError] = useState<string | null>(null)
  const pagination = useListPagination()
  const query = { ...(unitId ? (includeSub ? { under: unitId } : { unitId }) : {}), vetting, q: q || undefined }
  const { data, isFetching, error } = usePositions(query)
  const canWrite = (u: number) => holdsRoleOver(me, ACCESS.positionsWrite, u, index.parentOf)
  const canCreate = unitId ? canWrite(unitId) : hasAnyRole(me, ACCESS.positionsWrite)
  const importer = useRegisterImport(unitId && canWrite(unitId) ? unitId : undefined)
  const vettingOptions = useVettingOptions()

  const runExport = async () => {
    setIsExporting(true)
    setExportError(null)
    try {
      await exportRegister(query)
    } catch (e) {
      setExportError(e instanceof Error ? e.message : String(e))
    } finally {
      setIsExporting(false)
    }
  }

  const columns = useMemo<TableColumnsType<PositionDto>>(
    () => [
      {
        key: 'title',
        title: t('positions.title'),
        render: (_, p) => (
          <span>
            <Link to={`/positions/${p.id}`}>{p.title}</Link>
            {p.closedOn && <Tag style={{ marginInlineStart: 6 }}>{t('positions.closed')}</Tag>}
            {p.department && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{p.department}</div>}
            {/* A phone has no room for the holder and vetting columns: they go under the title. */}
            {isPhone && (
              <div style={{ marginTop: 4, display: 'grid', gap: 4, justifyItems: 'start' }}>
                <HolderCell p={p} />
                {(p.holder || p.vetting === 'not_required') && <VettingTag status={p.vetting} validUntil={p.validUntil} />}
              </div>
            )}
          </span>
        ),
      },
      ...(unitId && !includeSub ? [] : [{ key: 'unit', title: t('positions.unit'), dataIndex: 'unitName', responsive: ['md' as const] }]),
      {
        key: 'why',
        title: t('positions.classification'),
        responsive: ['sm'],
        render: (_, p) => (
          <span>
            {label(CLASSIFICATION_LABELS[p.classification])}
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
              {p.requiresConclusion ? t('positions.conclusionRequired') : t('positions.conclusionNotRequired')}
              {p.reviewCycleMonths ? ` · ${t('positions.cycleEvery', { n: p.reviewCycleMonths })}` : ''}
            </div>
          </span>
        ),
      },
      { key: 'holder', title: t('positions.holder'), render: (_, p) => <HolderCell p={p} />, responsive: ['sm'] },
      { key: 'vetting', title: t('positions.vetting'), responsive: ['sm'], render: (_, p) => (p.holder || p.vetting === 'not_required' ? <VettingTag status={p.vetting} validUntil={p.validUntil} /> : null) },
      {
        key: 'actions',
        title: '',
        width: 90,
        render: (_, p) =>
          canWrite(p.unitId) && !p.closedOn && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'assign', label: p.holder ? t('positions.changeHolder') : t('positions.assign') },
                  ...(p.holder ? [{ key: 'vacate', label: t('positions.vacate'), danger: true }] : []),
                  { key: 'edit', label: t('common.edit') },
                ],
                onClick: ({ key }) => setEditing({ kind: key as 'edit' | 'assign' | 'vacate', position: p }),
              }}
            >
              <Button size="small" data-testid={`position-actions-${p.id}`}>{t('common.actions')}</Button>
            </Dropdown>
          ),
      },
    ],
    // canWrite reads `me` and the unit index.
    [t, label, isPhone, unitId, includeSub, me, index],
  )

  return (
    <>
      <ListPageHeader
        leading={
          <UnitTreeSelect value={unitId} onChange={(v) => onFilter({ unitId: v })} allowClear placeholder={t('positions.allUnits')} style={{ width: isPhone ? '100%' : 300 }} />
        }
        search={{ value: search, onChange: setSearch, placeholder: t('positions.searchPlaceholder'), maxWidth: 260 }}
        create={canCreate && { label: t('positions.create'), onClick: () => setEditing({ kind: 'new' }) }}
        error={error}
      >
        <Select<VettingStatus>
          allowClear
          value={vetting}
          onChange={setVetting}
          options={vettingOptions}
          placeholder={t('positions.anyVetting')}
          aria-label={t('positions.vetting')}
          style={{ width: isPhone ? '100%' : 230 }}
        />
        <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
          <Switch size="small" checked={includeSub} disabled={!unitId} onChange={(v) => onFilter({ sub: v })} />
          {t('positions.includeSubunits')}
        </label>
        <Button icon={<DownloadIcon />} loading={isExporting} onClick={runExport} data-testid="register-export">{t('positions.export')}</Button>
        {/* Shown to every keeper, disabled (saying why) until a unit is picked: an import fills one unit's register. */}
        {canCreate && importer.button}
      </ListPageHeader>
      {exportError && <Typography.Text type="danger">{exportError}</Typography.Text>}
      {unitId && canWrite(unitId) && <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('positions.importHint')}</Typography.Paragraph>}
      {importer.result}
      <Table<PositionDto>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={isPhone ? undefined : { x: 'max-content' }}
        pagination={pagination}
        locale={{ emptyText: unitId ? t('positions.emptyUnit') : t('positions.empty') }}
        data-testid="register"
      />
      {editing?.kind === 'new' && <PositionDrawer defaultUnitId={unitId} onClose={() => setEditing(null)} />}
      {editing?.kind === 'edit' && <PositionDrawer position={editing.position} onClose={() => setEditing(null)} />}
      {editing?.kind === 'assign' && <AssignHolderModal position={editing.position} onClose={() => setEditing(null)} />}
      {editing?.kind === 'vacate' && <VacateModal position={editing.position} onClose={() => setEditing(null)} />}
    </>
  )
}
