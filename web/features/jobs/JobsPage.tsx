import { Card, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { JOB_RUN_STATES, JOB_RUN_STATE_LABELS, type JobRunDto } from '../../../contract/jobs.ts'
import { formatDateTime } from '../../components/format.ts'
import { ListPageHeader } from '../../components/ListPageHeader.tsx'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useLabel, useT } from '../../i18n/useT.ts'
import { useJobRuns } from './api.ts'
import { durationText as duration, periodText } from './job-format.ts'

type Job = NonNullable<ReturnType<typeof useJobRuns>['data']>['jobs'][number]

const STATE_COLORS: Record<JobRunDto['state'], string> = { running: 'processing', completed: 'success', failed: 'warning', dead: 'error' }


/** The admin's view of the scheduled jobs: each job's period and last run, then the newest runs. */
export default function JobsPage() {
  const t = useT()
  const label = useLabel()
  usePageTitle(t('jobs.title'))
  const [job, setJob] = useState<string>()
  const [state, setState] = useState<string>()
  const { data, isFetching, error } = useJobRuns({ job, state })
  const byName = useMemo(() => new Map((data?.jobs ?? []).map((j) => [j.name, j])), [data])

  const every = (ms: number) => periodText(t, ms)
  const stateTag = (r: JobRunDto) => <Tag color={STATE_COLORS[r.state]}>{label(JOB_RUN_STATE_LABELS[r.state])}</Tag>
  const isPhone = useIsPhone()
  const lastRun = (j: Job) => (j.lastRun ? <span style={{ whiteSpace: 'nowrap' }}>{stateTag(j.lastRun)} {formatDateTime(j.lastRun.startedAt)} · {duration(j.lastRun.durationMs)}</span> : t('jobs.never'))

  const runColumns = useMemo<TableColumnsType<JobRunDto>>(() => [
    // The job's name in words, its code name beside it (what the logs and the CLI say).
    { key: 'job', title: t('jobs.job'), render: (_, r) => { const j = byName.get(r.job); return j ? <span>{label(j.label)} <Typography.Text type="secondary" code>{r.job}</Typography.Text></span> : r.job } },
    { key: 'state', title: t('jobs.state'), render: (_, r) => stateTag(r) },
    { key: 'startedAt', title: t('jobs.startedAt'), render: (_, r) => formatDateTime(r.startedAt, true) },
    { key: 'duration', title: t('jobs.duration'), render: (_, r) => duration(r.durationMs) },
    { key: 'attempt', title: t('jobs.attempt'), dataIndex: 'attempt' },
    { key: 'process', title: t('jobs.process'), render: (_, r) => <Typography.Text type="secondary">{r.process}</Typography.Text> },
    { key: 'error', title: t('jobs.error'), render: (_, r) => (r.error ? <Typography.Text type="danger">{r.error}</Typography.Text> : null) },
  ], [t, label, byName])

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={t('jobs.title')} size="small">
        <ListPageHeader error={error} />
        <Typography.Paragraph type="secondary">{t(data?.runner === 'scheduler' ? 'jobs.hintScheduler' : 'jobs.hintQueue')}</Typography.Paragraph>
        <Table
          rowKey="name"
          size="small"
          pagination={false}
          loading={isFetching && !data}
          dataSource={data?.jobs ?? []}
          data-testid="jobs"
          columns={[
            // A phone has room for one column: the period and the last run go under the job's name.
            { key: 'name', title: t('jobs.job'), render: (_, j) => <span><Typography.Text strong>{label(j.label)}</Typography.Text> <Typography.Text type="secondary" code>{j.name}</Typography.Text><br /><Typography.Text type="secondary">{label(j.description)}</Typography.Text>{isPhone && <><br />{every(j.everyMs)} · {lastRun(j)}</>}</span> },
            ...(isPhone ? [] : [
              { key: 'every', title: t('jobs.every'), render: (_: unknown, j: Job) => every(j.everyMs) },
              { key: 'last', title: t('jobs.lastRun'), render: (_: unknown, j: Job) => lastRun(j) },
            ]),
          ]}
        />
      </Card>
      <Card
        title={t('jobs.runs')}
        size="small"
        extra={
          <Space wrap>
            <Select allowClear placeholder={t('jobs.allJobs')} style={{ minWidth: 200 }} value={job} onChange={setJob} options={(data?.jobs ?? []).map((j) => ({ value: j.name, label: `${label(j.label)} (${j.name})` }))} data-testid="jobs-filter-job" />
            <Select allowClear placeholder={t('jobs.allStates')} style={{ minWidth: 160 }} value={state} onChange={setState} options={JOB_RUN_STATES.map((s) => ({ value: s, label: label(JOB_RUN_STATE_LABELS[s]) }))} data-testid="jobs-filter-state" />
          </Space>
        }
      >
        <Table<JobRunDto> rowKey="id" size="small" columns={runColumns} dataSource={data?.items ?? []} loading={isFetching} pagination={{ pageSize: 50 }} locale={{ emptyText: t('jobs.none') }} data-testid="job-runs" scroll={{ x: true }} />
      </Card>
    </Space>
  )
}
