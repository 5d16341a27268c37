export interface DiffPart {
  kind: 'same' | 'del' | 'ins'
  text: string
}

/** Past this many words on a side, the texts are shown whole (before struck out, after added). */
const MAX_TOKENS = 2000

/**
 * Word-level difference between two texts (longest common subsequence of words and the spaces
 * between them), so a reviewer sees the sentence that changed rather than two whole paragraphs.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ kind: 'same', text: before }] : []
  const a = before.split(/(\s+)/).filter(Boolean)
  const b = after.split(/(\s+)/).filter(Boolean)
  if (!a.length || !b.length || a.length > MAX_TOKENS || b.length > MAX_TOKENS) {
    return [...(before ? [{ kind: 'del' as const, text: before }] : []), ...(after ? [{ kind: 'ins' as const, text: after }] : [])]
  }
  // lcs[i][j]: length of the common subsequence of a[i..] and b[j..], in one flat array.
  const w = b.length + 1
  const lcs = new Uint16Array((a.length + 1) * w)
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1])
  const out: DiffPart[] = []
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = out.at(-1)
    if (last?.kind === kind) last.text += text
    else out.push({ kind, text })
  }
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i])
      i++
      j++
    } else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) push('del', a[i++])
    else push('ins', b[j++])
  }
  while (i < a.length) push('del', a[i++])
  while (j < b.length) push('ins', b[j++])
  return out
}
