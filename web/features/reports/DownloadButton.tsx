import { Alert, Button, Progress, Typography } from 'antd'
import type { QueryValue } from '../../api/client.ts'
import { DownloadIcon } from '../../components/icons.tsx'
import { useT } from '../../i18n/useT.ts'
import { useDownload, type DownloadProgress } from './download.ts'

function ProgressText({ progress }: { progress: DownloadProgress }) {
  const t = useT()
  if (progress.phase === 'generating') return <>{t('reports.download.generating', { seconds: progress.seconds })}</>
  if (progress.phase === 'receiving') {
    if (progress.total) return <Progress percent={Math.round((progress.received / progress.total) * 100)} size="small" style={{ width: 160, margin: 0 }} />
    return <>{t('reports.download.receiving', { kb: Math.round(progress.received / 1024) })}</>
  }
  return null
}

/**
 * A button that fetches a generated document and shows, while it waits, how long the server has
 * been building it and then how much has arrived.
 */
export function DownloadButton({ path, query, fileName, label, testId, type }: { path: string; query?: Record<string, QueryValue>; fileName: string; label: string; testId?: string; type?: 'primary' | 'default' }) {
  const { start, progress, error, isBusy, clearError } = useDownload()
  return (
    <span className="bvct-rep-download">
      <Button type={type} icon={<DownloadIcon />} loading={isBusy} onClick={() => void start(path, query, fileName)} data-testid={testId}>
        {label}
      </Button>
      {isBusy && (
        <Typography.Text type="secondary" className="bvct-rep-download-progress" role="status" aria-live="polite" data-testid={testId ? `${testId}-progress` : undefined}>
          <ProgressText progress={progress} />
        </Typography.Text>
      )}
      {error && <Alert type="error" showIcon closable onClose={clearError} title={error} className="bvct-rep-download-error" role="alert" />}
    </span>
  )
}
