import { endsSentence, isBlank, joinWrapped, squash, startsLowercase, trimEntryPunctuation } from './normalize.ts'
import { startsWithMarker } from './markers.ts'

// The addressees: "Kính gửi:" and the bodies after it, one per line, on one line split by ";",
// or as a "- …" list. They close the header; the first line that is none of them opens the body.

export const KINH_GUI = /^Kính\s+gửi\s*:?\s*/iu
const BULLET = /^[-–—+•*]\s*(.+)$/u

/** The addressees read so far, one entry per line, wrapped lines already joined. */
export interface AddresseeLines {
  lines: string[]
  /** Written as a "- …" list: its entries may end in a full stop without ending the block. */
  isList: boolean
}

/** Opens the addressees at a "Kính gửi:" line, with the first of them when it shares that line. */
export function openAddressees(raw: string): AddresseeLines | null {
  const kinhGui = KINH_GUI.exec(raw.trim())
  if (!kinhGui) return null
  const rest = squash(raw.trim().slice(kinhGui[0].length))
  const bullet = BULLET.exec(rest)
  return { lines: rest ? [bullet ? bullet[1] : rest] : [], isList: bullet !== null }
}

/** Adds one line under "Kính gửi"; false when the line is the body's first, not an addressee. */
export function takeAddresseeLine(addressees: AddresseeLines, raw: string, afterGap: boolean): boolean {
  const line = squash(raw)
  const bullet = BULLET.exec(line)
  const last = addressees.lines[addressees.lines.length - 1]
  if (bullet) {
    addressees.lines.push(bullet[1])
    addressees.isList = true
  } else if (last === undefined) {
    addressees.lines.push(line)
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

export function addresseesOf(addressees: AddresseeLines | null): string[] {
  return (addressees?.lines ?? [])
    .flatMap((line) => line.split(/;\s*/))
    .map(trimEntryPunctuation)
    .filter(Boolean)
}

/** "Kính gửi" comes within the next four lines that hold text. */
export function kinhGuiSoon(lines: string[], from: number, limit: number): boolean {
  let seen = 0
  for (let j = from + 1; j < limit && seen < 4; j++) {
    if (isBlank(lines[j])) continue
    if (KINH_GUI.test(lines[j].trim())) return true
    seen++
  }
  return false
}
