import { Alert, App, Form, Input, Typography } from 'antd'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { breakGlassInput, caseLookupQuery, CASE_LABELS } from '../../../contract/cases.ts'
import { ApiError, isApiError } from '../../api/client.ts'
import { FormModal } from '../../components/FormModal.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useLabel, useLang, useT } from '../../i18n/useT.ts'
import { lookupCase, useBreakGlass } from './api.ts'

type Found = Awaited<ReturnType<typeof lookupCase>>

/** First: the number the committee member was given. A number outside their scope is simply not found. */
function LookupModal({ onFound, onClose }: { onFound: (c: Found) => void; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const [form] = Form.useForm<{ number?: string }>()
  const find = async ({ number }: { number: string }) => {
    try {
      return await lookupCase(number)
    } catch (e) {
      if (!isApiError(e, 'NOT_FOUND')) throw e
      throw new ApiError(400, 'VALIDATION', t('cases.bg.notFound'), { number: t('cases.bg.notFound') })
    }
  }
  const submission = useFormSubmit(form, caseLookupQuery, find)
  const onFinish = async (v: { number?: string }) => {
    const found = await submission.submit({ number: v.number?.trim().toUpperCase() })
    if (found) onFound(found)
  }
  return (
    <FormModal
      title={t('cases.breakGlass')}
      okText={t('cases.bg.find')}
      form={form}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
      intro={<Typography.Paragraph>{t('cases.bg.lookupIntro')}</Typography.Paragraph>}
    >
      <Form.Item name="number" label={t('cases.number')} rules={[zodRule(caseLookupQuery.shape.number, lang, { required: true })]}>
        <Input placeholder="HS-2026-0001" autoFocus maxLength={20} data-testid="break-glass-number" />
      </Form.Item>
    </FormModal>
  )
}

/** Then: the written reason, under a plain statement of what happens next. */
function ReasonModal({ found, onClose }: { found: Found; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const label = useLabel()
  const navigate = useNavigate()
  const [form] = Form.useForm<{ reason?: string }>()
  const breakGlass = useBreakGlass()
  const submission = useFormSubmit(form, breakGlassInput, ({ reason }) => breakGlass.mutateAsync({ id: found.id, reason }))
  const onFinish = async (v: { reason?: string }) => {
    if (await submission.submit({ reason: v.reason?.trim() })) {
      onClose()
      navigate(`/cases/${found.id}`)
    }
  }
  return (
    <FormModal
      title={t('cases.bg.confirmTitle', { number: found.number })}
      okText={t('cases.bg.confirm')}
      isDanger
      form={form}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
      intro={
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('cases.bg.warning', { kind: label(CASE_LABELS.kind[found.kind]) })}
          description={t('cases.bg.consequences')}
          data-testid="break-glass-warning"
        />
      }
    >
      <Form.Item name="reason" label={t('cases.bg.reason')} rules={[zodRule(breakGlassInput.shape.reason, lang, { required: true })]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount autoFocus data-testid="break-glass-reason" />
      </Form.Item>
    </FormModal>
  )
}

/**
 * "Open a case in an emergency", for a committee member: find the case by its number, then give a
 * reason. A case already on their own list simply opens.
 */
export function BreakGlassModals({ onClose }: { onClose: () => void }) {
  const t = useT()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const [found, setFound] = useState<Found | null>(null)
  const onFound = async (c: Found) => {
    if (c.onList) {
      message.info(t('cases.bg.onList'))
      onClose()
      navigate(`/cases/${c.id}`)
    } else setFound(c)
  }
  return found ? <ReasonModal found={found} onClose={onClose} /> : <LookupModal onFound={(c) => void onFound(c)} onClose={onClose} />
}
