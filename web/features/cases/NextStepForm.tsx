import { Alert, App, Button, Card, DatePicker, Form, Input, Radio, Select } from 'antd'
import dayjs from 'dayjs'
import type { ReactNode } from 'react'
import { caseStepInput, CASE_LABELS, REVIEW_OUTCOMES } from '../../../contract/cases.ts'
import { DATE_FORMAT } from '../../components/format.ts'
import { FormAlert } from '../../components/forms/FormAlert.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useLabelOptions, type Label } from '../../components/LabelTag.tsx'
import type { MessageKey } from '../../i18n/translate.ts'
import { useLang, useT } from '../../i18n/useT.ts'
import { AccountSelect } from './AccountSelect.tsx'
import type { CaseDto, CaseMutations } from './api.ts'
import { useCaseAccounts } from './CaseTimeline.tsx'
import { useStepLabel } from './CaseTags.tsx'
import { disciplineFormsFor, NOTICE_STEPS, stepBody, stepFields, stepFieldSchema, type StepField, type StepValues } from './step-fields.ts'

const isFuture = (d: dayjs.Dayjs) => d.isAfter(dayjs(), 'day')

/**
 * Records the next step, asking for exactly what that step carries (the contract's `caseStepInput`):
 * a team of at least three for a decision to verify, outcome and validity for a conclusion, the
 * subject's deadline for a notification, form, basis and issuing body for a decision, the result of
 * an appeal.
 */
export function NextStepForm({ c, mutations }: { c: CaseDto; mutations: CaseMutations }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const stepLabel = useStepLabel()
  const [form] = Form.useForm<StepValues & { step: string }>()
  const step = Form.useWatch('step', form) ?? c.nextSteps[0]
  const accounts = useCaseAccounts(c)
  const outcomeOptions = useLabelOptions(REVIEW_OUTCOMES, CASE_LABELS.outcome)
  const formOptions = useLabelOptions(disciplineFormsFor(c.subjectType), CASE_LABELS.form as Record<string, Label>)
  const submission = useFormSubmit(form, caseStepInput, (input) => mutations.recordStep.mutateAsync(input))
  const fields = stepFields(step)

  const onFinish = async (values: StepValues & { step: string }) => {
    if (await submission.submit(stepBody(step, values))) {
      // The page then shows the following step's form afresh (keyed by the case's step).
      message.success(t('cases.stepRecorded', { step: stepLabel(step) }))
    }
  }
  const rule = (field: StepField) => {
    const schema = stepFieldSchema(step, field)
    return schema ? [zodRule(schema, lang, { required: field !== 'note' })] : []
  }
  const day = (field: StepField, isPastOnly = false) => (
    <Form.Item key={field} name={field} label={t(`cases.field.${field}` as MessageKey)} rules={[{ required: true, message: t('form.required') }]}>
      <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={isPastOnly ? isFuture : undefined} />
    </Form.Item>
  )
  const item = (field: StepField, input: ReactNode, extra?: ReactNode) => (
    <Form.Item key={field} name={field} label={t(`cases.field.${field}` as MessageKey)} rules={rule(field)} extra={extra}>
      {input}
    </Form.Item>
  )
  const inputs: Record<StepField, () => ReactNode> = {
    doneOn: () => day('doneOn', true),
    teamAccountIds: () => item('teamAccountIds', <AccountSelect isMultiple known={accounts} data-testid="team-select" />, t('cases.teamHint')),
    outcome: () => item('outcome', <Select options={outcomeOptions} />),
    validUntil: () => day('validUntil'),
    dueDate: () => day('dueDate'),
    form: () => item('form', <Select options={formOptions} />),
    basis: () => item('basis', <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />),
    issuingBody: () => item('issuingBody', <Input maxLength={300} />),
    result: () => item('result', <Radio.Group options={(['upheld', 'overturned'] as const).map((r) => ({ value: r, label: t(`cases.appeal.${r}`) }))} />),
    note: () =>
      item(
        'note',
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20_000} />,
        NOTICE_STEPS.includes(step) ? t('cases.noticeNote') : t('cases.noteWarningShort'),
      ),
  }

  return (
    <Card size="small" title={t('cases.nextStep')} data-testid="next-step">
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ step: c.nextSteps[0], doneOn: dayjs() }}>
        <FormAlert error={submission.error} />
        <Form.Item name="step" label={t('cases.nextStepPick')}>
          {c.nextSteps.length > 1 ? (
            <Radio.Group options={c.nextSteps.map((s) => ({ value: s, label: stepLabel(s) }))} />
          ) : (
            <Select disabled options={[{ value: c.nextSteps[0], label: stepLabel(c.nextSteps[0]) }]} />
          )}
        </Form.Item>
        {NOTICE_STEPS.includes(step) && c.subject.personId === null && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('cases.noticeOnPaper')} />
        )}
        {fields.map((f) => inputs[f]())}
        {/* Not a submit button: Enter in a date field must not record a step, which cannot be undone. */}
        <Button type="primary" onClick={() => form.submit()} loading={submission.isSubmitting} data-testid="record-step">
          {t('cases.recordStep')}
        </Button>
      </Form>
    </Card>
  )
}
