import { Alert, Card, Col, Empty, Row, Skeleton, Switch, Tree, Typography } from 'antd'
import { useEffect, useMemo, useRef, useState, type Key } from 'react'
import { useSearchParams } from 'react-router'
import { Highlight } from '../../components/Highlight.tsx'
import { ListPageHeader } from '../../components/ListPageHeader.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { useT } from '../../i18n/useT.ts'
import { useMe } from '../auth/api.ts'
import { useUnitIndex, useUnitLevels, useUnits } from './api.ts'
import { KindTag } from './KindTag.tsx'
import { buildUnitTree, filterTree, pathsToMatches, withoutInactive, type UnitNode } from './tree.ts'
import type { UnitDto } from '../../../contract/units.ts'
import { UnitDetails } from './UnitDetails.tsx'

interface TreeItem {
  key: number
  title: React.ReactNode
  children?: TreeItem[]
  isLeaf?: boolean
}

/** The unit tree on the left (search, inactive toggle), the chosen unit's details and actions on the right. */
export default function UnitsPage() {
  const t = useT()
  usePageTitle(t('units.title'))
  const isPhone = useIsPhone()
  const { data: me } = useMe()
  const { error } = useUnits()
  const index = useUnitIndex()
  const [params, setParams] = useSearchParams()
  const selectedId = Number(params.get('id')) || null
  const [search, setSearch] = useState('')
  const [showInactive, setShowInactive] = useState(false)
  // undefined = the default for the current search: top levels, or the way to every match.
  const [expanded, setExpanded] = useState<Key[]>()
  const detailsRef = useRef<HTMLDivElement>(null)

  // Browsing loads the tree a level at a time (the top of the scope, then the children of each
  // expanded unit); a search filters the whole list, which the details beside it need anyway.
  const isLazy = !search.trim()
  const [top] = useUnitLevels([null], showInactive, isLazy)
  const topIds = useMemo(() => (top.data ?? []).map((u) => u.id), [top.data])

  const roots = useMemo(() => {
    if (isLazy) return []
    const all = buildUnitTree(index.items)
    return filterTree(showInactive ? all : withoutInactive(all), search)
  }, [isLazy, index.items, showInactive, search])

  const expandedKeys = expanded ?? (isLazy ? topIds : search.trim() ? pathsToMatches(roots, search) : roots.map((r) => r.unit.id))
  const expandedIds = useMemo(() => expandedKeys.map(Number), [expandedKeys])
  const levels = useUnitLevels(expandedIds, showInactive, isLazy)
  const childrenOf = useMemo(() => new Map(expandedIds.flatMap((id, i) => (levels[i]?.data ? [[id, levels[i].data!] as const] : []))), [expandedIds, levels])

  const treeData = useMemo(() => {
    const title = (u: UnitDto) => (
      <span className={u.isActive ? 'bvct-tree-title' : 'bvct-tree-title bvct-unit-inactive'} data-unit-id={u.id}>
        <span><Highlight text={u.name} query={search} /></span>
        <KindTag kind={u.kind} />
        {!u.isActive && <Typography.Text type="secondary" italic>({t('units.inactive')})</Typography.Text>}
      </span>
    )
    if (isLazy) {
      const toLazyItem = (u: UnitDto & { childCount: number }, depth: number): TreeItem => ({
        key: u.id,
        title: title(u),
        isLeaf: u.childCount === 0,
        children: depth < 100 ? childrenOf.get(u.id)?.map((c) => toLazyItem(c, depth + 1)) : undefined,
      })
      return (top.data ?? []).map((u) => toLazyItem(u, 0))
    }
    const toItem = (n: UnitNode): TreeItem => ({ key: n.unit.id, title: title(n.unit), children: n.children.map(toItem) })
    return roots.map(toItem)
  }, [isLazy, top.data, childrenOf, roots, search, t])

  const selected = selectedId ? index.byId.get(selectedId) : undefined

  // Open the way down to the selected unit: when the page opens at ?id=…, and after a move.
  const selectedParentId = selected?.parentId
  useEffect(() => {
    if (selectedParentId == null) return
    const ancestors: number[] = []
    for (let id: number | null = selectedParentId; id !== null && ancestors.length < 100; id = index.parentOf(id)) ancestors.push(id)
    setExpanded((prev) => {
      const base = prev ?? expandedKeys
      return ancestors.every((a) => base.includes(a)) ? prev : [...new Set([...base, ...ancestors])]
    })
    // Only a new parent should open anything; expandedKeys is read, not watched.
  }, [selectedParentId, index])

  const select = (id: number | null) => {
    setParams(id ? { id: String(id) } : {}, { replace: true })
    // On a phone the details sit under the tree: bring them into view.
    if (id && isPhone) setTimeout(() => detailsRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50)
  }

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={11} xl={10}>
        <Card title={t('units.title')} size="small" styles={{ body: { paddingTop: 12 } }}>
          <ListPageHeader
            search={{
              value: search,
              onChange: (v) => {
                setSearch(v)
                setExpanded(undefined)
              },
              placeholder: t('units.searchPlaceholder'),
            }}
          >
            <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center', cursor: 'pointer' }}>
              <Switch size="small" checked={showInactive} onChange={setShowInactive} aria-label={t('units.showInactive')} />
              <span>{t('units.showInactive')}</span>
            </label>
          </ListPageHeader>
          {(error ?? top.error) && <Alert type="error" showIcon title={(error ?? top.error)!.message} />}
          {(isLazy ? top.isPending : index.isPending) ? (
            <Skeleton active paragraph={{ rows: 8 }} />
          ) : treeData.length === 0 ? (
            <Empty description={search ? t('units.noMatch') : t('common.noData')} />
          ) : (
            <div className="bvct-tree-scroll">
              <Tree<TreeItem>
                blockNode
                showLine
                treeData={treeData}
                expandedKeys={expandedKeys}
                onExpand={setExpanded}
                selectedKeys={selectedId ? [selectedId] : []}
                onSelect={(keys) => keys.length && select(Number(keys[0]))}
              />
            </div>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={13} xl={14} ref={detailsRef}>
        {selected && me ? (
          <UnitDetails unit={selected} me={me} index={index} onSelect={select} onCreated={select} />
        ) : (
          <Card size="small">
            <Empty description={t('units.pickHint')} />
          </Card>
        )}
      </Col>
    </Row>
  )
}
