import type { DirectiveSignature, ParsedDirective } from '../../../contract/directive-parse.ts'

// Which addressees are co-addressees ("Đồng kính gửi") and who signed, as a person reads them:
// beside the parsed letter before confirming, and on the directive's page.

export interface ParsedAddressee {
  name: string
  /** Written under "Đồng kính gửi": for information or coordination. */
  isCo: boolean
}

/** The letter's addressees in order, each marked when it stood under "Đồng kính gửi". */
export function markedAddressees(p: Pick<ParsedDirective, 'addressees' | 'coAddressees'>): ParsedAddressee[] {
  const co = new Set(p.coAddressees)
  return p.addressees.map((name) => ({ name, isCo: co.has(name) }))
}

/** "T/M BAN THƯỜNG VỤ · PHÓ BÍ THƯ · Nguyễn Văn Thắng" (or joined by `separator`); null when nothing was read. */
export function signerLine(s: DirectiveSignature | null | undefined, separator = ' · '): string | null {
  if (!s) return null
  const parts = [s.authority, s.title, s.name].filter((x): x is string => Boolean(x))
  return parts.length ? parts.join(separator) : null
}
