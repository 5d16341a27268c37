import { Alert, App, Button, Card, Form, Input, Typography } from 'antd'
import { memo } from 'react'
import type { ReportSection } from '../../../contract/reports.ts'
import { formatDateTime } from '../../components/format.ts'
import { CopyIcon } from '../../components/icons.tsx'
import { useT } from '../../i18n/useT.ts'
import { SECTION_FIELDS, type SectionField } from './api.ts'
import { sectionAnchor } from './ChecksCard.tsx'
import { copyText } from './copyText.ts'

export interface FieldConflict {
  theirs: string
  /** Both people changed this text; otherwise only the other person did, and theirs will be kept. */
  isBoth: boolean
}

export interface OtherSave {
  by: string
  at: string | null
}

/** The requirement as it stood when the report was drafted, collapsed to two lines. */
export function RequirementHead({ section }: { section: ReportSection }) {
  return (
    <div className="bvct-rep-req-head">
      <Typography.Text strong>{section.label}</Typography.Text>{' '}
      <Typography.Paragraph ellipsis={{ rows: 2, expandable: 'collapsible' }} style={{ display: 'inline', margin: 0, fontWeight: 400 }}>
        {section.requirementText}
      </Typography.Paragraph>
    </div>
  )
}

/** The board's comment on this section when it returned the report. */
export function BoardComment({ text }: { text: string }) {
  const t = useT()
  return <Alert type="warning" showIcon title={t('reports.review.sectionCommentFrom')} description={<span className="bvct-rep-pre">{text}</span>} className="bvct-rep-board-comment" data-testid="board-section-comment" />
}

/** The other person's text beside the user's, to copy from; shown only after a refused save. */
export function TheirText({ conflict, other, onUse }: { conflict: FieldConflict; other: OtherSave; onUse: () => void }) {
  const t = useT()
  const { message } = App.useApp()
  return (
    <div className="bvct-rep-theirs" data-testid="their-text">
      <div className="bvct-rep-theirs-head">
        <Typography.Text strong>{t('reports.conflict.theirVersion', { user: other.by, at: formatDateTime(other.at) })}</Typography.Text>
        <span>
          <Button size="small" type="text" icon={<CopyIcon />} onClick={async () => ((await copyText(conflict.theirs)) ? message.success(t('reports.conflict.copied')) : message.error(t('reports.conflict.copyFailed')))}>
            {t('reports.conflict.copy')}
          </Button>
          <Button size="small" type="link" onClick={onUse}>
            {t('reports.conflict.useThis')}
          </Button>
        </span>
      </div>
      <div className="bvct-rep-pre bvct-rep-theirs-text">{conflict.theirs || <Typography.Text type="secondary">{t('reports.conflict.empty')}</Typography.Text>}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {conflict.isBoth ? t('reports.conflict.bothChanged') : t('reports.conflict.onlyTheyChanged')}
      </Typography.Text>
    </div>
  )
}

interface Props {
  section: ReportSection
  onChange: (requirementId: number, field: SectionField, value: string) => void
  boardComment?: string
  hasError: boolean
  conflicts?: Partial<Record<SectionField, FieldConflict>>
  other?: OtherSave
}

/** One requirement of a directive: what was done, results, shortcomings, causes and proposals. */
export const SectionEditor = memo(function SectionEditor({ section, onChange, boardComment, hasError, conflicts, other }: Props) {
  const t = useT()
  const classes = ['bvct-rep-section', hasError && 'bvct-rep-section-error', boardComment && 'bvct-rep-section-commented', conflicts && 'bvct-rep-section-conflict'].filter(Boolean).join(' ')
  return (
    <Card size="small" id={sectionAnchor(section.requirementId)} className={classes} title={<RequirementHead section={section} />} data-testid="report-section" data-requirement={section.label}>
      {boardComment && <BoardComment text={boardComment} />}
      {hasError && <Typography.Text type="danger" className="bvct-rep-section-msg">{t('reports.checks.sectionEmpty')}</Typography.Text>}
      {SECTION_FIELDS.map((f) => {
        const id = `s${section.requirementId}-${f}`
        const c = conflicts?.[f]
        const area = (
          <Form.Item label={t(`reports.field.${f}`)} htmlFor={id} style={{ marginBottom: 12 }} extra={c ? t(c.isBoth ? 'reports.conflict.yourVersion' : 'reports.conflict.yourSavedVersion') : undefined}>
            <Input.TextArea
              id={id}
              value={section[f]}
              onChange={(e) => onChange(section.requirementId, f, e.target.value)}
              autoSize={{ minRows: f === 'done' || f === 'results' ? 3 : 2, maxRows: 14 }}
              maxLength={20000}
              placeholder={t(`reports.fieldHint.${f}`)}
              data-field={f}
            />
          </Form.Item>
        )
        if (!c || !other) return <div key={f}>{area}</div>
        return (
          <div key={f} className="bvct-rep-conflict-pair">
            {area}
            <TheirText conflict={c} other={other} onUse={() => onChange(section.requirementId, f, c.theirs)} />
          </div>
        )
      })}
    </Card>
  )
})
