import { App, Button, Tag } from 'antd'
import { formatDateTime } from '../../components/format.ts'
import { useT } from '../../i18n/useT.ts'
import { useConfirmReceipt } from './api.ts'

/** Whether I have confirmed I was briefed on a directive, as a tag. */
export function BriefedTag({ confirmedAt }: { confirmedAt: string | null }) {
  const t = useT()
  return confirmedAt ? (
    <Tag color="success" data-testid="briefed-tag">{t('myDirectives.confirmedAt', { at: formatDateTime(confirmedAt) })}</Tag>
  ) : (
    <Tag color="warning" data-testid="briefed-tag">{t('myDirectives.notConfirmed')}</Tag>
  )
}

/**
 * "Tôi đã được phổ biến": a person's own confirmation that they have been briefed on a directive,
 * which counts in their unit's coverage. It is not the unit's acknowledgement of receipt.
 */
export function BriefedButton({ directiveId, isPrimary = true }: { directiveId: number; isPrimary?: boolean }) {
  const t = useT()
  const { message } = App.useApp()
  const confirm = useConfirmReceipt()
  return (
    <Button
      type={isPrimary ? 'primary' : 'default'}
      loading={confirm.isPending}
      data-testid="confirm-briefed"
      onClick={() => confirm.mutateAsync(directiveId).then(() => message.success(t('myDirectives.confirmed')), (e) => message.error(e instanceof Error ? e.message : String(e)))}
    >
      {t('myDirectives.confirm')}
    </Button>
  )
}
