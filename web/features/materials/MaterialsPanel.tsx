import { Alert, App, Button, Skeleton, Tooltip, Typography } from 'antd'
import { useState } from 'react'
import type { MaterialDto } from '../../../contract/materials.ts'
import { PlusIcon } from '../../components/icons.tsx'
import { useT } from '../../i18n/useT.ts'
import { useDeleteMaterial, useMaterials } from './api.ts'
import { MaterialDrawer } from './MaterialDrawer.tsx'
import { MaterialList } from './MaterialList.tsx'
import './materials.css'

/**
 * A directive's materials (the letter itself, guidance, slides, questions and answers): everyone
 * who may read the directive opens them; the board over its owner adds, edits and removes them.
 */
export function MaterialsPanel({ directiveId, canManage }: { directiveId: number; canManage: boolean }) {
  const t = useT()
  const { modal, message } = App.useApp()
  const { data, error, isPending } = useMaterials(directiveId)
  const remove = useDeleteMaterial()
  const [editing, setEditing] = useState<MaterialDto | 'new' | null>(null)

  const confirmRemove = (m: MaterialDto) =>
    modal.confirm({
      title: t('materials.removeConfirm'),
      content: m.title,
      okText: t('materials.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync({ id: m.id, directiveId, version: m.version }).then(
          () => void message.success(t('materials.removed', { title: m.title })),
          (e) => void message.error(e instanceof Error ? e.message : String(e)),
        ),
    })

  return (
    <div className="bvct-stack bvct-stack-tight" data-testid="materials-panel">
      <div className="bvct-page-head">
        <Typography.Text type="secondary" style={{ flex: '1 1 280px' }}>{t(canManage ? 'materials.introBoard' : 'materials.intro')}</Typography.Text>
        {canManage && <Button type="primary" icon={<PlusIcon />} onClick={() => setEditing('new')} data-testid="add-material">{t('materials.add')}</Button>}
      </div>
      {error && <Alert type="error" showIcon title={error.message} />}
      {isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <MaterialList
          items={data ?? []}
          empty={t(canManage ? 'materials.noneBoard' : 'materials.none')}
          actions={
            canManage
              ? (m) => (
                  <>
                    {m.sessionCount > 0 && <Typography.Text type="secondary">{t('materials.usedIn', { count: m.sessionCount })}</Typography.Text>}
                    <Button size="small" onClick={() => setEditing(m)} data-testid="edit-material">{t('common.edit')}</Button>
                    {m.sessionCount > 0 ? (
                      <Tooltip title={t('materials.inUse', { count: m.sessionCount })}>
                        <Button size="small" danger disabled>{t('materials.remove')}</Button>
                      </Tooltip>
                    ) : (
                      <Button size="small" danger onClick={() => confirmRemove(m)}>{t('materials.remove')}</Button>
                    )}
                  </>
                )
              : (m) => (m.sessionCount > 0 ? <Typography.Text type="secondary">{t('materials.usedIn', { count: m.sessionCount })}</Typography.Text> : null)
          }
        />
      )}
      {editing && <MaterialDrawer directiveId={directiveId} material={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </div>
  )
}
