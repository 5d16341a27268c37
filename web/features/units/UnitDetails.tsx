import { Button, Card, Descriptions, Tag, Typography } from 'antd'
import { Link } from 'react-router'
import type { Me } from '../../../contract/auth.ts'
import type { UnitDto } from '../../../contract/units.ts'
import { useT } from '../../i18n/useT.ts'
import { ACCESS, hasAnyRole, holdsRoleOver } from '../auth/access.ts'
import type { UnitIndex } from './api.ts'
import { KindTag } from './KindTag.tsx'
import { UnitActions } from './UnitActions.tsx'

interface Props {
  unit: UnitDto
  me: Me
  index: UnitIndex
  onSelect: (id: number) => void
  /** A new child was created: select it (the tree then opens its parent). */
  onCreated: (childId: number) => void
}

export function UnitDetails({ unit, me, index, onSelect, onCreated }: Props) {
  const t = useT()
  const parent = unit.parentId !== null ? index.byId.get(unit.parentId) : undefined
  const children = index.items.filter((u) => u.parentId === unit.id)
  const activeChildren = children.filter((u) => u.isActive).length
  const canManage = holdsRoleOver(me, ACCESS.unitsWrite, unit.id, index.parentOf)

  return (
    <Card
      size="small"
      title={<span className={unit.isActive ? undefined : 'bvct-unit-inactive'}>{unit.name}</span>}
      data-testid="unit-details"
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        bordered
        items={[
          { key: 'code', label: t('units.code'), children: <Typography.Text code>{unit.code}</Typography.Text> },
          { key: 'kind', label: t('units.kind'), children: <KindTag kind={unit.kind} /> },
          {
            key: 'status',
            label: t('common.status'),
            children: unit.isActive ? <Tag color="success">{t('units.active')}</Tag> : <Tag>{t('units.inactive')}</Tag>,
          },
          {
            key: 'parent',
            label: t('units.parent'),
            children: parent ? (
              <Typography.Link onClick={() => onSelect(parent.id)}>{parent.name}</Typography.Link>
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            ),
          },
          { key: 'depth', label: t('units.depth'), children: unit.depth },
          { key: 'children', label: t('units.children'), children: t('units.childrenCount', { active: activeChildren, total: children.length }) },
        ]}
      />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 16 }}>
        {hasAnyRole(me, ACCESS.people) && (
          <Link to={`/people?unitId=${unit.id}&sub=1`}>
            <Button>{t('units.viewPeople')}</Button>
          </Link>
        )}
        {canManage && <UnitActions unit={unit} index={index} onCreated={onCreated} />}
      </div>
    </Card>
  )
}
