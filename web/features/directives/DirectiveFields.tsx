import { Button, Col, DatePicker, Form, Input, Row, Select, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import type { OcrField, OcrReport } from '../../../contract/directive-parse.ts'
import { directiveInput, signatureInput } from '../../../contract/directives.ts'
import { DATE_FORMAT } from '../../components/format.ts'
import { PlusIcon, TrashIcon } from '../../components/icons.tsx'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useLang, useT } from '../../i18n/useT.ts'
import type { MessageKey } from '../../i18n/translate.ts'
import { RequirementTreeEditor } from './RequirementTreeEditor.tsx'

const f = directiveInput.shape
const sig = signatureInput.shape

/**
 * The addressees the letter lists under "Đồng kính gửi", picked among the addressee lines above
 * (a co-addressee is one of them), shown as tags.
 */
function CoAddresseesSelect() {
  const t = useT()
  const addressees = (Form.useWatch('addressees') as string[] | undefined) ?? []
  const options = [...new Set(addressees.map((a) => (a ?? '').trim()).filter(Boolean))].map((a) => ({ value: a, label: a }))
  return (
    <Form.Item name="coAddressees" label={t('directives.coAddressees')} extra={t('directives.coAddresseesHelp')}>
      <Select mode="multiple" allowClear options={options} placeholder={t('directives.coAddresseesPick')} aria-label={t('directives.coAddressees')} data-testid="co-addressees-select" />
    </Form.Item>
  )
}

/** A list of one-line entries (addressees, distribution) with add and remove. */
function LineList({ name, addLabel, itemLabel }: { name: string; addLabel: MessageKey; itemLabel: MessageKey }) {
  const t = useT()
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div style={{ display: 'grid', gap: 4 }}>
          {fields.map((field, i) => (
            <div key={field.key} style={{ display: 'flex', gap: 4, alignItems: 'flex-start' }}>
              <Form.Item name={field.name} style={{ flex: 1, marginBottom: 0 }}>
                <Input aria-label={`${t(itemLabel)} ${i + 1}`} maxLength={500} />
              </Form.Item>
              <Button type="text" danger icon={<TrashIcon />} aria-label={t('common.remove')} onClick={() => remove(field.name)} />
            </div>
          ))}
          <div>
            <Button size="small" type="dashed" icon={<PlusIcon />} onClick={() => add('')}>
              {t(addLabel)}
            </Button>
          </div>
        </div>
      )}
    </Form.List>
  )
}

/**
 * How a field OCR was unsure of is shown: a tag by its label, its doubtful words under it, and a
 * highlighted input (class bvct-ocr-low), so the person checks it against the scan.
 */
function useOcrFlags(ocr: OcrReport | undefined) {
  const t = useT()
  return (field: OcrField, label: ReactNode, extra?: ReactNode) => {
    const f = ocr?.fields.find((x) => x.field === field && x.isLow)
    if (!f) return { label, extra }
    return {
      label: (
        <span>
          {label}{' '}
          <Tag color="warning" data-testid={`ocr-low-${field}`}>{t('directives.ocrLow', { confidence: Math.round(f.confidence) })}</Tag>
        </span>
      ),
      extra: (
        <>
          {extra}
          {f.lowWords.length > 0 && <div>{t('directives.ocrLowWords', { words: f.lowWords.join(', ') })}</div>}
        </>
      ),
      className: 'bvct-ocr-low',
    }
  }
}

/** Every field of a directive, as parsed or typed; the requirements are locked once it is issued. */
export function DirectiveFields({ areRequirementsLocked, ocr }: { areRequirementsLocked?: boolean; ocr?: OcrReport }) {
  const t = useT()
  const lang = useLang()
  const requirements = Form.useWatch('requirements') as unknown[] | undefined
  const flag = useOcrFlags(ocr)
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="number" {...flag('number', t('directives.number'))} rules={[zodRule(f.number, lang)]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="documentType" label={t('directives.documentType')} rules={[zodRule(f.documentType, lang)]}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="date" {...flag('date', t('directives.date'))}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="parentBody" {...flag('parentBody', t('directives.parentBody'))} rules={[zodRule(f.parentBody, lang)]}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="issuer" {...flag('issuer', t('directives.issuer'))} rules={[zodRule(f.issuer, lang)]}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="place" {...flag('place', t('directives.place'))} rules={[zodRule(f.place, lang)]}>
        <Input maxLength={100} style={{ maxWidth: 300 }} />
      </Form.Item>
      <Form.Item name="subject" {...flag('subject', t('directives.subject'))} rules={[zodRule(f.subject, lang, { required: true })]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
      </Form.Item>
      <Form.Item {...flag('addressees', t('directives.addressees'))}>
        <LineList name="addressees" addLabel="directives.addAddressee" itemLabel="directives.addressee" />
      </Form.Item>
      <CoAddresseesSelect />
      <Form.Item name="preamble" {...flag('preamble', t('directives.preamble'))}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      <Form.Item
        {...flag(
          'requirements',
          <span>
            {t('directives.requirements')}{' '}
            <Typography.Text type="secondary" data-testid="requirement-count">
              ({t('directives.requirementCount', { count: requirements?.length ?? 0 })})
            </Typography.Text>
          </span>,
          areRequirementsLocked ? t('directives.requirementsLocked') : undefined,
        )}
      >
        <RequirementTreeEditor disabled={areRequirementsLocked} />
      </Form.Item>
      <Form.Item name="closing" {...flag('closing', t('directives.closing'))}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
      </Form.Item>
      <Form.Item {...flag('distribution', t('directives.distribution'))}>
        <LineList name="distribution" addLabel="directives.addDistribution" itemLabel="directives.distributionItem" />
      </Form.Item>
      <Form.Item label={t('directives.signer')} style={{ marginBottom: 0 }}>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name={['signature', 'authority']} label={t('directives.signerAuthority')} rules={[zodRule(sig.authority.optional(), lang)]}>
              <Input maxLength={300} placeholder={t('directives.signerAuthorityHint')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name={['signature', 'title']} label={t('directives.signerTitle')} rules={[zodRule(sig.title.optional(), lang)]}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name={['signature', 'name']} label={t('directives.signerName')} rules={[zodRule(sig.name.optional(), lang)]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      </Form.Item>
      <Form.Item label={t('directives.references')}>
        <Form.List name="references">
          {(fields, { add, remove }) => (
            <div style={{ display: 'grid', gap: 4 }}>
              {fields.map((field, i) => (
                <div key={field.key} style={{ display: 'flex', gap: 4, flexWrap: 'wrap', alignItems: 'flex-start' }}>
                  <Form.Item name={[field.name, 'number']} style={{ flex: '1 1 140px', marginBottom: 0 }}>
                    <Input placeholder={t('directives.number')} aria-label={`${t('directives.referenceNumber')} ${i + 1}`} maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'date']} style={{ flex: '0 0 140px', marginBottom: 0 }}>
                    <DatePicker format={DATE_FORMAT} placeholder={t('directives.date')} style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'issuer']} style={{ flex: '1 1 140px', marginBottom: 0 }}>
                    <Input placeholder={t('directives.issuer')} maxLength={300} />
                  </Form.Item>
                  <Button type="text" danger icon={<TrashIcon />} aria-label={t('common.remove')} onClick={() => remove(field.name)} />
                </div>
              ))}
              <div>
                <Button size="small" type="dashed" icon={<PlusIcon />} onClick={() => add({ number: '', date: null, issuer: '' })}>
                  {t('directives.addReference')}
                </Button>
              </div>
            </div>
          )}
        </Form.List>
      </Form.Item>
    </>
  )
}
