import { Alert, App, Button, Card, Col, Flex, Form, Row, Tag, Typography } from 'antd'
import { useMemo, useRef } from 'react'
import { useNavigate } from 'react-router'
import type { OcrReport, ParseSourceKind } from '../../../contract/directive-parse.ts'
import { directiveInput, updateDirectiveInput, type DirectiveDto } from '../../../contract/directives.ts'
import { newIdempotencyKey } from '../../api/client.ts'
import { FormAlert } from '../../components/forms/FormAlert.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { useLang, useT } from '../../i18n/useT.ts'
import { CORRECTABLE_FIELD_LABELS } from '../../../contract/parser-accuracy.ts'
import { useCreateDirective, useUpdateDirective } from './api.ts'
import { DirectiveFields } from './DirectiveFields.tsx'
import { inputFromValues, type DirectiveFormValues } from './directive-form.ts'
import { warningText } from './parse-warnings.ts'
import { SourcePane, type SourceView } from './SourceInput.tsx'
import { ParsedClosing } from './ParsedClosing.tsx'
import type { ParsedDirective } from '../../../contract/directive-parse.ts'

interface Props {
  initial: DirectiveFormValues
  source: SourceView
  /** What is stored as the directive's source text: the pasted or .txt text; null for .docx/.pdf. */
  sourceText: string | null
  warnings: string[]
  /** Registering a parsed letter: where its text came from (the server counts what the person corrects). */
  parseSource?: ParseSourceKind
  /** A scan read by OCR: which fields to check. */
  ocr?: OcrReport
  /** What the parser read, when registering from a letter: shows co-addressees and the signer. */
  parsed?: Pick<ParsedDirective, 'addressees' | 'coAddressees' | 'signature'>
  /** Editing a saved directive; absent when registering a new one. */
  directive?: DirectiveDto
  onBack?: () => void
}

/**
 * Side by side: the letter on the left, every parsed field on the right for a person to correct,
 * then saved as a draft (or, for a saved directive, as a new version).
 */
export function DirectiveEditor({ initial, source, sourceText, warnings, parseSource, ocr, parsed, directive, onBack }: Props) {
  const t = useT()
  const lang = useLang()
  const isPhone = useIsPhone()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const [form] = Form.useForm<DirectiveFormValues>()
  // One key per form: a Save retried after a lost answer returns the draft stored the first time.
  const idempotencyKey = useRef(newIdempotencyKey())
  const create = useCreateDirective()
  const update = useUpdateDirective()
  const areRequirementsLocked = !!directive && directive.status !== 'draft'
  const requirementCount = (Form.useWatch('requirements', form) as unknown[] | undefined)?.length ?? initial.requirements?.length

  const creating = useFormSubmit(form, directiveInput, (input) => create.mutateAsync({ input, idempotencyKey: idempotencyKey.current }))
  const updating = useFormSubmit(form, updateDirectiveInput, (input) => update.mutateAsync({ id: directive!.id, ...input }), {
    onConflict: () => message.warning(t('directives.conflict')),
  })
  const { error, isSubmitting } = directive ? updating : creating

  const onFinish = async (values: DirectiveFormValues) => {
    const body = inputFromValues(values, directive ? directive.sourceText : sourceText, directive ? undefined : parseSource)
    if (directive) {
      const { requirements, ...rest } = body
      const saved = await updating.submit({ ...rest, ...(areRequirementsLocked ? {} : { requirements }), version: directive.version })
      if (saved) {
        message.success(t('common.saved'))
        navigate(`/directives/${saved.id}`)
      }
      return
    }
    const saved = await creating.submit(body)
    if (saved) {
      message.success(t('directives.draftSaved'))
      navigate(`/directives/${saved.id}`)
    }
  }

  // Typed in by hand: no letter to show, so the form takes the width.
  const hasSource = source.kind !== 'none'
  // What OCR was unsure of is said once, in the user's language, by the OCR summary above the form.
  const warningItems = useMemo(() => warnings.filter((w) => !(ocr && w.startsWith('OCR_'))).map((w) => warningText(t, w)), [warnings, ocr, t])
  const lowOcrFields = (ocr?.fields ?? []).filter((f) => f.isLow)

  return (
    <Row gutter={[16, 16]} className="bvct-side-by-side">
      {hasSource && (
        <Col xs={24} lg={11}>
          <Card
            size="small"
            title={t('directives.original')}
            className="bvct-source-card"
            extra={'name' in source && source.name ? <Typography.Text type="secondary" ellipsis style={{ maxWidth: 200 }}>{source.name}</Typography.Text> : null}
            styles={{ body: { padding: 0 } }}
          >
            <div className={isPhone ? 'bvct-source-scroll bvct-source-scroll-phone' : 'bvct-source-scroll'}>
              <SourcePane source={source} />
            </div>
          </Card>
        </Col>
      )}
      <Col xs={24} lg={hasSource ? 13 : 24} style={hasSource ? undefined : { maxWidth: 960 }}>
        <Card
          size="small"
          title={
            <span>
              {directive ? t('directives.editTitle', { number: directive.number ?? directive.subject }) : t('directives.reviewTitle')}{' '}
              <Tag color="red" data-testid="requirement-total">{t('directives.requirementCount', { count: requirementCount ?? 0 })}</Tag>
            </span>
          }
          extra={onBack && <Button size="small" onClick={onBack}>{t('directives.parseAgain')}</Button>}
          data-testid="directive-form"
        >
          {warningItems.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('directives.warningsTitle', { count: warningItems.length })}
              description={
                <ul className="bvct-warning-list">
                  {warningItems.map((w, i) => <li key={i}>{w}</li>)}
                </ul>
              }
            />
          )}
          {ocr && (
            <Alert
              type={ocr.lowConfidenceFields.length ? 'warning' : 'info'}
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="ocr-summary"
              title={t('directives.ocrSummary', { pages: ocr.pages, confidence: Math.round(ocr.meanConfidence) })}
              description={
                lowOcrFields.length > 0 && (
                  <>
                    {t('directives.ocrCheck')}
                    <ul className="bvct-warning-list">
                      {lowOcrFields.map((f) => (
                        <li key={f.field}>
                          {CORRECTABLE_FIELD_LABELS[f.field][lang]} ({Math.round(f.confidence)}%){f.lowWords.length > 0 && `: ${f.lowWords.join(', ')}`}
                        </li>
                      ))}
                    </ul>
                  </>
                )
              }
            />
          )}
          {warningItems.length === 0 && !directive && lowOcrFields.length === 0 && (
            <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('directives.noWarnings')} />
          )}
          {parsed && <ParsedClosing parsed={parsed} />}
          <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish} scrollToFirstError>
            <FormAlert error={error} />
            <DirectiveFields areRequirementsLocked={areRequirementsLocked} ocr={ocr} />
            <Flex gap={8} wrap justify="end" className="bvct-form-footer">
              {directive && <Tag>{t('directives.versionTag', { version: directive.version })}</Tag>}
              <Button onClick={() => navigate(directive ? `/directives/${directive.id}` : '/directives')}>{t('common.cancel')}</Button>
              <Button type="primary" htmlType="submit" loading={isSubmitting}>
                {directive ? t('common.save') : t('directives.saveDraft')}
              </Button>
            </Flex>
          </Form>
        </Card>
      </Col>
    </Row>
  )
}
