import { App, Form, Radio, Select } from 'antd'
import { closeDirectiveInput, type DirectiveDto } from '../../../contract/directives.ts'
import { FormModal } from '../../components/FormModal.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { useT } from '../../i18n/useT.ts'
import { useCloseDirective, useDirectives } from './api.ts'

interface Values {
  mode: 'close' | 'supersede'
  supersededById?: number
}

/** Ends an issued directive, or marks it superseded by a later one. */
export function CloseDirectiveModal({ directive, onClose }: { directive: DirectiveDto; onClose: () => void }) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const mode = Form.useWatch('mode', form)
  const close = useCloseDirective()
  const others = useDirectives({ limit: 200, offset: 0 })
  const submission = useFormSubmit(form, closeDirectiveInput, (input) => close.mutateAsync({ id: directive.id, ...input }), {
    onConflict: () => message.warning(t('directives.conflict')),
  })
  const options = (others.data?.items ?? [])
    .filter((d) => d.id !== directive.id && d.status !== 'draft')
    .map((d) => ({ value: d.id, label: `${d.number ?? '—'} — ${d.subject}` }))

  const onFinish = async (v: Values) => {
    if (v.mode === 'supersede' && !v.supersededById) {
      form.setFields([{ name: 'supersededById', errors: [t('form.required')] }])
      return
    }
    const saved = await submission.submit({ version: directive.version, supersededById: v.mode === 'supersede' ? v.supersededById : null })
    if (saved) {
      message.success(t(v.mode === 'supersede' ? 'directives.superseded' : 'directives.closed'))
      onClose()
    }
  }

  return (
    <FormModal
      title={t('directives.closeTitle', { number: directive.number ?? directive.subject })}
      okText={t('directives.close')}
      isDanger
      form={form}
      initialValues={{ mode: 'close' }}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
    >
      <Form.Item name="mode">
        <Radio.Group
          options={[
            { value: 'close', label: t('directives.closeDone') },
            { value: 'supersede', label: t('directives.closeSuperseded') },
          ]}
          style={{ display: 'grid', gap: 8 }}
        />
      </Form.Item>
      {mode === 'supersede' && (
        <Form.Item name="supersededById" label={t('directives.supersededBy')}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={options} loading={others.isPending} placeholder={t('directives.pickDirective')} />
        </Form.Item>
      )}
    </FormModal>
  )
}
