import { Alert, Button, Card, Col, List, Row, Table, Typography } from 'antd'
import { useState, type ReactNode } from 'react'
import type { OfficerDto, OfficerGapsDto } from '../../../contract/officers.ts'
import { formatDate } from '../../components/format.ts'
import { DownloadIcon } from '../../components/icons.tsx'
import { useT } from '../../i18n/useT.ts'
import { exportOfficers, useOfficerGaps } from './api.ts'
import { TrainingTag } from './TrainingTag.tsx'

/** A card title that wraps instead of being cut on a phone. */
const Wrap = ({ children }: { children: ReactNode }) => <span style={{ whiteSpace: 'normal' }}>{children}</span>

type GapUnit = OfficerGapsDto['unitsWithoutOfficer'][number]

function UnitList({ items, testId, empty }: { items: GapUnit[]; testId: string; empty: string }) {
  return (
    <List<GapUnit>
      size="small"
      dataSource={items}
      locale={{ emptyText: empty }}
      data-testid={testId}
      pagination={items.length > 10 ? { pageSize: 10, size: 'small', simple: true } : false}
      renderItem={(u) => (
        <List.Item data-unit-code={u.code}>
          <span>
            {u.name}
            {u.parentName && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{u.parentName}</div>}
          </span>
        </List.Item>
      )}
    />
  )
}

/** The board's gaps: units without an appointed officer, units whose officers have no current training, officers due. */
export function GapsTab({ unitId, unitPicker }: { unitId?: number; unitPicker: ReactNode }) {
  const t = useT()
  const { data, error, isFetching } = useOfficerGaps(unitId)
  const [isExporting, setIsExporting] = useState(false)
  const [exportError, setExportError] = useState<string | null>(null)
  const runExport = async () => {
    setIsExporting(true)
    setExportError(null)
    try {
      await exportOfficers(unitId)
    } catch (e) {
      setExportError(e instanceof Error ? e.message : String(e))
    } finally {
      setIsExporting(false)
    }
  }
  return (
    <div className="bvct-stack bvct-stack-tight">
      <div className="bvct-toolbar" style={{ marginBottom: 0 }}>
        {unitPicker}
        <Button icon={<DownloadIcon />} loading={isExporting} onClick={runExport} data-testid="officers-export">{t('officers.export')}</Button>
      </div>
      {exportError && <Alert type="error" showIcon title={exportError} />}
      {error && <Alert type="error" showIcon title={error.message} />}
      {data && <Typography.Text type="secondary">{t('officers.asOf', { date: formatDate(data.asOf) })}</Typography.Text>}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" loading={isFetching && !data} title={<Wrap>{t('officers.gaps.withoutOfficer', { n: data?.unitsWithoutOfficer.length ?? 0 })}</Wrap>}>
            <UnitList items={data?.unitsWithoutOfficer ?? []} testId="gaps-without-officer" empty={t('officers.gaps.none')} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" loading={isFetching && !data} title={<Wrap>{t('officers.gaps.withoutTraining', { n: data?.unitsWithoutCurrentTraining.length ?? 0 })}</Wrap>}>
            <UnitList items={data?.unitsWithoutCurrentTraining ?? []} testId="gaps-without-training" empty={t('officers.gaps.none')} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={<Wrap>{t('officers.gaps.due', { n: data?.officersDue.length ?? 0 })}</Wrap>}>
        <Table<OfficerDto>
          rowKey="id"
          size="small"
          dataSource={data?.officersDue ?? []}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
          locale={{ emptyText: t('officers.gaps.noneDue') }}
          data-testid="gaps-due"
          columns={[
            { key: 'name', title: t('officers.person'), dataIndex: 'name' },
            { key: 'unit', title: t('officers.unit'), dataIndex: 'unitName' },
            { key: 'last', title: t('officers.lastTrained'), render: (_, o) => formatDate(o.lastTrainedOn), responsive: ['sm'] },
            { key: 'status', title: t('officers.training'), render: (_, o) => <TrainingTag status={o.trainingStatus} dueOn={o.refresherDueOn} /> },
          ]}
        />
      </Card>
    </div>
  )
}
