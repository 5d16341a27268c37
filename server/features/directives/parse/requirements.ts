import type { Requirement } from '../../../../contract/directive-parse.ts'
import { endsSentence } from './normalize.ts'
import { detectMarker, type Marker } from './markers.ts'

export interface BodyParts {
  preamble: string | null
  requirements: Requirement[]
  closing: string | null
}

// Paragraphs of one field are separated by a blank line, as in the letter itself.
const PARAGRAPH_BREAK = '\n\n'

// How a letter's last paragraph typically opens: "Trên đây là…", "Đề nghị các đơn vị…",
// "Ban cán sự đảng … đề nghị … nghiêm túc triển khai thực hiện."
const CLOSING_CUE = /^(?:Trên đây|Nhận được|Trong quá trình|Quá trình (?:triển khai|thực hiện)|Đề nghị|Yêu cầu|Kế hoạch này|Chỉ thị này|Hướng dẫn này|Quyết định này|.{0,80}\b(?:đề nghị|yêu cầu)\b.{0,120}(?:nghiêm túc|triển khai|thực hiện|quan tâm|phối hợp))/u

const GROUNDS = /^(?:Căn cứ|Xét|Theo đề nghị|Thi hành)(?=\s|$)/u

interface Open {
  node: Requirement
  rank: number
  bullet?: string
}

/**
 * Articles: "Điều 1.", "Điều 2." of a decision, a regulation (quy định, quy chế) or a guidance
 * are requirements like numbered items, each with its clauses ("1.", "2.") and points ("a)") as
 * children; "Chương I" and "Mục 1" group the articles under them, and "Phần thứ nhất" groups
 * chapters. A decision's "Điều 1. Ban hành kèm theo …" is kept as a requirement too: the clerk
 * assigns or drops it when confirming, which is cheaper than retyping a missed article.
 *
 * Splits the body into the preamble (before the first top-level item), the item tree, and the
 * closing (after the last item). Top level is the outermost numbered kind the body uses (Roman
 * sections when there are any, else 1., 2.); bullets are top level only in a letter with no
 * numbers, so that a "- " list of grounds in the preamble does not become requirements.
 */
export function splitBody(paragraphs: string[]): BodyParts {
  const markers = paragraphs.map((p) => detectMarker(p))
  const numberedRanks = markers.filter((m): m is Marker => m !== null && m.kind !== 'bullet').map((m) => m.rank)
  let first = -1
  if (numberedRanks.length) {
    const top = Math.min(...numberedRanks)
    first = markers.findIndex((m) => m !== null && m.kind !== 'bullet' && m.rank === top)
  } else {
    // "- Căn cứ …", "- Xét …": the grounds of a decision are its preamble even as a list.
    first = markers.findIndex((m) => m !== null && !GROUNDS.test(m.rest))
  }
  if (first < 0) return withoutItems(paragraphs)

  let last = first
  for (let i = first; i < paragraphs.length; i++) if (markers[i]) last = i

  const roots: Requirement[] = []
  const stack: Open[] = []
  for (let i = first; i <= last; i++) {
    const marker = markers[i]
    if (!marker) {
      appendParagraph(stack[stack.length - 1].node, paragraphs[i])
      continue
    }
    if (marker.kind === 'bullet') {
      const same = stack.findIndex((o) => o.bullet === marker.bullet)
      if (same >= 0) stack.length = same
    } else {
      while (stack.length && stack[stack.length - 1].rank >= marker.rank) stack.pop()
    }
    const node: Requirement = { label: marker.label, text: marker.rest.trim(), children: [] }
    const parent = stack[stack.length - 1]
    ;(parent ? parent.node.children : roots).push(node)
    stack.push({ node, rank: marker.rank, bullet: marker.bullet })
  }

  const lastItem = stack[stack.length - 1].node
  const trailing = paragraphs.slice(last + 1)
  let closingFrom = 0
  // An item that is only a heading ("3. Tổ chức thực hiện") owns the paragraphs under it; the
  // closing starts at the first paragraph that reads like one.
  if (trailing.length && (!endsSentence(lastItem.text) || lastItem.text.endsWith(':')) && lastItem.children.length === 0) {
    closingFrom = trailing.findIndex((p, i) => i > 0 && CLOSING_CUE.test(p))
    if (closingFrom < 0) closingFrom = trailing.length
    for (const p of trailing.slice(0, closingFrom)) appendParagraph(lastItem, p)
  }
  const closing = trailing.slice(closingFrom)
  if (!closing.length) stripEndMark(lastItem)
  return {
    preamble: joinParagraphs(paragraphs.slice(0, first)),
    requirements: roots,
    closing: joinParagraphs(closing.map(endMarkless)),
  }
}

function withoutItems(paragraphs: string[]): BodyParts {
  const lastIsClosing = paragraphs.length > 1 && CLOSING_CUE.test(paragraphs[paragraphs.length - 1])
  const body = lastIsClosing ? paragraphs.slice(0, -1) : paragraphs
  return {
    preamble: joinParagraphs(body.map(endMarkless)),
    requirements: [],
    closing: lastIsClosing ? endMarkless(paragraphs[paragraphs.length - 1]) : null,
  }
}

function appendParagraph(node: Requirement, paragraph: string): void {
  node.text = node.text ? node.text + PARAGRAPH_BREAK + paragraph : paragraph
}

function joinParagraphs(paragraphs: string[]): string | null {
  return paragraphs.length ? paragraphs.join(PARAGRAPH_BREAK) : null
}

// "./." marks the end of the text in Vietnamese documents; it is layout, not content.
function endMarkless(text: string): string {
  return text.replace(/\s*\.\s*\/\s*\.\s*$/u, '.').replace(/\s*\/\.\s*$/u, '')
}

function stripEndMark(node: Requirement): void {
  if (node.children.length) stripEndMark(node.children[node.children.length - 1])
  else node.text = endMarkless(node.text)
}
