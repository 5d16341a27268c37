import type { MessageKey } from '../../i18n/translate.ts'
import type { TFunction } from '../../i18n/useT.ts'

const KNOWN = ['NO_NUMBER', 'NUMBER_BLANK', 'NO_DATE', 'DATE_INVALID', 'NO_ISSUER', 'NO_SUBJECT', 'NO_ADDRESSEES', 'NO_REQUIREMENTS', 'NO_DISTRIBUTION', 'UNPLACED_LINE', 'OCR_USED', 'OCR_LOW_CONFIDENCE'] as const

/**
 * A parser warning in the user's language. The server sends "CODE: vi / en: «detail»"; the code
 * picks our own sentence and the quoted detail (a line of the letter) is kept as it is.
 */
export function warningText(t: TFunction, raw: string): string {
  const m = /^([A-Z_]+):/.exec(raw)
  const code = m?.[1] as (typeof KNOWN)[number] | undefined
  if (!code || !KNOWN.includes(code)) return raw
  const detail = /«([\s\S]*)»\s*$/.exec(raw)?.[1]
  const text = t(`directives.warning.${code}` as MessageKey)
  return detail ? `${text}: «${detail}»` : text
}
