import { App, Button, Card, Form, Input, Select, Tag, Typography } from 'antd'
import { useState } from 'react'
import { FINDING_KINDS, findingInput, INSPECTION_LABELS } from '../../../contract/inspections.ts'
import { newIdempotencyKey } from '../../api/client.ts'
import { FormModal } from '../../components/FormModal.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { PlusIcon } from '../../components/icons.tsx'
import { useLabelOptions } from '../../components/LabelTag.tsx'
import { useT } from '../../i18n/useT.ts'
import { useRequirementOptions, type FindingDto, type InspectionDto, type InspectionMutations } from './api.ts'
import { FileLinks, useFilePicker } from './files.tsx'
import { FindingKindTag } from './Tags.tsx'

function FindingModal({ i, mutations, onClose }: { i: InspectionDto; mutations: InspectionMutations; onClose: () => void }) {
  const t = useT()
  const { message } = App.useApp()
  type V = { unitId?: number; kind?: FindingDto['kind']; requirementId?: number; text?: string }
  const [form] = Form.useForm<V>()
  const [key] = useState(newIdempotencyKey)
  const kinds = useLabelOptions(FINDING_KINDS, INSPECTION_LABELS.findingKind)
  const requirements = useRequirementOptions(i.directiveIds)
  const evidence = useFilePicker(mutations)
  const submission = useFormSubmit(form, findingInput, (input) => mutations.finding.mutateAsync({ input, key }))
  return (
    <FormModal
      title={t('inspections.finding.new')}
      okText={t('common.save')}
      width={640}
      form={form}
      initialValues={{ unitId: i.units.length === 1 ? i.units[0].id : undefined, kind: 'shortcoming' }}
      onClose={onClose}
      submission={submission}
      intro={<Typography.Paragraph type="secondary">{t('inspections.finding.hint')}</Typography.Paragraph>}
      onFinish={async (v: V) => {
        if (await submission.submit({ unitId: v.unitId, kind: v.kind, requirementId: v.requirementId ?? null, text: v.text?.trim(), evidenceFileIds: evidence.fileIds })) {
          message.success(t('inspections.finding.saved'))
          onClose()
        }
      }}
    >
      <Form.Item name="unitId" label={t('inspections.unit')} rules={[{ required: true, message: t('form.required') }]}>
        <Select options={i.units.map((u) => ({ value: u.id, label: u.name }))} />
      </Form.Item>
      <Form.Item name="kind" label={t('inspections.finding.kind')} rules={[{ required: true, message: t('form.required') }]}>
        <Select options={kinds} />
      </Form.Item>
      <Form.Item name="requirementId" label={t('inspections.finding.requirement')}>
        <Select allowClear options={requirements} optionFilterProp="label" placeholder={t('inspections.finding.noRequirement')} />
      </Form.Item>
      <Form.Item name="text" label={t('inspections.finding.text')} rules={[{ required: true, message: t('form.required') }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20000} data-testid="finding-text" />
      </Form.Item>
      <Form.Item label={t('inspections.finding.evidence')}>{evidence.picker}</Form.Item>
    </FormModal>
  )
}

/** Findings per unit: strengths, shortcomings and violations, with the requirement they concern. */
export function FindingsCard({ i, mutations }: { i: InspectionDto; mutations: InspectionMutations }) {
  const t = useT()
  const { modal, message } = App.useApp()
  const [isAdding, setIsAdding] = useState(false)
  const isTeam = i.access.isOnTeam || i.access.canManage
  const isOpen = i.phase !== 'concluded'
  const units = i.units.filter((u) => i.findings.some((f) => f.unitId === u.id))
  const withdraw = (f: FindingDto) =>
    modal.confirm({
      title: t('inspections.finding.withdrawConfirm'),
      okText: t('inspections.finding.withdraw'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => mutations.deleteFinding.mutateAsync({ findingId: f.id, version: f.version }).catch((e: Error) => message.error(e.message)),
    })
  return (
    <Card
      size="small"
      title={t('inspections.finding.title', { count: i.findings.length })}
      data-testid="findings"
      extra={isTeam && isOpen && <Button size="small" icon={<PlusIcon />} onClick={() => setIsAdding(true)} data-testid="new-finding">{t('inspections.finding.new')}</Button>}
    >
      {i.findings.length === 0 && <Typography.Text type="secondary">{t('inspections.finding.none')}</Typography.Text>}
      {units.map((u) => (
        <div key={u.id} style={{ marginBottom: 8 }}>
          <Typography.Text strong>{u.name}</Typography.Text>
          {i.findings.filter((f) => f.unitId === u.id).map((f) => (
            <div key={f.id} className="bvct-action" data-testid="finding">
              <div className="bvct-action-main">
                <div className="bvct-action-tags" style={{ marginTop: 0 }}>
                  <FindingKindTag kind={f.kind} />
                  {f.requirementLabel && <Tag style={{ marginInlineEnd: 0 }}>{t('inspections.finding.reqTag', { label: f.requirementLabel })}</Tag>}
                  {f.kind !== 'strength' && (f.isOpen ? <Tag color="warning" style={{ marginInlineEnd: 0 }}>{t('inspections.finding.open')}</Tag> : <Tag color="success" style={{ marginInlineEnd: 0 }}>{t('inspections.finding.resolved')}</Tag>)}
                  {f.hasConfidentialCase && <Tag color="purple" style={{ marginInlineEnd: 0 }}>{t('inspections.finding.case')}</Tag>}
                </div>
                <div className="bvct-prose" style={{ marginTop: 4 }}>{f.text}</div>
                <FileLinks files={f.evidence} />
              </div>
              {isTeam && isOpen && (
                <div className="bvct-action-buttons">
                  <Button size="small" danger onClick={() => withdraw(f)}>{t('inspections.finding.withdraw')}</Button>
                </div>
              )}
            </div>
          ))}
        </div>
      ))}
      {isAdding && <FindingModal i={i} mutations={mutations} onClose={() => setIsAdding(false)} />}
    </Card>
  )
}
