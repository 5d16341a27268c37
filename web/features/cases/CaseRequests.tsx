import { App, Button, Card, DatePicker, Form, Input, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { caseReplyInput, caseRequestInput } from '../../../contract/cases.ts'
import { API_DATE_FORMAT, DATE_FORMAT, formatDate } from '../../components/format.ts'
import { FormModal } from '../../components/FormModal.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { PlusIcon } from '../../components/icons.tsx'
import { useLang, useT } from '../../i18n/useT.ts'
import { CellStatusTag } from '../plans/StatusTags.tsx'
import type { CaseDto, CaseMutations, CaseRequestDto } from './api.ts'

const isFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day')
const iso = (d: Dayjs | undefined) => d?.format(API_DATE_FORMAT)
const required = (message: string) => [{ required: true, message }]

interface RequestValues {
  agency?: string
  asked?: string
  sentOn?: Dayjs
  dueDate?: Dayjs
}

/** A request to another agency (which agency and what was asked are sealed; its dates are not). */
function RequestModal({ mutations, onClose }: { mutations: CaseMutations; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<RequestValues>()
  const submission = useFormSubmit(form, caseRequestInput, (input) => mutations.addRequest.mutateAsync(input))
  const onFinish = async (v: RequestValues) => {
    if (await submission.submit({ agency: v.agency?.trim(), asked: v.asked?.trim(), sentOn: iso(v.sentOn), dueDate: iso(v.dueDate) })) {
      message.success(t('cases.request.added'))
      onClose()
    }
  }
  return (
    <FormModal title={t('cases.requestAdd')} okText={t('common.save')} form={form} initialValues={{ sentOn: dayjs() }} onFinish={onFinish} onClose={onClose} submission={submission}>
      <Form.Item name="agency" label={t('cases.request.agency')} rules={[zodRule(caseRequestInput.shape.agency, lang, { required: true })]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="asked" label={t('cases.request.asked')} rules={[zodRule(caseRequestInput.shape.asked, lang, { required: true })]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
      </Form.Item>
      <div className="bvct-form-row">
        <Form.Item name="sentOn" label={t('cases.request.sentOn')} rules={required(t('form.required'))}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="dueDate" label={t('cases.request.dueDate')} rules={required(t('form.required'))}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </div>
    </FormModal>
  )
}

/** The agency's reply, sent with the request's version (a reply recorded meanwhile by someone else is not overwritten). */
function ReplyModal({ request, mutations, onClose }: { request: CaseRequestDto; mutations: CaseMutations; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ repliedOn?: Dayjs; reply?: string }>()
  const onConflict = () => {
    message.warning(t('cases.conflict'))
    onClose()
  }
  const submission = useFormSubmit(form, caseReplyInput, (input) => mutations.recordReply.mutateAsync({ requestId: request.id, ...input }), { onConflict })
  const onFinish = async (v: { repliedOn?: Dayjs; reply?: string }) => {
    if (await submission.submit({ version: request.version, repliedOn: iso(v.repliedOn), reply: v.reply?.trim() })) {
      message.success(t('cases.request.replied'))
      onClose()
    }
  }
  return (
    <FormModal
      title={t('cases.request.replyTitle', { agency: request.agency })}
      okText={t('common.save')}
      form={form}
      initialValues={{ repliedOn: dayjs() }}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
    >
      <Form.Item name="repliedOn" label={t('cases.request.repliedOn')} rules={required(t('form.required'))}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={isFuture} />
      </Form.Item>
      <Form.Item name="reply" label={t('cases.request.reply')} rules={[zodRule(caseReplyInput.shape.reply, lang, { required: true })]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20_000} />
      </Form.Item>
    </FormModal>
  )
}

/** Requests to other agencies with their deadlines and replies (Regulation 58's coordination). */
export function CaseRequests({ c, mutations, isReadOnly }: { c: CaseDto; mutations: CaseMutations; isReadOnly: boolean }) {
  const t = useT()
  const [dialog, setDialog] = useState<{ kind: 'add' } | { kind: 'reply'; request: CaseRequestDto } | null>(null)
  return (
    <Card
      size="small"
      title={t('cases.requests')}
      data-testid="case-requests"
      extra={!isReadOnly && <Button size="small" icon={<PlusIcon />} onClick={() => setDialog({ kind: 'add' })} data-testid="add-request">{t('cases.requestAdd')}</Button>}
    >
      {c.requests.length === 0 && <Typography.Text type="secondary">{t('cases.request.none')}</Typography.Text>}
      {c.requests.map((r) => (
        <div key={r.id} className="bvct-case-item" data-testid="case-request">
          <div className="bvct-case-item-head">
            <Typography.Text strong>{r.agency}</Typography.Text>
            <CellStatusTag status={r.timeliness} />
          </div>
          <Typography.Text type="secondary">{t('cases.request.sent', { sent: formatDate(r.sentOn), due: formatDate(r.dueDate) })}</Typography.Text>
          <div className="bvct-prose">{r.asked}</div>
          {r.repliedOn ? (
            <div className="bvct-case-reply">
              <Typography.Text type="secondary">{t('cases.request.repliedOnDate', { date: formatDate(r.repliedOn) })}</Typography.Text>
              <div className="bvct-prose">{r.reply}</div>
            </div>
          ) : isReadOnly ? (
            <Typography.Text type="secondary">{t('cases.request.awaiting')}</Typography.Text>
          ) : (
            <Button size="small" onClick={() => setDialog({ kind: 'reply', request: r })} data-testid="record-reply">{t('cases.request.recordReply')}</Button>
          )}
        </div>
      ))}
      {dialog?.kind === 'add' && <RequestModal mutations={mutations} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reply' && <ReplyModal request={dialog.request} mutations={mutations} onClose={() => setDialog(null)} />}
    </Card>
  )
}
