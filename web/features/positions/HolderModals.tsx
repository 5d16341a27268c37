import { App, DatePicker, Form, Switch, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { assignHolderInput, vacateInput, type PositionDto } from '../../../contract/positions.ts'
import { API_DATE_FORMAT, DATE_FORMAT, formatDate } from '../../components/format.ts'
import { FormModal } from '../../components/FormModal.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { useT } from '../../i18n/useT.ts'
import { PersonSelect } from '../people/PersonSelect.tsx'
import { useAssignHolder, useVacatePosition } from './api.ts'

const day = (d: Dayjs | undefined) => (d ? d.format(API_DATE_FORMAT) : undefined)

/** A new holder from a day; the current one (if any) leaves the day before. */
export function AssignHolderModal({ position, onClose }: { position: PositionDto; onClose: () => void }) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ personId: number; from: Dayjs; isActing: boolean }>()
  const assign = useAssignHolder()
  const onConflict = () => {
    message.warning(t('positions.conflict'))
    onClose()
  }
  const submission = useFormSubmit(form, assignHolderInput, (input) => assign.mutateAsync({ id: position.id, ...input }), { onConflict })
  return (
    <FormModal
      title={t('positions.assignTitle', { title: position.title })}
      okText={t('positions.assign')}
      form={form}
      initialValues={{ from: dayjs(), isActing: false }}
      onFinish={async (v) => {
        const saved = await submission.submit({ version: position.version, personId: v.personId, from: day(v.from), isActing: !!v.isActing })
        if (saved) {
          message.success(t('positions.assigned', { name: saved.holder?.name ?? '' }))
          onClose()
        }
      }}
      onClose={onClose}
      submission={submission}
      intro={
        position.holder && (
          <Typography.Paragraph type="secondary">{t('positions.replaces', { name: position.holder.name, since: formatDate(position.holder.since) })}</Typography.Paragraph>
        )
      }
    >
      <Form.Item name="personId" label={t('positions.holder')} rules={[{ required: true, message: t('form.required') }]} extra={t('positions.holderHint')}>
        <PersonSelect />
      </Form.Item>
      <Form.Item name="from" label={t('positions.from')} rules={[{ required: true, message: t('form.required') }]}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="isActing" label={t('positions.acting')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  )
}

/** The holder leaves on a day: the position is vacant after it. */
export function VacateModal({ position, onClose }: { position: PositionDto; onClose: () => void }) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ on: Dayjs }>()
  const vacate = useVacatePosition()
  const onConflict = () => {
    message.warning(t('positions.conflict'))
    onClose()
  }
  const submission = useFormSubmit(form, vacateInput, (input) => vacate.mutateAsync({ id: position.id, ...input }), { onConflict })
  return (
    <FormModal
      title={t('positions.vacateTitle', { title: position.title })}
      okText={t('positions.vacate')}
      isDanger
      form={form}
      initialValues={{ on: dayjs() }}
      onFinish={async (v) => {
        if (await submission.submit({ version: position.version, on: day(v.on) })) {
          message.success(t('positions.vacated'))
          onClose()
        }
      }}
      onClose={onClose}
      submission={submission}
      intro={position.holder && <Typography.Paragraph>{t('positions.vacateIntro', { name: position.holder.name })}</Typography.Paragraph>}
    >
      <Form.Item name="on" label={t('positions.leftOn')} rules={[{ required: true, message: t('form.required') }]}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  )
}
