import { App, Button, DatePicker, Form, Input, InputNumber, Select, TreeSelect, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { assignChecklistInput, CHECKLIST_AREAS, CHECKLIST_LABELS, checklistTemplateInput } from '../../../contract/checklists.ts'
import { newIdempotencyKey } from '../../api/client.ts'
import { API_DATE_FORMAT, DATE_FORMAT } from '../../components/format.ts'
import { FormDrawer } from '../../components/FormDrawer.tsx'
import { FormModal } from '../../components/FormModal.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { PlusIcon, TrashIcon } from '../../components/icons.tsx'
import { useLabelOptions } from '../../components/LabelTag.tsx'
import { useLang, useT } from '../../i18n/useT.ts'
import type { RequirementDto } from '../../../contract/directives.ts'
import { useDirective } from '../directives/api.ts'
import { UnitTreeMultiSelect } from '../directives/UnitTreeMultiSelect.tsx'
import { useIssuedDirectives } from '../reports/api.ts'
import { useAssignTemplate, useCreateTemplate, type TemplateRow } from './api.ts'

type Area = (typeof CHECKLIST_AREAS)[number]
interface TemplateValues {
  title?: string
  description?: string
  /** Only to pick requirements from; not sent. */
  directiveId?: number
  items?: { area?: Area; text?: string; requirementId?: number }[]
}

interface RequirementOption {
  value: number
  title: string
  children: RequirementOption[]
}
const requirementOptions = (nodes: RequirementDto[]): RequirementOption[] =>
  nodes.map((r) => ({ value: r.id, title: `${r.label} ${r.text}`, children: requirementOptions(r.children) }))

const itemShape = checklistTemplateInput.shape.items.element.shape

/** The board writes a checklist: its name, guidance, and the requirements a unit answers yes / no / not applicable. */
export function CreateTemplateDrawer({ onClose }: { onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const areaOptions = useLabelOptions(CHECKLIST_AREAS, CHECKLIST_LABELS.area)
  const [form] = Form.useForm<TemplateValues>()
  const create = useCreateTemplate()
  const directives = useIssuedDirectives()
  const directiveId = Form.useWatch('directiveId', form)
  const directive = useDirective(directiveId)
  const requirements = requirementOptions(directive.data?.requirements ?? [])
  // One key per form: pressing "Create" again after a lost answer gets the same template back.
  const [key] = useState(newIdempotencyKey)
  const submission = useFormSubmit(form, checklistTemplateInput, (input) => create.mutateAsync({ ...input, key }))
  const onFinish = async (v: TemplateValues) => {
    const saved = await submission.submit({
      title: v.title ?? '',
      description: v.description?.trim() ?? '',
      items: (v.items ?? []).map((i) => ({ area: i.area, text: i.text ?? '', requirementId: i.area === 'directive' ? i.requirementId ?? null : null })),
    })
    if (saved) {
      message.success(t('checklists.templateCreated'))
      onClose()
    }
  }
  return (
    <FormDrawer
      title={t('checklists.createTemplate')}
      width={640}
      form={form}
      initialValues={{ items: [{ area: 'documents', text: '' }] }}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
      submitLabel={t('checklists.createTemplate')}
      submitTestId="template-submit"
    >
      <Form.Item name="title" label={t('checklists.templateTitle')} rules={[zodRule(checklistTemplateInput.shape.title, lang, { required: true })]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="description" label={t('checklists.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
      </Form.Item>
      <Form.Item name="directiveId" label={t('checklists.directive')} extra={t('checklists.directiveHint')}>
        <Select<number>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={directives.isPending}
          options={(directives.data?.items ?? []).map((d) => ({ value: d.id, label: d.number ? `${d.number} · ${d.subject}` : d.subject }))}
        />
      </Form.Item>
      <Typography.Text strong>{t('checklists.items')}</Typography.Text>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <div style={{ display: 'grid', gap: 8, marginTop: 8 }}>
            {fields.map((field, n) => (
              <div key={field.key} style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', gap: 8, alignItems: 'start' }} data-testid="template-item">
                <div style={{ display: 'grid', gap: 0 }}>
                  <Form.Item name={[field.name, 'area']} label={`${n + 1}. ${t('checklists.area')}`} rules={[{ required: true, message: t('form.required') }]} style={{ marginBottom: 8 }}>
                    <Select<Area> options={areaOptions} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'text']} label={t('checklists.itemText')} rules={[zodRule(itemShape.text, lang, { required: true })]}>
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate={(a: TemplateValues, b: TemplateValues) => a.items?.[n]?.area !== b.items?.[n]?.area}>
                    {() =>
                      form.getFieldValue(['items', field.name, 'area']) === 'directive' && (
                        <Form.Item name={[field.name, 'requirementId']} label={t('checklists.requirement')} extra={directiveId ? undefined : t('checklists.pickDirectiveFirst')}>
                          <TreeSelect<number>
                            allowClear
                            disabled={!directiveId}
                            treeData={requirements}
                            treeDefaultExpandAll
                            popupMatchSelectWidth={false}
                            styles={{ popup: { root: { maxWidth: 'min(600px, 95vw)' } } }}
                          />
                        </Form.Item>
                      )
                    }
                  </Form.Item>
                </div>
                <Button type="text" danger icon={<TrashIcon />} aria-label={t('common.remove')} onClick={() => remove(field.name)} disabled={fields.length === 1} style={{ marginTop: 30 }} />
              </div>
            ))}
            <Button type="dashed" icon={<PlusIcon />} onClick={() => add({ area: 'documents', text: '' })} data-testid="add-item">{t('checklists.addItem')}</Button>
          </div>
        )}
      </Form.List>
    </FormDrawer>
  )
}

interface AssignValues {
  unitIds?: number[]
  dueDate?: Dayjs
  title?: string
  correctWithinDays?: number
}

/** The board assigns a template to units with a due date; each unit's head and officer are told. */
export function AssignModal({ template, onClose }: { template: Pick<TemplateRow, 'id' | 'title'>; onClose: () => void }) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<AssignValues>()
  const assign = useAssignTemplate()
  const [key] = useState(newIdempotencyKey)
  const submission = useFormSubmit(form, assignChecklistInput, (input) => assign.mutateAsync({ ...input, templateId: template.id, key }))
  const onFinish = async (v: AssignValues) => {
    const done = await submission.submit({
      unitIds: v.unitIds ?? [],
      dueDate: v.dueDate?.format(API_DATE_FORMAT),
      title: v.title?.trim() || undefined,
      correctWithinDays: v.correctWithinDays ?? 30,
    })
    if (done) {
      message.success(t('checklists.assigned', { n: done.items.length }))
      onClose()
    }
  }
  return (
    <FormModal
      title={t('checklists.assignTitle', { title: template.title })}
      okText={t('checklists.assign')}
      form={form}
      initialValues={{ correctWithinDays: 30 }}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
      width={560}
    >
      <Form.Item name="unitIds" label={t('checklists.units')} rules={[{ required: true, message: t('form.required') }]}>
        <UnitTreeMultiSelect />
      </Form.Item>
      <Form.Item name="dueDate" label={t('checklists.due')} rules={[{ required: true, message: t('form.required') }]}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="title" label={t('checklists.roundTitle')}>
        <Input maxLength={500} placeholder={template.title} />
      </Form.Item>
      <Form.Item name="correctWithinDays" label={t('checklists.correctWithinDays')} rules={[{ required: true, message: t('form.required') }]}>
        <InputNumber min={1} max={365} style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  )
}
