// Vietnamese ordering without relying on a database collation (PGlite has no ICU): a sort key
// that byte-order (COLLATE "C") sorts like a Vietnamese dictionary: base letters in the
// Vietnamese alphabet (a ă â b c d đ e ê …), tone marks only breaking ties.
const ALPHABET = ' 0123456789aăâbcdđeêfghijklmnoôơpqrstuưvwxyz'
const TONES: Record<string, number> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 }
const SHAPE: Record<string, string> = { 'a\u0306': 'ă', 'a\u0302': 'â', 'e\u0302': 'ê', 'o\u0302': 'ô', 'o\u031b': 'ơ', 'u\u031b': 'ư' }

export function vnSortKey(text: string): string {
  const letters: string[] = []
  const tones: number[] = []
  for (const ch of text.toLowerCase().normalize('NFC').trim().replace(/\s+/g, ' ')) {
    const parts = ch.normalize('NFD')
    let base = parts[0]
    let tone = 0
    for (const mark of parts.slice(1)) {
      if (TONES[mark]) tone = TONES[mark]
      else if (SHAPE[base + mark]) base = SHAPE[base + mark]
    }
    const idx = ALPHABET.indexOf(base)
    letters.push(idx >= 0 ? String(idx + 10) : 'z' + base.codePointAt(0)!.toString(16).padStart(5, '0'))
    tones.push(tone)
  }
  return letters.join('') + '!' + tones.join('')
}

/** Names are ordered by given name (the last word), then by the full name. */
export function vnNameSortKey(fullName: string): string {
  const words = fullName.trim().split(/\s+/)
  return vnSortKey(words[words.length - 1] ?? '') + '~' + vnSortKey(fullName)
}

/** Lower case without diacritics, đ → d: what search compares. Mirrors SQL lower(f_unaccent(x)). */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase()
}
