import { Alert, App, Button, Descriptions, Drawer, Flex, Skeleton, Table, Typography, Upload } from 'antd'
import { useState } from 'react'
import { SESSION_FORM_LABELS, type ImportResultDto } from '../../../contract/dissemination.ts'
import type { RowErrorDto } from '../../../contract/errors.ts'
import { isApiError, newIdempotencyKey } from '../../api/client.ts'
import { formatDate, formatDateTime } from '../../components/format.ts'
import { UploadIcon } from '../../components/icons.tsx'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { useLabel, useT } from '../../i18n/useT.ts'
import { SessionMaterials } from '../materials/SessionMaterials.tsx'
import { useDeleteSession, useImportRoster, useSession } from './api.ts'

/** A roster import's outcome: what was added, or every row that named no one (nothing is added then). */
type ImportOutcome = { ok: ImportResultDto } | { rows: RowErrorDto[]; message: string } | null

/** One session: its facts and attendees; the unit can add attendees from a roster file or delete it. */
export function SessionDetailDrawer({ sessionId, canWrite, onClose }: { sessionId: number; canWrite: boolean; onClose: () => void }) {
  const t = useT()
  const label = useLabel()
  const isPhone = useIsPhone()
  const { modal, message } = App.useApp()
  const { data: s, error, isPending } = useSession(sessionId)
  const importRoster = useImportRoster()
  const remove = useDeleteSession()
  const [outcome, setOutcome] = useState<ImportOutcome>(null)

  const runImport = async (file: File) => {
    setOutcome(null)
    try {
      const ok = await importRoster.mutateAsync({ sessionId, file, idempotencyKey: newIdempotencyKey() })
      setOutcome({ ok })
    } catch (e) {
      if (isApiError(e) && Array.isArray(e.details.rows)) setOutcome({ rows: e.details.rows as RowErrorDto[], message: e.message })
      else if (isApiError(e) && Object.keys(e.fields).length) setOutcome({ rows: [], message: Object.values(e.fields).join('; ') })
      else setOutcome({ rows: [], message: e instanceof Error ? e.message : String(e) })
    }
  }

  const confirmDelete = () =>
    modal.confirm({
      title: t('dissemination.deleteConfirm'),
      content: s?.title,
      okText: t('plans.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync({ id: sessionId, version: s!.version }).then(
          () => {
            message.success(t('dissemination.deleted'))
            onClose()
          },
          (e) => message.error(e instanceof Error ? e.message : String(e)),
        ),
    })

  return (
    <Drawer
      open
      onClose={onClose}
      title={s?.title ?? t('dissemination.session')}
      size={isPhone ? '100%' : 640}
      destroyOnHidden
      footer={
        canWrite &&
        s && (
          <Flex justify="space-between" gap={8} wrap>
            <Button danger onClick={confirmDelete}>{t('plans.delete')}</Button>
            <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={(file) => (runImport(file), false)}>
              <Button type="primary" icon={<UploadIcon />} loading={importRoster.isPending}>{t('dissemination.importRoster')}</Button>
            </Upload>
          </Flex>
        )
      }
    >
      {isPending ? (
        <Skeleton active />
      ) : error ? (
        <Alert type="error" showIcon title={error.message} />
      ) : (
        <div className="bvct-stack">
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              { key: 'heldOn', label: t('dissemination.heldOn'), children: formatDate(s.heldOn) },
              { key: 'form', label: t('dissemination.form'), children: label(SESSION_FORM_LABELS[s.form]) },
              { key: 'unit', label: t('people.unit'), children: s.unitName },
              { key: 'reqs', label: t('dissemination.requirementsCovered'), children: s.requirements.map((r) => r.label).join(' ') },
              { key: 'count', label: t('dissemination.attendeeCount'), children: s.attendeeCount },
              ...(s.note ? [{ key: 'note', label: t('plans.note'), children: s.note }] : []),
              { key: 'by', label: t('dissemination.recordedBy'), children: `${s.createdBy ?? ''} · ${formatDateTime(s.createdAt)}` },
            ]}
          />
          <SessionMaterials sessionId={s.id} directiveId={s.directiveId} version={s.version} canWrite={canWrite} />
          {canWrite && <Typography.Text type="secondary">{t('dissemination.rosterHint')}</Typography.Text>}
          {outcome && 'ok' in outcome && (
            <Alert
              type="success"
              showIcon
              role="status"
              title={t('dissemination.imported', { added: outcome.ok.added, already: outcome.ok.alreadyPresent, total: outcome.ok.attendeeCount })}
            />
          )}
          {outcome && 'rows' in outcome && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={outcome.rows.length ? t('dissemination.importFailed', { count: outcome.rows.length }) : outcome.message}
              description={
                outcome.rows.length > 0 && (
                  <Table<RowErrorDto>
                    rowKey={(r) => `${r.row}-${r.reason}`}
                    size="small"
                    pagination={outcome.rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
                    dataSource={outcome.rows}
                    data-testid="roster-errors"
                    columns={[
                      { key: 'row', title: t('dissemination.row'), dataIndex: 'row', width: 70 },
                      { key: 'message', title: t('dissemination.problem'), dataIndex: 'message' },
                    ]}
                  />
                )
              }
            />
          )}
          <Table
            rowKey="id"
            size="small"
            dataSource={s.attendees}
            columns={[
              { key: 'name', title: t('people.fullName'), dataIndex: 'fullName' },
              { key: 'position', title: t('people.position'), dataIndex: 'position', responsive: ['sm'] },
              { key: 'unit', title: t('people.unit'), dataIndex: 'unitName', responsive: ['md'] },
            ]}
            pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true }}
          />
        </div>
      )}
    </Drawer>
  )
}
