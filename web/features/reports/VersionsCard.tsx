import { Alert, Button, Card, Drawer, Empty, Skeleton, Tag, Typography } from 'antd'
import { useState } from 'react'
import { formatDateTime } from '../../components/format.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { useT } from '../../i18n/useT.ts'
import { useVersion, type ReportVersionSummary, type VersionChange } from './api.ts'
import { ChecksCard } from './ChecksCard.tsx'
import { FiguresPanel } from './FiguresPanel.tsx'
import { SectionView } from './SectionView.tsx'
import { diffWords } from './textDiff.ts'

const REVIEW_COLORS = { pending: 'processing', returned: 'warning', accepted: 'success' } as const

export function ReviewStatusTag({ status }: { status: ReportVersionSummary['reviewStatus'] }) {
  const t = useT()
  return <Tag color={REVIEW_COLORS[status]} style={{ marginInlineEnd: 0 }}>{t(`reports.review.status.${status}`)}</Tag>
}

/** Every submitted version, newest first: open one as it was frozen, or compare it with the one before. */
export function VersionsCard({ reportId, versions }: { reportId: number | null; versions: ReportVersionSummary[] }) {
  const t = useT()
  const [open, setOpen] = useState<{ number: number; mode: 'view' | 'compare' } | null>(null)
  return (
    <Card size="small" title={t('reports.versions.title')} data-testid="versions-card">
      {versions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.versions.none')} style={{ margin: 8 }} />
      ) : (
        <ul className="bvct-rep-versions">
          {[...versions].reverse().map((v) => (
            <li key={v.number} data-testid={`version-${v.number}`}>
              <div className="bvct-rep-version-head">
                <Typography.Text strong>{t('reports.versions.number', { number: v.number })}</Typography.Text>
                <ReviewStatusTag status={v.reviewStatus} />
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('reports.versions.submittedBy', { at: formatDateTime(v.submittedAt), by: v.submittedBy ?? '—' })}
                {v.reviewedAt && <> · {t('reports.versions.reviewedBy', { at: formatDateTime(v.reviewedAt), by: v.reviewedBy ?? '—' })}</>}
              </Typography.Text>
              <div>
                <Button size="small" type="link" onClick={() => setOpen({ number: v.number, mode: 'view' })} style={{ paddingInline: 0, marginInlineEnd: 12 }}>
                  {t('reports.versions.view')}
                </Button>
                {v.number > 1 && (
                  <Button size="small" type="link" onClick={() => setOpen({ number: v.number, mode: 'compare' })} style={{ paddingInline: 0 }} data-testid={`compare-${v.number}`}>
                    {t('reports.versions.compare', { number: v.number - 1 })}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {open && reportId && <VersionDrawer reportId={reportId} number={open.number} mode={open.mode} previous={versions.find((v) => v.number === open.number - 1)} onClose={() => setOpen(null)} />}
    </Card>
  )
}

export function DiffText({ before, after }: { before: string; after: string }) {
  return (
    <span className="bvct-rep-pre">
      {diffWords(before, after).map((p, i) =>
        p.kind === 'same' ? <span key={i}>{p.text}</span> : p.kind === 'del' ? <del key={i} className="bvct-rep-del">{p.text}</del> : <ins key={i} className="bvct-rep-ins">{p.text}</ins>,
      )}
    </span>
  )
}

function ChangesList({ changes }: { changes: VersionChange[] }) {
  const t = useT()
  if (!changes.length) return <Alert type="info" showIcon title={t('reports.versions.noChanges')} />
  return (
    <div className="bvct-rep-changes" data-testid="version-changes">
      {changes.map((c, i) => (
        <div key={i} className="bvct-rep-change">
          <Typography.Text strong>
            {c.requirementId === null ? t('reports.generalProposals') : `${c.label} ${t(`reports.field.${c.field}`)}`}
          </Typography.Text>
          <div className="bvct-rep-change-text">
            <DiffText before={c.before} after={c.after} />
          </div>
        </div>
      ))}
    </div>
  )
}

function VersionDrawer({ reportId, number, mode, previous, onClose }: { reportId: number; number: number; mode: 'view' | 'compare'; previous?: ReportVersionSummary; onClose: () => void }) {
  const t = useT()
  const isPhone = useIsPhone()
  const { data: v, error, isPending } = useVersion(reportId, number)
  const comments = v?.reviewComments
  return (
    <Drawer
      open
      onClose={onClose}
      size={isPhone ? '100%' : 760}
      title={mode === 'compare' ? t('reports.versions.compareTitle', { number, previous: number - 1 }) : t('reports.versions.viewTitle', { number })}
      destroyOnHidden
    >
      {isPending && <Skeleton active paragraph={{ rows: 8 }} />}
      {error && <Alert type="error" showIcon title={error.message} />}
      {v && mode === 'compare' && (
        <div style={{ display: 'grid', gap: 12 }}>
          {previous?.reviewComments?.general && (
            <Alert
              type="warning"
              showIcon
              title={t('reports.versions.askedBefore', { number: previous.number })}
              description={
                <div className="bvct-rep-pre">
                  {previous.reviewComments.general}
                  {Object.entries(previous.reviewComments.sections ?? {}).filter(([, c]) => c.trim()).map(([id, c]) => (
                    <div key={id}>
                      <b>{v.content.sections.find((s) => String(s.requirementId) === id)?.label}</b> {c}
                    </div>
                  ))}
                </div>
              }
            />
          )}
          <Typography.Text type="secondary">
            {t('reports.versions.legend')} <del className="bvct-rep-del">{t('reports.versions.removed')}</del> <ins className="bvct-rep-ins">{t('reports.versions.added')}</ins>
          </Typography.Text>
          <ChangesList changes={v.changes ?? []} />
        </div>
      )}
      {v && mode === 'view' && (
        <div style={{ display: 'grid', gap: 12 }}>
          <Typography.Text type="secondary">{t('reports.versions.submittedBy', { at: formatDateTime(v.submittedAt), by: v.submittedBy ?? '—' })}</Typography.Text>
          {comments?.general && <Alert type={v.reviewStatus === 'returned' ? 'warning' : 'info'} showIcon title={t('reports.review.generalFrom')} description={<span className="bvct-rep-pre">{comments.general}</span>} />}
          {v.content.sections.map((s) => (
            <SectionView key={s.requirementId} section={s} boardComment={comments?.sections?.[String(s.requirementId)]?.trim() || undefined} />
          ))}
          <Card size="small" title={t('reports.generalProposals')}>
            <span className="bvct-rep-pre">{v.content.proposals || '—'}</span>
          </Card>
          <FiguresPanel figures={v.figures} asOf={v.submittedAt} isFrozen claimed={v.content.claimedFigures ?? []} />
          <ChecksCard checks={v.checks ?? []} labelOf={() => undefined} title={t('reports.checks.atSubmission')} />
        </div>
      )}
    </Drawer>
  )
}
