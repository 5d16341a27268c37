import { PARSE_INPUT_ERRORS, type ParseInputErrorCode } from '../../../../contract/directive-parse.ts'

/** A file the parser cannot turn into text; the route maps it to a 4xx, the CLI to exit code 1. */
export class ParseInputError extends Error {
  readonly code: ParseInputErrorCode
  /** The same message in English, for logs and the English UI. */
  readonly en: string

  constructor(code: ParseInputErrorCode, message?: string, en?: string) {
    super(message ?? PARSE_INPUT_ERRORS[code].vi)
    this.name = 'ParseInputError'
    this.code = code
    this.en = en ?? PARSE_INPUT_ERRORS[code].en
  }
}
