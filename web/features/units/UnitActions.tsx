import { App, Button } from 'antd'
import { useState } from 'react'
import type { UnitDto } from '../../../contract/units.ts'
import { isApiError } from '../../api/client.ts'
import { PlusIcon } from '../../components/icons.tsx'
import { useT } from '../../i18n/useT.ts'
import { useSetUnitActive, type UnitIndex } from './api.ts'
import { CreateUnitModal } from './CreateUnitModal.tsx'
import { EditUnitModal } from './EditUnitModal.tsx'
import { MoveUnitModal } from './MoveUnitModal.tsx'

type Dialog = 'create' | 'rename' | 'kind' | 'move' | null

/** Administrator actions on one unit. The top unit cannot be moved or deactivated. */
export function UnitActions({ unit, index, onCreated }: { unit: UnitDto; index: UnitIndex; onCreated: (childId: number) => void }) {
  const t = useT()
  const { modal, message } = App.useApp()
  const [dialog, setDialog] = useState<Dialog>(null)
  const setActive = useSetUnitActive()
  const isTop = unit.parentId === null
  const close = () => setDialog(null)

  const toggleActive = () => {
    const isActive = !unit.isActive
    modal.confirm({
      title: t(isActive ? 'units.activateConfirm' : 'units.deactivateConfirm', { name: unit.name }),
      content: isActive ? undefined : t('units.deactivateHint'),
      okText: t(isActive ? 'units.activate' : 'units.deactivate'),
      okButtonProps: { danger: !isActive },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await setActive.mutateAsync({ id: unit.id, version: unit.version, isActive })
          message.success(t(isActive ? 'units.activated' : 'units.deactivated'))
        } catch (e) {
          if (isApiError(e, 'CONFLICT')) message.warning(e.message)
          else message.error(e instanceof Error ? e.message : String(e))
        }
      },
    })
  }

  return (
    <>
      {unit.isActive && (
        <Button type="primary" icon={<PlusIcon />} onClick={() => setDialog('create')}>
          {t('units.addChild')}
        </Button>
      )}
      <Button onClick={() => setDialog('rename')}>{t('units.rename')}</Button>
      <Button onClick={() => setDialog('kind')}>{t('units.changeKind')}</Button>
      {!isTop && unit.isActive && <Button onClick={() => setDialog('move')}>{t('units.move')}</Button>}
      {!isTop && (
        <Button danger={unit.isActive} onClick={toggleActive}>
          {t(unit.isActive ? 'units.deactivate' : 'units.activate')}
        </Button>
      )}

      {dialog === 'create' && <CreateUnitModal parent={unit} onClose={close} onCreated={(child) => onCreated(child.id)} />}
      {(dialog === 'rename' || dialog === 'kind') && <EditUnitModal unit={unit} field={dialog === 'rename' ? 'name' : 'kind'} onClose={close} />}
      {dialog === 'move' && <MoveUnitModal unit={unit} index={index} onClose={close} />}
    </>
  )
}
