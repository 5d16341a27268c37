import { Alert, App, Button, Flex, Select, Skeleton, Typography } from 'antd'
import { useState } from 'react'
import { MATERIAL_KIND_LABELS } from '../../../contract/materials.ts'
import { useLabel, useT } from '../../i18n/useT.ts'
import { useLinkSessionMaterials, useMaterials, useSessionMaterials } from './api.ts'
import { MaterialList } from './MaterialList.tsx'
import './materials.css'

interface Props {
  sessionId: number
  directiveId: number
  /** The session's version: linking materials is an edit of the session. */
  version: number
  canWrite: boolean
}

/** The materials a dissemination session used; the unit picks them from the directive's library. */
export function SessionMaterials({ sessionId, directiveId, version, canWrite }: Props) {
  const t = useT()
  const label = useLabel()
  const { message } = App.useApp()
  const linked = useSessionMaterials(sessionId)
  const library = useMaterials(directiveId, canWrite)
  const link = useLinkSessionMaterials(directiveId)
  const [picked, setPicked] = useState<number[] | null>(null)
  const isEditing = picked !== null

  const save = async () => {
    try {
      const saved = await link.mutateAsync({ sessionId, version, materialIds: picked ?? [] })
      message.success(t('materials.linked', { count: saved.items.length }))
      setPicked(null)
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e))
    }
  }

  return (
    <div className="bvct-stack bvct-stack-tight" data-testid="session-materials">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('materials.usedBySession')}</Typography.Title>
        {canWrite && !isEditing && (
          <Button size="small" onClick={() => setPicked(linked.data?.items.map((m) => m.id) ?? [])} disabled={!linked.data} data-testid="pick-materials">
            {t('materials.pick')}
          </Button>
        )}
      </Flex>
      {linked.error && <Alert type="error" showIcon title={linked.error.message} />}
      {isEditing ? (
        <>
          <Select
            mode="multiple"
            value={picked}
            onChange={setPicked}
            loading={library.isPending}
            style={{ width: '100%' }}
            placeholder={t('materials.pickPlaceholder')}
            aria-label={t('materials.pick')}
            optionFilterProp="label"
            notFoundContent={t('materials.noneInLibrary')}
            options={(library.data ?? []).map((m) => ({ value: m.id, label: `${m.title} (${label(MATERIAL_KIND_LABELS[m.kind])})` }))}
            data-testid="material-select"
          />
          <Flex justify="end" gap={8}>
            <Button onClick={() => setPicked(null)}>{t('common.cancel')}</Button>
            <Button type="primary" loading={link.isPending} onClick={save} data-testid="save-materials">{t('common.save')}</Button>
          </Flex>
        </>
      ) : linked.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : (
        <MaterialList items={linked.data?.items ?? []} empty={t(canWrite ? 'materials.noneUsedHint' : 'materials.noneUsed')} />
      )}
    </div>
  )
}
