import { Alert, App, Button, Card, Descriptions, Flex, Skeleton, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { Link, useParams } from 'react-router'
import { ATTENDANCE_RESULT_LABELS, COURSE_FORM_LABELS, QUALIFYING_RESULTS, type AttendanceDto } from '../../../contract/officers.ts'
import { formatDate } from '../../components/format.ts'
import { PlusIcon, UploadIcon } from '../../components/icons.tsx'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useLabel, useT } from '../../i18n/useT.ts'
import { ACCESS, holdsRoleOver } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { useUnitIndex } from '../units/api.ts'
import { useCourse, useRemoveAttendee, useUploadCertificate } from './api.ts'
import { AttendeeModal } from './AttendeeModal.tsx'
import { Certificates } from './Certificates.tsx'
import { CourseDrawer } from './CourseDrawer.tsx'

/** One course: its facts, the attendees the caller may see with result and certificates; the keeper records them. */
export default function TrainingCoursePage() {
  const t = useT()
  const label = useLabel()
  const isPhone = useIsPhone()
  const { message, modal } = App.useApp()
  const id = Number(useParams().id)
  const { data: c, error, isPending } = useCourse(id)
  usePageTitle(c?.title ?? t('training.pageTitle'))
  const { data: me } = useMe()
  const index = useUnitIndex()
  const [editing, setEditing] = useState<'course' | 'add' | AttendanceDto | null>(null)
  const upload = useUploadCertificate(id)
  const remove = useRemoveAttendee(id)
  const keeps = !!c && holdsRoleOver(me, ACCESS.officersWrite, c.ownerUnitId, index.parentOf)
  const canRecord = (a: AttendanceDto) => keeps || holdsRoleOver(me, ACCESS.officersWrite, a.unitId, index.parentOf)

  // canRecord reads `me`, the unit index and the course.
  const columns = useMemo<TableColumnsType<AttendanceDto>>(() => {
    const who = (a: AttendanceDto) => <span>{a.name}<div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{a.unitName}</div></span>
    const result = (a: AttendanceDto) => (
      <span data-testid="attendance-result" data-result={a.result}>
        <Tag color={QUALIFYING_RESULTS.includes(a.result) ? 'green' : a.result === 'failed' || a.result === 'absent' ? 'red' : 'default'}>{label(ATTENDANCE_RESULT_LABELS[a.result])}</Tag>
        {a.completedOn && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{formatDate(a.completedOn)}</div>}
      </span>
    )
    const certificates = (a: AttendanceDto) => (
      <Flex vertical gap={4} align="start">
        {a.certificateNumber && <span>{t('training.certificateNo', { n: a.certificateNumber })}</span>}
        <Certificates items={a.certificates} />
        {canRecord(a) && (
          <Upload
            showUploadList={false}
            accept=".pdf,.png,.jpg,.jpeg,.docx,.odt"
            beforeUpload={(file) => {
              upload.mutateAsync({ attendanceId: a.id, file }).then(
                () => message.success(t('training.certificateUploaded')),
                (e: Error) => message.error(e.message),
              )
              return false
            }}
          >
            <Button size="small" icon={<UploadIcon />} loading={upload.isPending && upload.variables?.attendanceId === a.id} data-testid={`upload-certificate-${a.personId}`}>
              {t('training.uploadCertificate')}
            </Button>
          </Upload>
        )}
      </Flex>
    )
    const actions = (a: AttendanceDto) =>
      canRecord(a) && (
        <Flex gap={4} wrap>
          <Button size="small" onClick={() => setEditing(a)} data-testid={`record-result-${a.personId}`}>{t('training.recordResult')}</Button>
          {keeps && (
            <Button
              size="small"
              danger
              onClick={() =>
                modal.confirm({
                  title: t('training.removeConfirm', { name: a.name }),
                  okText: t('training.remove'),
                  okButtonProps: { danger: true },
                  cancelText: t('common.cancel'),
                  onOk: () => remove.mutateAsync({ id: a.id, version: a.version }).catch((e: Error) => message.error(e.message)),
                })
              }
            >
              {t('training.remove')}
            </Button>
          )}
        </Flex>
      )
    // A phone gets one column, everything about an attendee stacked.
    if (isPhone) {
      return [{ key: 'all', title: t('training.person'), render: (_, a) => <Flex vertical gap={6} align="start">{who(a)}{result(a)}{certificates(a)}{actions(a)}</Flex> }]
    }
    return [
      { key: 'name', title: t('training.person'), render: (_, a) => who(a) },
      { key: 'result', title: t('training.result'), render: (_, a) => result(a) },
      { key: 'cert', title: t('training.certificate'), render: (_, a) => certificates(a) },
      { key: 'actions', title: '', render: (_, a) => actions(a) },
    ]
  }, [t, label, isPhone, me, index, c, upload.isPending, upload.variables])

  if (isPending) return <Skeleton active />
  if (error) return <Alert type="error" showIcon title={error.message} />
  return (
    <div className="bvct-stack">
      <Card
        size="small"
        title={<h1 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{c.title}</h1>}
        extra={<Link to="/training-courses">{t('training.backToList')}</Link>}
      >
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'org', label: t('training.organizer'), children: c.organizer },
            { key: 'dates', label: t('training.dates'), children: `${formatDate(c.startsOn)} – ${formatDate(c.endsOn)}` },
            { key: 'hours', label: t('training.hours'), children: c.hours },
            { key: 'form', label: t('training.form'), children: label(COURSE_FORM_LABELS[c.form]) },
            { key: 'owner', label: t('training.ownerUnit'), children: c.ownerUnitName },
            ...(c.note ? [{ key: 'note', label: t('training.note'), children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c.note}</Typography.Text> }] : []),
          ]}
        />
        {keeps && <Button style={{ marginTop: 12 }} onClick={() => setEditing('course')}>{t('common.edit')}</Button>}
      </Card>
      <Card
        size="small"
        title={t('training.attendeesN', { n: c.attendees.length })}
        extra={keeps && <Button type="primary" size="small" icon={<PlusIcon />} onClick={() => setEditing('add')} data-testid="add-attendee">{t('training.add')}</Button>}
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('training.cycleHint')}</Typography.Paragraph>
        <Table<AttendanceDto>
          rowKey="id"
          size="small"
          dataSource={c.attendees}
          columns={columns}
          scroll={isPhone ? undefined : { x: 'max-content' }}
          pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true }}
          locale={{ emptyText: t('training.noAttendees') }}
          data-testid="attendees"
        />
      </Card>
      {editing === 'course' && <CourseDrawer course={c} onClose={() => setEditing(null)} />}
      {editing === 'add' && <AttendeeModal courseId={id} onClose={() => setEditing(null)} />}
      {editing && typeof editing === 'object' && <AttendeeModal courseId={id} attendance={editing} onClose={() => setEditing(null)} />}
    </div>
  )
}
