import { Alert, App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useMemo, useState } from 'react'
import { useNavigate } from 'react-router'
import {
  addressProblem, CHANNEL_EDIT_ROLES, CHANNEL_KINDS, CHANNEL_LABELS, createChannelInput, RECOVERY_CONTACT_KINDS, recoveryContactInput, updateChannelInput, type ChannelDto, type ChannelKind,
} from '../../../contract/channels.ts'
import { fieldMessage } from '../../../contract/errors.ts'
import { newIdempotencyKey } from '../../api/client.ts'
import { API_DATE_FORMAT, DATE_FORMAT } from '../../components/format.ts'
import { FormDrawer } from '../../components/FormDrawer.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { PlusIcon, TrashIcon } from '../../components/icons.tsx'
import { useLabelOptions } from '../../components/LabelTag.tsx'
import { useLang, useT } from '../../i18n/useT.ts'
import { useMe } from '../auth/api.ts'
import { UnitTreeSelect } from '../units/UnitTreeSelect.tsx'
import { useChannelMutations, useRegisterChannel } from './api.ts'
import { StaffSelect, type KnownPerson } from './StaffSelect.tsx'

type RecoveryKind = (typeof RECOVERY_CONTACT_KINDS)[number]

interface Values {
  unitId?: number
  kind: ChannelKind
  name: string
  address: string
  purpose?: string
  responsiblePersonId?: number | null
  admins: { personId?: number | null; hasTwoFactor?: boolean }[]
  recoveryContacts: { kind: RecoveryKind; value?: string; note?: string }[]
  reviewCycleMonths?: number | null
  lastReviewedOn?: Dayjs | null
}

const f = createChannelInput.shape

/** Registers one of the unit's official channels, or (with `channel`) edits it; lists replace whole. */
export function ChannelDrawer({ channel, defaultUnitId, onClose }: { channel?: ChannelDto; defaultUnitId?: number; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const { data: me } = useMe()
  const [form] = Form.useForm<Values>()
  const [key] = useState(newIdempotencyKey)
  const register = useRegisterChannel()
  const mutations = useChannelMutations(channel?.id ?? 0)
  const isEdit = !!channel
  const submission = useFormSubmit(form, isEdit ? updateChannelInput : createChannelInput, (input) =>
    isEdit ? mutations.update.mutateAsync(input as never) : register.mutateAsync({ input: input as never, key }),
  )
  const kindOptions = useLabelOptions(CHANNEL_KINDS, CHANNEL_LABELS.kind)
  const recoveryOptions = RECOVERY_CONTACT_KINDS.map((k) => ({ value: k, label: t(`channels.recovery.${k}`) }))
  const kind = Form.useWatch('kind', form) ?? channel?.kind ?? 'website'
  const known = useMemo<KnownPerson[]>(
    () => (channel ? [{ id: channel.responsiblePersonId, label: channel.responsibleName }, ...channel.admins.map((a) => ({ id: a.personId, label: a.fullName }))] : []),
    [channel],
  )
  const ownUnit = me?.roles.find((r) => CHANNEL_EDIT_ROLES.includes(r.role))?.unitId

  const onFinish = async (v: Values) => {
    const common = {
      name: v.name,
      address: v.address?.trim(),
      purpose: v.purpose ?? '',
      responsiblePersonId: v.responsiblePersonId ?? undefined,
      admins: (v.admins ?? []).map((a) => ({ personId: a.personId ?? undefined, hasTwoFactor: !!a.hasTwoFactor })),
      recoveryContacts: (v.recoveryContacts ?? []).map((r) => ({ kind: r.kind, value: r.value?.trim() ?? '', note: r.note ?? '' })),
      reviewCycleMonths: v.reviewCycleMonths ?? null,
    }
    const saved = await submission.submit(
      isEdit
        ? { version: channel.version, ...common }
        : { unitId: v.unitId, kind: v.kind, ...common, lastReviewedOn: v.lastReviewedOn ? v.lastReviewedOn.format(API_DATE_FORMAT) : undefined },
    )
    if (saved) {
      message.success(t(isEdit ? 'common.saved' : 'channels.registered'))
      onClose()
      if (!isEdit) navigate(`/channels/${saved.id}`)
    }
  }

  const initialValues: Partial<Values> = channel
    ? {
        kind: channel.kind,
        name: channel.name,
        address: channel.address,
        purpose: channel.purpose,
        responsiblePersonId: channel.responsiblePersonId,
        admins: channel.admins.map((a) => ({ personId: a.personId, hasTwoFactor: a.hasTwoFactor })),
        recoveryContacts: channel.recoveryContacts,
        reviewCycleMonths: channel.ownReviewCycleMonths,
      }
    : { unitId: defaultUnitId ?? ownUnit, kind: 'facebook_page', admins: [{ hasTwoFactor: false }], recoveryContacts: [{ kind: 'email' }] }

  return (
    <FormDrawer<Values>
      title={isEdit ? t('channels.editTitle') : t('channels.registerTitle')}
      width={640}
      form={form}
      initialValues={initialValues}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
      submitLabel={isEdit ? t('common.save') : t('channels.registerNew')}
      submitTestId="channel-submit"
      intro={<Alert type="info" showIcon title={t('channels.officialOnly')} style={{ marginBottom: 16 }} />}
    >
      {!isEdit && (
        <Form.Item name="unitId" label={t('channels.unit')} rules={[{ required: true, message: t('form.required') }]}>
          <UnitTreeSelect />
        </Form.Item>
      )}
      <Form.Item name="kind" label={t('channels.kind')} rules={[{ required: true, message: t('form.required') }]}>
        <Select options={kindOptions} disabled={isEdit} aria-label={t('channels.kind')} />
      </Form.Item>
      <Form.Item name="name" label={t('channels.name')} rules={[zodRule(f.name, lang, { required: true })]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item
        name="address"
        label={t('channels.address')}
        extra={t(`channels.addressHint.${kind}`)}
        dependencies={['kind']}
        rules={[
          zodRule(f.address, lang, { required: true }),
          { validator: async (_r, value: string) => { const p = value?.trim() && addressProblem(kind, value); if (p) throw new Error(fieldMessage(p, lang)) } },
        ]}
      >
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="purpose" label={t('channels.purpose')} rules={[zodRule(f.purpose, lang)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Form.Item name="responsiblePersonId" label={t('channels.responsible')} rules={[{ required: true, message: t('form.required') }]}>
        <StaffSelect known={known} aria-label={t('channels.responsible')} />
      </Form.Item>

      <Typography.Title level={5} style={{ marginTop: 8 }}>{t('channels.admins')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('channels.adminsHint')}</Typography.Paragraph>
      <Form.List name="admins">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <div key={field.key} className="bvct-list-row" data-testid={`admin-row-${i}`}>
                <Form.Item name={[field.name, 'personId']} rules={[{ required: true, message: t('form.required') }]} style={{ marginBottom: 8 }}>
                  <StaffSelect known={known} aria-label={t('channels.adminN', { n: i + 1 })} />
                </Form.Item>
                <Form.Item name={[field.name, 'hasTwoFactor']} valuePropName="checked" style={{ marginBottom: 8 }}>
                  <Checkbox>{t('channels.hasTwoFactor')}</Checkbox>
                </Form.Item>
                <Button icon={<TrashIcon />} onClick={() => remove(field.name)} aria-label={t('common.remove')} />
              </div>
            ))}
            <Button icon={<PlusIcon />} onClick={() => add({ hasTwoFactor: false })} style={{ marginBottom: 16 }}>{t('channels.addAdmin')}</Button>
          </>
        )}
      </Form.List>

      <Typography.Title level={5}>{t('channels.recoveryContacts')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('channels.recoveryHint')}</Typography.Paragraph>
      <Form.List name="recoveryContacts">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <div key={field.key} className="bvct-list-row bvct-list-row-wide" data-testid={`recovery-row-${i}`}>
                <Form.Item name={[field.name, 'value']} rules={[zodRule(recoveryContactInput.shape.value, lang, { required: true })]} style={{ marginBottom: 8 }}>
                  <Input placeholder={t('channels.recoveryValue')} aria-label={t('channels.recoveryValue')} maxLength={200} />
                </Form.Item>
                <Form.Item name={[field.name, 'kind']} style={{ marginBottom: 8 }}>
                  <Select options={recoveryOptions} aria-label={t('channels.recoveryKind')} />
                </Form.Item>
                <Button icon={<TrashIcon />} onClick={() => remove(field.name)} aria-label={t('common.remove')} />
                <Form.Item name={[field.name, 'note']} style={{ marginBottom: 12, gridColumn: '1 / -1' }}>
                  <Input placeholder={t('channels.recoveryNote')} aria-label={t('channels.recoveryNote')} maxLength={500} />
                </Form.Item>
              </div>
            ))}
            <Button icon={<PlusIcon />} onClick={() => add({ kind: 'email' })} style={{ marginBottom: 16 }}>{t('channels.addRecovery')}</Button>
          </>
        )}
      </Form.List>

      <Form.Item name="reviewCycleMonths" label={t('channels.cycle')} extra={t('channels.cycleHint')}>
        <InputNumber min={1} max={36} precision={0} addonAfter={t('channels.months')} style={{ width: 200 }} />
      </Form.Item>
      {!isEdit && (
        <Form.Item name="lastReviewedOn" label={t('channels.reviewedBefore')} extra={t('channels.reviewedBeforeHint')}>
          <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: 200 }} />
        </Form.Item>
      )}
    </FormDrawer>
  )
}
