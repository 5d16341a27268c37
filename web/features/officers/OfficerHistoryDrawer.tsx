import { Alert, Descriptions, Drawer, Skeleton, Table, Tag } from 'antd'
import { Link } from 'react-router'
import { ATTENDANCE_RESULT_LABELS, COURSE_FORM_LABELS, OFFICER_ROLE_LABELS, QUALIFYING_RESULTS, type TrainingEntryDto } from '../../../contract/officers.ts'
import { formatDate } from '../../components/format.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { useLabel, useT } from '../../i18n/useT.ts'
import { useOfficer } from './api.ts'
import { Certificates } from './Certificates.tsx'
import { TrainingTag } from './TrainingTag.tsx'

/** One officer: their appointment, training status, and every course they attended. */
export function OfficerHistoryDrawer({ officerId, onClose }: { officerId: number; onClose: () => void }) {
  const t = useT()
  const label = useLabel()
  const isPhone = useIsPhone()
  const { data: o, error, isPending } = useOfficer(officerId)
  return (
    <Drawer open onClose={onClose} title={o?.name ?? t('officers.history')} size={isPhone ? '100%' : 720} destroyOnHidden>
      {isPending ? (
        <Skeleton active />
      ) : error ? (
        <Alert type="error" showIcon title={error.message} />
      ) : (
        <div className="bvct-stack" data-testid="officer-history">
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              { key: 'unit', label: t('officers.unit'), children: o.unitName },
              { key: 'position', label: t('officers.position'), children: o.position || '—' },
              { key: 'role', label: t('officers.role'), children: label(OFFICER_ROLE_LABELS[o.role]) },
              { key: 'decision', label: t('officers.decision'), children: `${o.decisionNumber} · ${formatDate(o.appointedOn)}${o.until ? ` – ${formatDate(o.until)}` : ''}` },
              { key: 'status', label: t('officers.training'), children: <TrainingTag status={o.trainingStatus} dueOn={o.refresherDueOn} /> },
              { key: 'last', label: t('officers.lastTrained'), children: o.lastTrainedOn ? formatDate(o.lastTrainedOn) : '—' },
            ]}
          />
          <Table<TrainingEntryDto>
            rowKey="attendanceId"
            size="small"
            dataSource={o.history}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('officers.noHistory') }}
            columns={[
              {
                key: 'course',
                title: t('training.course'),
                render: (_, h) => (
                  <span>
                    <Link to={`/training-courses/${h.courseId}`}>{h.title}</Link>
                    <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{h.organizer} · {label(COURSE_FORM_LABELS[h.form])} · {t('training.hoursN', { n: h.hours })}</div>
                  </span>
                ),
              },
              { key: 'dates', title: t('training.dates'), render: (_, h) => `${formatDate(h.startsOn)} – ${formatDate(h.endsOn)}` },
              {
                key: 'result',
                title: t('training.result'),
                render: (_, h) => <Tag color={QUALIFYING_RESULTS.includes(h.result) ? 'green' : h.result === 'failed' || h.result === 'absent' ? 'red' : 'default'}>{label(ATTENDANCE_RESULT_LABELS[h.result])}</Tag>,
              },
              { key: 'cert', title: t('training.certificate'), render: (_, h) => <>{h.certificateNumber}<Certificates items={h.certificates} /></> },
            ]}
          />
        </div>
      )}
    </Drawer>
  )
}
