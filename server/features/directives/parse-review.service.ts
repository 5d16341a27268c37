// Records what a person changed in the parser's proposal when registering a parsed letter. The
// proposal is not taken from the browser: the server parses the letter's text again (the parser
// is deterministic, so it is what the person was shown), and the accuracy figures cannot be
// written by a client.
import type { ParsedDirective, ParseSourceKind } from '../../../contract/directive-parse.ts'
import type { DirectiveInput } from '../../../contract/directives.ts'
import type { Queryable } from '../../db/types.ts'
import type { Actor } from '../../http/current-user.ts'
import { fileWorkers } from '../../lib/file-worker.ts'
import { correctionsOf, fieldValues } from './parse-review.ts'

const PARSE_TEXT = new URL('./parse/parse-text.ts', import.meta.url)

export interface ParseReview {
  kind: ParseSourceKind
  sourceText: string
  proposal: ParsedDirective
}

/**
 * The parser's proposal for a letter's text, parsed on the file worker pool (a long letter takes
 * seconds). Null when that fails: the letter is saved all the same, only not counted.
 */
export async function parseReviewFor(kind: ParseSourceKind, sourceText: string): Promise<ParseReview | null> {
  try {
    return { kind, sourceText, proposal: await fileWorkers.run<ParsedDirective>(PARSE_TEXT, 'parseDirectiveText', [sourceText]) }
  } catch {
    return null
  }
}

/** In the registering transaction: the review, and one row per field the person changed. */
export async function recordParseReview(tx: Queryable, directiveId: number, actor: Actor, review: ParseReview, input: DirectiveInput | ParsedDirective): Promise<void> {
  const proposal = fieldValues(review.proposal)
  const confirmed = fieldValues(input)
  const [{ id }] = await tx.query<{ id: number }>(
    `INSERT INTO parse_review (directive_id, source_kind, source_text, proposal, confirmed, warnings, reviewed_by, reviewed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [directiveId, review.kind, review.sourceText, JSON.stringify(proposal), JSON.stringify(confirmed), JSON.stringify(review.proposal.warnings.map((w) => w.split(':')[0])), actor.id, actor.now],
  )
  for (const c of correctionsOf(proposal, confirmed)) {
    await tx.query('INSERT INTO parse_correction (review_id, field, parser_value, final_value) VALUES ($1, $2, $3, $4)', [
      id, c.field, JSON.stringify(c.parserValue), JSON.stringify(c.finalValue),
    ])
  }
}
