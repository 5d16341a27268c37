import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const here = dirname(fileURLToPath(import.meta.url))
export const repoRoot = resolve(here, '../../../..')
export const fixturesDir = join(repoRoot, 'test/fixtures/parse')
/** The seed letter is the demo's data too, so it lives with the demo; the tests read it there. */
export const demoLetterPath = join(repoRoot, 'server/db/seed/letters/1946-CV-BCSD.txt')
const ELSEWHERE: Record<string, string> = { 'seed-1946-CV-BCSD.txt': demoLetterPath }
const fixturePath = (name: string) => ELSEWHERE[name] ?? join(fixturesDir, name)
// The letter as laid beside the checkout (CI has it); a clone without ../shared uses the committed copy.
const besideCheckout = resolve(repoRoot, '../shared/seed/1946-CV-BCSD.txt')
export const sharedSeedPath = existsSync(besideCheckout) ? besideCheckout : demoLetterPath

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(name)))
}

export function fixtureText(name: string): string {
  return readFileSync(fixturePath(name), 'utf8')
}

/** Every letter fixture that has an expected-result file beside it. */
export function letterFixtures(): { file: string; expected: string }[] {
  const names = [...readdirSync(fixturesDir), ...Object.keys(ELSEWHERE)]
  return names
    .filter((n) => /\.(txt|docx|pdf)$/.test(n))
    .map((file) => ({ file, expected: file.replace(/\.(txt|docx|pdf)$/, '.expected.json') }))
    .filter((f) => names.includes(f.expected))
}

/** Warning strings start with their code ("NO_NUMBER: …"). */
export function warningCodes(warnings: string[]): string[] {
  return warnings.map((w) => w.split(':')[0])
}
