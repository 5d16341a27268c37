import { App, Col, DatePicker, Form, Input, Row, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { updateInspectionInput } from '../../../contract/inspections.ts'
import { API_DATE_FORMAT, DATE_FORMAT } from '../../components/format.ts'
import { FormDrawer } from '../../components/FormDrawer.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useLang, useT } from '../../i18n/useT.ts'
import type { InspectionDto, InspectionMutations } from './api.ts'
import { InspectorSelect } from './pickers.tsx'
import { toTeam } from './form-values.ts'

interface Values {
  title?: string
  content?: string
  periodFrom?: Dayjs
  periodTo?: Dayjs
  startDate?: Dayjs
  lead?: number
  members?: number[]
}

/**
 * The board corrects an inspection under way: title, content, period reviewed, team; the start
 * date (and with it the deadline) only in preparation, before any extension.
 */
export function EditInspectionDrawer({ i, mutations, onClose }: { i: InspectionDto; mutations: InspectionMutations; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const submission = useFormSubmit(form, updateInspectionInput, (input) => mutations.update.mutateAsync(input), { onConflict: () => void mutations.reload() })
  const canMoveStart = i.phase === 'preparation' && i.extensions.length === 0
  const day = (d: Dayjs | undefined) => d?.format(API_DATE_FORMAT)
  const onFinish = async (v: Values) => {
    const team = toTeam(v.lead, v.members)
    const start = day(v.startDate)
    const saved = await submission.submit({
      version: i.version,
      title: v.title?.trim(),
      content: v.content?.trim() ?? '',
      periodFrom: day(v.periodFrom),
      periodTo: day(v.periodTo),
      team,
      ...(canMoveStart && start !== i.startDate ? { startDate: start } : {}),
    })
    if (saved) {
      message.success(t('common.saved'))
      onClose()
    }
  }
  const required = [{ required: true, message: t('form.required') }]
  return (
    <FormDrawer
      title={t('inspections.edit.title')}
      width={640}
      form={form}
      initialValues={{
        title: i.title,
        content: i.content,
        periodFrom: dayjs(i.periodFrom),
        periodTo: dayjs(i.periodTo),
        startDate: dayjs(i.startDate),
        lead: i.team.find((m) => m.role === 'lead')?.accountId,
        members: i.team.filter((m) => m.role !== 'lead').map((m) => m.accountId),
      }}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
      submitLabel={t('common.save')}
      submitTestId="edit-inspection-submit"
    >
      <Form.Item name="title" label={t('inspections.field.title')} rules={[zodRule(updateInspectionInput.shape.title, lang, { required: true })]}>
        <Input maxLength={500} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={12} sm={8}><Form.Item name="periodFrom" label={t('inspections.field.periodFrom')} rules={required}><DatePicker format={DATE_FORMAT} style={{ width: '100%' }} /></Form.Item></Col>
        <Col xs={12} sm={8}><Form.Item name="periodTo" label={t('inspections.field.periodTo')} rules={required}><DatePicker format={DATE_FORMAT} style={{ width: '100%' }} /></Form.Item></Col>
        <Col xs={24} sm={8}>
          <Form.Item name="startDate" label={t('inspections.field.startDate')} extra={canMoveStart ? t('inspections.edit.startHint') : t('inspections.edit.startFixed')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabled={!canMoveStart} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="lead" label={t('inspections.field.lead')} rules={required}>
        <InspectorSelect<number> placeholder={t('inspections.field.pickInspector')} />
      </Form.Item>
      <Form.Item name="members" label={t('inspections.field.members')}>
        <InspectorSelect<number[]> mode="multiple" placeholder={t('inspections.field.pickInspector')} />
      </Form.Item>
      <Form.Item name="content" label={t('inspections.field.content')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20000} />
      </Form.Item>
      <Typography.Text type="secondary">{t('inspections.edit.hint')}</Typography.Text>
    </FormDrawer>
  )
}
