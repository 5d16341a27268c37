import { App, DatePicker, Form, Input, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { ATTENDANCE_RESULT_LABELS, ATTENDANCE_RESULTS, QUALIFYING_RESULTS, addAttendeeInput, updateAttendanceInput, type AttendanceDto, type AttendanceResult } from '../../../contract/officers.ts'
import { API_DATE_FORMAT, DATE_FORMAT } from '../../components/format.ts'
import { FormModal } from '../../components/FormModal.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { useLabel, useT } from '../../i18n/useT.ts'
import { PersonSelect } from '../people/PersonSelect.tsx'
import { useAddAttendee, useUpdateAttendance } from './api.ts'

interface Values {
  personId: number
  result: AttendanceResult
  completedOn?: Dayjs | null
  certificateNumber?: string
}

/** Enrol a person on a course with a result (`attendance` undefined), or record a result for one. */
export function AttendeeModal({ courseId, attendance, onClose }: { courseId: number; attendance?: AttendanceDto; onClose: () => void }) {
  const t = useT()
  const label = useLabel()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const add = useAddAttendee(courseId)
  const update = useUpdateAttendance(courseId)
  const onConflict = () => {
    message.warning(t('training.conflict'))
    onClose()
  }
  const adding = useFormSubmit(form, addAttendeeInput, (input) => add.mutateAsync(input))
  const editing = useFormSubmit(form, updateAttendanceInput, (input) => update.mutateAsync({ id: attendance!.id, ...input }), { onConflict })
  const result = Form.useWatch('result', form)
  const isQualifying = !!result && QUALIFYING_RESULTS.includes(result)

  const onFinish = async (v: Values) => {
    const common = {
      result: v.result,
      completedOn: isQualifying && v.completedOn ? v.completedOn.format(API_DATE_FORMAT) : null,
      certificateNumber: v.certificateNumber?.trim() ?? '',
    }
    const saved = attendance ? await editing.submit({ ...common, version: attendance.version }) : await adding.submit({ ...common, personId: v.personId })
    if (saved) {
      message.success(attendance ? t('common.saved') : t('training.added', { name: saved.name }))
      onClose()
    }
  }

  return (
    <FormModal
      title={attendance ? t('training.resultTitle', { name: attendance.name }) : t('training.addTitle')}
      okText={attendance ? t('common.save') : t('training.add')}
      form={form}
      initialValues={
        attendance
          ? { result: attendance.result, completedOn: attendance.completedOn ? dayjs(attendance.completedOn) : null, certificateNumber: attendance.certificateNumber }
          : { result: 'passed' }
      }
      onFinish={onFinish}
      onClose={onClose}
      submission={attendance ? editing : adding}
    >
      {!attendance && (
        <Form.Item name="personId" label={t('training.person')} rules={[{ required: true, message: t('form.required') }]} extra={t('training.personHint')}>
          <PersonSelect />
        </Form.Item>
      )}
      <Form.Item name="result" label={t('training.result')} rules={[{ required: true, message: t('form.required') }]}>
        <Select options={ATTENDANCE_RESULTS.map((r) => ({ value: r, label: label(ATTENDANCE_RESULT_LABELS[r]) }))} />
      </Form.Item>
      {isQualifying && (
        <Form.Item name="completedOn" label={t('training.completedOn')} extra={t('training.completedOnHint')}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Form.Item name="certificateNumber" label={t('training.certificateNumber')}>
        <Input maxLength={100} />
      </Form.Item>
    </FormModal>
  )
}
