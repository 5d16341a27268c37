import { App, Button, Card, Table, Tag, Timeline, Typography, Upload, type TableColumnsType } from 'antd'
import { downloadFile } from '../../api/client.ts'
import { formatDate, formatDateTime } from '../../components/format.ts'
import { DownloadIcon, UploadIcon } from '../../components/icons.tsx'
import { useIsPhone } from '../../components/useIsPhone.ts'
import type { MessageKey } from '../../i18n/translate.ts'
import { useT } from '../../i18n/useT.ts'
import type { CorrectiveDto, CorrectiveMutations } from './api.ts'
import type { HistoryEntry } from './history.ts'

/** The server's limit for one file of an inspection, a checklist round or a corrective action. */
const FILE_MAX_BYTES = 10 * 1024 * 1024

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('vi-VN')} KB`

/** The evidence files: download for every reader, upload for the unit while the action is open. */
export function EvidenceCard({ action, mutations }: { action: CorrectiveDto; mutations: CorrectiveMutations }) {
  const t = useT()
  const { message } = App.useApp()
  const report = (e: unknown) => message.error(e instanceof Error ? e.message : String(e))
  return (
    <Card
      size="small"
      title={t('corrective.evidence')}
      data-testid="corrective-evidence"
      extra={
        action.access.canReport && (
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              if (file.size <= FILE_MAX_BYTES) return true
              message.error(t('corrective.evidenceTooLarge'))
              return Upload.LIST_IGNORE
            }}
            customRequest={({ file, onSuccess, onError }) =>
              mutations.uploadEvidence.mutateAsync(file as File).then(
                (saved) => {
                  message.success(t('corrective.evidenceUploaded', { name: saved.filename }))
                  onSuccess?.(saved)
                },
                (e) => {
                  report(e)
                  onError?.(e)
                },
              )
            }
          >
            <Button size="small" icon={<UploadIcon />} loading={mutations.uploadEvidence.isPending} data-testid="upload-evidence">{t('corrective.evidenceUpload')}</Button>
          </Upload>
        )
      }
    >
      {action.evidence.length === 0 && <Typography.Text type="secondary">{t('corrective.evidenceNone')}</Typography.Text>}
      {action.evidence.map((f) => (
        <div key={f.id} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 8 }} data-testid="evidence-file">
          <Button
            type="link"
            size="small"
            className="bvct-link-button"
            icon={<DownloadIcon />}
            onClick={() => downloadFile(`/inspection-files/${f.id}`, undefined, f.filename).catch(report)}
            title={t('corrective.download', { name: f.filename })}
            style={{ maxWidth: '100%', whiteSpace: 'normal', textAlign: 'start', height: 'auto' }}
          >
            {f.filename}
          </Button>
          <Typography.Text type="secondary">{kb(f.size)} · {formatDateTime(f.uploadedAt)}</Typography.Text>
        </div>
      ))}
    </Card>
  )
}

const EXTENSION_COLORS = { pending: 'gold', approved: 'success', refused: 'error' } as const
type Extension = CorrectiveDto['extensions'][number]

/** Every extension asked for, with the board's decision or (for the board) the buttons to make it. */
export function ExtensionsCard({ action, canDecide, onDecide }: { action: CorrectiveDto; canDecide: boolean; onDecide: (x: Extension, decision: 'approve' | 'refuse') => void }) {
  const t = useT()
  const isPhone = useIsPhone()
  if (!action.extensions.length) return null
  const status = (x: Extension) => <Tag color={EXTENSION_COLORS[x.status]}>{t(`corrective.extension.${x.status}` as MessageKey)}</Tag>
  const decision = (x: Extension) =>
    x.status === 'pending' ? (
      canDecide && (
        <span style={{ display: 'inline-flex', gap: 8 }}>
          <Button size="small" type="primary" onClick={() => onDecide(x, 'approve')}>{t('corrective.approve')}</Button>
          <Button size="small" danger onClick={() => onDecide(x, 'refuse')}>{t('corrective.refuse')}</Button>
        </span>
      )
    ) : (
      <Typography.Text type="secondary">
        {x.decidedBy} · {formatDateTime(x.decidedAt)}
        {x.decisionNote ? ` — ${x.decisionNote}` : ''}
      </Typography.Text>
    )
  const columns: TableColumnsType<Extension> = isPhone
    ? [{
        key: 'all',
        title: t('corrective.extensions'),
        render: (_, x) => (
          <div style={{ display: 'grid', gap: 4 }}>
            <span>{formatDate(x.previousDueDate)} → <b>{formatDate(x.requestedDueDate)}</b> {status(x)}</span>
            <Typography.Text type="secondary" className="bvct-prose">{x.reason}</Typography.Text>
            <Typography.Text type="secondary">{x.requestedBy} · {formatDateTime(x.requestedAt)}</Typography.Text>
            <span>{decision(x)}</span>
          </div>
        ),
      }]
    : [
        { key: 'prev', title: t('corrective.previousDue'), render: (_, x) => formatDate(x.previousDueDate), width: 120 },
        { key: 'date', title: t('corrective.requestedDueDate'), render: (_, x) => formatDate(x.requestedDueDate), width: 130 },
        { key: 'reason', title: t('corrective.reason'), render: (_, x) => <span className="bvct-prose">{x.reason}</span> },
        { key: 'by', title: t('corrective.requestedBy'), render: (_, x) => `${x.requestedBy ?? ''} · ${formatDateTime(x.requestedAt)}`, width: 200 },
        { key: 'status', title: t('common.status'), render: (_, x) => status(x), width: 130 },
        { key: 'decision', title: t('corrective.decision'), render: (_, x) => decision(x) },
      ]
  return (
    <Card size="small" title={t('corrective.extensions')} data-testid="corrective-extensions">
      <Table<Extension> rowKey="id" size="small" columns={columns} dataSource={action.extensions} pagination={false} showHeader={!isPhone} />
    </Card>
  )
}

const HISTORY_COLORS: Record<HistoryEntry['kind'], string> = {
  evidence: 'gray', reported: 'blue', returned: 'red', verified: 'green', extensionRequested: 'gold', extensionApproved: 'green', extensionRefused: 'red',
}

/** The steps taken, oldest first: when, who, the day named and the words written. */
export function HistoryCard({ entries, isLatestOnly }: { entries: HistoryEntry[]; isLatestOnly: boolean }) {
  const t = useT()
  return (
    <Card size="small" title={t('corrective.history')} data-testid="corrective-history">
      {isLatestOnly && entries.length > 0 && <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('corrective.historyLatest')}</Typography.Paragraph>}
      {entries.length === 0 ? (
        <Typography.Text type="secondary">{t('corrective.historyNone')}</Typography.Text>
      ) : (
        <Timeline
          items={entries.map((e) => ({
            key: e.key,
            color: HISTORY_COLORS[e.kind],
            content: (
              <div data-testid="history-entry" data-kind={e.kind}>
                <Typography.Text strong>{t(`corrective.history.${e.kind}` as MessageKey)}</Typography.Text>
                {e.day && (
                  <Typography.Text>
                    {' '}
                    {t(e.kind === 'reported' ? 'corrective.history.completedOn' : 'corrective.history.toDate', { date: formatDate(e.day) })}
                  </Typography.Text>
                )}
                <div>
                  <Typography.Text type="secondary">
                    {formatDateTime(e.at)}
                    {e.by && ` · ${e.by}`}
                  </Typography.Text>
                </div>
                {e.text && <div className="bvct-prose" style={{ overflowWrap: 'anywhere' }}>{e.text}</div>}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  )
}
