import { foldVietnamese } from '../../contract/vietnamese.ts'

/**
 * Shows `text` with the first match of `query` marked, matching without diacritics ("bach mai"
 * marks "Bạch Mai"). Folding goes character by character so positions line up with the text.
 */
export function Highlight({ text, query }: { text: string; query: string }) {
  const q = foldVietnamese(query.trim())
  if (!q) return <>{text}</>
  const chars = [...text.normalize('NFC')]
  const folded = chars.map((c) => foldVietnamese(c).charAt(0) || c).join('')
  const at = folded.indexOf(q)
  if (at < 0) return <>{text}</>
  return (
    <>
      {chars.slice(0, at).join('')}
      <mark className="bvct-mark">{chars.slice(at, at + q.length).join('')}</mark>
      {chars.slice(at + q.length).join('')}
    </>
  )
}
