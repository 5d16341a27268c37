import { App, Form, Typography } from 'antd'
import { useMemo } from 'react'
import { moveUnitInput, type UnitDto } from '../../../contract/units.ts'
import { FormModal } from '../../components/FormModal.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { useT } from '../../i18n/useT.ts'
import { useMoveUnit, type UnitIndex } from './api.ts'
import { subtreeIds } from './tree.ts'
import { UnitTreeSelect } from './UnitTreeSelect.tsx'
import { useConflictClose } from './useConflictClose.ts'

/** Moves the unit, with everything under it, below another active unit. Its own subtree is not offered. */
export function MoveUnitModal({ unit, index, onClose }: { unit: UnitDto; index: UnitIndex; onClose: () => void }) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ parentId: number }>()
  const move = useMoveUnit()
  const onConflict = useConflictClose(onClose)
  const exclude = useMemo(() => subtreeIds(index.items, unit.id), [index.items, unit.id])
  const submission = useFormSubmit(form, moveUnitInput, (input) => move.mutateAsync({ id: unit.id, ...input }), { onConflict })

  const onFinish = async (values: { parentId: number }) => {
    if (values.parentId === unit.parentId) return onClose()
    if (await submission.submit({ version: unit.version, parentId: values.parentId })) {
      message.success(t('units.moved'))
      onClose()
    }
  }

  return (
    <FormModal
      title={t('units.moveTitle', { name: unit.name })}
      okText={t('units.move')}
      form={form}
      initialValues={{ parentId: unit.parentId ?? undefined }}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
      intro={<Typography.Paragraph type="secondary">{t('units.moveHint')}</Typography.Paragraph>}
    >
      <Form.Item name="parentId" label={t('units.newParent')} rules={[{ required: true, message: t('form.required') }]}>
        <UnitTreeSelect exclude={exclude} />
      </Form.Item>
    </FormModal>
  )
}
