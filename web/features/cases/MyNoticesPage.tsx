import { Alert, App, Button, Card, Empty, Form, Input, Radio, Skeleton, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { submissionInput } from '../../../contract/cases.ts'
import { API_DATE_FORMAT } from '../../components/format.ts'
import { FormAlert } from '../../components/forms/FormAlert.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import type { MessageKey } from '../../i18n/translate.ts'
import { useLang, useT } from '../../i18n/useT.ts'
import { useMyNotices, useSubmitToNotice, type MyNotice } from './api.ts'
import { NoticeView } from './NoticeView.tsx'
import './cases.css'

type AnswerKind = 'explanation' | 'complaint' | 'appeal'
const ANSWER_KINDS: AnswerKind[] = ['explanation', 'complaint', 'appeal']
/** What one usually sends back to each notice: an explanation to a notification, an appeal to a decision. */
const USUAL_ANSWER: Record<MyNotice['kind'], AnswerKind> = { notification: 'explanation', decision: 'appeal', appealDecision: 'complaint' }

/** How long is left to answer, in words: days left, today, or past. */
function DueIn({ dueDate }: { dueDate: string }) {
  const t = useT()
  const days = dayjs(dueDate).diff(dayjs().format(API_DATE_FORMAT), 'day')
  if (days < 0) return <Typography.Text type="danger">{t('cases.my.pastDue')}</Typography.Text>
  if (days === 0) return <Typography.Text type="warning">{t('cases.my.dueToday')}</Typography.Text>
  return <Typography.Text type="secondary">{t('cases.my.daysLeft', { n: days })}</Typography.Text>
}

function AnswerForm({ notice, onDone }: { notice: MyNotice; onDone: () => void }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ kind: AnswerKind; body?: string }>()
  const send = useSubmitToNotice()
  const submission = useFormSubmit(form, submissionInput, (input) => send.mutateAsync({ noticeId: notice.id, ...input }))
  const onFinish = async (v: { kind: AnswerKind; body?: string }) => {
    if (await submission.submit({ kind: v.kind, body: v.body?.trim() })) {
      message.success(t('cases.my.sent'))
      onDone()
    }
  }
  return (
    <Form form={form} layout="vertical" initialValues={{ kind: USUAL_ANSWER[notice.kind] }} onFinish={onFinish} className="bvct-case-answer">
      <FormAlert error={submission.error} />
      <Form.Item name="kind" label={t('cases.my.answerKind')}>
        <Radio.Group options={ANSWER_KINDS.map((k) => ({ value: k, label: t(`cases.submissionKind.${k}` as MessageKey) }))} />
      </Form.Item>
      <Form.Item name="body" label={t('cases.my.answerBody')} rules={[zodRule(submissionInput.shape.body, lang, { required: true })]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} maxLength={20_000} data-testid="answer-body" />
      </Form.Item>
      <div className="bvct-head-actions">
        <Button type="primary" htmlType="submit" loading={submission.isSubmitting} data-testid="answer-send">{t('cases.my.send')}</Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </Form>
  )
}

function NoticeCard({ notice }: { notice: MyNotice }) {
  const t = useT()
  const [isAnswering, setIsAnswering] = useState(false)
  return (
    <Card size="small" data-testid="my-notice">
      <NoticeView
        notice={notice}
        title={<Typography.Text strong>{t('cases.my.case', { number: notice.caseNumber })}</Typography.Text>}
        extra={
          <>
            {notice.dueDate && <DueIn dueDate={notice.dueDate} />}
            {isAnswering ? (
              <AnswerForm notice={notice} onDone={() => setIsAnswering(false)} />
            ) : (
              <div><Button onClick={() => setIsAnswering(true)} data-testid="answer">{t('cases.my.answer')}</Button></div>
            )}
          </>
        }
      />
    </Card>
  )
}

/**
 * The notices addressed to me as the subject of a case (the link of the notification the server
 * sends), with my answers, and a form to send an explanation, a complaint or an appeal.
 */
export default function MyNoticesPage() {
  const t = useT()
  usePageTitle(t('nav.myNotices'))
  const { data, error, isPending } = useMyNotices({ isPage: true })
  return (
    <div className="bvct-stack bvct-narrow-card">
      <Card size="small" title={t('nav.myNotices')}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('cases.my.intro')}</Typography.Paragraph>
      </Card>
      {error && <Alert type="error" showIcon title={error.message} />}
      {isPending ? (
        <Skeleton active />
      ) : !data?.length ? (
        <Card size="small"><Empty description={t('cases.my.none')} /></Card>
      ) : (
        data.map((n) => <NoticeCard key={n.id} notice={n} />)
      )}
    </div>
  )
}
