import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, Row, Select, Space, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { CONCLUSION_ISSUE_ROLES, conclusionInput, issueConclusionInput } from '../../../contract/inspections.ts'
import { downloadFile } from '../../api/client.ts'
import { API_DATE_FORMAT, DATE_FORMAT, formatDate } from '../../components/format.ts'
import { FormModal } from '../../components/FormModal.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { DownloadIcon, PlusIcon, TrashIcon } from '../../components/icons.tsx'
import { useT } from '../../i18n/useT.ts'
import { hasAnyRole } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { conclusionDocxPath, type ConclusionDto, type InspectionDto, type InspectionMutations } from './api.ts'
import { toLines } from './form-values.ts'

type MustCorrect = { unitId?: number; findingId?: number | null; title?: string; dueDate?: Dayjs | null }
interface Values {
  header: ConclusionDto['header']
  overview?: string
  strengths?: string
  shortcomings?: string
  causes?: string
  mustCorrect?: MustCorrect[]
  recommendations?: string
  distribution?: string
  signature: ConclusionDto['signature']
}

/** The team's draft of the notice: what it writes; decision, team and units come from the inspection. */
function DraftForm({ i, c, mutations }: { i: InspectionDto; c: ConclusionDto; mutations: InspectionMutations }) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const submission = useFormSubmit(form, conclusionInput, (input) => mutations.saveConclusion.mutateAsync(input), { onConflict: () => void mutations.reload() })
  const findingOptions = i.findings.filter((f) => f.kind !== 'strength').map((f) => ({ value: f.id, label: f.text, unitId: f.unitId }))
  const onFinish = async (v: Values) => {
    const saved = await submission.submit({
      version: c.version,
      header: v.header,
      overview: v.overview?.trim() ?? '',
      strengths: toLines(v.strengths),
      shortcomings: toLines(v.shortcomings),
      causes: v.causes?.trim() ?? '',
      mustCorrect: (v.mustCorrect ?? []).map((m) => ({ unitId: m.unitId, findingId: m.findingId ?? null, title: m.title?.trim(), dueDate: m.dueDate?.format(API_DATE_FORMAT) })),
      recommendations: v.recommendations?.trim() ?? '',
      distribution: toLines(v.distribution),
      signature: v.signature,
    })
    if (saved) message.success(t('inspections.conclusion.saved'))
  }
  const area = (name: keyof Values, label: string, hint?: string, rows = 3) => (
    <Form.Item name={name} label={label} extra={hint}>
      <Input.TextArea autoSize={{ minRows: rows, maxRows: 14 }} data-testid={`conclusion-${name}`} />
    </Form.Item>
  )
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={onFinish}
      initialValues={{
        header: c.header,
        overview: c.overview,
        strengths: c.strengths.join('\n'),
        shortcomings: c.shortcomings.join('\n'),
        causes: c.causes,
        mustCorrect: c.mustCorrect.map((m) => ({ unitId: m.unitId, findingId: m.findingId, title: m.title, dueDate: dayjs(m.dueDate) })),
        recommendations: c.recommendations,
        distribution: c.distribution.join('\n'),
        signature: c.signature,
      }}
    >
      {submission.error && <Alert type="error" showIcon title={submission.error} style={{ marginBottom: 12 }} role="alert" />}
      <Row gutter={12}>
        <Col xs={24} sm={12}><Form.Item name={['header', 'parentBody']} label={t('inspections.conclusion.parentBody')}><Input maxLength={200} /></Form.Item></Col>
        <Col xs={24} sm={12}><Form.Item name={['header', 'issuer']} label={t('inspections.conclusion.issuer')}><Input maxLength={200} /></Form.Item></Col>
        <Col xs={12} sm={12}><Form.Item name={['header', 'symbol']} label={t('inspections.conclusion.symbol')}><Input maxLength={30} /></Form.Item></Col>
        <Col xs={12} sm={12}><Form.Item name={['header', 'place']} label={t('inspections.conclusion.place')}><Input maxLength={100} /></Form.Item></Col>
      </Row>
      {area('overview', t('inspections.conclusion.overview'), undefined, 4)}
      {area('strengths', t('inspections.conclusion.strengths'), t('inspections.onePerLine'))}
      {area('shortcomings', t('inspections.conclusion.shortcomings'), t('inspections.onePerLine'))}
      {area('causes', t('inspections.conclusion.causes'))}
      <Typography.Text strong>{t('inspections.conclusion.mustCorrect')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ margin: '2px 0 8px' }}>{t('inspections.conclusion.mustCorrectHint')}</Typography.Paragraph>
      <Form.List name="mustCorrect">
        {(fields, { add, remove }) => (
          <div className="bvct-stack bvct-stack-tight" style={{ marginBottom: 16 }}>
            {fields.map((field) => (
              <div key={field.key} className="bvct-must-correct" data-testid="must-correct">
                <Row gutter={8}>
                  <Col xs={24} md={8}>
                    <Form.Item name={[field.name, 'unitId']} label={t('inspections.unit')} rules={[{ required: true, message: t('form.required') }]}>
                      <Select options={i.units.map((u) => ({ value: u.id, label: u.name }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={10}>
                    <Form.Item name={[field.name, 'findingId']} label={t('inspections.conclusion.fromFinding')}>
                      <Select allowClear options={findingOptions} optionFilterProp="label" placeholder={t('inspections.conclusion.noFinding')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item name={[field.name, 'dueDate']} label={t('inspections.conclusion.dueDate')} rules={[{ required: true, message: t('form.required') }]}>
                      <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                </Row>
                <Space.Compact style={{ width: '100%' }}>
                  <Form.Item name={[field.name, 'title']} style={{ flex: 1, marginBottom: 0 }} rules={[{ required: true, message: t('form.required') }]}>
                    <Input placeholder={t('inspections.conclusion.whatToCorrect')} maxLength={2000} />
                  </Form.Item>
                  <Button icon={<TrashIcon />} aria-label={t('common.remove')} onClick={() => remove(field.name)} />
                </Space.Compact>
              </div>
            ))}
            <Button icon={<PlusIcon />} onClick={() => add({ unitId: i.units.length === 1 ? i.units[0].id : undefined, dueDate: dayjs().add(60, 'day') })} data-testid="add-must-correct">
              {t('inspections.conclusion.addMustCorrect')}
            </Button>
          </div>
        )}
      </Form.List>
      {area('recommendations', t('inspections.conclusion.recommendations'))}
      {area('distribution', t('inspections.conclusion.distribution'), t('inspections.onePerLine'))}
      <Row gutter={12}>
        <Col xs={24} sm={8}><Form.Item name={['signature', 'authority']} label={t('inspections.conclusion.authority')}><Input maxLength={200} /></Form.Item></Col>
        <Col xs={24} sm={8}><Form.Item name={['signature', 'title']} label={t('inspections.conclusion.signerTitle')}><Input maxLength={200} /></Form.Item></Col>
        <Col xs={24} sm={8}><Form.Item name={['signature', 'name']} label={t('inspections.conclusion.signerName')}><Input maxLength={200} data-testid="signer-name" /></Form.Item></Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={submission.isSubmitting} data-testid="save-conclusion">{t('inspections.conclusion.save')}</Button>
    </Form>
  )
}

function IssueModal({ i, c, mutations, onClose }: { i: InspectionDto; c: ConclusionDto; mutations: InspectionMutations; onClose: () => void }) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ issuedOn?: Dayjs; number?: string }>()
  const submission = useFormSubmit(form, issueConclusionInput, (input) => mutations.issue.mutateAsync(input), { onConflict: () => void mutations.reload() })
  return (
    <FormModal
      title={t('inspections.conclusion.issue')}
      okText={t('inspections.conclusion.issueOk')}
      form={form}
      initialValues={{ issuedOn: dayjs() }}
      onClose={onClose}
      submission={submission}
      intro={<Typography.Paragraph type="secondary">{t('inspections.conclusion.issueHint', { n: c.mustCorrect.length })}</Typography.Paragraph>}
      onFinish={async (v) => {
        const saved = await submission.submit({ version: c.version, issuedOn: v.issuedOn?.format(API_DATE_FORMAT), number: v.number?.trim() || undefined })
        if (saved) {
          message.success(t('inspections.conclusion.issued', { number: saved.conclusion?.number ?? '' }))
          onClose()
        }
      }}
    >
      <Form.Item name="issuedOn" label={t('inspections.conclusion.issuedOn')} rules={[{ required: true, message: t('form.required') }]}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day') || (!!i.phases.closing && d.isBefore(dayjs(i.phases.closing), 'day'))} />
      </Form.Item>
      <Form.Item name="number" label={t('inspections.conclusion.number')} extra={t('inspections.conclusion.numberHint', { symbol: c.header.symbol })}>
        <Input maxLength={60} placeholder={`12-TB/${c.header.symbol}`} />
      </Form.Item>
    </FormModal>
  )
}

/**
 * The form starts again from a new saved version, or, while only suggested, from a suggestion made
 * of other findings (one recorded or withdrawn since).
 */
const draftKey = (i: InspectionDto, c: ConclusionDto) => (c.isSaved ? `saved-${c.version}` : `suggested-${i.findings.map((f) => `${f.id}.${f.version}`).join(',')}`)

/** The conclusion: the draft the team writes, issued by the competent level, downloaded as the notice (.docx). */
export function ConclusionCard({ i, mutations }: { i: InspectionDto; mutations: InspectionMutations }) {
  const t = useT()
  const { message } = App.useApp()
  const { data: me } = useMe()
  const [isIssuing, setIsIssuing] = useState(false)
  const [isDownloading, setIsDownloading] = useState(false)
  const c = i.conclusion
  const isTeam = i.access.isOnTeam || i.access.canManage
  const isIssued = c?.status === 'issued'
  const canIssue = !!c && !isIssued && c.isSaved && i.phase === 'closing' && i.access.seesAll && hasAnyRole(me, CONCLUSION_ISSUE_ROLES)
  const download = () => {
    setIsDownloading(true)
    downloadFile(conclusionDocxPath(i.id), undefined, `thong-bao-ket-luan-${i.number}.docx`)
      .catch((e: Error) => message.error(e.message))
      .finally(() => setIsDownloading(false))
  }
  return (
    <Card
      size="small"
      title={t('inspections.conclusion.title')}
      data-testid="conclusion"
      extra={
        c && (isIssued || i.access.seesAll) && (
          <Space wrap>
            {canIssue && <Button type="primary" size="small" onClick={() => setIsIssuing(true)} data-testid="issue-conclusion">{t('inspections.conclusion.issue')}</Button>}
            <Button size="small" icon={<DownloadIcon />} loading={isDownloading} onClick={download} data-testid="download-notice">
              {isIssued ? t('inspections.conclusion.download') : t('inspections.conclusion.downloadDraft')}
            </Button>
          </Space>
        )
      }
    >
      {!c && <Typography.Text type="secondary">{t('inspections.conclusion.none')}</Typography.Text>}
      {c && isIssued && (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'number', label: t('inspections.conclusion.number'), children: <span data-testid="notice-number">{c.number}</span> },
              { key: 'issuedOn', label: t('inspections.conclusion.issuedOn'), children: formatDate(c.issuedOn) },
            ]}
          />
          {c.overview && <Typography.Paragraph className="bvct-prose">{c.overview}</Typography.Paragraph>}
          {c.mustCorrect.length > 0 && (
            <>
              <Typography.Text strong>{t('inspections.conclusion.mustCorrect')}</Typography.Text>
              <ul className="bvct-count-list">
                {c.mustCorrect.map((m, n) => (
                  <li key={n}>{t('inspections.conclusion.mustCorrectRow', { unit: i.units.find((u) => u.id === m.unitId)?.name ?? '', title: m.title, date: formatDate(m.dueDate) })}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {c && !isIssued && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={c.isSaved ? t('inspections.conclusion.draftSaved') : t('inspections.conclusion.suggested')}
            description={i.phase !== 'closing' ? t('inspections.conclusion.issueWhenClosing') : undefined}
          />
          {isTeam ? <DraftForm key={draftKey(i, c)} i={i} c={c} mutations={mutations} /> : <Typography.Paragraph className="bvct-prose">{c.overview}</Typography.Paragraph>}
        </>
      )}
      {isIssuing && c && <IssueModal i={i} c={c} mutations={mutations} onClose={() => setIsIssuing(false)} />}
    </Card>
  )
}
