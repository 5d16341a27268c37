import dayjs, { type Dayjs } from 'dayjs'
import type { DirectiveSignature, ParsedDirective, ParseSourceKind, Requirement } from '../../../contract/directive-parse.ts'
import type { DirectiveDto, RequirementDto, RequirementInput } from '../../../contract/directives.ts'
import { API_DATE_FORMAT } from '../../components/format.ts'

export interface RequirementValues {
  label?: string
  text?: string
  /** The requirement's own deadline: proposed from the letter, editable, empty when none. */
  deadline?: Dayjs | null
  /** The letter's words the proposal came from (shown beside the date, never sent). */
  deadlinePhrase?: string
  children?: RequirementValues[]
}

/** What the register form holds: dates as dayjs for the pickers, lists as rows of inputs. */
export interface DirectiveFormValues {
  number?: string
  documentType?: string
  parentBody?: string
  issuer?: string
  place?: string
  date?: Dayjs | null
  subject?: string
  addressees?: string[]
  /** Those of `addressees` the letter lists under "Đồng kính gửi". */
  coAddressees?: string[]
  preamble?: string
  closing?: string
  distribution?: string[]
  /** The signer: T/M, K/T, TL, TUQ line, title and name, each as an input. */
  signature?: { authority?: string; title?: string; name?: string }
  references?: { number?: string; date?: Dayjs | null; issuer?: string }[]
  requirements?: RequirementValues[]
}

const toDay = (iso: string | null | undefined) => (iso ? dayjs(iso) : null)
const fromDay = (d: Dayjs | null | undefined) => (d ? d.format(API_DATE_FORMAT) : null)
const orNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null)

const signatureToValues = (s: DirectiveSignature | null) => ({ authority: s?.authority ?? '', title: s?.title ?? '', name: s?.name ?? '' })

const reqToValues = (r: Requirement | RequirementDto): RequirementValues => ({
  label: r.label, text: r.text, deadline: toDay(r.deadline), ...('deadlinePhrase' in r && r.deadlinePhrase ? { deadlinePhrase: r.deadlinePhrase } : {}),
  children: r.children.map(reqToValues),
})

export function valuesFromParsed(p: ParsedDirective): DirectiveFormValues {
  return {
    number: p.number ?? '', documentType: p.documentType ?? '', parentBody: p.parentBody ?? '', issuer: p.issuer ?? '', place: p.place ?? '',
    date: toDay(p.date), subject: p.subject ?? '', addressees: p.addressees, coAddressees: p.coAddressees, preamble: p.preamble ?? '', closing: p.closing ?? '',
    distribution: p.distribution, signature: signatureToValues(p.signature), references: p.references.map((r) => ({ number: r.number, date: toDay(r.date), issuer: r.issuer ?? '' })),
    requirements: p.requirements.map(reqToValues),
  }
}

export function valuesFromDirective(d: DirectiveDto): DirectiveFormValues {
  return {
    number: d.number ?? '', documentType: d.documentType ?? '', parentBody: d.parentBody ?? '', issuer: d.issuer ?? '', place: d.place ?? '',
    date: toDay(d.date), subject: d.subject, addressees: d.addressees, coAddressees: d.coAddressees, preamble: d.preamble ?? '', closing: d.closing ?? '',
    distribution: d.distribution, signature: signatureToValues(d.signature), references: d.references.map((r) => ({ number: r.number, date: toDay(r.date), issuer: r.issuer ?? '' })),
    requirements: d.requirements.map(reqToValues),
  }
}

function reqToInput(r: RequirementValues): RequirementInput {
  const children = (r.children ?? []).map(reqToInput)
  const deadline = fromDay(r.deadline)
  return { label: (r.label ?? '').trim(), text: (r.text ?? '').trim(), ...(deadline ? { deadline } : {}), ...(children.length ? { children } : {}) }
}

/**
 * The body for POST/PATCH /directives, before the contract's schema checks it. Blank list rows are
 * dropped; blank text fields become null; a co-addressee whose addressee line was removed goes
 * with it; a signer with nothing typed is none (null).
 */
export function inputFromValues(v: DirectiveFormValues, sourceText: string | null, parseSource?: ParseSourceKind) {
  const lines = (xs: string[] | undefined) => (xs ?? []).map((x) => (x ?? '').trim()).filter(Boolean)
  const addressees = lines(v.addressees)
  const signature = { authority: orNull(v.signature?.authority), title: orNull(v.signature?.title), name: orNull(v.signature?.name) }
  return {
    number: orNull(v.number), documentType: orNull(v.documentType), parentBody: orNull(v.parentBody), issuer: orNull(v.issuer), place: orNull(v.place),
    date: fromDay(v.date), subject: (v.subject ?? '').trim(), addressees, coAddressees: lines(v.coAddressees).filter((c) => addressees.includes(c)),
    preamble: orNull(v.preamble), closing: orNull(v.closing), distribution: lines(v.distribution),
    signature: signature.authority || signature.title || signature.name ? signature : null,
    references: (v.references ?? []).filter((r) => r.number?.trim()).map((r) => ({ number: r.number!.trim(), date: fromDay(r.date), issuer: orNull(r.issuer) })),
    sourceText,
    requirements: (v.requirements ?? []).map(reqToInput),
    ...(parseSource && sourceText ? { parseSource } : {}),
  }
}

/** A readable rendering of what was parsed, for a file whose own text the browser cannot show (.docx). */
export function textFromParsed(p: ParsedDirective): string {
  const out: string[] = []
  const push = (...xs: (string | null | undefined)[]) => xs.forEach((x) => x && out.push(x))
  push(p.parentBody, p.issuer, p.number ? `Số ${p.number}` : null, [p.place, p.date ? dayjs(p.date).format('DD/MM/YYYY') : null].filter(Boolean).join(', '))
  if (p.subject) out.push('', `V/v ${p.subject}`)
  if (p.addressees.length) out.push('', `Kính gửi: ${p.addressees.join('; ')}`)
  if (p.preamble) out.push('', p.preamble)
  const walk = (rs: Requirement[], indent: string) => rs.forEach((r) => (out.push(`${indent}${r.label} ${r.text}`), walk(r.children, indent + '    ')))
  if (p.requirements.length) out.push('')
  walk(p.requirements, '')
  if (p.closing) out.push('', p.closing)
  if (p.distribution.length) out.push('', 'Nơi nhận:', ...p.distribution.map((d) => `- ${d}`))
  if (p.signature) out.push('', ...[p.signature.authority, p.signature.title, p.signature.name].filter((x): x is string => !!x))
  return out.join('\n')
}

export const countRequirements = (rs: RequirementValues[] | undefined): number => (rs ?? []).length
