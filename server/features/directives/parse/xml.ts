// A small streaming reader for the well-formed XML inside .docx parts. Word's XML has no
// DTDs or CDATA worth honouring, so tags, attributes, text and entities are all that matter.

export type XmlToken =
  | { type: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { type: 'close'; name: string }
  | { type: 'text'; text: string }

const TOKEN = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<![^>]*>|([^<]+)/g
const ATTR = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

export function* xmlTokens(xml: string): Generator<XmlToken> {
  for (const m of xml.matchAll(TOKEN)) {
    if (m[2]) {
      if (m[1]) {
        yield { type: 'close', name: m[2] }
        continue
      }
      const attrs: Record<string, string> = {}
      for (const a of m[3].matchAll(ATTR)) attrs[a[1]] = decodeEntities(a[2] ?? a[3] ?? '')
      yield { type: 'open', name: m[2], attrs, selfClosing: m[4] === '/' }
    } else if (m[5] !== undefined) {
      yield { type: 'text', text: m[5] }
    } else if (m[6] !== undefined) {
      yield { type: 'text', text: decodeEntities(m[6]) }
    }
  }
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e] ?? ''
  })
}
