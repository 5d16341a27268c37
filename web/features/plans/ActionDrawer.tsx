import { Alert, App, DatePicker, Form, Input, Select, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useRef, useState } from 'react'
import { ACTION_STATUS_LABELS, createActionInput, isAfterRequirementDeadline, updateActionInput, type ActionDto, type ActionStatus } from '../../../contract/plans.ts'
import type { ApiError } from '../../api/client.ts'
import { API_DATE_FORMAT, DATE_FORMAT, formatDate } from '../../components/format.ts'
import { FormDrawer } from '../../components/FormDrawer.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useLabel, useLang, useT } from '../../i18n/useT.ts'
import type { PlanMutations } from './api.ts'
import { OwnerSelect } from './OwnerSelect.tsx'
import { useActionStatusOptions } from './StatusTags.tsx'

interface Values {
  title?: string
  ownerPersonId?: number | null
  dueDate?: Dayjs | null
  status: ActionStatus
  completedOn?: Dayjs | null
  note?: string
}

interface Props {
  unitId: number
  requirement: { id: number; label: string; text: string; deadline?: string | null }
  /** Absent: a new action under `requirement`. */
  action?: ActionDto
  /** Title, owner and due date can change only while the plan is a draft or returned. */
  isStructureOpen: boolean
  mutations: PlanMutations
  onClose: () => void
}

const f = createActionInput.shape
const toDay = (iso: string | null | undefined) => (iso ? dayjs(iso) : null)
const toIso = (d: Dayjs | null | undefined) => (d ? d.format(API_DATE_FORMAT) : null)

/** What someone else saved meanwhile (409 CONFLICT's `current`: the action as stored), to show before overwriting it. */
type Current = Partial<Pick<ActionDto, 'title' | 'status' | 'dueDate' | 'completedOn' | 'note'>> & Pick<ActionDto, 'version'>

/**
 * Adds an action, or edits one: the whole action while the plan is open, otherwise only its
 * progress (status, completion date, note), which can always be recorded.
 */
export function ActionDrawer({ unitId, requirement, action, isStructureOpen, mutations, onClose }: Props) {
  const t = useT()
  const lang = useLang()
  const label = useLabel()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const statusOptions = useActionStatusOptions()
  const status = Form.useWatch('status', form)
  const dueDate = Form.useWatch('dueDate', form)
  // A warning while choosing the date, never a refusal: the server saves it and flags the action.
  const lateForRequirement = !!dueDate && isAfterRequirementDeadline(dueDate.format(API_DATE_FORMAT), requirement.deadline)
  const version = useRef(action?.version ?? 0)
  const [current, setCurrent] = useState<Current | null>(null)

  const onConflict = (e: ApiError) => {
    const c = e.details.current as Current | undefined
    if (c?.version) {
      version.current = c.version
      setCurrent(c)
    }
  }
  const creating = useFormSubmit(form, createActionInput, (input) => mutations.addAction.mutateAsync(input))
  const updating = useFormSubmit(form, updateActionInput, (input) => mutations.updateAction.mutateAsync({ id: action!.id, ...input }), { onConflict })
  const submission = action ? updating : creating

  const onFinish = async (v: Values) => {
    const progress = { status: v.status, completedOn: v.status === 'done' ? toIso(v.completedOn) : null, note: v.note ?? '' }
    const structure = { title: v.title?.trim(), ownerPersonId: v.ownerPersonId ?? null, dueDate: toIso(v.dueDate) ?? undefined }
    if (!action) {
      if (await creating.submit({ requirementId: requirement.id, ...structure, ...progress })) {
        message.success(t('plans.actionAdded'))
        onClose()
      }
      return
    }
    const saved = await updating.submit({ version: version.current, ...(isStructureOpen ? structure : {}), ...progress })
    if (saved) {
      message.success(t('common.saved'))
      onClose()
    }
  }

  return (
    <FormDrawer
      title={action ? t(isStructureOpen ? 'plans.editAction' : 'plans.updateProgress') : t('plans.addActionTo', { label: requirement.label })}
      width={520}
      form={form}
      initialValues={{
        title: action?.title ?? '',
        ownerPersonId: action?.ownerPersonId ?? null,
        dueDate: toDay(action?.dueDate),
        status: action?.status ?? 'notStarted',
        completedOn: toDay(action?.completedOn),
        note: action?.note ?? '',
      }}
      onFinish={onFinish}
      onClose={onClose}
      // The conflict alert says it all; the error's text would only repeat it.
      submission={{ error: current ? null : submission.error, isSubmitting: submission.isSubmitting }}
      submitLabel={action ? t('common.save') : t('plans.addAction')}
      submitTestId="action-save"
      intro={
        <>
          <Alert type="info" title={`${requirement.label} ${requirement.text}`} style={{ marginBottom: 16 }} className="bvct-req-context" />
          {current && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('plans.actionConflict')}
              description={
                <>
                  {t('plans.actionConflictNow', {
                    title: current.title ?? '',
                    status: current.status ? label(ACTION_STATUS_LABELS[current.status]) : '',
                    due: formatDate(current.dueDate),
                  })}
                  {current.note && <div>{t('plans.note')}: {current.note}</div>}
                </>
              }
            />
          )}
          {!isStructureOpen && action && <Alert type="info" showIcon title={t('plans.structureLocked')} style={{ marginBottom: 16 }} />}
        </>
      }
    >
      <Form.Item name="title" label={t('plans.actionTitle')} rules={[zodRule(f.title, lang, { required: true })]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} disabled={!isStructureOpen} />
      </Form.Item>
      <Form.Item name="ownerPersonId" label={t('plans.owner')}>
        <OwnerSelect unitId={unitId} currentName={action?.ownerName} disabled={!isStructureOpen} />
      </Form.Item>
      <Form.Item
        name="dueDate"
        label={t('plans.dueDate')}
        rules={[{ required: true, message: t('form.required') }]}
        extra={
          lateForRequirement ? (
            <Typography.Text type="warning" data-testid="due-after-requirement-deadline">{t('plans.afterRequirementDeadline', { date: formatDate(requirement.deadline) })}</Typography.Text>
          ) : requirement.deadline ? (
            t('plans.requirementDeadline', { date: formatDate(requirement.deadline) })
          ) : undefined
        }
      >
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabled={!isStructureOpen} />
      </Form.Item>
      <Form.Item name="status" label={t('plans.actionStatus')}>
        <Select options={statusOptions} />
      </Form.Item>
      {status === 'done' && (
        <Form.Item name="completedOn" label={t('plans.completedOn')} rules={[{ required: true, message: t('plans.completedOnRequired') }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('plans.note')} rules={[zodRule(f.note, lang)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
      </Form.Item>
    </FormDrawer>
  )
}
