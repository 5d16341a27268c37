import { Alert, App, DatePicker, Form, Input, Radio, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useNavigate } from 'react-router'
import { CASE_KINDS, CASE_LABELS, createCaseInput, REVIEW_PURPOSES, SUBJECT_TYPES, VIOLATION_SOURCES, type CaseKind } from '../../../contract/cases.ts'
import { API_DATE_FORMAT, DATE_FORMAT } from '../../components/format.ts'
import { FormDrawer } from '../../components/FormDrawer.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useLabelOptions } from '../../components/LabelTag.tsx'
import { useLang, useT } from '../../i18n/useT.ts'
import { PersonSelect } from '../people/PersonSelect.tsx'
import { UnitTreeSelect } from '../units/UnitTreeSelect.tsx'
import { useOpenCase } from './api.ts'
import { NoteWarning } from './NoteWarning.tsx'

type SubjectType = (typeof SUBJECT_TYPES)[number]

interface Values {
  kind: CaseKind
  subjectType: SubjectType
  /** A person picked from the register, or a name typed for someone outside BVCT (or an organization). */
  subjectMode: 'person' | 'name'
  subjectPersonId?: number | null
  subjectName?: string
  purpose?: string
  requestingUnitId?: number
  deadline?: Dayjs | null
  note?: string
}

const f = createCaseInput.shape

/** The board opens a case: kind, subject, purpose (or source), requesting unit, deadline, notes. */
export function OpenCaseDrawer({ onClose }: { onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const [form] = Form.useForm<Values>()
  const openCase = useOpenCase()
  const submission = useFormSubmit(form, createCaseInput, (input) => openCase.mutateAsync(input))
  const kind = Form.useWatch('kind', form) ?? 'standards_review'
  const subjectType = Form.useWatch('subjectType', form) ?? 'person'
  const subjectMode = Form.useWatch('subjectMode', form) ?? 'person'
  const kindOptions = useLabelOptions(CASE_KINDS, CASE_LABELS.kind)
  const purposeOptions = useLabelOptions<string>(kind === 'violation' ? VIOLATION_SOURCES : REVIEW_PURPOSES, CASE_LABELS.purpose)
  const isViolation = kind === 'violation'
  // An organization is never in the staff register: its name is typed.
  const isTyped = (isViolation && subjectType === 'organization') || subjectMode === 'name'

  const onFinish = async (v: Values) => {
    const saved = await submission.submit({
      kind: v.kind,
      subjectType: isViolation ? v.subjectType : 'person',
      ...(isTyped ? { subjectName: v.subjectName?.trim() } : { subjectPersonId: v.subjectPersonId ?? undefined }),
      purpose: v.purpose,
      requestingUnitId: v.requestingUnitId,
      deadline: v.deadline ? v.deadline.format(API_DATE_FORMAT) : undefined,
      note: v.note ?? '',
    })
    if (saved) {
      message.success(t('cases.opened', { number: saved.number }))
      onClose()
      navigate(`/cases/${saved.id}`)
    }
  }

  return (
    <FormDrawer<Values>
      title={t('cases.openTitle')}
      width={560}
      form={form}
      initialValues={{ kind: 'standards_review', subjectType: 'person', subjectMode: 'person', note: '' }}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
      submitLabel={t('cases.open')}
      submitTestId="open-case-submit"
      intro={<Alert type="info" showIcon title={t('cases.sealedHint')} style={{ marginBottom: 16 }} />}
    >
      <Form.Item name="kind" label={t('cases.kind')}>
        <Radio.Group options={kindOptions} optionType="button" onChange={() => form.setFieldValue('purpose', undefined)} />
      </Form.Item>
      {isViolation && (
        <Form.Item name="subjectType" label={t('cases.subjectType')}>
          <Radio.Group options={SUBJECT_TYPES.map((s) => ({ value: s, label: t(`cases.subjectType.${s}`) }))} />
        </Form.Item>
      )}
      {!(isViolation && subjectType === 'organization') && (
        <Form.Item name="subjectMode" label={t('cases.subject')} style={{ marginBottom: 8 }}>
          <Radio.Group options={[{ value: 'person', label: t('cases.subjectMode.person') }, { value: 'name', label: t('cases.subjectMode.name') }]} />
        </Form.Item>
      )}
      {isTyped ? (
        <Form.Item name="subjectName" label={t('cases.subjectName')} rules={[zodRule(f.subjectName.unwrap(), lang, { required: true })]}>
          <Input maxLength={300} />
        </Form.Item>
      ) : (
        <Form.Item name="subjectPersonId" label={t('cases.subjectPerson')} rules={[{ required: true, message: t('form.required') }]}>
          <PersonSelect />
        </Form.Item>
      )}
      <Form.Item name="purpose" label={t(isViolation ? 'cases.source' : 'cases.purpose')} rules={[{ required: true, message: t('form.required') }]}>
        <Select options={purposeOptions} />
      </Form.Item>
      <Form.Item name="requestingUnitId" label={t('cases.requestingUnit')}>
        <UnitTreeSelect allowClear />
      </Form.Item>
      <Form.Item name="deadline" label={t('cases.deadline')}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item label={t('cases.note')} required={false}>
        <NoteWarning />
        <Form.Item name="note" noStyle rules={[zodRule(f.note, lang)]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={20_000} aria-label={t('cases.note')} />
        </Form.Item>
      </Form.Item>
    </FormDrawer>
  )
}
