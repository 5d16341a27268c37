import { App, Button, Card, DatePicker, Form, Input, Select, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { answerRequestItemInput, documentRequestInput, reviewRequestItemInput } from '../../../contract/inspections.ts'
import { newIdempotencyKey } from '../../api/client.ts'
import { API_DATE_FORMAT, DATE_FORMAT, formatDate, formatDateTime } from '../../components/format.ts'
import { FormModal } from '../../components/FormModal.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { PlusIcon } from '../../components/icons.tsx'
import { useT } from '../../i18n/useT.ts'
import type { DocumentRequestDto, InspectionDto, InspectionMutations } from './api.ts'
import { FileLinks, useFilePicker } from './files.tsx'
import { RequestItemTag, TimelinessTag } from './Tags.tsx'
import { toLines } from './form-values.ts'

type Item = DocumentRequestDto['items'][number]

function NewRequestModal({ i, mutations, onClose }: { i: InspectionDto; mutations: InspectionMutations; onClose: () => void }) {
  const t = useT()
  const { message } = App.useApp()
  type V = { unitId?: number; dueDate?: Dayjs; note?: string; items?: string }
  const [form] = Form.useForm<V>()
  const [key] = useState(newIdempotencyKey)
  const submission = useFormSubmit(form, documentRequestInput, (input) => mutations.request.mutateAsync({ input, key }))
  return (
    <FormModal
      title={t('inspections.request.new')}
      okText={t('inspections.request.send')}
      form={form}
      width={620}
      initialValues={{ unitId: i.units.length === 1 ? i.units[0].id : undefined, dueDate: dayjs().add(10, 'day') }}
      onClose={onClose}
      submission={submission}
      onFinish={async (v: V) => {
        if (await submission.submit({ unitId: v.unitId, dueDate: v.dueDate?.format(API_DATE_FORMAT), note: v.note?.trim() ?? '', items: toLines(v.items) })) {
          message.success(t('inspections.request.sent'))
          onClose()
        }
      }}
    >
      <Form.Item name="unitId" label={t('inspections.unit')} rules={[{ required: true, message: t('form.required') }]}>
        <Select options={i.units.map((u) => ({ value: u.id, label: u.name }))} />
      </Form.Item>
      <Form.Item name="items" label={t('inspections.request.items')} extra={t('inspections.request.itemsHint')} rules={[{ required: true, message: t('form.required') }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="request-items" />
      </Form.Item>
      <Form.Item name="dueDate" label={t('inspections.request.due')} rules={[{ required: true, message: t('form.required') }]}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('inspections.note')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={5000} />
      </Form.Item>
    </FormModal>
  )
}

/** The unit answers one item: a note, files, or both. */
function AnswerModal({ item, unitId, mutations, onClose }: { item: Item; unitId: number; mutations: InspectionMutations; onClose: () => void }) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ note?: string }>()
  const files = useFilePicker(mutations, unitId, item.answerFiles)
  const submission = useFormSubmit(form, answerRequestItemInput, (input) => mutations.answer.mutateAsync({ itemId: item.id, input }), { onConflict: () => void mutations.reload() })
  return (
    <FormModal
      title={t('inspections.request.answer')}
      okText={t('inspections.request.sendAnswer')}
      form={form}
      initialValues={{ note: item.answerNote }}
      onClose={onClose}
      submission={submission}
      intro={<Typography.Paragraph strong>{item.text}</Typography.Paragraph>}
      onFinish={async (v) => {
        if (await submission.submit({ version: item.version, note: v.note?.trim() ?? '', fileIds: files.fileIds })) {
          message.success(t('inspections.request.answered'))
          onClose()
        }
      }}
    >
      <Form.Item name="note" label={t('inspections.note')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} data-testid="answer-note" />
      </Form.Item>
      <Form.Item label={t('inspections.file.files')}>{files.picker}</Form.Item>
    </FormModal>
  )
}

function AskAgainModal({ item, mutations, onClose }: { item: Item; mutations: InspectionMutations; onClose: () => void }) {
  const t = useT()
  const [form] = Form.useForm<{ comment?: string }>()
  const submission = useFormSubmit(form, reviewRequestItemInput, (input) => mutations.review.mutateAsync({ itemId: item.id, input }), { onConflict: () => void mutations.reload() })
  return (
    <FormModal
      title={t('inspections.request.askAgain')}
      okText={t('inspections.request.askAgain')}
      form={form}
      onClose={onClose}
      submission={submission}
      intro={<Typography.Paragraph strong>{item.text}</Typography.Paragraph>}
      onFinish={async (v) => {
        if (await submission.submit({ version: item.version, decision: 'askAgain', comment: v.comment?.trim() ?? '' })) onClose()
      }}
    >
      <Form.Item name="comment" label={t('inspections.request.whatMissing')} rules={[{ required: true, message: t('form.required') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
    </FormModal>
  )
}

/** Document requests: the team asks a unit for a list of documents; the unit answers each; the team receives or asks again. */
export function RequestsCard({ i, mutations }: { i: InspectionDto; mutations: InspectionMutations }) {
  const t = useT()
  const { message } = App.useApp()
  const [dialog, setDialog] = useState<{ kind: 'new' } | { kind: 'answer' | 'again'; item: Item; unitId: number } | null>(null)
  const isTeam = i.access.isOnTeam || i.access.canManage
  const isOpen = i.phase !== 'concluded'
  const unitName = (id: number) => i.units.find((u) => u.id === id)?.name ?? `#${id}`
  const receive = (item: Item) =>
    mutations.review.mutateAsync({ itemId: item.id, input: { version: item.version, decision: 'received', comment: '' } }).then(() => message.success(t('inspections.request.receivedDone')), (e: Error) => message.error(e.message))
  return (
    <Card
      size="small"
      title={t('inspections.request.title')}
      data-testid="requests"
      extra={isTeam && isOpen && <Button size="small" icon={<PlusIcon />} onClick={() => setDialog({ kind: 'new' })} data-testid="new-request">{t('inspections.request.new')}</Button>}
    >
      {i.requests.length === 0 && <Typography.Text type="secondary">{t('inspections.request.none')}</Typography.Text>}
      <div className="bvct-stack bvct-stack-tight">
        {i.requests.map((r) => (
          <div key={r.id} data-testid="request">
            <div className="bvct-tags">
              <Typography.Text strong>{unitName(r.unitId)}</Typography.Text>
              <Typography.Text type="secondary">{t('inspections.request.sentDue', { sent: formatDate(r.sentOn), due: formatDate(r.dueDate) })}</Typography.Text>
              <TimelinessTag value={r.timeliness} />
            </div>
            {r.note && <Typography.Paragraph type="secondary" className="bvct-prose" style={{ margin: '4px 0' }}>{r.note}</Typography.Paragraph>}
            {r.items.map((it) => (
              <div key={it.id} className="bvct-action" data-testid="request-item">
                <div className="bvct-action-main">
                  <div>{it.ordinal}. {it.text}</div>
                  <div className="bvct-action-tags"><RequestItemTag status={it.status} />{it.answeredAt && <Typography.Text type="secondary">{t('inspections.request.answeredAt', { at: formatDateTime(it.answeredAt) })}</Typography.Text>}</div>
                  {it.answerNote && <div className="bvct-prose">{it.answerNote}</div>}
                  <FileLinks files={it.answerFiles} />
                  {it.reviewComment && <Typography.Text type="warning">{t('inspections.request.teamSaid', { comment: it.reviewComment })}</Typography.Text>}
                </div>
                <div className="bvct-action-buttons">
                  {isOpen && i.access.answersFor.includes(r.unitId) && it.status !== 'received' && (
                    <Button size="small" type={it.status === 'answered' ? 'default' : 'primary'} onClick={() => setDialog({ kind: 'answer', item: it, unitId: r.unitId })} data-testid="answer-item">
                      {it.status === 'answered' ? t('inspections.request.editAnswer') : t('inspections.request.answer')}
                    </Button>
                  )}
                  {isOpen && isTeam && it.status === 'answered' && (
                    <>
                      <Button size="small" type="primary" onClick={() => void receive(it)} loading={mutations.review.isPending} data-testid="receive-item">{t('inspections.request.receive')}</Button>
                      <Button size="small" onClick={() => setDialog({ kind: 'again', item: it, unitId: r.unitId })}>{t('inspections.request.askAgain')}</Button>
                    </>
                  )}
                </div>
              </div>
            ))}
          </div>
        ))}
      </div>
      {dialog?.kind === 'new' && <NewRequestModal i={i} mutations={mutations} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'answer' && <AnswerModal item={dialog.item} unitId={dialog.unitId} mutations={mutations} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'again' && <AskAgainModal item={dialog.item} mutations={mutations} onClose={() => setDialog(null)} />}
    </Card>
  )
}
