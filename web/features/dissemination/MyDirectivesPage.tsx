import { Alert, Button, Card, Empty, Input, Skeleton, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import { SESSION_FORM_LABELS, type MyDirectiveDto } from '../../../contract/dissemination.ts'
import type { MaterialDto, MyPageDto } from '../../../contract/materials.ts'
import { ATTENDANCE_RESULT_LABELS, TRAINING_STATUS_LABELS, type TrainingEntryDto } from '../../../contract/officers.ts'
import { formatDate, formatDateTime } from '../../components/format.ts'
import { Highlight } from '../../components/Highlight.tsx'
import { LabelTag } from '../../components/LabelTag.tsx'
import { useDebounced } from '../../components/useDebounced.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useLabel, useT } from '../../i18n/useT.ts'
import { ACCESS, hasAnyRole } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { UnitAcknowledgement } from '../directives/UnitAcknowledgement.tsx'
import { useMyPage } from '../materials/api.ts'
import { MaterialList } from '../materials/MaterialList.tsx'
import '../materials/materials.css'
import { useMyDirectives } from './api.ts'
import { BriefedButton, BriefedTag } from './BriefedConfirmation.tsx'

function DirectiveItem({ d, q, materials, answersForUnit }: { d: MyDirectiveDto; q: string; materials: MaterialDto[]; answersForUnit: boolean }) {
  const t = useT()
  const label = useLabel()
  const title = `${d.number ?? t('directives.noNumber')} — ${d.subject}`
  const url = `/my-directives/${d.id}`
  return (
    <Card size="small" data-testid="my-directive">
      <div className="bvct-stack bvct-stack-tight">
        <div className="bvct-page-head">
          <div style={{ minWidth: 0, flex: '1 1 320px' }}>
            <Typography.Text strong><Link to={url}><Highlight text={title} query={q} /></Link></Typography.Text>
            <div><Typography.Text type="secondary">{t('directives.date')}: {formatDate(d.date)}</Typography.Text></div>
            <div style={{ marginTop: 6 }}><BriefedTag confirmedAt={d.confirmedAt} /></div>
          </div>
          <div className="bvct-head-actions">
            <Link to={url}><Button data-testid="read-directive">{t('myDirectives.read')}</Button></Link>
            {/* A head or officer's main action here is the unit's acknowledgement below; their own briefing is secondary. */}
            {!d.confirmedAt && d.status === 'issued' && <BriefedButton directiveId={d.id} isPrimary={!answersForUnit} />}
          </div>
        </div>
        <UnitAcknowledgement directiveId={d.id} status={d.status} />
        <div>
          <Typography.Text type="secondary">{t('myDirectives.sessions')}: </Typography.Text>
          {d.attendedSessions.length === 0 ? (
            <Typography.Text type="secondary">{t('myDirectives.noSessions')}</Typography.Text>
          ) : (
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {d.attendedSessions.map((s) => <li key={s.id}>{formatDate(s.heldOn)} — {s.title} ({label(SESSION_FORM_LABELS[s.form])}, {s.unitName})</li>)}
            </ul>
          )}
        </div>
        {materials.length > 0 && (
          <div>
            <Typography.Text type="secondary">{t('myDirectives.materials', { count: materials.length })}:</Typography.Text>
            <MaterialList items={materials} empty={null} />
          </div>
        )}
      </div>
    </Card>
  )
}

const TRAINING_COLORS = { current: 'success', due: 'warning', overdue: 'error', none: 'default' } as const

/** My training as an officer for this work: where I stand in the refresher cycle, and every course. */
function MyTraining({ training }: { training: NonNullable<MyPageDto['training']> }) {
  const t = useT()
  const label = useLabel()
  const isPhone = useIsPhone()
  return (
    <Card size="small" title={t('myDirectives.training')} data-testid="my-training">
      <div className="bvct-stack bvct-stack-tight">
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', alignItems: 'center' }}>
          <LabelTag value={training.trainingStatus} labels={TRAINING_STATUS_LABELS} colors={TRAINING_COLORS} />
          {training.lastTrainedOn && <Typography.Text type="secondary">{t('myDirectives.lastTrained', { date: formatDate(training.lastTrainedOn) })}</Typography.Text>}
          {training.refresherDueOn && <Typography.Text type="secondary">{t('myDirectives.refresherDue', { date: formatDate(training.refresherDueOn) })}</Typography.Text>}
        </div>
        <Table<TrainingEntryDto>
          rowKey="attendanceId"
          size="small"
          dataSource={training.history}
          pagination={false}
          locale={{ emptyText: t('myDirectives.noCourses') }}
          columns={[
            {
              key: 'course',
              title: t('myDirectives.course'),
              render: (_, c) => (
                <div style={{ display: 'grid', gap: 2 }}>
                  <span>{c.title}</span>
                  <Typography.Text type="secondary">{c.organizer}{isPhone ? ` · ${formatDate(c.startsOn)}–${formatDate(c.endsOn)}` : ''}</Typography.Text>
                </div>
              ),
            },
            ...(isPhone ? [] : [{ key: 'dates', title: t('myDirectives.courseDates'), render: (_: unknown, c: TrainingEntryDto) => `${formatDate(c.startsOn)} – ${formatDate(c.endsOn)}`, width: 200 }]),
            { key: 'result', title: t('myDirectives.result'), render: (_, c) => label(ATTENDANCE_RESULT_LABELS[c.result]), width: isPhone ? 110 : 140 },
          ]}
        />
      </div>
    </Card>
  )
}

/** Notices addressed to me as the subject of a case: how many, and the way to read and answer them. */
function MyNotices({ notices }: { notices: MyPageDto['notices'] }) {
  const t = useT()
  return (
    <Card size="small" title={t('myDirectives.notices')} extra={<Link to="/my-notices">{t('myDirectives.openNotices')}</Link>} data-testid="my-notices">
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {notices.map((n) => (
          <li key={n.id}>
            {t('myDirectives.noticeLine', { number: n.caseNumber, at: formatDateTime(n.sentAt) })}
            {n.dueDate && <Tag color="warning" style={{ marginInlineStart: 8 }}>{t('myDirectives.noticeDue', { date: formatDate(n.dueDate) })}</Tag>}
          </li>
        ))}
      </ul>
    </Card>
  )
}

/**
 * My page: the directives sent to my unit (read each, then "Tôi đã được phổ biến"), their materials,
 * my unit's acknowledgement if I am its head or officer, my training if I am an officer, and the
 * notices addressed to me. Nothing of anyone else.
 */
export default function MyDirectivesPage() {
  const t = useT()
  usePageTitle(t('myDirectives.title'))
  const { data: me } = useMe()
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim(), 300)
  const page = useMyPage()
  // The page carries the first directives; a search asks the list route.
  const found = useMyDirectives(q, !!q)
  const list = q ? found : { data: page.data?.directives, error: page.error, isPending: page.isPending }
  const p = page.data
  const materialsOf = (id: number) => (p?.materials ?? []).filter((m) => m.directiveId === id)
  const person = p?.person
  const answersForUnit = hasAnyRole(me, ACCESS.directiveAcknowledge)

  return (
    <div className="bvct-stack bvct-stack-tight">
      <Card size="small" data-testid="my-page">
        <Typography.Title level={4} style={{ margin: '0 0 4px' }}>{t('myDirectives.title')}</Typography.Title>
        {person && <Typography.Paragraph style={{ margin: '0 0 4px' }} strong>{[person.name, person.position, person.unitName].filter(Boolean).join(' · ')}</Typography.Paragraph>}
        <Typography.Paragraph type="secondary">{t('myDirectives.intro')}</Typography.Paragraph>
        <Input allowClear value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('directives.searchPlaceholder')} aria-label={t('directives.searchPlaceholder')} style={{ maxWidth: 420 }} />
      </Card>
      {page.data && !person && !me?.person && <Alert type="info" showIcon title={t('myDirectives.noPerson')} />}
      {p && p.notices.length > 0 && <MyNotices notices={p.notices} />}
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Typography.Title level={5} style={{ margin: '4px 0 0' }}>{t('myDirectives.directives')}</Typography.Title>
      {list.isPending ? (
        <Skeleton active />
      ) : list.data?.items.length ? (
        <>
          {list.data.items.map((d) => <DirectiveItem key={d.id} d={d} q={q} materials={materialsOf(d.id)} answersForUnit={answersForUnit} />)}
          {!q && list.data.total > list.data.items.length && <Typography.Text type="secondary">{t('myDirectives.more', { shown: list.data.items.length, total: list.data.total })}</Typography.Text>}
        </>
      ) : (
        <Card size="small"><Empty description={t(q ? 'myDirectives.noneFound' : person ? 'myDirectives.none' : 'myDirectives.noneWithoutPerson')} /></Card>
      )}
      {p?.training && <MyTraining training={p.training} />}
    </div>
  )
}
