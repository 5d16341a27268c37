import { Button, Card, Select, Table, Tabs, Typography, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { ASSIGNMENT_STATUSES, CHECKLIST_ANSWER_ROLES, CHECKLIST_LABELS, CHECKLIST_MANAGE_ROLES, type AssignmentSummaryDto } from '../../../contract/checklists.ts'
import { formatDate } from '../../components/format.ts'
import { useLabelOptions } from '../../components/LabelTag.tsx'
import { ListPageHeader } from '../../components/ListPageHeader.tsx'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useServerPaging } from '../../components/usePagination.ts'
import { useT } from '../../i18n/useT.ts'
import { hasAnyRole } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { TimelinessTag } from '../corrective-actions/CorrectiveTags.tsx'
import { useUnitIndex } from '../units/api.ts'
import { UnitTreeSelect } from '../units/UnitTreeSelect.tsx'
import { useAssignments, useTemplates, type AssignmentFilters, type TemplateRow } from './api.ts'
import { AssignmentStatusTag } from './ChecklistTags.tsx'
import { TemplateDrawer } from './TemplateDrawer.tsx'
import { AssignModal, CreateTemplateDrawer } from './TemplateForms.tsx'

type Status = (typeof ASSIGNMENT_STATUSES)[number]
const num = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined)

/**
 * Self-inspection: the rounds of the units in scope (a unit sees its own, to answer), and for the
 * board and other overseers the templates, which the board creates and assigns.
 */
export default function ChecklistsPage() {
  const t = useT()
  usePageTitle(t('checklists.nav'))
  const { data: me } = useMe()
  const [params, setParams] = useSearchParams()
  const isUnitOnly = !!me && me.roles.every((g) => CHECKLIST_ANSWER_ROLES.includes(g.role) || g.role === 'staff')
  const canManage = hasAnyRole(me, CHECKLIST_MANAGE_ROLES)
  const tab = !isUnitOnly && params.get('tab') === 'templates' ? 'templates' : 'rounds'
  const setTab = (key: string) => {
    const next = new URLSearchParams()
    if (key === 'templates') next.set('tab', key)
    setParams(next, { replace: true })
  }
  return (
    <div className="bvct-stack">
      <Card size="small" title={t('checklists.title')} data-testid="checklists">
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t(isUnitOnly ? 'checklists.unitHint' : 'checklists.hint')}</Typography.Paragraph>
        {isUnitOnly ? (
          <RoundsList />
        ) : (
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              { key: 'rounds', label: t('checklists.rounds'), children: <RoundsList /> },
              { key: 'templates', label: t('checklists.templates'), children: <TemplatesList canManage={canManage} /> },
            ]}
          />
        )}
      </Card>
    </div>
  )
}

/** Each unit's round, latest due first, paged by the server; filters kept in the address. */
function RoundsList() {
  const t = useT()
  const isPhone = useIsPhone()
  const [params, setParams] = useSearchParams()
  const paging = useServerPaging()
  const units = useUnitIndex()
  const templates = useTemplates()
  const statusOptions = useLabelOptions(ASSIGNMENT_STATUSES, CHECKLIST_LABELS.status)
  const filters: AssignmentFilters = {
    status: (params.get('status') as Status | null) ?? undefined,
    templateId: num(params.get('template')),
    under: num(params.get('under')),
    limit: paging.limit,
    offset: paging.offset,
  }
  const { data, isFetching, error } = useAssignments(filters)
  const isFiltered = !!(filters.status || filters.templateId || filters.under)
  const setFilter = (key: string, value: string | number | undefined) => {
    const next = new URLSearchParams(params)
    if (value === undefined || value === '') next.delete(key)
    else next.set(key, String(value))
    setParams(next, { replace: true })
    paging.toFirstPage()
  }
  const columns = useMemo<TableColumnsType<AssignmentSummaryDto>>(() => {
    const title = (a: AssignmentSummaryDto) => <Link to={`/checklists/${a.id}`} data-testid="round-link">{a.title}</Link>
    const progress = (a: AssignmentSummaryDto) => `${a.answered}/${a.total}`
    if (isPhone)
      return [{
        key: 'all',
        title: t('checklists.round'),
        render: (_, a) => (
          <div style={{ display: 'grid', gap: 4 }}>
            {title(a)}
            <Typography.Text type="secondary">{a.unitName}</Typography.Text>
            <span>{t('checklists.dueOn', { date: formatDate(a.dueDate) })} · {t('checklists.progress', { answered: a.answered, total: a.total })}</span>
            <span className="bvct-tags">
              <AssignmentStatusTag status={a.status} />
              <TimelinessTag value={a.timeliness} />
              {a.noCount > 0 && <Typography.Text type="danger">{t('checklists.noCount', { n: a.noCount })}</Typography.Text>}
            </span>
          </div>
        ),
      }]
    return [
      { key: 'title', title: t('checklists.round'), render: (_, a) => title(a) },
      { key: 'unit', title: t('checklists.unit'), dataIndex: 'unitName', width: 230 },
      { key: 'due', title: t('checklists.due'), render: (_, a) => formatDate(a.dueDate), width: 110 },
      { key: 'status', title: t('common.status'), render: (_, a) => <AssignmentStatusTag status={a.status} />, width: 110 },
      { key: 'timeliness', title: t('checklists.timeliness'), render: (_, a) => <TimelinessTag value={a.timeliness} />, width: 190 },
      { key: 'answered', title: t('checklists.answeredCol'), render: (_, a) => progress(a), width: 100, align: 'right' },
      { key: 'no', title: t('checklists.noCol'), render: (_, a) => (a.noCount ? <Typography.Text type="danger">{a.noCount}</Typography.Text> : a.status === 'submitted' ? 0 : '—'), width: 120, align: 'right' },
    ]
  }, [t, isPhone])
  const wide = (px: number) => ({ width: isPhone ? '100%' : px })
  return (
    <>
      <ListPageHeader error={error}>
        {units.items.length > 1 && <UnitTreeSelect value={filters.under} onChange={(v) => setFilter('under', v)} allowClear placeholder={t('checklists.allUnits')} style={wide(260)} />}
        {(templates.data?.length ?? 0) > 1 && (
          <Select<number>
            value={filters.templateId}
            onChange={(v) => setFilter('template', v)}
            allowClear
            placeholder={t('checklists.allTemplates')}
            options={(templates.data ?? []).map((x) => ({ value: x.id, label: x.title }))}
            popupMatchSelectWidth={false}
            style={wide(280)}
          />
        )}
        <Select<Status> value={filters.status} onChange={(v) => setFilter('status', v)} allowClear placeholder={t('checklists.allStatuses')} aria-label={t('common.status')} options={statusOptions} style={wide(180)} />
      </ListPageHeader>
      <Table<AssignmentSummaryDto>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        pagination={paging.pagination(data?.total ?? 0)}
        showHeader={!isPhone}
        locale={{ emptyText: t(isFiltered ? 'checklists.noRoundsFiltered' : 'checklists.noRounds') }}
        data-testid="rounds-table"
      />
    </>
  )
}

type Dialog = { kind: 'create' } | { kind: 'view'; id: number } | { kind: 'assign'; template: Pick<TemplateRow, 'id' | 'title'> } | null

/** The templates kept in or above the caller's scope; the board creates, views and assigns them. */
function TemplatesList({ canManage }: { canManage: boolean }) {
  const t = useT()
  const isPhone = useIsPhone()
  const { data, isFetching, error } = useTemplates()
  const [dialog, setDialog] = useState<Dialog>(null)
  const columns: TableColumnsType<TemplateRow> = [
    {
      key: 'title',
      title: t('checklists.templateTitle'),
      render: (_, x) => (
        <div style={{ display: 'grid', gap: 2 }}>
          <Typography.Link onClick={() => setDialog({ kind: 'view', id: x.id })} data-testid="template-view">{x.title}</Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('checklists.itemsCount', { n: x.items })} · {t('checklists.assignmentsCount', { n: x.assignments })}
          </Typography.Text>
        </div>
      ),
    },
    ...(canManage
      ? [{ key: 'assign', title: '', width: isPhone ? 110 : 160, render: (_: unknown, x: TemplateRow) => <Button size="small" onClick={() => setDialog({ kind: 'assign', template: x })} data-testid="template-assign">{t('checklists.assign')}</Button> }]
      : []),
  ]
  return (
    <>
      <ListPageHeader create={canManage && { label: t('checklists.createTemplate'), onClick: () => setDialog({ kind: 'create' }) }} error={error} />
      <Table<TemplateRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data ?? []}
        loading={isFetching}
        pagination={false}
        showHeader={false}
        locale={{ emptyText: t('checklists.noTemplates') }}
        data-testid="templates-table"
      />
      {dialog?.kind === 'create' && <CreateTemplateDrawer onClose={() => setDialog(null)} />}
      {dialog?.kind === 'view' && (
        <TemplateDrawer
          templateId={dialog.id}
          canAssign={canManage}
          onAssign={() => setDialog({ kind: 'assign', template: { id: dialog.id, title: data?.find((x) => x.id === dialog.id)?.title ?? '' } })}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'assign' && <AssignModal template={dialog.template} onClose={() => setDialog(null)} />}
    </>
  )
}
