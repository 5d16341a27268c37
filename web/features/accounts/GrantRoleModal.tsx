import { App, Form, Modal } from 'antd'
import type { AccountDto } from '../../../contract/accounts.ts'
import { roleGrantInput } from '../../../contract/accounts.ts'
import type { Role } from '../../../contract/roles.ts'
import { FormAlert } from '../../components/forms/FormAlert.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { useT } from '../../i18n/useT.ts'
import { UnitTreeSelect } from '../units/UnitTreeSelect.tsx'
import { useGrantRole } from './api.ts'
import { RoleSelect } from './RoleSelect.tsx'

/** A role on a unit: it applies to that unit and everything below it. */
export function GrantRoleModal({ account, onClose }: { account: AccountDto; onClose: () => void }) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ role: Role; unitId: number }>()
  const grant = useGrantRole()
  const { submit, error, isSubmitting } = useFormSubmit(form, roleGrantInput, (input) => grant.mutateAsync({ id: account.id, ...input }))

  const onFinish = async (values: { role: Role; unitId: number }) => {
    if (await submit(values)) {
      message.success(t('accounts.granted'))
      onClose()
    }
  }

  return (
    <Modal
      open
      title={t('accounts.grantTitle', { name: account.username })}
      okText={t('accounts.grant')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={isSubmitting}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ unitId: account.unitId ?? undefined }}>
        <FormAlert error={error} />
        <Form.Item name="role" label={t('accounts.role')} rules={[{ required: true, message: t('form.required') }]}>
          <RoleSelect />
        </Form.Item>
        <Form.Item name="unitId" label={t('accounts.scope')} extra={t('accounts.scopeHint')} rules={[{ required: true, message: t('form.required') }]}>
          <UnitTreeSelect />
        </Form.Item>
      </Form>
    </Modal>
  )
}
