import { App, Col, DatePicker, Form, Input, Row, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import { useEffect, useState } from 'react'
import { useNavigate } from 'react-router'
import { createPeriodInput, PERIOD_KIND_LABELS, PERIOD_KINDS } from '../../../contract/reports.ts'
import { newIdempotencyKey } from '../../api/client.ts'
import { API_DATE_FORMAT, DATE_FORMAT } from '../../components/format.ts'
import { FormDrawer } from '../../components/FormDrawer.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useLabelOptions } from '../../components/LabelTag.tsx'
import { useLang, useT } from '../../i18n/useT.ts'
import { UnitTreeSelect } from '../units/UnitTreeSelect.tsx'
import { useUnitIndex } from '../units/api.ts'
import { useCreatePeriod, useIssuedDirectives, type PeriodKind } from './api.ts'

interface Values {
  title?: string
  kind: PeriodKind
  scopeUnitId?: number
  periodFrom?: Dayjs | null
  periodTo?: Dayjs | null
  deadline?: Dayjs | null
  directiveIds: number[]
  remindBefore: (number | string)[]
  remindAfter: (number | string)[]
}

const f = createPeriodInput.shape
const toDays = (list: (number | string)[] | undefined) => [...new Set((list ?? []).map(Number).filter((n) => Number.isFinite(n)))].sort((a, b) => a - b)
const DAY_OPTIONS = [0, 1, 2, 3, 5, 7, 10, 14, 30].map((d) => ({ value: d, label: String(d) }))

/** The board opens a report period: what, for which units, by when, on which directives, and when to remind. */
export function OpenPeriodDrawer({ onClose }: { onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const kindOptions = useLabelOptions(PERIOD_KINDS, PERIOD_KIND_LABELS)
  const navigate = useNavigate()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const create = useCreatePeriod()
  const directives = useIssuedDirectives()
  const { items: units } = useUnitIndex()
  // One key per form: pressing "Open" again after a lost answer gets the same period back.
  const [idempotencyKey] = useState(newIdempotencyKey)
  const submission = useFormSubmit(form, createPeriodInput, (input) => create.mutateAsync({ input, idempotencyKey }))

  const onFinish = async (v: Values) => {
    const day = (d: Dayjs | null | undefined) => (d ? d.format(API_DATE_FORMAT) : undefined)
    const period = await submission.submit({
      title: v.title?.trim(),
      kind: v.kind,
      scopeUnitId: v.scopeUnitId,
      periodFrom: day(v.periodFrom) ?? null,
      periodTo: day(v.periodTo) ?? null,
      deadline: day(v.deadline),
      directiveIds: v.directiveIds ?? [],
      remindBefore: toDays(v.remindBefore),
      remindAfter: toDays(v.remindAfter),
    })
    if (period) {
      message.success(t('reports.opened', { title: period.title }))
      onClose()
      navigate(`/reports/${period.id}`)
    }
  }

  // An ad hoc report on one directive is usually titled after it: suggest that while the title is empty.
  const suggestTitle = (ids: number[]) => {
    if (form.getFieldValue('title')?.trim() || ids.length !== 1) return
    const d = directives.data?.items.find((x) => x.id === ids[0])
    if (d) form.setFieldValue('title', t('reports.titleSuggestion', { number: d.number ?? d.subject }))
  }

  // The whole tree the board can see is the usual scope; the unit list may arrive after the form.
  const root = units.find((u) => !units.some((p) => p.id === u.parentId))
  useEffect(() => {
    if (root && !form.getFieldValue('scopeUnitId')) form.setFieldValue('scopeUnitId', root.id)
  }, [root, form])
  return (
    <FormDrawer
      title={t('reports.openPeriodTitle')}
      width={620}
      form={form}
      initialValues={{ kind: 'adhoc', directiveIds: [], remindBefore: [7, 1], remindAfter: [1, 3, 7] }}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
      submitLabel={t('reports.openPeriodSubmit')}
      submitTestId="open-period-submit"
    >
      <Form.Item name="directiveIds" label={t('reports.period.directives')} extra={t('reports.period.directivesHint')}>
        <Select
          mode="multiple"
          loading={directives.isPending}
          options={(directives.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.number ?? '—'} · ${d.subject}` }))}
          optionFilterProp="label"
          onChange={suggestTitle}
          placeholder={t('reports.period.pickDirectives')}
        />
      </Form.Item>
      <Form.Item name="title" label={t('reports.period.title')} rules={[zodRule(f.title, lang, { required: true })]}>
        <Input maxLength={500} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={10}>
          <Form.Item name="kind" label={t('reports.period.kind')} rules={[{ required: true, message: t('form.required') }]}>
            <Select options={kindOptions} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item name="scopeUnitId" label={t('reports.period.scope')} extra={t('reports.period.scopeHint')} rules={[{ required: true, message: t('form.required') }]}>
            <UnitTreeSelect />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={12} sm={8}>
          <Form.Item name="periodFrom" label={t('reports.period.from')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="periodTo" label={t('reports.period.to')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="deadline" label={t('reports.period.deadline')} rules={[{ required: true, message: t('form.required') }]}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="period-deadline" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="remindBefore" label={t('reports.period.remindBefore')} extra={t('reports.period.daysHint')}>
            <Select mode="tags" options={DAY_OPTIONS} tokenSeparators={[',', ' ']} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="remindAfter" label={t('reports.period.remindAfter')} extra={t('reports.period.daysHint')}>
            <Select mode="tags" options={DAY_OPTIONS} tokenSeparators={[',', ' ']} />
          </Form.Item>
        </Col>
      </Row>
    </FormDrawer>
  )
}
