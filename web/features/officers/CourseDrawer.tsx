import { App, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { COURSE_FORM_LABELS, COURSE_FORMS, createCourseInput, updateCourseInput, type CourseDto } from '../../../contract/officers.ts'
import { newIdempotencyKey } from '../../api/client.ts'
import { API_DATE_FORMAT, DATE_FORMAT } from '../../components/format.ts'
import { FormDrawer } from '../../components/FormDrawer.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useLabel, useLang, useT } from '../../i18n/useT.ts'
import { UnitTreeSelect } from '../units/UnitTreeSelect.tsx'
import { useCreateCourse, useUpdateCourse } from './api.ts'

interface Values {
  ownerUnitId: number
  title: string
  organizer: string
  startsOn: Dayjs
  endsOn: Dayjs
  hours: number
  form: (typeof COURSE_FORMS)[number]
  note?: string
}

const fields = createCourseInput.shape
const day = (d: Dayjs | undefined) => (d ? d.format(API_DATE_FORMAT) : undefined)

/** Record a course (`course` undefined) or edit one; `onCreated` gets the new course (to open it). */
export function CourseDrawer({ course, defaultUnitId, onClose, onCreated }: { course?: CourseDto; defaultUnitId?: number; onClose: () => void; onCreated?: (c: CourseDto) => void }) {
  const t = useT()
  const lang = useLang()
  const label = useLabel()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [idempotencyKey] = useState(newIdempotencyKey)
  const create = useCreateCourse()
  const update = useUpdateCourse()
  const onConflict = () => {
    message.warning(t('training.conflict'))
    onClose()
  }
  const creating = useFormSubmit(form, createCourseInput, (input) => create.mutateAsync({ ...input, idempotencyKey }))
  const editing = useFormSubmit(form, updateCourseInput, (input) => update.mutateAsync({ id: course!.id, ...input }), { onConflict })

  const onFinish = async (v: Values) => {
    const common = { title: v.title?.trim(), organizer: v.organizer?.trim(), startsOn: day(v.startsOn), endsOn: day(v.endsOn), hours: v.hours, form: v.form, note: v.note?.trim() ?? '' }
    const saved = course ? await editing.submit({ ...common, version: course.version }) : await creating.submit({ ...common, ownerUnitId: v.ownerUnitId })
    if (saved) {
      message.success(course ? t('common.saved') : t('training.created', { title: saved.title }))
      onClose()
      if (!course) onCreated?.(saved)
    }
  }

  return (
    <FormDrawer
      title={course ? t('training.editTitle') : t('training.createTitle')}
      width={560}
      form={form}
      initialValues={
        course ? { ...course, startsOn: dayjs(course.startsOn), endsOn: dayjs(course.endsOn) } : { ownerUnitId: defaultUnitId, form: 'inPerson' }
      }
      onFinish={onFinish}
      onClose={onClose}
      submission={course ? editing : creating}
      submitLabel={course ? t('common.save') : t('common.create')}
      submitTestId="course-submit"
    >
      {!course && (
        <Form.Item name="ownerUnitId" label={t('training.ownerUnit')} rules={[{ required: true, message: t('form.required') }]} extra={t('training.ownerUnitHint')}>
          <UnitTreeSelect />
        </Form.Item>
      )}
      <Form.Item name="title" label={t('training.title')} rules={[zodRule(fields.title, lang, { required: true })]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="organizer" label={t('training.organizer')} rules={[zodRule(fields.organizer, lang, { required: true })]}>
        <Input maxLength={300} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item name="startsOn" label={t('training.startsOn')} rules={[{ required: true, message: t('form.required') }]}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="endsOn" label={t('training.endsOn')} rules={[{ required: true, message: t('form.required') }]}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item name="hours" label={t('training.hours')} rules={[{ required: true, message: t('form.required') }]}>
            <InputNumber min={0.5} max={10000} step={1} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="form" label={t('training.form')} rules={[{ required: true, message: t('form.required') }]}>
            <Select options={COURSE_FORMS.map((f) => ({ value: f, label: label(COURSE_FORM_LABELS[f]) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('training.note')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
    </FormDrawer>
  )
}
