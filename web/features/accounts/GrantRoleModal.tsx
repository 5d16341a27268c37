import { App, Form } from 'antd'
import type { AccountDto } from '../../../contract/accounts.ts'
import { TWO_PERSON_ROLES, roleGrantInput } from '../../../contract/accounts.ts'
import type { Role } from '../../../contract/roles.ts'
import { FormModal } from '../../components/FormModal.tsx'
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
  const submission = useFormSubmit(form, roleGrantInput, (input) => grant.mutateAsync({ id: account.id, ...input }))

  const onFinish = async (values: { role: Role; unitId: number }) => {
    if (await submission.submit(values)) {
      // Committee, board and auditor roles wait for a committee member's approval (RoleRequestsPage).
      message.success(t(TWO_PERSON_ROLES.includes(values.role) ? 'accounts.requested' : 'accounts.granted'))
      onClose()
    }
  }

  return (
    <FormModal
      title={t('accounts.grantTitle', { name: account.username })}
      okText={t('accounts.grant')}
      form={form}
      initialValues={{ unitId: account.unitId ?? undefined }}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
    >
      <Form.Item name="role" label={t('accounts.role')} rules={[{ required: true, message: t('form.required') }]}>
        <RoleSelect />
      </Form.Item>
      <Form.Item name="unitId" label={t('accounts.scope')} extra={t('accounts.scopeHint')} rules={[{ required: true, message: t('form.required') }]}>
        <UnitTreeSelect />
      </Form.Item>
    </FormModal>
  )
}
