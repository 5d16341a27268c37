import { App, Form, Input, Select } from 'antd'
import { createUnitInput, type UnitDto, type UnitKind } from '../../../contract/units.ts'
import { FormModal } from '../../components/FormModal.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useLang, useT } from '../../i18n/useT.ts'
import { useCreateUnit } from './api.ts'
import { useKindOptions } from './KindTag.tsx'

interface Values {
  name: string
  code: string
  kind: UnitKind
}

/** New unit under `parent`. Units under a hospital, institute or university are usually its departments. */
export function CreateUnitModal({ parent, onClose, onCreated }: { parent: UnitDto; onClose: () => void; onCreated: (unit: UnitDto) => void }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const create = useCreateUnit()
  const kindOptions = useKindOptions()
  const submission = useFormSubmit(form, createUnitInput, (input) => create.mutateAsync(input))
  const defaultKind: UnitKind = parent.kind === 'ministry' ? 'department' : 'subunit'

  const onFinish = async (values: Values) => {
    const unit = await submission.submit({ parentId: parent.id, name: values.name?.trim(), code: values.code?.trim(), kind: values.kind })
    if (unit) {
      message.success(t('units.created', { name: unit.name }))
      onCreated(unit)
      onClose()
    }
  }

  return (
    <FormModal
      title={t('units.addChildTo', { name: parent.name })}
      okText={t('common.create')}
      form={form}
      initialValues={{ kind: defaultKind }}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
    >
      <Form.Item name="name" label={t('units.name')} rules={[zodRule(createUnitInput.shape.name, lang, { required: true })]}>
        <Input autoFocus maxLength={300} />
      </Form.Item>
      <Form.Item name="code" label={t('units.code')} extra={t('units.codeHint')} rules={[zodRule(createUnitInput.shape.code, lang, { required: true })]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="kind" label={t('units.kind')} rules={[zodRule(createUnitInput.shape.kind, lang, { required: true })]}>
        <Select options={kindOptions} />
      </Form.Item>
    </FormModal>
  )
}
