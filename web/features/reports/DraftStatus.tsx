import { Alert, App, Button, Typography } from 'antd'
import dayjs from 'dayjs'
import { formatDateTime } from '../../components/format.ts'
import { useT } from '../../i18n/useT.ts'
import type { DraftConflict } from './api.ts'
import type { SaveState } from './useDraftEditor.ts'

/** "Đã lưu lúc 10:42" / "Đang lưu…" / unsaved / failed, next to the report's actions. */
export function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const t = useT()
  const common = { 'data-testid': 'save-state', 'data-state': state.kind, role: 'status', 'aria-live': 'polite' as const }
  switch (state.kind) {
    case 'clean':
      return <Typography.Text type="secondary" {...common}>{t('reports.save.clean')}</Typography.Text>
    case 'dirty':
      return <Typography.Text type="secondary" {...common}>{t('reports.save.dirty')}</Typography.Text>
    case 'saving':
      return <Typography.Text type="secondary" {...common}>{t('reports.save.saving')}</Typography.Text>
    case 'saved':
      return (
        <Typography.Text type="success" {...common} title={formatDateTime(state.at, true)}>
          {t('reports.save.savedAt', { time: dayjs(state.at).format(dayjs(state.at).isSame(dayjs(), 'day') ? 'HH:mm' : 'HH:mm DD/MM/YYYY') })}
        </Typography.Text>
      )
    case 'error':
      return (
        <Typography.Text type="danger" {...common}>
          {t('reports.save.failed')}{' '}
          <Typography.Link onClick={onRetry}>{t('common.retry')}</Typography.Link>
        </Typography.Text>
      )
    case 'conflict':
      return <Typography.Text type="danger" strong {...common}>{t('reports.save.conflict')}</Typography.Text>
  }
}

/**
 * Someone else saved the draft after this page loaded it. The user's text is kept on screen (not
 * saved), the other text is shown beside each part that differs, and the user chooses.
 */
export function ConflictBanner({ current, differences, onKeepMine, onTakeTheirs, onShowFirst, isSaving }: {
  current: DraftConflict
  differences: number
  onKeepMine: () => void
  onTakeTheirs: () => void
  onShowFirst: () => void
  isSaving: boolean
}) {
  const t = useT()
  const { modal } = App.useApp()
  const user = current.updatedBy ?? t('reports.conflict.someone')
  const takeTheirs = () =>
    modal.confirm({
      title: t('reports.conflict.takeTheirsConfirm', { user }),
      content: t('reports.conflict.takeTheirsHint'),
      okText: t('reports.conflict.takeTheirs', { user }),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: onTakeTheirs,
    })
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="conflict-banner"
      className="bvct-rep-conflict"
      title={t('reports.conflict.title', { user, at: formatDateTime(current.updatedAt) })}
      description={
        <div style={{ display: 'grid', gap: 8 }}>
          <span>{t('reports.conflict.hint', { count: differences })}</span>
          <span className="bvct-rep-tags">
            {differences > 0 && <Button size="small" onClick={onShowFirst}>{t('reports.conflict.showFirst')}</Button>}
            <Button size="small" type="primary" onClick={onKeepMine} loading={isSaving} data-testid="conflict-keep-mine">
              {t('reports.conflict.keepMine')}
            </Button>
            <Button size="small" danger onClick={takeTheirs} data-testid="conflict-take-theirs">
              {t('reports.conflict.takeTheirs', { user })}
            </Button>
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('reports.conflict.keepMineHint', { user })}</Typography.Text>
        </div>
      }
    />
  )
}
