import { App, Form, Input, Select, Switch } from 'antd'
import { createPersonInput, updatePersonInput, type PersonCategory, type PersonDto } from '../../../contract/people.ts'
import { FormDrawer } from '../../components/FormDrawer.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useLang, useT } from '../../i18n/useT.ts'
import { UnitTreeSelect } from '../units/UnitTreeSelect.tsx'
import { useCreatePerson, useUpdatePerson } from './api.ts'
import { useCategoryOptions } from './CategoryTag.tsx'

interface Values {
  fullName: string
  unitId: number
  position?: string
  category: PersonCategory
  isPartyMember: boolean
  email?: string
  isActive: boolean
}

const fields = createPersonInput.shape

/** Create a person (`person` undefined) or edit one; the form validates with the contract's schema. */
export function PersonDrawer({ person, defaultUnitId, onClose }: { person?: PersonDto; defaultUnitId?: number; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const categoryOptions = useCategoryOptions()
  const create = useCreatePerson()
  const update = useUpdatePerson()
  const onConflict = () => {
    message.warning(t('people.conflict'))
    onClose()
  }
  const creating = useFormSubmit(form, createPersonInput, (input) => create.mutateAsync(input))
  const editing = useFormSubmit(form, updatePersonInput, (input) => update.mutateAsync({ id: person!.id, ...input }), { onConflict })

  const onFinish = async (v: Values) => {
    const common = {
      fullName: v.fullName?.trim(),
      unitId: v.unitId,
      position: v.position?.trim() ?? '',
      category: v.category,
      isPartyMember: !!v.isPartyMember,
      email: v.email?.trim() ? v.email.trim() : null,
    }
    const saved = person ? await editing.submit({ ...common, version: person.version, isActive: v.isActive }) : await creating.submit(common)
    if (saved) {
      message.success(t(person ? 'common.saved' : 'people.created', { name: saved.fullName }))
      onClose()
    }
  }

  return (
    <FormDrawer
      title={person ? t('people.editTitle', { name: person.fullName }) : t('people.createTitle')}
      width={480}
      form={form}
      initialValues={
        person
          ? { ...person, email: person.email ?? '' }
          : { unitId: defaultUnitId, category: 'publicEmployee', isPartyMember: false, isActive: true }
      }
      onFinish={onFinish}
      onClose={onClose}
      submission={person ? editing : creating}
      submitLabel={person ? t('common.save') : t('common.create')}
    >
      <Form.Item name="fullName" label={t('people.fullName')} rules={[zodRule(fields.fullName, lang, { required: true })]}>
        <Input autoFocus maxLength={200} />
      </Form.Item>
      <Form.Item name="unitId" label={t('people.unit')} rules={[{ required: true, message: t('form.required') }]}>
        <UnitTreeSelect />
      </Form.Item>
      <Form.Item name="position" label={t('people.position')} rules={[zodRule(fields.position, lang)]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="category" label={t('people.category')} rules={[{ required: true, message: t('form.required') }]}>
        <Select options={categoryOptions} />
      </Form.Item>
      <Form.Item name="email" label={t('people.email')} rules={[zodRule(fields.email, lang)]}>
        <Input type="email" maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item name="isPartyMember" label={t('people.isPartyMember')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {person && (
        <Form.Item name="isActive" label={t('people.isActive')} valuePropName="checked" extra={t('people.isActiveHint')}>
          <Switch />
        </Form.Item>
      )}
    </FormDrawer>
  )
}
