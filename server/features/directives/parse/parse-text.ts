import type { ParsedDirective, Requirement } from '../../../../contract/directive-parse.ts'
import { isBlank, normalizeLines } from './normalize.ts'
import { parseHeader } from './header.ts'
import { documentTypeOf } from './number.ts'
import { toParagraphs } from './paragraphs.ts'
import { splitBody } from './requirements.ts'
import { withDeadlines } from './deadlines.ts'
import { NOI_NHAN, parseDistribution } from './distribution.ts'
import { findReferences } from './references.ts'
import { isNameLine, isSignatureLine, readSignature } from './signature.ts'
import { warning } from './warnings.ts'

/** Reads a directive letter's text into its parts. Pure and synchronous; never throws on odd text. */
export function parseDirectiveText(text: string): ParsedDirective {
  const lines = normalizeLines(text)
  const noiNhan = lines.findIndex((line) => NOI_NHAN.test(line))
  const headerLimit = noiNhan >= 0 ? noiNhan : lines.length
  const header = parseHeader(lines, headerLimit)

  const signature = signatureStart(lines, header.bodyStart, headerLimit)
  const bodyEnd = signature >= 0 ? signature : headerLimit
  const paragraphs = toParagraphs(lines.slice(header.bodyStart, bodyEnd))
  const body = splitBody(paragraphs)
  const { entries: distribution, leftover } = noiNhan >= 0 ? parseDistribution(lines, noiNhan) : { entries: [], leftover: null }

  const warnings = [...header.warnings]
  if (body.requirements.length === 0) warnings.push(warning('NO_REQUIREMENTS'))
  if (distribution.length === 0) warnings.push(warning('NO_DISTRIBUTION'))
  // Text after the list and signature (an appendix, a note) is not read; say so.
  if (leftover) warnings.push(warning('UNPLACED_LINE', leftover.length > 80 ? leftover.slice(0, 80) + '…' : leftover))

  const texts = [header.subject ?? '', ...paragraphs]
  return {
    parentBody: header.parentBody,
    issuer: header.issuer,
    number: header.number,
    documentType: documentTypeFrom(header.number, header.titleType),
    place: header.place,
    date: header.date,
    subject: header.subject,
    addressees: header.addressees,
    coAddressees: header.coAddressees,
    preamble: body.preamble,
    requirements: withDeadlines(body.requirements, header.date),
    closing: body.closing,
    distribution,
    signature: readSignature(lines.slice(bodyEnd)),
    references: findReferences(texts, header.number),
    warnings,
  }
}

/**
 * Where the signature block starts when it comes before "Nơi nhận" (or there is none): an
 * authority line ("T/M BAN CÁN SỰ ĐẢNG", "KT. BỘ TRƯỞNG") or a bare title ("BỘ TRƯỞNG") followed
 * only by short lines. A decision's "BỘ TRƯỞNG BỘ Y TẾ" above its "Căn cứ…" is followed by
 * long paragraphs, so it stays in the body.
 */
function signatureStart(lines: string[], from: number, to: number): number {
  let sawBody = false
  for (let i = from; i < to; i++) {
    const line = lines[i].trim()
    if (!line) continue
    if (sawBody && isSignatureLine(line) && onlyShortLinesAfter(lines, i + 1, to)) return i
    sawBody = true
  }
  return -1
}

function onlyShortLinesAfter(lines: string[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (isBlank(lines[i])) continue
    const line = lines[i].trim()
    if (line.length > 60 && !isSignatureLine(line) && !isNameLine(line)) return false
  }
  return true
}

/**
 * The abbreviation in the number ("04-HD/UBKTTW" → HD), or the printed type name's when there is
 * no number. When both are there and name different types ("Số: 55/2007/CT-UBND" over
 * "QUYẾT ĐỊNH"), the printed title wins: it is what the document is. A variant of the title's
 * type in the number ("07-QĐi/TW" under "QUY ĐỊNH") is kept, being the more precise.
 */
function documentTypeFrom(number: string | null, titleType: string | null): string | null {
  const fromNumber = number ? documentTypeOf(number) : null
  if (!fromNumber || !titleType) return fromNumber ?? (titleType || null)
  return fromNumber.startsWith(titleType) ? fromNumber : titleType
}

export type { Requirement }
