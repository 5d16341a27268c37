import { endsSentence, isBlank, joinWrapped, squash, startsLowercase, trimEntryPunctuation } from './normalize.ts'
import { startsWithMarker } from './markers.ts'

// The addressees: "Kính gửi:" and the bodies after it, one per line, on one line split by ";",
// or as a "- …" list. They close the header; the first line that is none of them opens the body.

export const KINH_GUI = /^Kính\s+gửi\s*:?\s*/iu
// "Đồng kính gửi:" names bodies that receive the letter for their information or coordination:
// they are addressees too, and marked as co-addressees.
export const DONG_KINH_GUI = /^Đồng\s+kính\s+gửi\s*:?\s*/iu
const BULLET = /^[-–—+•*]\s*(.+)$/u

/** The addressees read so far, one entry per line, wrapped lines already joined. */
export interface AddresseeLines {
  lines: string[]
  /** Per line: it stands under "Đồng kính gửi". */
  isCo: boolean[]
  /** Lines now go under "Đồng kính gửi". */
  isCoOpen: boolean
  /** Written as a "- …" list: its entries may end in a full stop without ending the block. */
  isList: boolean
}

/** Opens the addressees at a "Kính gửi:" (or "Đồng kính gửi:") line, with the first of them when it shares that line. */
export function openAddressees(raw: string): AddresseeLines | null {
  const isCo = DONG_KINH_GUI.test(raw.trim())
  const heading = (isCo ? DONG_KINH_GUI : KINH_GUI).exec(raw.trim())
  if (!heading) return null
  const addressees: AddresseeLines = { lines: [], isCo: [], isCoOpen: isCo, isList: false }
  pushFirst(addressees, squash(raw.trim().slice(heading[0].length)))
  return addressees
}

function pushFirst(addressees: AddresseeLines, rest: string): void {
  if (!rest) return
  const bullet = BULLET.exec(rest)
  push(addressees, bullet ? bullet[1] : rest)
  if (bullet) addressees.isList = true
}

function push(addressees: AddresseeLines, line: string): void {
  addressees.lines.push(line)
  addressees.isCo.push(addressees.isCoOpen)
}

/** Adds one line under "Kính gửi"; false when the line is the body's first, not an addressee. */
export function takeAddresseeLine(addressees: AddresseeLines, raw: string, afterGap: boolean): boolean {
  const line = squash(raw)
  const co = DONG_KINH_GUI.exec(line)
  if (co) {
    addressees.isCoOpen = true
    pushFirst(addressees, line.slice(co[0].length))
    return true
  }
  const bullet = BULLET.exec(line)
  const last = addressees.lines[addressees.lines.length - 1]
  const lastIsCurrentBlock = last !== undefined && addressees.isCo[addressees.isCo.length - 1] === addressees.isCoOpen
  if (bullet) {
    push(addressees, bullet[1])
    addressees.isList = true
  } else if (!lastIsCurrentBlock) {
    push(addressees, line)
  } else if (wrapsAddressee(last, line, afterGap, addressees.isList)) {
    addressees.lines[addressees.lines.length - 1] = joinWrapped(last, line)
  } else {
    return false
  }
  return true
}

function wrapsAddressee(last: string, line: string, afterGap: boolean, isList: boolean): boolean {
  if (startsLowercase(line)) return true
  // The wrapped end of an addressee is short ("Trung ương;"); the body's first line is not.
  return !afterGap && !/[;.,:]$/.test(last) && !startsWithMarker(line) && line.length <= 60 && (isList || !endsSentence(line))
}

/** Every addressee, those under "Đồng kính gửi" included, in the letter's order. */
export function addresseesOf(addressees: AddresseeLines | null): string[] {
  return entriesOf(addressees, () => true)
}

/** The addressees under "Đồng kính gửi". */
export function coAddresseesOf(addressees: AddresseeLines | null): string[] {
  return entriesOf(addressees, (i) => addressees?.isCo[i] === true)
}

function entriesOf(addressees: AddresseeLines | null, keep: (line: number) => boolean): string[] {
  return (addressees?.lines ?? [])
    .flatMap((line, i) => (keep(i) ? line.split(/;\s*/) : []))
    .map(trimEntryPunctuation)
    .filter(Boolean)
}

/** "Kính gửi" comes within the next four lines that hold text. */
export function kinhGuiSoon(lines: string[], from: number, limit: number): boolean {
  let seen = 0
  for (let j = from + 1; j < limit && seen < 4; j++) {
    if (isBlank(lines[j])) continue
    if (KINH_GUI.test(lines[j].trim()) || DONG_KINH_GUI.test(lines[j].trim())) return true
    seen++
  }
  return false
}
