import { App, Button, Checkbox, DatePicker, Form, Input, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { CHANNEL_LABELS, channelReviewInput, REVIEW_CHECKS, type ChannelDto, type ReviewCheck } from '../../../contract/channels.ts'
import { newIdempotencyKey } from '../../api/client.ts'
import { API_DATE_FORMAT, DATE_FORMAT } from '../../components/format.ts'
import { FormDrawer } from '../../components/FormDrawer.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { PlusIcon, TrashIcon } from '../../components/icons.tsx'
import { useLabel, useLang, useT } from '../../i18n/useT.ts'
import { useChannelMutations } from './api.ts'

interface Values {
  reviewedOn: Dayjs
  checks: Record<ReviewCheck, boolean>
  findings?: string
  followUpActions: { action?: string; dueDate?: Dayjs | null }[]
}

const f = channelReviewInput.shape

/**
 * A security review of the channel: each check ticked when it passed; a failed one needs the
 * findings and at least one follow-up action (the server says so on the field).
 */
export function ReviewDrawer({ channel, onClose }: { channel: ChannelDto; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const label = useLabel()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [key] = useState(newIdempotencyKey)
  const { review } = useChannelMutations(channel.id)
  const submission = useFormSubmit(form, channelReviewInput, (input) => review.mutateAsync({ input, key }))
  const checks = Form.useWatch('checks', form)
  const hasFailed = REVIEW_CHECKS.some((c) => checks && !checks[c])

  const onFinish = async (v: Values) => {
    const saved = await submission.submit({
      reviewedOn: v.reviewedOn?.format(API_DATE_FORMAT),
      checks: Object.fromEntries(REVIEW_CHECKS.map((c) => [c, !!v.checks?.[c]])),
      findings: v.findings ?? '',
      followUpActions: (v.followUpActions ?? []).filter((a) => a.action?.trim()).map((a) => ({ action: a.action!.trim(), dueDate: a.dueDate ? a.dueDate.format(API_DATE_FORMAT) : null })),
    })
    if (saved) {
      message.success(t('channels.reviewRecorded'))
      onClose()
    }
  }

  return (
    <FormDrawer<Values>
      title={t('channels.reviewTitle', { name: channel.name })}
      width={600}
      form={form}
      initialValues={{ reviewedOn: dayjs(), checks: Object.fromEntries(REVIEW_CHECKS.map((c) => [c, false])) as Record<ReviewCheck, boolean>, followUpActions: [] }}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
      submitLabel={t('channels.recordReview')}
      submitTestId="review-submit"
    >
      <Form.Item name="reviewedOn" label={t('channels.reviewedOn')} rules={[{ required: true, message: t('form.required') }]}>
        <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: 200 }} />
      </Form.Item>
      <Typography.Title level={5}>{t('channels.checklist')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('channels.checklistHint')}</Typography.Paragraph>
      {REVIEW_CHECKS.map((c) => (
        <Form.Item key={c} name={['checks', c]} valuePropName="checked" style={{ marginBottom: 6 }}>
          <Checkbox data-testid={`check-${c}`}>{label(CHANNEL_LABELS.check[c])}</Checkbox>
        </Form.Item>
      ))}
      <Form.Item name="findings" label={t('channels.findings')} required={hasFailed} rules={[zodRule(f.findings, lang)]} style={{ marginTop: 12 }}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
      </Form.Item>
      <Typography.Title level={5}>{t('channels.followUp')}</Typography.Title>
      {hasFailed && <Typography.Paragraph type="secondary">{t('channels.followUpHint')}</Typography.Paragraph>}
      <Form.List name="followUpActions">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <div key={field.key} className="bvct-list-row">
                <Form.Item name={[field.name, 'action']} rules={[{ required: true, message: t('form.required') }]} style={{ marginBottom: 8 }}>
                  <Input placeholder={t('channels.followUpAction')} aria-label={t('channels.followUpN', { n: i + 1 })} maxLength={1000} />
                </Form.Item>
                <Form.Item name={[field.name, 'dueDate']} style={{ marginBottom: 8 }}>
                  <DatePicker format={DATE_FORMAT} placeholder={t('channels.dueDate')} style={{ width: 140 }} />
                </Form.Item>
                <Button icon={<TrashIcon />} onClick={() => remove(field.name)} aria-label={t('common.remove')} />
              </div>
            ))}
            <Button icon={<PlusIcon />} onClick={() => add({})}>{t('channels.addFollowUp')}</Button>
          </>
        )}
      </Form.List>
    </FormDrawer>
  )
}
