import { App, Button, Flex, Form, Input, Typography } from 'antd'
import { createAccountInput } from '../../../contract/accounts.ts'
import type { Role } from '../../../contract/roles.ts'
import { FormDrawer } from '../../components/FormDrawer.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { PlusIcon } from '../../components/icons.tsx'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { useLang, useT } from '../../i18n/useT.ts'
import { PersonSelect } from '../people/PersonSelect.tsx'
import { UnitTreeSelect } from '../units/UnitTreeSelect.tsx'
import { useCreateAccount } from './api.ts'
import { RoleSelect } from './RoleSelect.tsx'

interface Values {
  username: string
  personId?: number | null
  password: string
  roles: { role?: Role; unitId?: number }[]
}

const fields = createAccountInput.shape

/** A new account: a username, optionally the person it belongs to, a temporary password and its roles. */
export function CreateAccountDrawer({ onClose }: { onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const isPhone = useIsPhone()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const create = useCreateAccount()
  const submission = useFormSubmit(form, createAccountInput, (input) => create.mutateAsync(input))

  const onFinish = async (v: Values) => {
    const account = await submission.submit({
      username: v.username?.trim().toLowerCase(),
      personId: v.personId ?? null,
      password: v.password,
      roles: (v.roles ?? []).filter((r) => r.role || r.unitId),
    })
    if (account) {
      message.success(t('accounts.created', { name: account.username }))
      onClose()
    }
  }

  return (
    <FormDrawer
      title={t('accounts.createTitle')}
      width={560}
      form={form}
      initialValues={{ roles: [{}] }}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
      submitLabel={t('common.create')}
    >
      <Form.Item name="username" label={t('accounts.username')} extra={t('accounts.usernameHint')} rules={[zodRule(fields.username, lang, { required: true })]}>
        <Input autoFocus autoComplete="off" maxLength={60} />
      </Form.Item>
      <Form.Item name="personId" label={t('accounts.person')} extra={t('accounts.personHint')}>
        <PersonSelect />
      </Form.Item>
      <Form.Item name="password" label={t('accounts.tempPassword')} extra={t('accounts.tempPasswordHint')} rules={[zodRule(fields.password, lang, { required: true })]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Typography.Text strong>{t('accounts.roles')}</Typography.Text>
      <Form.List name="roles">
        {(items, { add, remove }, { errors }) => (
          <div style={{ marginTop: 8 }}>
            {items.map(({ key, name }) => (
              <Flex key={key} gap={8} align="start" wrap={isPhone}>
                <Form.Item name={[name, 'role']} style={{ flex: '1 1 180px', minWidth: 0 }} rules={[{ required: true, message: t('form.required') }]}>
                  <RoleSelect />
                </Form.Item>
                <Form.Item name={[name, 'unitId']} style={{ flex: '2 1 220px', minWidth: 0 }} rules={[{ required: true, message: t('form.required') }]}>
                  <UnitTreeSelect />
                </Form.Item>
                <Button onClick={() => remove(name)} aria-label={t('common.remove')}>
                  ×
                </Button>
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusIcon />} onClick={() => add({})} block>
              {t('accounts.addRole')}
            </Button>
            <Form.ErrorList errors={errors} />
          </div>
        )}
      </Form.List>
    </FormDrawer>
  )
}
