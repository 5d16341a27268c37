import { Card, Table, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { COURSE_FORM_LABELS, type CourseDto } from '../../../contract/officers.ts'
import { ListPageHeader } from '../../components/ListPageHeader.tsx'
import { formatDate } from '../../components/format.ts'
import { useDebounced } from '../../components/useDebounced.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { useListPagination } from '../../components/usePagination.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useLabel, useT } from '../../i18n/useT.ts'
import { ACCESS, hasAnyRole } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { useCourses } from './api.ts'
import { CourseDrawer } from './CourseDrawer.tsx'

/** Training courses recorded in scope (and the ministry's own), newest first; a keeper records a new one. */
export default function TrainingCoursesPage() {
  const t = useT()
  const label = useLabel()
  usePageTitle(t('training.pageTitle'))
  const navigate = useNavigate()
  const isPhone = useIsPhone()
  const { data: me } = useMe()
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim(), 300)
  const [isCreating, setIsCreating] = useState(false)
  const pagination = useListPagination()
  const { data, isFetching, error } = useCourses(q || undefined)
  const defaultUnit = me?.roles.find((g) => ACCESS.officersWrite.includes(g.role))?.unitId

  const columns = useMemo<TableColumnsType<CourseDto>>(
    () => [
      {
        key: 'title',
        title: t('training.title'),
        render: (_, c) => (
          <span>
            <Link to={`/training-courses/${c.id}`}>{c.title}</Link>
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{c.organizer}</div>
            {isPhone && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{formatDate(c.startsOn)} – {formatDate(c.endsOn)} · {t('training.attendeesN', { n: c.attendeeCount })}</div>}
          </span>
        ),
      },
      { key: 'dates', title: t('training.dates'), render: (_, c) => `${formatDate(c.startsOn)} – ${formatDate(c.endsOn)}`, responsive: ['sm'] },
      { key: 'hours', title: t('training.hours'), dataIndex: 'hours', align: 'right', responsive: ['sm'] },
      { key: 'form', title: t('training.form'), render: (_, c) => label(COURSE_FORM_LABELS[c.form]), responsive: ['md'] },
      { key: 'owner', title: t('training.ownerUnit'), dataIndex: 'ownerUnitName', responsive: ['lg'] },
      { key: 'count', title: t('training.attendees'), dataIndex: 'attendeeCount', align: 'right', responsive: ['sm'] },
    ],
    [t, label, isPhone],
  )

  return (
    <Card title={<h1 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{t('training.pageTitle')}</h1>} size="small" extra={<Link to="/officers">{t('training.toRoster')}</Link>}>
      <ListPageHeader
        search={{ value: search, onChange: setSearch, placeholder: t('training.searchPlaceholder'), maxWidth: 320 }}
        create={hasAnyRole(me, ACCESS.officersWrite) && { label: t('training.create'), onClick: () => setIsCreating(true) }}
        error={error}
      />
      <Table<CourseDto>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={isPhone ? undefined : { x: 'max-content' }}
        pagination={pagination}
        locale={{ emptyText: t('training.empty') }}
        data-testid="courses"
      />
      {isCreating && <CourseDrawer defaultUnitId={defaultUnit} onClose={() => setIsCreating(false)} onCreated={(c) => navigate(`/training-courses/${c.id}`)} />}
    </Card>
  )
}
