import { Alert, App, Button, Card, Empty, Form, Input, Skeleton, Tag, Typography } from 'antd'
import { useState } from 'react'
import { caseGroupInput } from '../../../contract/cases.ts'
import { FormModal } from '../../components/FormModal.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { PlusIcon } from '../../components/icons.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useLang, useT } from '../../i18n/useT.ts'
import { hasAnyRole } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { AccountSelect, useKnownAccounts } from './AccountSelect.tsx'
import { useCaseGroups, useGroupMutations, type CaseGroup } from './api.ts'
import { useIsBoardHead } from './useCaseNavFlags.ts'
import './cases.css'

type Mutations = ReturnType<typeof useGroupMutations>
/** The board's head decides; an administrator asks; anyone else who may see the groups reads them. */
type Power = 'decide' | 'request' | 'read'

function CreateGroupModal({ mutations, onClose }: { mutations: Mutations; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ name?: string }>()
  const submission = useFormSubmit(form, caseGroupInput, ({ name }) => mutations.create.mutateAsync(name))
  const onFinish = async (v: { name?: string }) => {
    if (await submission.submit({ name: v.name })) {
      message.success(t('cases.groups.created'))
      onClose()
    }
  }
  return (
    <FormModal title={t('cases.groups.create')} okText={t('common.create')} form={form} onFinish={onFinish} onClose={onClose} submission={submission}>
      <Form.Item name="name" label={t('cases.groups.name')} rules={[zodRule(caseGroupInput.shape.name, lang, { required: true })]}>
        <Input maxLength={200} autoFocus data-testid="group-name" />
      </Form.Item>
    </FormModal>
  )
}

function GroupCard({ group, power, mutations }: { group: CaseGroup; power: Power; mutations: Mutations }) {
  const t = useT()
  const { modal, message } = App.useApp()
  const known = useKnownAccounts()
  const [accountId, setAccountId] = useState<number>()
  const members = new Set(group.members.map((m) => m.accountId))
  const done = () => message.success(t(power === 'decide' ? 'cases.groups.done' : 'cases.groups.requested'))
  const fail = (e: unknown) => message.error(e instanceof Error ? e.message : String(e))
  const add = () => {
    if (!accountId) return
    mutations.addMember.mutateAsync({ groupId: group.id, accountId }).then(() => {
      setAccountId(undefined)
      done()
    }, fail)
  }
  const remove = (m: CaseGroup['members'][number]) =>
    modal.confirm({
      title: t(power === 'decide' ? 'cases.groups.removeMember' : 'cases.groups.requestRemove', { name: m.username }),
      okText: t(power === 'decide' ? 'cases.access.remove' : 'cases.groups.sendRequest'),
      okButtonProps: { danger: power === 'decide' },
      cancelText: t('common.cancel'),
      onOk: () => mutations.removeMember.mutateAsync({ groupId: group.id, accountId: m.accountId }).then(done, fail),
    })
  const decide = (requestId: number, decision: 'approve' | 'refuse') => mutations.decide.mutateAsync({ requestId, decision }).then(done, fail)

  return (
    <Card size="small" title={group.name} data-testid="case-group" data-group={group.name}>
      <Typography.Text type="secondary">{t('cases.groups.members', { count: group.members.length })}</Typography.Text>
      <div className="bvct-tags" style={{ margin: '6px 0 12px' }}>
        {group.members.length === 0 && <Typography.Text type="secondary">{t('cases.groups.noMembers')}</Typography.Text>}
        {group.members.map((m) => (
          <Tag key={m.accountId} closable={power !== 'read'} onClose={(e) => {
              // The tag stays until the answer says the member is gone (or a request was filed).
              e.preventDefault()
              remove(m)
            }} data-testid="group-member">
            {m.username}
          </Tag>
        ))}
      </div>
      {power !== 'read' && (
        <div className="bvct-case-add">
          <div className="bvct-case-add-pick">
            <AccountSelect value={accountId} onChange={(v) => setAccountId(v as number | undefined)} known={known.filter((a) => !members.has(a.id))} data-testid="group-account" />
          </div>
          <Button icon={<PlusIcon />} onClick={add} disabled={!accountId} loading={mutations.addMember.isPending} data-testid="group-add">
            {t(power === 'decide' ? 'cases.groups.addMember' : 'cases.groups.requestAdd')}
          </Button>
        </div>
      )}
      {group.pendingRequests.length > 0 && (
        <div className="bvct-case-pending" data-testid="group-requests">
          <Typography.Text strong>{t('cases.groups.pending')}</Typography.Text>
          {group.pendingRequests.map((r) => (
            <div key={r.id} className="bvct-case-entry" data-testid="group-request">
              <span>
                {t(r.change === 'add' ? 'cases.groups.change.add' : 'cases.groups.change.remove', { name: r.username })}{' '}
                <Typography.Text type="secondary">{t('cases.groups.requestedBy', { name: r.requestedBy })}</Typography.Text>
              </span>
              {power === 'decide' ? (
                <span className="bvct-head-actions">
                  <Button size="small" type="primary" onClick={() => decide(r.id, 'approve')}>{t('cases.groups.approve')}</Button>
                  <Button size="small" danger onClick={() => decide(r.id, 'refuse')}>{t('cases.groups.refuse')}</Button>
                </span>
              ) : (
                <Tag color="gold">{t('cases.groups.headDecides')}</Tag>
              )}
            </div>
          ))}
        </div>
      )}
    </Card>
  )
}

/**
 * The named groups that can be put on a case's list. The board's head creates them and decides
 * who is in them; an administrator may only ask (and is never a member).
 */
export default function CaseGroupsPage() {
  const t = useT()
  usePageTitle(t('nav.caseGroups'))
  const { data: me } = useMe()
  const isBoardHead = useIsBoardHead(me)
  const power: Power = isBoardHead ? 'decide' : hasAnyRole(me, ['admin']) ? 'request' : 'read'
  const groups = useCaseGroups()
  const mutations = useGroupMutations()
  const [isCreating, setIsCreating] = useState(false)
  return (
    <div className="bvct-stack">
      <Card
        size="small"
        title={t('nav.caseGroups')}
        extra={power === 'decide' && <Button type="primary" size="small" icon={<PlusIcon />} onClick={() => setIsCreating(true)} data-testid="group-create">{t('cases.groups.create')}</Button>}
      >
        <Alert type={power === 'request' ? 'warning' : 'info'} showIcon title={t(`cases.groups.intro.${power}`)} data-testid="groups-intro" />
      </Card>
      {groups.error && <Alert type="error" showIcon title={groups.error.message} />}
      {groups.isPending ? (
        <Skeleton active />
      ) : !groups.data?.length ? (
        <Card size="small"><Empty description={t('cases.groups.none')} /></Card>
      ) : (
        <div className="bvct-case-groups">{groups.data.map((g) => <GroupCard key={g.id} group={g} power={power} mutations={mutations} />)}</div>
      )}
      {isCreating && <CreateGroupModal mutations={mutations} onClose={() => setIsCreating(false)} />}
    </div>
  )
}
