import { Alert, Button, Card, Result, Skeleton, Typography } from 'antd'
import { Link, useParams } from 'react-router'
import { SESSION_FORM_LABELS } from '../../../contract/dissemination.ts'
import { isApiError } from '../../api/client.ts'
import { formatDate } from '../../components/format.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useLabel, useT } from '../../i18n/useT.ts'
import { DirectiveStatusTag } from '../directives/DirectiveStatusTag.tsx'
import { DirectiveText } from '../directives/DirectiveText.tsx'
import { UnitAcknowledgement } from '../directives/UnitAcknowledgement.tsx'
import { BriefedButton, BriefedTag } from '../dissemination/BriefedConfirmation.tsx'
import { useMyDirective } from './api.ts'
import { MaterialList } from './MaterialList.tsx'
import './materials.css'

/**
 * A directive sent to my unit, read-only, opened from my page: what to read (the text, its
 * requirements and its materials) before confirming "Tôi đã được phổ biến". Heads and officers also
 * see their unit's acknowledgement here.
 */
export default function MyDirectivePage() {
  const t = useT()
  const label = useLabel()
  const id = Number(useParams().id)
  const { data, error, isPending } = useMyDirective(id)
  usePageTitle(data?.directive.number ?? t('materials.readTitle'))

  if (isPending) return <Skeleton active paragraph={{ rows: 10 }} />
  if (error)
    return isApiError(error, 'NOT_FOUND') ? (
      <Result status="404" title={t('materials.notSentToYou')} extra={<Link to="/my-directives"><Button>{t('materials.backToMyPage')}</Button></Link>} />
    ) : (
      <Alert type="error" showIcon title={error.message} />
    )

  const { directive: d, materials, mine } = data
  return (
    <div className="bvct-stack" data-testid="my-directive-view">
      <Card size="small">
        <Typography.Text type="secondary"><Link to="/my-directives">{t('myDirectives.title')}</Link> / {d.number ?? t('directives.noNumber')}</Typography.Text>
        <Typography.Title level={4} style={{ margin: '4px 0' }}>{d.number ? `${d.number}: ` : ''}{d.subject}</Typography.Title>
        <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 8 }}>
          <DirectiveStatusTag status={d.status} />
          <BriefedTag confirmedAt={mine.confirmedAt} />
        </span>
      </Card>

      <UnitAcknowledgement directiveId={d.id} status={d.status} />

      <Card size="small" title={t('materials.text')}>
        <DirectiveText d={d} />
      </Card>
      <Card size="small" title={t('materials.tab', { count: materials.length })} data-testid="my-directive-materials">
        <MaterialList items={materials} empty={t('materials.none')} />
      </Card>

      <Card size="small" title={t('materials.myConfirmation')} data-testid="my-confirmation">
        <div className="bvct-page-head">
          <Typography.Text style={{ flex: '1 1 320px' }}>
            {mine.confirmedAt ? t('materials.confirmedHint') : d.status === 'issued' ? t('materials.confirmHint') : t('materials.closedHint')}
          </Typography.Text>
          {!mine.confirmedAt && d.status === 'issued' && <BriefedButton directiveId={d.id} />}
        </div>
        {mine.attendedSessions.length > 0 && (
          <div style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">{t('myDirectives.sessions')}:</Typography.Text>
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {mine.attendedSessions.map((s) => <li key={s.id}>{formatDate(s.heldOn)} — {s.title} ({label(SESSION_FORM_LABELS[s.form])}, {s.unitName})</li>)}
            </ul>
          </div>
        )}
      </Card>
    </div>
  )
}
