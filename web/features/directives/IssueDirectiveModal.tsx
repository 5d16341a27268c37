import { App, Checkbox, Col, Form, InputNumber, Row, Typography } from 'antd'
import { ADDRESSEE_KINDS_ALL, issueDirectiveInput, type DirectiveDto } from '../../../contract/directives.ts'
import { UNIT_KIND_LABELS } from '../../../contract/units.ts'
import { FormModal } from '../../components/FormModal.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useLabel, useLang, useT } from '../../i18n/useT.ts'
import { useIssueDirective } from './api.ts'
import { UnitTreeMultiSelect } from './UnitTreeMultiSelect.tsx'

interface Values {
  isAllUnits: boolean
  unitIds: number[]
  acknowledgeWithinDays: number
  planWithinDays: number
}

const f = issueDirectiveInput.shape
/** "Kính gửi: Các đơn vị thuộc và trực thuộc Bộ …" */
const ALL_UNITS_ADDRESSEE = /thuộc và trực thuộc|trực thuộc bộ|units of the ministry/i

/** Issues a draft: to all units of the Ministry (by kind) and/or to units picked from the tree. */
export function IssueDirectiveModal({ directive, onClose }: { directive: DirectiveDto; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const label = useLabel()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const issue = useIssueDirective()
  const isAllUnits = Form.useWatch('isAllUnits', form)
  const submission = useFormSubmit(form, issueDirectiveInput, (input) => issue.mutateAsync({ id: directive.id, ...input }), {
    onConflict: () => message.warning(t('directives.conflict')),
  })

  const onFinish = async (v: Values) => {
    const saved = await submission.submit({
      version: directive.version,
      unitIds: v.unitIds ?? [],
      unitKinds: v.isAllUnits ? [...ADDRESSEE_KINDS_ALL] : [],
      acknowledgeWithinDays: v.acknowledgeWithinDays,
      planWithinDays: v.planWithinDays,
    })
    if (saved) {
      message.success(t('directives.issued', { count: saved.addresseeCount }))
      onClose()
    }
  }

  const kinds = ADDRESSEE_KINDS_ALL.map((k) => label(UNIT_KIND_LABELS[k])).join('; ')
  return (
    <FormModal
      title={t('directives.issueTitle', { number: directive.number ?? directive.subject })}
      okText={t('directives.issue')}
      width={640}
      form={form}
      initialValues={{ isAllUnits: directive.addressees.some((a) => ALL_UNITS_ADDRESSEE.test(a)), unitIds: [], acknowledgeWithinDays: 7, planWithinDays: 30 }}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
    >
      {directive.addressees.length > 0 && (
        <Typography.Paragraph type="secondary">
          {t('directives.addresseesInLetter')}: {directive.addressees.join('; ')}
        </Typography.Paragraph>
      )}
      <Form.Item name="isAllUnits" valuePropName="checked" extra={t('directives.allUnitsHint', { kinds })}>
        <Checkbox>{t('directives.allUnits')}</Checkbox>
      </Form.Item>
      <Form.Item name="unitIds" label={isAllUnits ? t('directives.moreUnits') : t('directives.units')}>
        <UnitTreeMultiSelect />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="acknowledgeWithinDays" label={t('directives.ackWithin')} rules={[zodRule(f.acknowledgeWithinDays, lang, { required: true })]}>
            <InputNumber min={1} max={365} suffix={t('directives.days')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="planWithinDays" label={t('directives.planWithin')} rules={[zodRule(f.planWithinDays, lang, { required: true })]}>
            <InputNumber min={1} max={730} suffix={t('directives.days')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  )
}
