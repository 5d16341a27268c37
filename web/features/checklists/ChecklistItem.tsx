import { Button, Input, Radio, Select, Tag, Typography } from 'antd'
import { Link } from 'react-router'
import { CHECKLIST_ANSWERS, CHECKLIST_LABELS, type AssignmentDto } from '../../../contract/checklists.ts'
import { downloadFile } from '../../api/client.ts'
import { DownloadIcon } from '../../components/icons.tsx'
import { useLabel, useT } from '../../i18n/useT.ts'
import type { DraftAnswer } from './answers.ts'

type Item = AssignmentDto['items'][number]
const ANSWER_COLORS = { yes: 'success', no: 'error', na: 'default' } as const

interface Props {
  item: Item
  value: DraftAnswer
  files: AssignmentDto['files']
  isEditable: boolean
  onChange: (next: DraftAnswer) => void
  onDownloadError: (e: unknown) => void
}

/** One requirement of the checklist: the unit's answer, its note and evidence; once submitted, what a "no" became. */
export function ChecklistItem({ item, value, files, isEditable, onChange, onDownloadError }: Props) {
  const t = useT()
  const label = useLabel()
  const evidence = files.filter((f) => value.evidenceFileIds.includes(f.id))
  return (
    <div className="bvct-action" data-testid="checklist-item" data-item={item.id} data-answer={value.answer ?? ''}>
      <div className="bvct-action-main" style={{ display: 'grid', gap: 8 }}>
        <Typography.Text strong>
          {item.ordinal}. {item.text}
        </Typography.Text>
        {isEditable ? (
          <>
            <Radio.Group
              value={value.answer}
              onChange={(e) => onChange({ ...value, answer: e.target.value })}
              options={CHECKLIST_ANSWERS.map((a) => ({ value: a, label: label(CHECKLIST_LABELS.answer[a]) }))}
              aria-label={t('checklists.answer')}
            />
            <Input.TextArea
              value={value.note}
              onChange={(e) => onChange({ ...value, note: e.target.value })}
              placeholder={value.answer === 'no' ? t('checklists.noteNoHint') : t('checklists.noteHint')}
              aria-label={t('checklists.note')}
              autoSize={{ minRows: 1, maxRows: 6 }}
              maxLength={5000}
            />
            {files.length > 0 && (
              <Select<number[]>
                mode="multiple"
                value={value.evidenceFileIds}
                onChange={(ids) => onChange({ ...value, evidenceFileIds: ids })}
                options={files.map((f) => ({ value: f.id, label: f.filename }))}
                placeholder={t('checklists.pickEvidence')}
                aria-label={t('checklists.evidence')}
                style={{ width: '100%' }}
              />
            )}
          </>
        ) : (
          <>
            <span className="bvct-tags">
              {value.answer ? <Tag color={ANSWER_COLORS[value.answer]} data-testid="answer-tag">{label(CHECKLIST_LABELS.answer[value.answer])}</Tag> : <Tag>{t('checklists.unanswered')}</Tag>}
            </span>
            {value.note && <Typography.Text type="secondary" className="bvct-prose">{value.note}</Typography.Text>}
            {evidence.length > 0 && (
              <div className="bvct-evidence">
                {evidence.map((f) => (
                  <span key={f.id} className="bvct-evidence-file">
                    <DownloadLink file={f} onError={onDownloadError} />
                  </span>
                ))}
              </div>
            )}
          </>
        )}
        {item.correctiveActionId && (
          <Typography.Text data-testid="became-corrective">
            {t('checklists.becameFinding')}{' '}
            <Link to={`/corrective-actions/${item.correctiveActionId}`}>{t('checklists.openCorrective')}</Link>
          </Typography.Text>
        )}
      </div>
    </div>
  )
}

export function DownloadLink({ file, onError }: { file: AssignmentDto['files'][number]; onError: (e: unknown) => void }) {
  const t = useT()
  return (
    <Button
      type="link"
      size="small"
      className="bvct-link-button"
      icon={<DownloadIcon />}
      onClick={() => downloadFile(`/inspection-files/${file.id}`, undefined, file.filename).catch(onError)}
      title={t('checklists.download', { name: file.filename })}
      style={{ maxWidth: '100%', whiteSpace: 'normal', textAlign: 'start', height: 'auto' }}
    >
      {file.filename}
    </Button>
  )
}
