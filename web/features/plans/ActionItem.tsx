import { Alert, App, Button, Tag, Typography, Upload } from 'antd'
import type { ActionDto, ExtensionDto } from '../../../contract/plans.ts'
import { downloadFile, isApiError } from '../../api/client.ts'
import { formatDate } from '../../components/format.ts'
import { DownloadIcon, TrashIcon, UploadIcon } from '../../components/icons.tsx'
import { useT } from '../../i18n/useT.ts'
import type { PlanMutations } from './api.ts'
import { ActionStatusTag, CellStatusTag } from './StatusTags.tsx'

const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024

export interface ActionPermissions {
  canEdit: boolean
  isStructureOpen: boolean
}

/** Original and in-force deadlines: an approved extension moves only the latter. */
export function DueDates({ action }: { action: ActionDto }) {
  const t = useT()
  if (action.effectiveDueDate === action.dueDate) return <span>{formatDate(action.dueDate)}</span>
  return (
    <span className="bvct-due">
      <Typography.Text delete type="secondary" title={t('plans.originalDue')}>{formatDate(action.dueDate)}</Typography.Text>
      <span title={t('plans.effectiveDue')}> → {formatDate(action.effectiveDueDate)}</span>
    </span>
  )
}

function useReport() {
  const t = useT()
  const { message } = App.useApp()
  return (e: unknown) => {
    if (isApiError(e, 'CONFLICT')) message.warning(t('plans.conflict'))
    else message.error(e instanceof Error ? e.message : String(e))
  }
}

/** Files attached as evidence: download, and (for the unit) upload and delete. */
function Evidence({ action, canEdit, mutations }: { action: ActionDto; canEdit: boolean; mutations: PlanMutations }) {
  const t = useT()
  const { modal, message } = App.useApp()
  const report = useReport()
  return (
    <div className="bvct-evidence">
      {action.evidence.map((e) => (
        <span key={e.id} className="bvct-evidence-file">
          <Button type="link" size="small" className="bvct-link-button" icon={<DownloadIcon />} onClick={() => downloadFile(`/evidence/${e.id}`, undefined, e.filename).catch(report)} title={t('plans.download')}>
            {e.filename}
          </Button>
          {canEdit && (
            <Button
              size="small"
              type="text"
              danger
              icon={<TrashIcon />}
              aria-label={t('plans.deleteEvidence', { name: e.filename })}
              onClick={() =>
                modal.confirm({
                  title: t('plans.deleteEvidence', { name: e.filename }),
                  okText: t('plans.delete'),
                  okButtonProps: { danger: true },
                  cancelText: t('common.cancel'),
                  onOk: () => mutations.deleteEvidence.mutateAsync(e.id).then(() => message.success(t('plans.evidenceDeleted')), report),
                })
              }
            />
          )}
        </span>
      ))}
      {canEdit && (
        <Upload
          showUploadList={false}
          beforeUpload={(file) => {
            if (file.size > EVIDENCE_MAX_BYTES) {
              message.error(t('plans.evidenceTooLarge'))
              return Upload.LIST_IGNORE
            }
            return true
          }}
          customRequest={({ file, onSuccess, onError }) =>
            mutations.uploadEvidence.mutateAsync({ actionId: action.id, file: file as File }).then(
              (r) => {
                message.success(t('plans.evidenceUploaded'))
                onSuccess?.(r)
              },
              (e) => {
                report(e)
                onError?.(e)
              },
            )
          }
        >
          <Button size="small" icon={<UploadIcon />}>{t('plans.uploadEvidence')}</Button>
        </Upload>
      )}
    </div>
  )
}

interface Props {
  action: ActionDto
  /** The requirement's own deadline from the letter, named in the warning when the action is due after it. */
  requirementDeadline?: string | null
  pendingExtension?: ExtensionDto
  permissions: ActionPermissions
  mutations: PlanMutations
  onEdit: () => void
  onRequestExtension: () => void
}

/** One action of the plan with its deadline, progress, timeliness and evidence. */
export function ActionItem({ action, requirementDeadline, pendingExtension, permissions, mutations, onEdit, onRequestExtension }: Props) {
  const t = useT()
  const { modal, message } = App.useApp()
  const report = useReport()
  const { canEdit, isStructureOpen } = permissions
  const remove = () =>
    modal.confirm({
      title: t('plans.deleteActionConfirm'),
      content: action.title,
      okText: t('plans.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => mutations.deleteAction.mutateAsync({ id: action.id, version: action.version }).then(() => message.success(t('plans.actionDeleted')), report),
    })
  return (
    <div className="bvct-action" data-testid="plan-action">
      <div className="bvct-action-main">
        <Typography.Text strong>{action.title}</Typography.Text>
        <div className="bvct-action-meta">
          <span>{t('plans.owner')}: {action.ownerName ?? <Typography.Text type="secondary">{t('plans.noOwner')}</Typography.Text>}</span>
          <span>{t('plans.dueDate')}: <DueDates action={action} /></span>
          {action.completedOn && <span>{t('plans.completedOn')}: {formatDate(action.completedOn)}</span>}
        </div>
        <div className="bvct-action-tags">
          <ActionStatusTag status={action.status} />
          {action.status === 'notStarted' && action.timeliness === 'in_progress_on_time' ? (
            <Tag color="blue">{t('plans.withinDeadline')}</Tag>
          ) : (
            <CellStatusTag status={action.timeliness} />
          )}
          {pendingExtension && <Tag color="gold">{t('plans.extensionPending', { date: formatDate(pendingExtension.requestedDueDate) })}</Tag>}
        </div>
        {action.afterRequirementDeadline && requirementDeadline && (
          <Alert
            type="warning"
            showIcon
            data-testid="after-requirement-deadline"
            title={t('plans.afterRequirementDeadline', { date: formatDate(requirementDeadline) })}
            style={{ marginTop: 6, padding: '4px 8px' }}
          />
        )}
        {action.note && <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{action.note}</Typography.Paragraph>}
        <Evidence action={action} canEdit={canEdit} mutations={mutations} />
      </div>
      {canEdit && (
        <div className="bvct-action-buttons">
          <Button size="small" onClick={onEdit}>{t(isStructureOpen ? 'common.edit' : 'plans.updateProgress')}</Button>
          {isStructureOpen && <Button size="small" danger onClick={remove}>{t('plans.delete')}</Button>}
          {!isStructureOpen && action.status !== 'done' && !pendingExtension && <Button size="small" onClick={onRequestExtension}>{t('plans.requestExtension')}</Button>}
        </div>
      )}
    </div>
  )
}
