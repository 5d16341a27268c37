import { App, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { createInspectionInput, DEFAULT_INSPECTION_RULES, INSPECTION_KINDS, INSPECTION_LABELS, INSPECTION_LEVELS, INSPECTION_METHODS, INSPECTION_MODES } from '../../../contract/inspections.ts'
import { newIdempotencyKey } from '../../api/client.ts'
import { API_DATE_FORMAT, DATE_FORMAT } from '../../components/format.ts'
import { FormDrawer } from '../../components/FormDrawer.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useLabelOptions } from '../../components/LabelTag.tsx'
import { useLang, useT } from '../../i18n/useT.ts'
import { useOpenInspection, type PlanItemDto } from './api.ts'
import { InspectorSelect, UnitsSelect } from './pickers.tsx'
import { toTeam } from './form-values.ts'

interface Values {
  title?: string
  content?: string
  unitIds?: number[]
  kind: 'inspection' | 'supervision'
  mode: 'regular' | 'thematic'
  method: 'direct' | 'documents'
  level: 'central' | 'provincial' | 'aboveGrassroots'
  decisionNumber?: string
  decisionDate?: Dayjs
  startDate?: Dayjs
  periodFrom?: Dayjs
  periodTo?: Dayjs
  lead?: number
  members?: number[]
}

const f = createInspectionInput.shape
const day = (d: Dayjs | null | undefined) => d?.format(API_DATE_FORMAT)

/**
 * The board opens an inspection, ad hoc or from an approved plan item (whose title, units, form and
 * lead it starts from). The deadline is not asked: the server computes it from the level.
 */
export function OpenInspectionDrawer({ item, onClose }: { item?: PlanItemDto; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const open = useOpenInspection()
  const [key] = useState(newIdempotencyKey)
  const submission = useFormSubmit(form, createInspectionInput, (input) => open.mutateAsync({ input, key }))
  const kinds = useLabelOptions(INSPECTION_KINDS, INSPECTION_LABELS.kind)
  const modes = useLabelOptions(INSPECTION_MODES, INSPECTION_LABELS.mode)
  const methods = useLabelOptions(INSPECTION_METHODS, INSPECTION_LABELS.method)
  const levels = useLabelOptions(INSPECTION_LEVELS, INSPECTION_LABELS.level)
  const level = Form.useWatch('level', form) ?? 'central'

  const onFinish = async (v: Values) => {
    const team = toTeam(v.lead, v.members)
    const saved = await submission.submit({
      planItemId: item?.id,
      title: v.title?.trim() || undefined,
      content: v.content?.trim() || undefined,
      unitIds: v.unitIds,
      kind: v.kind,
      mode: v.mode,
      method: v.method,
      level: v.level,
      decisionNumber: v.decisionNumber?.trim() || undefined,
      decisionDate: day(v.decisionDate),
      startDate: day(v.startDate),
      periodFrom: day(v.periodFrom),
      periodTo: day(v.periodTo),
      team,
    })
    if (saved) {
      message.success(t('inspections.opened', { number: saved.number }))
      onClose()
      navigate(`/inspections/${saved.id}`)
    }
  }
  const year = dayjs().year()
  const required = [{ required: true, message: t('form.required') }]
  return (
    <FormDrawer
      title={item ? t('inspections.openFromItem') : t('inspections.openAdHoc')}
      width={680}
      form={form}
      initialValues={{
        title: item?.title,
        unitIds: item?.unitIds,
        kind: item?.form.kind ?? 'inspection',
        mode: item?.form.mode ?? 'thematic',
        method: item?.form.method ?? 'direct',
        level: 'central',
        decisionDate: dayjs(),
        startDate: dayjs(),
        periodFrom: dayjs(`${year - 3}-01-01`),
        periodTo: dayjs(`${year - 1}-12-31`),
        lead: item?.leadAccountId ?? undefined,
        members: [],
      }}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
      submitLabel={t('inspections.openSubmit')}
      submitTestId="open-inspection-submit"
      intro={item && <Typography.Paragraph type="secondary">{t('inspections.fromItemHint', { title: item.title })}</Typography.Paragraph>}
    >
      <Form.Item name="title" label={t('inspections.field.title')} rules={[zodRule(f.title, lang, { required: !item })]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="unitIds" label={t('inspections.field.units')} rules={item ? [] : required}>
        <UnitsSelect placeholder={t('inspections.field.unitsPick')} aria-label={t('inspections.field.units')} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={8}><Form.Item name="kind" label={t('inspections.field.kind')}><Select options={kinds} /></Form.Item></Col>
        <Col xs={12} sm={8}><Form.Item name="mode" label={t('inspections.field.mode')}><Select options={modes} /></Form.Item></Col>
        <Col xs={12} sm={8}><Form.Item name="method" label={t('inspections.field.method')}><Select options={methods} /></Form.Item></Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="level" label={t('inspections.field.level')} extra={t('inspections.field.levelHint', { days: DEFAULT_INSPECTION_RULES.durationDays[level] })}>
            <Select options={levels} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="decisionNumber" label={t('inspections.field.decisionNumber')} extra={t('inspections.field.decisionNumberHint')} rules={[zodRule(f.decisionNumber, lang)]}>
            <Input maxLength={60} placeholder="12-QĐ/BCSĐ" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={12} sm={6}><Form.Item name="decisionDate" label={t('inspections.field.decisionDate')} rules={required}><DatePicker format={DATE_FORMAT} style={{ width: '100%' }} /></Form.Item></Col>
        <Col xs={12} sm={6}><Form.Item name="startDate" label={t('inspections.field.startDate')} rules={required}><DatePicker format={DATE_FORMAT} style={{ width: '100%' }} /></Form.Item></Col>
        <Col xs={12} sm={6}><Form.Item name="periodFrom" label={t('inspections.field.periodFrom')} rules={required}><DatePicker format={DATE_FORMAT} style={{ width: '100%' }} /></Form.Item></Col>
        <Col xs={12} sm={6}><Form.Item name="periodTo" label={t('inspections.field.periodTo')} rules={required}><DatePicker format={DATE_FORMAT} style={{ width: '100%' }} /></Form.Item></Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>{t('inspections.field.periodHint', { years: DEFAULT_INSPECTION_RULES.maxPeriodYears })}</Typography.Paragraph>
      <Form.Item name="lead" label={t('inspections.field.lead')} rules={required}>
        <InspectorSelect<number> placeholder={t('inspections.field.pickInspector')} data-testid="team-lead" />
      </Form.Item>
      <Form.Item name="members" label={t('inspections.field.members')} extra={t('inspections.field.membersHint', { n: DEFAULT_INSPECTION_RULES.minTeam })}>
        <InspectorSelect<number[]> mode="multiple" placeholder={t('inspections.field.pickInspector')} data-testid="team-members" />
      </Form.Item>
      <Form.Item name="content" label={t('inspections.field.content')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20000} />
      </Form.Item>
    </FormDrawer>
  )
}
