import { Alert, App, Button, Card, Form, Input, Tag, Typography } from 'antd'
import { useState } from 'react'
import { updateCaseInput } from '../../../contract/cases.ts'
import { FormAlert } from '../../components/forms/FormAlert.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useLang, useT } from '../../i18n/useT.ts'
import type { CaseDto, CaseMutations } from './api.ts'
import { NoteWarning } from './NoteWarning.tsx'

/**
 * The notes, edited with the version the user saw. When someone else saved meanwhile (409), the
 * case is read again: the user sees what is saved now beside their own text, which stays, and
 * saving again writes theirs over it.
 */
function NoteEditor({ c, mutations, onDone }: { c: CaseDto; mutations: CaseMutations; onDone: () => void }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ note: string }>()
  const [isConflict, setIsConflict] = useState(false)
  const submission = useFormSubmit(form, updateCaseInput, (input) => mutations.update.mutateAsync(input), { onConflict: () => setIsConflict(true) })
  const onFinish = async (v: { note: string }) => {
    if (await submission.submit({ version: c.version, note: v.note ?? '' })) {
      message.success(t('common.saved'))
      onDone()
    }
  }
  return (
    <Form form={form} layout="vertical" initialValues={{ note: c.note }} onFinish={onFinish}>
      <FormAlert error={isConflict ? null : submission.error} />
      {isConflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('cases.noteConflict')}
          description={
            <>
              <div>{t('cases.noteConflictNow')}</div>
              <div className="bvct-prose bvct-case-quote">{c.note || t('cases.noNote')}</div>
              <div>{t('cases.noteConflictHint')}</div>
            </>
          }
          data-testid="note-conflict"
        />
      )}
      <NoteWarning />
      <Form.Item name="note" rules={[zodRule(updateCaseInput.shape.note, lang)]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} maxLength={20_000} aria-label={t('cases.note')} data-testid="note-editor" />
      </Form.Item>
      <div className="bvct-head-actions">
        <Button type="primary" htmlType="submit" loading={submission.isSubmitting} data-testid="note-save">{t('common.save')}</Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </Form>
  )
}

/** Who the case is about, and its notes (sealed like the rest of its content). */
export function CaseNotes({ c, mutations, isReadOnly }: { c: CaseDto; mutations: CaseMutations; isReadOnly: boolean }) {
  const t = useT()
  const [isEditing, setIsEditing] = useState(false)
  return (
    <Card
      size="small"
      title={t('cases.notesTitle')}
      data-testid="case-notes"
      extra={!isReadOnly && !isEditing && <Button size="small" onClick={() => setIsEditing(true)}>{t('cases.editNote')}</Button>}
    >
      <div className="bvct-case-subject">
        <Typography.Text type="secondary">{t('cases.subject')}:</Typography.Text>{' '}
        <Typography.Text strong data-testid="case-subject">{c.subject.name || '—'}</Typography.Text>{' '}
        <Tag>{t(`cases.subjectType.${c.subjectType}`)}</Tag>
        {c.subject.personId && <Typography.Text type="secondary">({t('cases.subjectInBvct')})</Typography.Text>}
      </div>
      {isEditing ? (
        <NoteEditor c={c} mutations={mutations} onDone={() => setIsEditing(false)} />
      ) : c.note ? (
        <Typography.Paragraph className="bvct-prose" style={{ margin: 0 }}>{c.note}</Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">{t('cases.noNote')}</Typography.Text>
      )}
    </Card>
  )
}
