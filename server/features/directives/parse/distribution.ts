import { isBlank, joinWrapped, squash, startsLowercase, trimEntryPunctuation } from './normalize.ts'
import { isNameLine, isSignatureLine, stripSignatureTail } from './signature.ts'

export const NOI_NHAN = /^Nơi\s+nhận\s*:?\s*/iu
const BULLET = /^[-–—−+•●▪*\uF0B7\uF02D]\s*/u
const LUU = /^Lưu(?=[\s:])\s*:?\s*\S/u

/**
 * Reads the "Nơi nhận" list that starts at lines[start]. Entries are "-", "•" or "+" bullets,
 * possibly wrapped; signature lines that a PDF interleaves with them are skipped.
 */
export interface Distribution {
  entries: string[]
  /** The first line after the list that is neither an entry nor part of the signature. */
  leftover: string | null
}

export function parseDistribution(lines: string[], start: number): Distribution {
  const entries: string[] = []
  let gap = false
  let leftover: string | null = null
  const first = lines[start].trim().replace(NOI_NHAN, '')
  // The signature often shares these lines as a second column: each column is read on its own.
  const queue = [first, ...lines.slice(start + 1)].flatMap((line) => line.split(/\t+| {3,}/))
  for (const [at, raw] of queue.entries()) {
    if (isBlank(raw)) {
      gap = entries.length > 0
      continue
    }
    const line = stripSignatureTail(squash(raw))
    if (!line || isSignatureLine(line)) continue
    const last = entries[entries.length - 1]
    if (BULLET.test(line)) {
      entries.push(line.replace(BULLET, ''))
    } else if (LUU.test(line)) {
      // "Lưu VP", "Lưu: VT" closes the list even without a bullet.
      entries.push(line)
    } else if (last === undefined) {
      if (isNameLine(line)) continue
      entries.push(line)
    } else if (startsLowercase(line) || (!gap && !/[,;.]$/.test(last) && !isNameLine(line))) {
      entries[entries.length - 1] = joinWrapped(last, line)
    } else if (isNameLine(line)) {
      continue
    } else {
      leftover = leftoverAfter(queue.slice(at).map(squash))
      break
    }
    gap = false
  }
  return { entries: entries.map(trimEntryPunctuation).filter(Boolean), leftover }
}

/**
 * The first words after the list that are not the signature: a cell border "|" or a rule "_____"
 * that a web copy leaves is skipped, and so is a signature block that ends with the signer's
 * name, capitals broken over lines ("K/T CHÁNH" + "VĂN PHÒNG") included.
 */
function leftoverAfter(lines: string[]): string | null {
  const signer = lines.findIndex(isNameLine)
  const isBlock = signer >= 0 && lines.slice(0, signer).every((l) => !/\p{Ll}/u.test(l))
  const rest = isBlock ? lines.slice(signer + 1) : lines
  return rest.find((l) => /[\p{L}\p{N}]/u.test(l) && !isSignatureLine(l) && !isNameLine(l)) ?? null
}
