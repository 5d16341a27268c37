import { Card, Form, Input, Typography } from 'antd'
import type { ReportSection } from '../../../contract/reports.ts'
import { useT } from '../../i18n/useT.ts'
import { SECTION_FIELDS } from './api.ts'
import { sectionAnchor } from './ChecksCard.tsx'
import { BoardComment, RequirementHead } from './SectionEditor.tsx'

/**
 * A section as submitted, for reading. While the board reviews, a comment box sits under it
 * (a field of the surrounding review form).
 */
export function SectionView({ section, boardComment, isReviewing }: { section: ReportSection; boardComment?: string; isReviewing?: boolean }) {
  const t = useT()
  return (
    <Card
      size="small"
      id={sectionAnchor(section.requirementId)}
      className={boardComment ? 'bvct-rep-section bvct-rep-section-commented' : 'bvct-rep-section'}
      title={<RequirementHead section={section} />}
      data-testid="report-section"
      data-requirement={section.label}
    >
      {boardComment && <BoardComment text={boardComment} />}
      <dl className="bvct-rep-view">
        {SECTION_FIELDS.map((f) => (
          <div key={f}>
            <dt>{t(`reports.field.${f}`)}</dt>
            <dd className="bvct-rep-pre">{section[f].trim() ? section[f] : <Typography.Text type="secondary">—</Typography.Text>}</dd>
          </div>
        ))}
      </dl>
      {isReviewing && (
        <Form.Item name={['sectionComments', String(section.requirementId)]} label={t('reports.review.sectionComment', { label: section.label })} className="bvct-rep-review-box" style={{ marginBottom: 0 }}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 8 }} maxLength={5000} placeholder={t('reports.review.sectionCommentHint')} data-testid="section-comment" />
        </Form.Item>
      )}
    </Card>
  )
}
