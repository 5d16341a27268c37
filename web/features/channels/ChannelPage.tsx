import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Result, Skeleton, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { CHANNEL_LABELS, REVIEW_CHECKS, retireChannelInput, type ChannelDto, type ChannelReviewDto } from '../../../contract/channels.ts'
import { formatDate } from '../../components/format.ts'
import { FormModal } from '../../components/FormModal.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useLabel, useLang, useT } from '../../i18n/useT.ts'
import { ACCESS, hasAnyRole } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { isApiError } from '../../api/client.ts'
import { RecordIncidentDrawer } from '../incidents/RecordIncidentDrawer.tsx'
import { useChannel, useChannelMutations } from './api.ts'
import { ChannelDrawer } from './ChannelDrawer.tsx'
import { ReviewDrawer } from './ReviewDrawer.tsx'
import { ChannelKindTag, ReviewStatusTag, TwoFactorTag } from './tags.tsx'
import './channels.css'

type Admin = ChannelDto['admins'][number]

/** The unit no longer runs the channel: a reason, and it leaves the review cycle. */
function RetireModal({ channel, onClose }: { channel: ChannelDto; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ reason: string }>()
  const { retire } = useChannelMutations(channel.id)
  const submission = useFormSubmit(form, retireChannelInput, (input) => retire.mutateAsync(input))
  const onFinish = async (v: { reason: string }) => {
    if (await submission.submit({ version: channel.version, reason: v.reason })) {
      message.success(t('channels.retired'))
      onClose()
    }
  }
  return (
    <FormModal title={t('channels.retireTitle', { name: channel.name })} okText={t('channels.retire')} isDanger form={form} onFinish={onFinish} onClose={onClose} submission={submission} intro={<Typography.Paragraph type="secondary">{t('channels.retireHint')}</Typography.Paragraph>}>
      <Form.Item name="reason" label={t('channels.retireReason')} rules={[zodRule(retireChannelInput.shape.reason, lang, { required: true })]}>
        <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} />
      </Form.Item>
    </FormModal>
  )
}

function ReviewCard({ review }: { review: ChannelReviewDto }) {
  const t = useT()
  const label = useLabel()
  return (
    <Card size="small" className="bvct-review-card" data-testid="channel-review" title={<span>{formatDate(review.reviewedOn)}{review.reviewedBy && <small className="bvct-muted"> · {review.reviewedBy}</small>}</span>} extra={<Tag color={review.isPassed ? 'green' : 'red'}>{t(review.isPassed ? 'channels.reviewPassed' : 'channels.reviewFailed')}</Tag>}>
      {REVIEW_CHECKS.map((c) => (
        <div key={c} className="bvct-check-row">
          <span className={review.checks[c] ? 'bvct-check-pass' : 'bvct-check-fail'} aria-label={t(review.checks[c] ? 'channels.checkPassed' : 'channels.checkFailed')}>{review.checks[c] ? '✓' : '✗'}</span>
          <span>{label(CHANNEL_LABELS.check[c])}</span>
        </div>
      ))}
      {review.findings && (
        <>
          <Typography.Text strong style={{ display: 'block', marginTop: 8 }}>{t('channels.findings')}</Typography.Text>
          <div className="bvct-prose">{review.findings}</div>
        </>
      )}
      {review.followUpActions.length > 0 && (
        <>
          <Typography.Text strong style={{ display: 'block', marginTop: 8 }}>{t('channels.followUp')}</Typography.Text>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {review.followUpActions.map((a, i) => (
              <li key={i}>{a.action}{a.dueDate && <span className="bvct-muted"> · {t('channels.dueOn', { date: formatDate(a.dueDate) })}</span>}</li>
            ))}
          </ul>
        </>
      )}
    </Card>
  )
}

/** One official channel: who runs it and how it is secured, and its security reviews, newest first. */
export default function ChannelPage() {
  const t = useT()
  const isPhone = useIsPhone()
  const id = Number(useParams().id)
  const { data: me } = useMe()
  const { data: channel, error, isPending } = useChannel(id)
  const [dialog, setDialog] = useState<'edit' | 'retire' | 'review' | 'incident' | null>(null)
  usePageTitle(channel?.name ?? t('channels.title'))

  const isMissing = !(Number.isInteger(id) && id > 0) || isApiError(error, 'NOT_FOUND')
  if (isMissing || error) return <Result status={isMissing ? '404' : 'error'} title={error?.message ?? t('error.notFoundTitle')} extra={<Link to="/channels">{t('channels.backToList')}</Link>} />
  if (isPending || !channel) return <Card><Skeleton active /></Card>

  const canEdit = hasAnyRole(me, ACCESS.channelsEdit) && channel.status === 'active'
  const adminColumns = [
    { key: 'name', title: t('channels.adminName'), render: (_: unknown, a: Admin) => <span>{a.fullName}{!a.isActive && <Tag style={{ marginInlineStart: 6 }}>{t('channels.adminLeft')}</Tag>}{isPhone && a.position && <div className="bvct-muted">{a.position}</div>}</span> },
    ...(isPhone ? [] : [{ key: 'position', title: t('channels.position'), dataIndex: 'position' }]),
    { key: 'twoFactor', title: t('channels.twoFactor'), render: (_: unknown, a: Admin) => <Tag color={a.hasTwoFactor ? 'green' : 'red'}>{t(a.hasTwoFactor ? 'common.yes' : 'common.no')}</Tag>, width: 160 },
  ]

  return (
    <div className="bvct-stack">
      <Card size="small">
        <div className="bvct-page-head">
          <div style={{ minWidth: 0, flex: '1 1 320px' }}>
            <Link to="/channels" className="bvct-muted">{t('channels.backToList')}</Link>
            <Typography.Title level={4} style={{ margin: '4px 0' }}>{channel.name}</Typography.Title>
            <span className="bvct-tags">
              <ChannelKindTag kind={channel.kind} />
              <ReviewStatusTag status={channel.reviewStatus} />
              <TwoFactorTag isOn={channel.twoFactor} />
            </span>
          </div>
          {canEdit && (
            <div className="bvct-head-actions">
              <Button type="primary" onClick={() => setDialog('review')} data-testid="record-review">{t('channels.recordReview')}</Button>
              <Button onClick={() => setDialog('edit')}>{t('common.edit')}</Button>
              {hasAnyRole(me, ACCESS.incidentsEdit) && <Button onClick={() => setDialog('incident')}>{t('channels.recordIncident')}</Button>}
              <Button danger onClick={() => setDialog('retire')}>{t('channels.retire')}</Button>
            </div>
          )}
        </div>
        {channel.status === 'retired' && (
          <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('channels.retiredOn', { date: formatDate(channel.retiredOn) })} description={channel.retiredReason} />
        )}
        {channel.reviewStatus === 'overdue' && <Alert type="error" showIcon style={{ marginTop: 12 }} title={t('channels.overdueAlert', { date: formatDate(channel.nextReviewDue) })} />}
        <Descriptions size="small" column={isPhone ? 1 : 2} layout={isPhone ? 'vertical' : 'horizontal'} style={{ marginTop: 12 }} data-testid="channel-details">
          <Descriptions.Item label={t('channels.unit')}>{channel.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('channels.address')}><span style={{ overflowWrap: 'anywhere' }}>{channel.address}</span></Descriptions.Item>
          <Descriptions.Item label={t('channels.responsible')}>
            <span>{channel.responsibleName}{channel.responsiblePosition && <span className="bvct-muted">{` · ${channel.responsiblePosition}`}</span>}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('channels.cycle')}>
            <span>
              {t('channels.cycleMonths', { n: channel.reviewCycleMonths })}
              {channel.ownReviewCycleMonths === null && <span className="bvct-muted">{` (${t('channels.cycleDefault')})`}</span>}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('channels.lastReview')}>{channel.lastReviewedOn ? formatDate(channel.lastReviewedOn) : t('channels.neverReviewed')}</Descriptions.Item>
          <Descriptions.Item label={t('channels.nextReview')}>{channel.nextReviewDue ? formatDate(channel.nextReviewDue) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('channels.registeredOn')}>{formatDate(channel.registeredOn)}</Descriptions.Item>
          {channel.purpose && <Descriptions.Item label={t('channels.purpose')} span={isPhone ? 1 : 2}><span className="bvct-prose">{channel.purpose}</span></Descriptions.Item>}
        </Descriptions>
      </Card>

      <Card size="small" title={t('channels.admins')} extra={!isPhone && <Typography.Text type="secondary">{t('channels.noPasswords')}</Typography.Text>}>
        <Table<Admin> rowKey="personId" size="small" pagination={false} columns={adminColumns} dataSource={channel.admins} locale={{ emptyText: t('channels.noAdmins') }} data-testid="channel-admins" />
      </Card>

      <Card size="small" title={t('channels.recoveryContacts')}>
        {channel.recoveryContacts.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {channel.recoveryContacts.map((r, i) => (
              <li key={i}><span className="bvct-muted">{t(`channels.recovery.${r.kind}`)}:</span> <span style={{ overflowWrap: 'anywhere' }}>{r.value}</span>{r.note && <span className="bvct-muted"> · {r.note}</span>}</li>
            ))}
          </ul>
        ) : (
          <Typography.Text type="danger">{t('channels.noRecovery')}</Typography.Text>
        )}
      </Card>

      <Card size="small" title={t('channels.reviews')} data-testid="channel-reviews">
        {channel.reviews.length ? channel.reviews.map((r) => <ReviewCard key={r.id} review={r} />) : <Empty description={t('channels.noReviews')} />}
      </Card>

      {dialog === 'edit' && <ChannelDrawer channel={channel} onClose={() => setDialog(null)} />}
      {dialog === 'retire' && <RetireModal channel={channel} onClose={() => setDialog(null)} />}
      {dialog === 'review' && <ReviewDrawer channel={channel} onClose={() => setDialog(null)} />}
      {dialog === 'incident' && <RecordIncidentDrawer defaultUnitId={channel.unitId} defaultChannelId={channel.id} onClose={() => setDialog(null)} />}
    </div>
  )
}
