import { App, Button, Card, Typography, Upload } from 'antd'
import { downloadFile } from '../../api/client.ts'
import { formatDateTime } from '../../components/format.ts'
import { DownloadIcon, UploadIcon } from '../../components/icons.tsx'
import { useT } from '../../i18n/useT.ts'
import type { CaseDto, CaseMutations } from './api.ts'

/** The server's limit for one case document (case-files.service.ts). */
const CASE_FILE_MAX_BYTES = 20 * 1024 * 1024

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('vi-VN')} KB`

/** The case's documents: each download is audited; uploads are sealed with the case. */
export function CaseFiles({ c, mutations, isReadOnly }: { c: CaseDto; mutations: CaseMutations; isReadOnly: boolean }) {
  const t = useT()
  const { message } = App.useApp()
  const report = (e: unknown) => message.error(e instanceof Error ? e.message : String(e))
  // A break-glass reading opens the case once; its documents stay with the list (the server refuses their download).
  const canDownload = !c.access.viaBreakGlass
  return (
    <Card
      size="small"
      title={t('cases.files')}
      data-testid="case-files"
      extra={
        !isReadOnly && (
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              if (file.size <= CASE_FILE_MAX_BYTES) return true
              message.error(t('cases.files.tooLarge'))
              return Upload.LIST_IGNORE
            }}
            customRequest={({ file, onSuccess, onError }) =>
              mutations.uploadFile.mutateAsync(file as File).then(
                (saved) => {
                  message.success(t('cases.files.uploaded', { name: saved.name }))
                  onSuccess?.(saved)
                },
                (e) => {
                  report(e)
                  onError?.(e)
                },
              )
            }
          >
            <Button size="small" icon={<UploadIcon />} loading={mutations.uploadFile.isPending} data-testid="upload-file">{t('cases.files.upload')}</Button>
          </Upload>
        )
      }
    >
      {c.files.length === 0 && <Typography.Text type="secondary">{t('cases.files.none')}</Typography.Text>}
      {c.files.map((f) => (
        <div key={f.id} className="bvct-case-file">
          {canDownload ? (
            <Button type="link" size="small" className="bvct-link-button" icon={<DownloadIcon />} onClick={() => downloadFile(`/case-files/${f.id}`, undefined, f.name).catch(report)} title={t('cases.files.download', { name: f.name })}>
              {f.name}
            </Button>
          ) : (
            <Typography.Text>{f.name}</Typography.Text>
          )}
          <Typography.Text type="secondary">{kb(f.size)} · {formatDateTime(f.uploadedAt)}</Typography.Text>
        </div>
      ))}
      {!canDownload && c.files.length > 0 && <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('cases.files.listOnly')}</Typography.Paragraph>}
    </Card>
  )
}
