import { App, Button, Form, Input, Radio, Select, Typography, Upload } from 'antd'
import { useRef, useState } from 'react'
import {
  createTextMaterialInput, MATERIAL_KIND_LABELS, MATERIAL_KINDS, MATERIAL_MAX_BYTES, MATERIAL_TEXT_MAX, materialUploadFields, updateMaterialInput,
  type MaterialDto, type MaterialKind,
} from '../../../contract/materials.ts'
import { newIdempotencyKey } from '../../api/client.ts'
import { FormDrawer } from '../../components/FormDrawer.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { UploadIcon } from '../../components/icons.tsx'
import { useLabelOptions } from '../../components/LabelTag.tsx'
import { useLang, useT } from '../../i18n/useT.ts'
import { useAddTextMaterial, useUpdateMaterial, useUploadMaterial } from './api.ts'
import { fileSize } from './MaterialList.tsx'

type Shape = 'file' | 'text'

interface Values {
  form: Shape
  kind: MaterialKind
  title?: string
  body?: string
  file?: File
}

/** Picks one file, shown by name; the form keeps the File itself. */
function FilePick({ value, onChange }: { value?: File; onChange?: (f: File | undefined) => void }) {
  const t = useT()
  const { message } = App.useApp()
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
      <Upload
        showUploadList={false}
        beforeUpload={(file) => {
          if (file.size > MATERIAL_MAX_BYTES) message.error(t('materials.tooLarge'))
          else onChange?.(file)
          return false
        }}
      >
        <Button icon={<UploadIcon />} data-testid="material-file">{t(value ? 'materials.otherFile' : 'materials.pickFile')}</Button>
      </Upload>
      {value && <Typography.Text>{value.name} ({fileSize(value.size)})</Typography.Text>}
    </div>
  )
}

interface Props {
  directiveId: number
  /** The material to edit; none to add one. */
  material?: MaterialDto
  onClose: () => void
}

/**
 * Adds a material as a file or typed text, or edits one's kind, title and text. A file is not
 * replaced in place: it is removed and uploaded anew, so a session keeps what it used.
 */
export function MaterialDrawer({ directiveId, material, onClose }: Props) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const kindOptions = useLabelOptions(MATERIAL_KINDS, MATERIAL_KIND_LABELS)
  const [form] = Form.useForm<Values>()
  const [shape, setShape] = useState<Shape>(material ? (material.file ? 'file' : 'text') : 'file')
  const addText = useAddTextMaterial(directiveId)
  const upload = useUploadMaterial(directiveId)
  const update = useUpdateMaterial()
  const idempotencyKey = useRef(newIdempotencyKey())
  const onConflict = () => onClose()
  const textSubmission = useFormSubmit(form, createTextMaterialInput, (input) => addText.mutateAsync({ input, idempotencyKey: idempotencyKey.current }))
  const fileSubmission = useFormSubmit(form, materialUploadFields, async (fields) => {
    const file = form.getFieldValue('file') as File | undefined
    if (!file) {
      form.setFields([{ name: 'file', errors: [t('materials.fileRequired')] }])
      return undefined
    }
    return upload.mutateAsync({ ...fields, file })
  })
  const editSubmission = useFormSubmit(form, updateMaterialInput, (input) => update.mutateAsync({ id: material!.id, directiveId, input }), { onConflict })
  // A File is no string: the rule checks presence only (the server judges the content).
  const fileRule = {
    required: true,
    validator: async (_: unknown, v: unknown) => {
      if (!(v instanceof File)) throw new Error(t('materials.fileRequired'))
    },
  }
  const submission = material ? editSubmission : shape === 'file' ? fileSubmission : textSubmission

  const onFinish = async (v: Values) => {
    const title = v.title?.trim()
    const saved = material
      ? await editSubmission.submit({ version: material.version, kind: v.kind, title, ...(material.file ? {} : { body: v.body?.trim() }) })
      : shape === 'file'
        ? await fileSubmission.submit({ kind: v.kind, title })
        : await textSubmission.submit({ kind: v.kind, title, body: v.body?.trim() })
    if (saved) {
      message.success(t(material ? 'materials.saved' : 'materials.added', { title: saved.title }))
      onClose()
    }
  }

  return (
    <FormDrawer
      title={material ? t('materials.edit') : t('materials.add')}
      width={640}
      form={form}
      initialValues={{ form: shape, kind: material?.kind ?? 'guidance', title: material?.title ?? '', body: material?.body ?? '' }}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
      submitLabel={t('common.save')}
      submitTestId="material-save"
    >
      {!material && (
        <Form.Item name="form" label={t('materials.shape')}>
          <Radio.Group
            optionType="button"
            onChange={(e) => setShape(e.target.value as Shape)}
            options={[
              { value: 'file', label: t('materials.shapeFile') },
              { value: 'text', label: t('materials.shapeText') },
            ]}
          />
        </Form.Item>
      )}
      <Form.Item name="kind" label={t('materials.kind')} rules={[{ required: true, message: t('form.required') }]}>
        <Select options={kindOptions} />
      </Form.Item>
      <Form.Item name="title" label={t('materials.title')} rules={[zodRule(createTextMaterialInput.shape.title, lang, { required: true })]}>
        <Input maxLength={300} />
      </Form.Item>
      {shape === 'file' && !material && (
        <Form.Item name="file" label={t('materials.file')} extra={t('materials.fileHint')} rules={[fileRule]}>
          <FilePick />
        </Form.Item>
      )}
      {shape === 'file' && material?.file && (
        <Typography.Paragraph type="secondary">{t('materials.fileKept', { name: material.file.filename })}</Typography.Paragraph>
      )}
      {shape === 'text' && (
        <Form.Item name="body" label={t('materials.body')} rules={[zodRule(createTextMaterialInput.shape.body, lang, { required: true })]}>
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 18 }} maxLength={MATERIAL_TEXT_MAX} />
        </Form.Item>
      )}
    </FormDrawer>
  )
}
