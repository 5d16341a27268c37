import { Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import type { CaseNoticeDto } from '../../../contract/cases.ts'
import { formatDate, formatDateTime } from '../../components/format.ts'
import type { MessageKey } from '../../i18n/translate.ts'
import { useT } from '../../i18n/useT.ts'

/**
 * A notice to the subject of a case and the answers they sent, as the board reads it on the case
 * page and as the subject reads it among their own notices.
 */
export function NoticeView({ notice, title, extra }: { notice: Pick<CaseNoticeDto, 'kind' | 'sentAt' | 'dueDate' | 'body' | 'submissions'>; title?: ReactNode; extra?: ReactNode }) {
  const t = useT()
  return (
    <div className="bvct-case-item" data-testid="notice">
      <div className="bvct-case-item-head">
        {title}
        <Tag color="blue">{t(`cases.noticeKind.${notice.kind}` as MessageKey)}</Tag>
        <Typography.Text type="secondary">{t('cases.notice.sentAt', { at: formatDateTime(notice.sentAt) })}</Typography.Text>
        {notice.dueDate && <Tag color="gold">{t('cases.notice.due', { date: formatDate(notice.dueDate) })}</Tag>}
      </div>
      {notice.body && <div className="bvct-prose">{notice.body}</div>}
      {notice.submissions.length === 0 ? (
        <Typography.Text type="secondary">{t('cases.notice.noAnswer')}</Typography.Text>
      ) : (
        notice.submissions.map((s) => (
          <div key={s.id} className="bvct-case-reply" data-testid="submission">
            <Typography.Text type="secondary">
              {t(`cases.submissionKind.${s.kind}` as MessageKey)} · {formatDateTime(s.submittedAt)}
            </Typography.Text>
            <div className="bvct-prose">{s.body}</div>
          </div>
        ))
      )}
      {extra}
    </div>
  )
}
