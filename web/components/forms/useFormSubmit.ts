import type { FormInstance } from 'antd'
import { useCallback, useState } from 'react'
import type { z } from 'zod'
import { ApiError } from '../../api/client.ts'
import { useLang } from '../../i18n/useT.ts'
import { zodFieldErrors } from './zod-messages.ts'
import { showFieldErrors } from './zod-rules.ts'

export interface FormSubmitOptions {
  /** 409 CONFLICT: the record changed under the user; usually reload it and close the form. */
  onConflict?: (e: ApiError) => void
}

/**
 * Submits a form the way every BVCT form does: parse with the contract's zod schema (messages
 * under the fields), send, and on a server error put `fields` under their inputs and anything
 * else in `error` for an alert above the form. Resolves to the server's answer, or undefined.
 */
export function useFormSubmit<S extends z.ZodType, R>(
  form: FormInstance,
  schema: S,
  send: (input: z.output<S>) => Promise<R>,
  opts: FormSubmitOptions = {},
) {
  const lang = useLang()
  const [error, setError] = useState<string | null>(null)
  const [isSubmitting, setIsSubmitting] = useState(false)

  const submit = useCallback(
    async (raw: unknown): Promise<R | undefined> => {
      setError(null)
      const parsed = schema.safeParse(raw)
      if (!parsed.success) {
        const rest = showFieldErrors(form, zodFieldErrors(parsed.error, lang, raw))
        if (rest.length) setError(rest.join('; '))
        return undefined
      }
      setIsSubmitting(true)
      try {
        return await send(parsed.data)
      } catch (e) {
        if (!(e instanceof ApiError)) {
          setError(String((e as Error)?.message ?? e))
          return undefined
        }
        const rest = showFieldErrors(form, e.fields)
        const isFullyShownOnFields = e.code === 'VALIDATION' && Object.keys(e.fields).length > 0 && rest.length === 0
        if (!isFullyShownOnFields) setError([e.message, ...rest].join(' — '))
        if (e.code === 'CONFLICT') opts.onConflict?.(e)
        return undefined
      } finally {
        setIsSubmitting(false)
      }
    },
    [form, schema, send, lang, opts.onConflict],
  )

  return { submit, error, setError, isSubmitting }
}
