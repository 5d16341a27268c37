import { Paragraph, TextRun } from 'docx'
import { describe, expect, it } from 'vitest'
import { STYLE, body, packDocument, xmlParts } from './docx-layout.ts'
import { paragraphXml, type ParagraphSpec } from './paragraph-xml.ts'
import { openDocx } from './test-helpers.ts'

/** The paragraph as docx objects: what paragraphXml must write the same as. */
const paragraphOf = (p: ParagraphSpec) => new Paragraph({
  style: STYLE[p.style], keepNext: p.keepNext || undefined,
  children: p.runs.map((r) => new TextRun(r.bold || r.italics ? { text: r.text, bold: r.bold || undefined, italics: r.italics || undefined } : r.text)),
})

const SPECS: ParagraphSpec[] = [
  { style: 'body', runs: [{ text: '- ' }, { text: 'Bệnh viện Bạch Mai', bold: true }, { text: ': ' }, { text: 'Đã quán triệt.' }, { text: ' Hạn chế: ', italics: true }, { text: 'Chậm.' }] },
  // What XML must escape, and control characters (pasted from other programs) that it cannot hold.
  { style: 'body', runs: [{ text: 'Viện <A> & "B" \'C\' \u0001\u000b\u001f tab\there  ' }] },
  { style: 'heading', keepNext: true, runs: [{ text: 'Yêu cầu 1: ', bold: true }, { text: 'in nghiêng và đậm', bold: true, italics: true }] },
  { style: 'cell', runs: [{ text: '' }] },
  { style: 'body', keepNext: false, runs: [{ text: 'x', italics: true }] },
]

const between = (p: string) => body(p)
const documentXmlOf = async (children: Paragraph[], parts?: ReturnType<typeof xmlParts>) =>
  openDocx(await packDocument(children, { title: 'T', parts })).documentXml

describe('paragraphs written as XML', () => {
  it('should write each paragraph byte for byte as docx writes it', async () => {
    const whole = await documentXmlOf([between('trước'), ...SPECS.map(paragraphOf), between('sau')])
    const parts = xmlParts()
    const spliced = await documentXmlOf([between('trước'), parts.add(SPECS.map(paragraphXml).join('')), between('sau')], parts)
    expect(spliced).toBe(whole)
    expect(whole).toContain('Viện &lt;A&gt; &amp; &quot;B&quot; &apos;C&apos;  tab\there  ')
  })

  it('should put each of many parts in its own place, with docx paragraphs between them', async () => {
    // Twelve parts: stand-in 1 must not be taken for 10 or 11.
    const specs = Array.from({ length: 12 }, (_, i): ParagraphSpec => ({ style: 'body', runs: [{ text: `phần ${i}` }] }))
    const whole = await documentXmlOf(specs.flatMap((s, i) => [paragraphOf(s), between(`giữa ${i}`)]))
    const parts = xmlParts()
    const spliced = await documentXmlOf(specs.flatMap((s, i) => [parts.add(paragraphXml(s)), between(`giữa ${i}`)]), parts)
    expect(spliced).toBe(whole)
    // An empty part leaves nothing where its stand-in was.
    const empty = xmlParts()
    expect(openDocx(await packDocument([between('a'), empty.add(''), between('b')], { title: 'T', parts: empty })).text).toBe('a\nb')
  })

  it('should refuse to pack a part whose stand-in is not in the document, rather than drop its text', async () => {
    const parts = xmlParts()
    parts.add(paragraphXml(SPECS[0]))
    await expect(packDocument([between('không có chỗ')], { title: 'T', parts })).rejects.toThrow(/stand-in 0/)
  })
})
