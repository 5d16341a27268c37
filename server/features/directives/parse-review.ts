// What a person changed in the parser's proposal when confirming a letter (pure; parser accuracy,
// issue 15 point 8). Values are compared as a person sees them: whitespace runs, blank strings
// and blank list rows do not count as a change, the order of list entries does.
import type { ParsedDirective, Requirement } from '../../../contract/directive-parse.ts'
import type { DirectiveInput, RequirementInput } from '../../../contract/directives.ts'
import { CORRECTABLE_FIELDS, type CorrectableField } from '../../../contract/parser-accuracy.ts'

export type FieldValues = Record<CorrectableField, unknown>

export interface Correction {
  field: CorrectableField
  parserValue: unknown
  finalValue: unknown
}

type AnyRequirement = Requirement | RequirementInput
type AnyReference = { number: string; date: string | null; issuer: string | null }
type AnySignature = { authority: string | null; title: string | null; name: string | null } | null

const text = (s: string | null | undefined) => (s == null ? null : s.normalize('NFC').replace(/\s+/g, ' ').trim() || null)
const lines = (xs: string[]) => xs.map(text).filter((x): x is string => !!x)
const requirements = (rs: AnyRequirement[]): unknown[] =>
  rs.map((r) => ({ label: text(r.label) ?? '', text: text(r.text) ?? '', deadline: r.deadline ?? null, children: requirements(r.children ?? []) }))
const references = (rs: AnyReference[]) => rs.map((r) => ({ number: text(r.number), date: r.date ?? null, issuer: text(r.issuer) }))
// A signature of blanks is none, as the directive stores it.
const signature = (s: AnySignature) => {
  const v = s ? { authority: text(s.authority), title: text(s.title), name: text(s.name) } : null
  return v && (v.authority || v.title || v.name) ? v : null
}

/** The compared fields of a parser proposal or a confirmed input, as they are stored. */
export function fieldValues(v: ParsedDirective | DirectiveInput): FieldValues {
  return {
    number: v.number ?? null, documentType: v.documentType ?? null, parentBody: v.parentBody ?? null, issuer: v.issuer ?? null, place: v.place ?? null,
    date: v.date ?? null, subject: v.subject ?? null, addressees: v.addressees ?? [], coAddressees: v.coAddressees ?? [], preamble: v.preamble ?? null,
    requirements: v.requirements ?? [], closing: v.closing ?? null, distribution: v.distribution ?? [], signature: v.signature ?? null, references: v.references ?? [],
  }
}

function comparable(field: CorrectableField, value: unknown): unknown {
  if (field === 'addressees' || field === 'coAddressees' || field === 'distribution') return lines((value as string[]) ?? [])
  if (field === 'signature') return signature((value as AnySignature) ?? null)
  if (field === 'requirements') return requirements((value as AnyRequirement[]) ?? [])
  if (field === 'references') return references((value as AnyReference[]) ?? [])
  return text(value as string | null)
}

/** Every field whose confirmed value differs from the parser's, with both values as stored. */
export function correctionsOf(proposal: FieldValues, confirmed: FieldValues): Correction[] {
  return CORRECTABLE_FIELDS.filter((f) => JSON.stringify(comparable(f, proposal[f])) !== JSON.stringify(comparable(f, confirmed[f]))).map((field) => ({
    field, parserValue: proposal[field] ?? null, finalValue: confirmed[field] ?? null,
  }))
}

// A warning the parser gave that the confirmed letter shows was about a field now filled.
const WARNING_FIELD: Record<string, CorrectableField> = {
  NO_NUMBER: 'number', NO_DATE: 'date', NO_ISSUER: 'issuer', NO_SUBJECT: 'subject', NO_ADDRESSEES: 'addressees', NO_REQUIREMENTS: 'requirements', NO_DISTRIBUTION: 'distribution',
}

const asFixtureRequirements = (rs: AnyRequirement[]): Requirement[] =>
  rs.map((r) => ({
    label: r.label, text: r.text, ...(r.deadline !== undefined ? { deadline: r.deadline } : {}),
    ...('deadlinePhrase' in r && r.deadlinePhrase ? { deadlinePhrase: r.deadlinePhrase } : {}), children: asFixtureRequirements(r.children ?? []),
  }))

/**
 * The expected result of a confirmed letter, in the format of test/fixtures/parse/*.expected.json:
 * the confirmed value of every corrected field, the parser's own (with its deadline phrases) of the
 * others, and the parser's warning codes less those about a field the person filled and OCR's.
 */
export function expectedFixture(review: { proposal: FieldValues; confirmed: FieldValues; warnings: string[]; corrected: CorrectableField[] }) {
  const pick = (f: CorrectableField) => (review.corrected.includes(f) ? review.confirmed[f] : review.proposal[f])
  const filled = (f: CorrectableField) => {
    const v = comparable(f, review.confirmed[f])
    return Array.isArray(v) ? v.length > 0 : v !== null
  }
  return {
    parentBody: pick('parentBody') ?? null,
    issuer: pick('issuer') ?? null,
    number: pick('number') ?? null,
    documentType: pick('documentType') ?? null,
    place: pick('place') ?? null,
    date: pick('date') ?? null,
    subject: pick('subject') ?? null,
    addressees: pick('addressees') ?? [],
    coAddressees: pick('coAddressees') ?? [],
    preamble: pick('preamble') ?? null,
    requirements: asFixtureRequirements((pick('requirements') as AnyRequirement[]) ?? []),
    closing: pick('closing') ?? null,
    distribution: pick('distribution') ?? [],
    signature: pick('signature') ?? null,
    references: pick('references') ?? [],
    warnings: review.warnings.filter((w) => !w.startsWith('OCR_') && !(WARNING_FIELD[w] && filled(WARNING_FIELD[w]))),
  }
}
