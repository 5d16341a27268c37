import { Alert, Result, Skeleton } from 'antd'
import { useEffect, useState } from 'react'
import { useParams } from 'react-router'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { isApiError } from '../../api/client.ts'
import { useT } from '../../i18n/useT.ts'
import { useDirective } from './api.ts'
import { DirectiveEditor } from './DirectiveEditor.tsx'
import { valuesFromDirective, valuesFromParsed, type DirectiveFormValues } from './directive-form.ts'
import { SourceInput, type SourceView } from './SourceInput.tsx'
import type { OcrReport, ParseSourceKind } from '../../../contract/directive-parse.ts'
import type { ParsedDirective } from '../../../contract/directive-parse.ts'

interface Review {
  initial: DirectiveFormValues
  source: SourceView
  sourceText: string | null
  warnings: string[]
  /** Where the parsed text came from; absent when typed in by hand (nothing to count). */
  parseSource?: ParseSourceKind
  ocr?: OcrReport
  parsed?: ParsedDirective
}

const EMPTY: DirectiveFormValues = { addressees: [], distribution: [], references: [], requirements: [{ label: '1.', text: '', children: [] }] }

/** /directives/new: paste or upload, parse, confirm side by side, save a draft. */
export default function RegisterDirectivePage() {
  const t = useT()
  usePageTitle(t('directives.registerTitle'))
  const [review, setReview] = useState<Review | null>(null)

  // A PDF shown from an object URL is released when the user leaves it.
  useEffect(() => {
    const url = review?.source.kind === 'pdf' || review?.source.kind === 'image' ? review.source.url : null
    return () => {
      if (url) URL.revokeObjectURL(url)
    }
  }, [review])

  if (!review)
    return (
      <SourceInput
        onParsed={(p, source, sourceText) =>
          setReview({ initial: valuesFromParsed(p), source, sourceText, warnings: p.warnings, parseSource: sourceText ? p.source?.kind ?? 'text' : undefined, ocr: p.ocr, parsed: p })
        }
        onManual={() => setReview({ initial: EMPTY, source: { kind: 'none' }, sourceText: null, warnings: [] })}
      />
    )
  return <DirectiveEditor {...review} onBack={() => setReview(null)} />
}

/** /directives/:id/edit: the saved directive in the same side-by-side form. */
export function EditDirectivePage() {
  const t = useT()
  const id = Number(useParams().id)
  const { data, error, isPending } = useDirective(id)
  usePageTitle(data?.number ?? t('directives.title'))
  if (isPending) return <Skeleton active paragraph={{ rows: 12 }} />
  if (error) return isApiError(error, 'NOT_FOUND') ? <Result status="404" title={t('directives.notFound')} /> : <Alert type="error" showIcon title={error.message} />
  if (data.status === 'closed' || data.status === 'superseded') return <Alert type="info" showIcon title={t('directives.cannotEditClosed')} />
  return (
    <DirectiveEditor
      key={data.version}
      initial={valuesFromDirective(data)}
      source={data.sourceText ? { kind: 'text', text: data.sourceText } : { kind: 'none' }}
      sourceText={data.sourceText}
      warnings={[]}
      directive={data}
    />
  )
}
