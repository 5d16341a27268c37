import { Alert, Button, Table, Tooltip, Upload } from 'antd'
import { useState } from 'react'
import type { RowErrorDto } from '../../../contract/errors.ts'
import type { PositionImportResultDto } from '../../../contract/positions.ts'
import { isApiError, newIdempotencyKey } from '../../api/client.ts'
import { UploadIcon } from '../../components/icons.tsx'
import { useT } from '../../i18n/useT.ts'
import { useImportRegister } from './api.ts'

/** An import's outcome: what changed, or every bad row (nothing is imported then). */
type Outcome = { ok: PositionImportResultDto } | { rows: RowErrorDto[]; message: string } | null

/** The import button and, under the toolbar, what the last import did or why it was refused. */
export function useRegisterImport(unitId: number | undefined) {
  const t = useT()
  const run = useImportRegister()
  const [outcome, setOutcome] = useState<Outcome>(null)

  const importFile = async (file: File) => {
    if (!unitId) return
    setOutcome(null)
    try {
      setOutcome({ ok: await run.mutateAsync({ unitId, file, idempotencyKey: newIdempotencyKey() }) })
    } catch (e) {
      if (isApiError(e) && Array.isArray(e.details.rows)) setOutcome({ rows: e.details.rows as RowErrorDto[], message: e.message })
      else if (isApiError(e) && Object.keys(e.fields).length) setOutcome({ rows: [], message: Object.values(e.fields).join('; ') })
      else setOutcome({ rows: [], message: e instanceof Error ? e.message : String(e) })
    }
  }

  const button = (
    <Tooltip title={unitId ? undefined : t('positions.importPickUnit')}>
      <Upload accept=".xlsx,.csv" showUploadList={false} disabled={!unitId} beforeUpload={(file) => (importFile(file), false)}>
        <Button icon={<UploadIcon />} loading={run.isPending} disabled={!unitId} data-testid="register-import">
          {t('positions.import')}
        </Button>
      </Upload>
    </Tooltip>
  )

  const result = outcome && (
    <div style={{ marginBottom: 12 }}>
      {'ok' in outcome ? (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setOutcome(null)}
          role="status"
          data-testid="import-ok"
          title={t('positions.imported', { rows: outcome.ok.rows, created: outcome.ok.created, updated: outcome.ok.updated, holders: outcome.ok.holdersChanged })}
        />
      ) : (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setOutcome(null)}
          role="alert"
          data-testid="import-failed"
          title={outcome.rows.length ? t('positions.importFailed', { count: outcome.rows.length }) : outcome.message}
          description={
            outcome.rows.length > 0 && (
              <Table<RowErrorDto>
                rowKey={(r) => `${r.row}-${r.reason}`}
                size="small"
                pagination={outcome.rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
                dataSource={outcome.rows}
                data-testid="import-errors"
                columns={[
                  { key: 'row', title: t('positions.row'), dataIndex: 'row', width: 70 },
                  { key: 'message', title: t('positions.problem'), dataIndex: 'message' },
                ]}
              />
            )
          }
        />
      )}
    </div>
  )

  return { button, result }
}
