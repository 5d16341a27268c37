import { Alert, App, Button, Card, Empty, Input, Skeleton, Tag, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import { SESSION_FORM_LABELS, type MyDirectiveDto } from '../../../contract/dissemination.ts'
import { formatDate, formatDateTime } from '../../components/format.ts'
import { Highlight } from '../../components/Highlight.tsx'
import { useDebounced } from '../../components/useDebounced.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useLabel, useT } from '../../i18n/useT.ts'
import { ACCESS, hasAnyRole } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { useConfirmReceipt, useMyDirectives } from './api.ts'

function DirectiveItem({ d, q, canOpen }: { d: MyDirectiveDto; q: string; canOpen: boolean }) {
  const t = useT()
  const label = useLabel()
  const { message } = App.useApp()
  const confirm = useConfirmReceipt()
  const title = `${d.number ?? t('directives.noNumber')} — ${d.subject}`
  return (
    <Card size="small" data-testid="my-directive">
      <div className="bvct-page-head">
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong>{canOpen ? <Link to={`/directives/${d.id}`}><Highlight text={title} query={q} /></Link> : <Highlight text={title} query={q} />}</Typography.Text>
          <div><Typography.Text type="secondary">{t('directives.date')}: {formatDate(d.date)}</Typography.Text></div>
          <div style={{ marginTop: 6 }}>
            {d.confirmedAt ? <Tag color="success">{t('myDirectives.confirmedAt', { at: formatDateTime(d.confirmedAt) })}</Tag> : <Tag color="warning">{t('myDirectives.notConfirmed')}</Tag>}
          </div>
        </div>
        {!d.confirmedAt && d.status === 'issued' && (
          <Button
            type="primary"
            loading={confirm.isPending}
            onClick={() => confirm.mutateAsync(d.id).then(() => message.success(t('myDirectives.confirmed')), (e) => message.error(e instanceof Error ? e.message : String(e)))}
          >
            {t('myDirectives.confirm')}
          </Button>
        )}
      </div>
      <div style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">{t('myDirectives.sessions')}: </Typography.Text>
        {d.attendedSessions.length === 0 ? (
          <Typography.Text type="secondary">{t('myDirectives.noSessions')}</Typography.Text>
        ) : (
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {d.attendedSessions.map((s) => (
              <li key={s.id}>{formatDate(s.heldOn)} — {s.title} ({label(SESSION_FORM_LABELS[s.form])}, {s.unitName})</li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  )
}

/** A staff member's own record: directives addressed to their unit, receipt confirmed, sessions attended. */
export default function MyDirectivesPage() {
  const t = useT()
  usePageTitle(t('myDirectives.title'))
  const { data: me } = useMe()
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim(), 300)
  const { data, error, isPending } = useMyDirectives(q)
  const canOpen = hasAnyRole(me, ACCESS.directives)

  return (
    <div className="bvct-stack bvct-stack-tight">
      <Card title={t('myDirectives.title')} size="small">
        <Typography.Paragraph type="secondary">{t('myDirectives.intro')}</Typography.Paragraph>
        <Input allowClear value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('directives.searchPlaceholder')} aria-label={t('directives.searchPlaceholder')} style={{ maxWidth: 420 }} />
      </Card>
      {!me?.person && <Alert type="info" showIcon title={t('myDirectives.noPerson')} />}
      {error && <Alert type="error" showIcon title={error.message} />}
      {isPending ? <Skeleton active /> : data?.items.length ? data.items.map((d) => <DirectiveItem key={d.id} d={d} q={q} canOpen={canOpen} />) : me?.person && <Card size="small"><Empty description={t('myDirectives.none')} /></Card>}
    </div>
  )
}
