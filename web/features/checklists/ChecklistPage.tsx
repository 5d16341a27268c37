import { Alert, App, Button, Card, Result, Skeleton, Tag, Tooltip, Typography, Upload } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { Link, useParams } from 'react-router'
import { CHECKLIST_AREAS, CHECKLIST_LABELS } from '../../../contract/checklists.ts'
import { isApiError } from '../../api/client.ts'
import { formatDate, formatDateTime } from '../../components/format.ts'
import { UploadIcon } from '../../components/icons.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useLabel, useT } from '../../i18n/useT.ts'
import { TimelinessTag } from '../corrective-actions/CorrectiveTags.tsx'
import { answersToSave, draftOf, isDirty, tally, type Draft } from './answers.ts'
import { useAssignment, useAssignmentMutations } from './api.ts'
import { ChecklistItem, DownloadLink } from './ChecklistItem.tsx'
import { AssignmentStatusTag } from './ChecklistTags.tsx'

/** The server's limit for one file of a checklist round. */
const FILE_MAX_BYTES = 10 * 1024 * 1024

/**
 * One unit's round of a checklist: its officer (or head) answers each item yes / no / not
 * applicable with a note and evidence and saves a draft; the head submits it, and each "no" becomes
 * a finding with a corrective action, linked from its item.
 */
export default function ChecklistPage() {
  const t = useT()
  const label = useLabel()
  const { modal, message } = App.useApp()
  const id = Number(useParams().id)
  const { data: round, error, isPending } = useAssignment(id)
  const mutations = useAssignmentMutations(id)
  const saved = useMemo(() => (round ? draftOf(round) : {}), [round])
  const [draft, setDraft] = useState<Draft>({})
  // The page shows the server's answers each time they change (a load, a save, a submission).
  useEffect(() => setDraft(saved), [saved])
  usePageTitle(round ? `${round.title} · ${round.unitName}` : t('checklists.nav'))

  if (isPending) return <Skeleton active paragraph={{ rows: 10 }} />
  if (error) return isApiError(error, 'NOT_FOUND') ? <Result status="404" title={t('checklists.notFound')} /> : <Alert type="error" showIcon title={error.message} />

  const { canAnswer, canSubmit } = round.access
  const dirty = isDirty(draft, saved)
  const counts = tally(draft)
  const missing = round.total - counts.answered
  const report = (e: unknown) => {
    if (isApiError(e, 'CONFLICT')) message.warning(t('checklists.conflict'))
    else if (isApiError(e) && Object.keys(e.fields).length) message.error([e.message, ...Object.values(e.fields)].join(' — '))
    else message.error(e instanceof Error ? e.message : String(e))
  }
  /** Saves what differs and answers the round's version to act on next. */
  const save = async () => (dirty ? (await mutations.saveAnswers.mutateAsync({ version: round.version, answers: answersToSave(draft) })).version : round.version)
  const onSave = () => save().then(() => message.success(t('checklists.saved')), report)
  const onSubmit = () =>
    modal.confirm({
      title: t('checklists.submitConfirm'),
      content: counts.no ? t('checklists.submitHintNo', { n: counts.no }) : t('checklists.submitHint'),
      okText: t('checklists.submit'),
      cancelText: t('common.cancel'),
      onOk: () =>
        save()
          .then((version) => mutations.submit.mutateAsync(version))
          .then((r) => message.success(r.noCount ? t('checklists.submittedNo', { n: r.noCount }) : t('checklists.submitted')), report),
    })

  const areas = CHECKLIST_AREAS.filter((a) => round.items.some((i) => i.area === a))
  return (
    <div className="bvct-stack">
      <Card size="small" data-testid="checklist-header">
        <div className="bvct-page-head">
          <div style={{ minWidth: 0, flex: '1 1 420px' }}>
            <Typography.Text type="secondary">
              <Link to="/checklists">{t('checklists.nav')}</Link> / #{round.id}
            </Typography.Text>
            <Typography.Title level={4} style={{ margin: '4px 0' }} data-testid="checklist-title">{round.title}</Typography.Title>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{round.unitName}</Typography.Paragraph>
            <div className="bvct-tags">
              <AssignmentStatusTag status={round.status} />
              <TimelinessTag value={round.timeliness} />
              <Tag>{t('checklists.dueOn', { date: formatDate(round.dueDate) })}</Tag>
              {round.submittedAt && <Tag>{t('checklists.submittedAt', { at: formatDateTime(round.submittedAt) })}</Tag>}
              <Tag data-testid="checklist-progress">{t('checklists.progress', { answered: counts.answered, total: round.total })}</Tag>
              {counts.no > 0 && <Tag color="error">{t('checklists.noCount', { n: counts.no })}</Tag>}
            </div>
          </div>
          <div className="bvct-head-actions">
            {canAnswer && (
              <Button onClick={onSave} disabled={!dirty} loading={mutations.saveAnswers.isPending} data-testid="save-answers">{t('checklists.saveDraft')}</Button>
            )}
            {canSubmit && (
              <Tooltip title={missing > 0 ? t('checklists.missing', { n: missing }) : undefined}>
                <Button type="primary" onClick={onSubmit} disabled={missing > 0} loading={mutations.submit.isPending} data-testid="submit-checklist">{t('checklists.submit')}</Button>
              </Tooltip>
            )}
          </div>
        </div>
        {canAnswer && !canSubmit && <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('checklists.headSubmits')} />}
        {dirty && canAnswer && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('checklists.unsaved')} data-testid="unsaved" />}
        {round.status === 'submitted' && round.noCount > 0 && (
          <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('checklists.findingsMade', { n: round.noCount })} data-testid="findings-made" />
        )}
      </Card>

      {(canAnswer || round.files.length > 0) && (
        <Card
          size="small"
          title={t('checklists.files')}
          data-testid="checklist-files"
          extra={
            canAnswer && (
              <Upload
                showUploadList={false}
                beforeUpload={(file) => {
                  if (file.size <= FILE_MAX_BYTES) return true
                  message.error(t('checklists.fileTooLarge'))
                  return Upload.LIST_IGNORE
                }}
                customRequest={({ file, onSuccess, onError }) =>
                  mutations.uploadFile.mutateAsync(file as File).then(
                    (f) => {
                      message.success(t('checklists.fileUploaded', { name: f.filename }))
                      onSuccess?.(f)
                    },
                    (e) => {
                      report(e)
                      onError?.(e)
                    },
                  )
                }
              >
                <Button size="small" icon={<UploadIcon />} loading={mutations.uploadFile.isPending}>{t('checklists.upload')}</Button>
              </Upload>
            )
          }
        >
          {round.files.length === 0 ? (
            <Typography.Text type="secondary">{t('checklists.filesHint')}</Typography.Text>
          ) : (
            <div className="bvct-evidence" style={{ marginTop: 0 }}>
              {round.files.map((f) => <span key={f.id} className="bvct-evidence-file"><DownloadLink file={f} onError={report} /></span>)}
            </div>
          )}
        </Card>
      )}

      {areas.map((area) => (
        <Card key={area} size="small" title={label(CHECKLIST_LABELS.area[area])} data-testid="checklist-area">
          {round.items.filter((i) => i.area === area).map((item) => (
            <ChecklistItem
              key={item.id}
              item={item}
              value={draft[item.id] ?? { answer: null, note: '', evidenceFileIds: [] }}
              files={round.files}
              isEditable={canAnswer}
              onChange={(next) => setDraft((d) => ({ ...d, [item.id]: next }))}
              onDownloadError={report}
            />
          ))}
        </Card>
      ))}
    </div>
  )
}
