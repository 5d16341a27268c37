import { App, Checkbox, DatePicker, Flex, Form, Input, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useRef } from 'react'
import { createSessionInput, SESSION_FORM_LABELS, SESSION_FORMS, type SessionForm } from '../../../contract/dissemination.ts'
import { newIdempotencyKey } from '../../api/client.ts'
import { API_DATE_FORMAT, DATE_FORMAT } from '../../components/format.ts'
import { FormDrawer } from '../../components/FormDrawer.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useLabelOptions } from '../../components/LabelTag.tsx'
import { useLang, useT } from '../../i18n/useT.ts'
import { useCreateSession } from './api.ts'
import { AttendeePicker } from './AttendeePicker.tsx'

interface Values {
  heldOn?: Dayjs | null
  form: SessionForm
  title?: string
  requirementIds: number[]
  attendeeIds: number[]
  note?: string
}

interface Props {
  directiveId: number
  directiveNumber: string | null
  unitId: number
  requirements: { id: number; label: string; text: string }[]
  onClose: () => void
}

const f = createSessionInput.shape

/** Records a dissemination session: when, how, what it covered and who attended. */
export function SessionDrawer({ directiveId, directiveNumber, unitId, requirements, onClose }: Props) {
  const t = useT()
  const lang = useLang()
  const formOptions = useLabelOptions(SESSION_FORMS, SESSION_FORM_LABELS)
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const create = useCreateSession(directiveId)
  // One key per drawer: a retried save after a lost answer does not record the session twice.
  const idempotencyKey = useRef(newIdempotencyKey())
  const submission = useFormSubmit(form, createSessionInput, (input) => create.mutateAsync({ input, idempotencyKey: idempotencyKey.current }))

  const onFinish = async (v: Values) => {
    const saved = await submission.submit({
      unitId,
      heldOn: v.heldOn ? v.heldOn.format(API_DATE_FORMAT) : undefined,
      form: v.form,
      title: v.title?.trim(),
      requirementIds: v.requirementIds ?? [],
      attendeeIds: v.attendeeIds ?? [],
      note: v.note?.trim() ?? '',
    })
    if (saved) {
      message.success(t('dissemination.sessionSaved', { count: saved.attendeeCount }))
      onClose()
    }
  }

  return (
    <FormDrawer
      title={t('dissemination.newSession')}
      width={640}
      form={form}
      initialValues={{
        heldOn: dayjs(),
        form: 'conference',
        title: t('dissemination.defaultTitle', { number: directiveNumber ?? '' }),
        requirementIds: requirements.map((r) => r.id),
        attendeeIds: [],
        note: '',
      }}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
      submitLabel={t('common.save')}
      submitTestId="session-save"
    >
      <Flex gap={12} wrap>
        <Form.Item name="heldOn" label={t('dissemination.heldOn')} rules={[{ required: true, message: t('form.required') }]} style={{ flex: '1 1 160px' }}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="form" label={t('dissemination.form')} style={{ flex: '2 1 240px' }}>
          <Select options={formOptions} />
        </Form.Item>
      </Flex>
      <Form.Item name="title" label={t('dissemination.sessionTitle')} rules={[zodRule(f.title, lang, { required: true })]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="requirementIds" label={t('dissemination.requirementsCovered')} rules={[{ required: true, type: 'array', min: 1, message: t('dissemination.pickRequirement') }]}>
        <Checkbox.Group className="bvct-check-list" options={requirements.map((r) => ({ value: r.id, label: `${r.label} ${r.text}` }))} />
      </Form.Item>
      <Form.Item name="attendeeIds" label={t('dissemination.attendees')} extra={t('dissemination.attendeesHint')}>
        <AttendeePicker unitId={unitId} />
      </Form.Item>
      <Form.Item name="note" label={t('plans.note')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
      </Form.Item>
    </FormDrawer>
  )
}
