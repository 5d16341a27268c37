import { App, Button, Upload } from 'antd'
import { useState } from 'react'
import { downloadFile } from '../../api/client.ts'
import { DownloadIcon, UploadIcon } from '../../components/icons.tsx'
import { useT } from '../../i18n/useT.ts'
import { filePath, type InspectionFileDto, type InspectionMutations } from './api.ts'

/** The server's limit for one inspection file (files.service.ts). */
const MAX_BYTES = 20 * 1024 * 1024

/** Files as download links (each fetched through the API client, so a refusal shows its message). */
export function FileLinks({ files }: { files: InspectionFileDto[] }) {
  const { message } = App.useApp()
  if (!files.length) return null
  return (
    <span className="bvct-evidence">
      {files.map((f) => (
        <Button key={f.id} type="link" size="small" icon={<DownloadIcon />} style={{ paddingInline: 0 }} onClick={() => downloadFile(filePath(f.id), undefined, f.filename).catch((e: Error) => message.error(e.message))}>
          {f.filename}
        </Button>
      ))}
    </span>
  )
}

/**
 * Files picked for a form: each is uploaded at once (for `unitId`, or the team), and the form sends
 * their ids. Returns the button with the list, and the ids.
 */
export function useFilePicker(mutations: InspectionMutations, unitId?: number, initial: InspectionFileDto[] = []) {
  const t = useT()
  const { message } = App.useApp()
  const [files, setFiles] = useState(initial)
  const picker = (
    <div>
      <Upload
        showUploadList={false}
        beforeUpload={(file) => {
          if (file.size <= MAX_BYTES) return true
          message.error(t('inspections.file.tooLarge'))
          return Upload.LIST_IGNORE
        }}
        customRequest={({ file, onSuccess, onError }) =>
          mutations.upload.mutateAsync({ file: file as File, unitId }).then(
            (saved) => {
              setFiles((list) => [...list, saved])
              onSuccess?.(saved)
            },
            (e: Error) => {
              message.error(e.message)
              onError?.(e)
            },
          )
        }
      >
        <Button size="small" icon={<UploadIcon />} loading={mutations.upload.isPending} data-testid="attach-file">{t('inspections.file.attach')}</Button>
      </Upload>
      {files.length > 0 && (
        <ul className="bvct-count-list" data-testid="attached-files">
          {files.map((f) => (
            <li key={f.id} className="bvct-tags">
              {f.filename}
              <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => setFiles((list) => list.filter((x) => x.id !== f.id))}>{t('inspections.file.remove')}</Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
  return { picker, fileIds: files.map((f) => f.id) }
}
