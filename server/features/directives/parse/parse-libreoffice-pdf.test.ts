import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it, expect } from 'vitest'
import type { ParsedDirective, Requirement } from '../../../../contract/directive-parse.ts'
import { parseDirectiveFile } from './parse-file.ts'
import { fixtureBytes, fixturesDir } from './test-helpers.ts'

// The plan of ke-hoach-word-lists.docx as LibreOffice prints it to PDF: a real producer's text
// layer, with list labels at tab stops and accented letters drawn from a fallback font. Every
// field but the item texts must match the Word file's result; the item texts must keep their
// structure and nearly all their words (a few spaces around fallback glyphs are known to slip).

const want = JSON.parse(readFileSync(join(fixturesDir, 'ke-hoach-word-lists.expected.json'), 'utf8')) as ParsedDirective
const outline = (items: Requirement[]): unknown[] => items.map((r) => [r.label, outline(r.children)])
const texts = (items: Requirement[]): string[] => items.flatMap((r) => [r.text, ...texts(r.children)])
const words = (s: string) => s.split(/\s+/).filter(Boolean)

describe('ke-hoach-libreoffice.pdf', async () => {
  const got = await parseDirectiveFile(fixtureBytes('ke-hoach-libreoffice.pdf'), 'ke-hoach-libreoffice.pdf')

  it.each(['parentBody', 'issuer', 'number', 'documentType', 'place', 'date', 'subject', 'addressees', 'preamble', 'closing', 'distribution', 'references', 'warnings'] as const)(
    'reads %s as from the Word file',
    (field) => {
      expect(field === 'warnings' ? got.warnings : got[field]).toEqual(want[field])
    },
  )

  it('keeps the outline of sections, items, points and bullets', () => {
    expect(outline(got.requirements)).toEqual(outline(want.requirements))
  })

  it('keeps at least 95% of the words of the item texts', () => {
    const expected = new Set(texts(want.requirements).flatMap(words))
    const read = texts(got.requirements).flatMap(words)
    const right = read.filter((w) => expected.has(w)).length
    expect(right / read.length).toBeGreaterThan(0.95)
  })
})
