import { Alert, Button, Card, Descriptions, Skeleton, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { CLASSIFICATION_LABELS, type PositionDetailDto } from '../../../contract/positions.ts'
import { formatDate, formatDateTime } from '../../components/format.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useLabel, useT } from '../../i18n/useT.ts'
import { ACCESS, holdsRoleOver } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { useUnitIndex } from '../units/api.ts'
import { usePosition } from './api.ts'
import { AssignHolderModal, VacateModal } from './HolderModals.tsx'
import { PositionDrawer } from './PositionDrawer.tsx'
import { HolderCell } from './RegisterTab.tsx'
import { VettingTag } from './VettingTag.tsx'

type Holding = PositionDetailDto['holders'][number]

/** One position: what it is, who holds it and their vetting status, everyone who held it before. */
export default function PositionPage() {
  const t = useT()
  const label = useLabel()
  const id = Number(useParams().id)
  const { data: p, error, isPending } = usePosition(id)
  usePageTitle(p?.title ?? t('positions.pageTitle'))
  const { data: me } = useMe()
  const index = useUnitIndex()
  const [editing, setEditing] = useState<'edit' | 'assign' | 'vacate' | null>(null)
  if (isPending) return <Skeleton active />
  if (error) return <Alert type="error" showIcon title={error.message} />
  const canWrite = holdsRoleOver(me, ACCESS.positionsWrite, p.unitId, index.parentOf) && !p.closedOn

  return (
    <div className="bvct-stack">
      <Card
        size="small"
        title={<h1 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{p.title}</h1>}
        extra={<Link to={`/positions?unitId=${p.unitId}`}>{t('positions.backToRegister')}</Link>}
      >
        {p.alert && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="position-alert"
            title={t('positions.alertOn', { name: p.alert.holder.name, date: formatDateTime(p.alert.raisedAt) })}
          />
        )}
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'unit', label: t('positions.unit'), children: p.unitName },
            { key: 'dept', label: t('positions.department'), children: p.department || '—' },
            { key: 'why', label: t('positions.classification'), children: label(CLASSIFICATION_LABELS[p.classification]) },
            { key: 'req', label: t('positions.requiresConclusion'), children: p.requiresConclusion ? t('common.yes') : t('common.no') },
            { key: 'cycle', label: t('positions.reviewCycle'), children: p.reviewCycleMonths ? t('positions.cycleEvery', { n: p.reviewCycleMonths }) : t('positions.cycleByConclusion') },
            { key: 'holder', label: t('positions.holder'), children: <HolderCell p={p} /> },
            { key: 'vetting', label: t('positions.vetting'), children: p.holder || p.vetting === 'not_required' ? <VettingTag status={p.vetting} validUntil={p.validUntil} /> : '—' },
            ...(p.closedOn ? [{ key: 'closed', label: t('positions.closedOn'), children: formatDate(p.closedOn) }] : []),
            ...(p.note ? [{ key: 'note', label: t('positions.note'), children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{p.note}</Typography.Text> }] : []),
          ]}
        />
        {canWrite && (
          <div className="bvct-toolbar" style={{ marginTop: 12, marginBottom: 0 }}>
            <Button type="primary" onClick={() => setEditing('assign')}>{p.holder ? t('positions.changeHolder') : t('positions.assign')}</Button>
            {p.holder && <Button danger onClick={() => setEditing('vacate')}>{t('positions.vacate')}</Button>}
            <Button onClick={() => setEditing('edit')}>{t('common.edit')}</Button>
          </div>
        )}
      </Card>
      <Card size="small" title={t('positions.history')}>
        <Table<Holding>
          rowKey="id"
          size="small"
          dataSource={p.holders}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('positions.neverHeld') }}
          data-testid="holders"
          columns={[
            { key: 'name', title: t('positions.holder'), render: (_, h) => <span>{h.name}{h.isActing && <Tag style={{ marginInlineStart: 6 }}>{t('positions.actingShort')}</Tag>}</span> },
            { key: 'from', title: t('positions.from'), render: (_, h) => formatDate(h.from) },
            { key: 'to', title: t('positions.to'), render: (_, h) => (h.to ? formatDate(h.to) : <Tag color="blue">{t('positions.holding')}</Tag>) },
          ]}
        />
      </Card>
      {editing === 'edit' && <PositionDrawer position={p} onClose={() => setEditing(null)} />}
      {editing === 'assign' && <AssignHolderModal position={p} onClose={() => setEditing(null)} />}
      {editing === 'vacate' && <VacateModal position={p} onClose={() => setEditing(null)} />}
    </div>
  )
}
