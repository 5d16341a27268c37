import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it, expect } from 'vitest'
import { parsedDirective, type ParsedDirective } from '../../../../contract/directive-parse.ts'
import { parseDirectiveFile } from './parse-file.ts'
import { fixtureBytes, fixturesDir, letterFixtures, warningCodes } from './test-helpers.ts'

// Every fixture letter (.txt, .docx, .pdf) against its hand-written <name>.expected.json, which
// states every output field; warnings are compared by their codes.

const FIELDS: (keyof ParsedDirective)[] = [
  'parentBody', 'issuer', 'number', 'documentType', 'place', 'date', 'subject', 'addressees', 'coAddressees', 'preamble',
  'requirements', 'closing', 'distribution', 'signature', 'references', 'warnings',
]

const fixtures = letterFixtures()
const parsed = new Map<string, Promise<ParsedDirective>>()
const parseOnce = (file: string) => {
  if (!parsed.has(file)) parsed.set(file, parseDirectiveFile(fixtureBytes(file), file))
  return parsed.get(file)!
}

describe('fixture set', () => {
  it('covers text, Word and PDF letters of many shapes', () => {
    const byKind = (ext: string) => fixtures.filter((f) => f.file.endsWith(ext)).length
    expect(byKind('.txt')).toBeGreaterThanOrEqual(10)
    expect(byKind('.docx')).toBeGreaterThanOrEqual(2)
    expect(byKind('.pdf')).toBeGreaterThanOrEqual(2)
  })
})

describe.each(fixtures)('$file', ({ file, expected }) => {
  const want = JSON.parse(readFileSync(join(fixturesDir, expected), 'utf8')) as ParsedDirective

  it('states every field in its expected file', () => {
    expect(Object.keys(want).sort()).toEqual([...FIELDS].sort())
  })

  it.each(FIELDS)('parses %s', async (field) => {
    const got = await parseOnce(file)
    expect(parsedDirective.parse(got)).toEqual(got)
    if (field === 'warnings') expect(warningCodes(got.warnings)).toEqual(want.warnings)
    else expect(got[field]).toEqual(want[field])
  })
})
