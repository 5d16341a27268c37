import { App, Form, Input, Select } from 'antd'
import { updateUnitInput, type UnitDto, type UnitKind } from '../../../contract/units.ts'
import { FormModal } from '../../components/FormModal.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useLang, useT } from '../../i18n/useT.ts'
import { useUpdateUnit } from './api.ts'
import { useKindOptions } from './KindTag.tsx'
import { useConflictClose } from './useConflictClose.ts'

/** Rename, or change the kind: one field each, sent with the version the user saw. */
export function EditUnitModal({ unit, field, onClose }: { unit: UnitDto; field: 'name' | 'kind'; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ name?: string; kind?: UnitKind }>()
  const update = useUpdateUnit()
  const kindOptions = useKindOptions()
  const onConflict = useConflictClose(onClose)
  const submission = useFormSubmit(form, updateUnitInput, (input) => update.mutateAsync({ id: unit.id, ...input }), { onConflict })

  const onFinish = async (values: { name?: string; kind?: UnitKind }) => {
    const input = field === 'name' ? { version: unit.version, name: values.name?.trim() } : { version: unit.version, kind: values.kind }
    if (await submission.submit(input)) {
      message.success(t('common.saved'))
      onClose()
    }
  }

  return (
    <FormModal
      title={t(field === 'name' ? 'units.renameTitle' : 'units.changeKindTitle', { name: unit.name })}
      okText={t('common.save')}
      form={form}
      initialValues={{ name: unit.name, kind: unit.kind }}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
    >
      {field === 'name' ? (
        <Form.Item name="name" label={t('units.name')} rules={[zodRule(updateUnitInput.shape.name.unwrap(), lang, { required: true })]}>
          <Input autoFocus maxLength={300} />
        </Form.Item>
      ) : (
        <Form.Item name="kind" label={t('units.kind')} rules={[{ required: true, message: t('form.required') }]}>
          <Select options={kindOptions} />
        </Form.Item>
      )}
    </FormModal>
  )
}
