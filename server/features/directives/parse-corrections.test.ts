import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ParsedDirective } from '../../../contract/directive-parse.ts'
import { createTestApp, seedFixture, type Session, type TestApp } from '../../../test/app.ts'
import { exportCorrections } from './parse-corrections.export.ts'
import { parseDirectiveText } from './parse/parse-text.ts'
import { repoRoot } from './parse/test-helpers.ts'

// npm run parse:corrections: a letter a person corrected becomes a parser fixture (its text and
// the expected result with the confirmed values), in the format of test/fixtures/parse/.

const LETTER = `ĐẢNG ỦY KHỐI CÁC CƠ QUAN TRUNG ƯƠNG
ĐẢNG ỦY BỘ Y TẾ
*
Số 88-CV/ĐU
Hà Nội, ngày 12 tháng 5 năm 2026

V/v rà soát
công tác bảo vệ chính trị nội bộ

Kính gửi: Các chi bộ trực thuộc

1. Rà soát lý lịch đảng viên.
2. Báo cáo trước ngày 30/6/2026.

Nơi nhận:
- Như trên,
- Lưu VP.`

const FIELDS = ['parentBody', 'issuer', 'number', 'documentType', 'place', 'date', 'subject', 'addressees', 'coAddressees', 'preamble', 'requirements', 'closing', 'distribution', 'signature', 'references', 'warnings']
const SUBJECT = 'rà soát công tác bảo vệ chính trị nội bộ năm 2026'

let t: TestApp
let board: Session
let parsed: ParsedDirective

beforeAll(async () => {
  t = await createTestApp()
  await seedFixture(t.db)
  t.clock.set(new Date('2026-05-13T03:00:00Z'))
  board = await t.login('board')
  parsed = (await t.call(board, 'POST', '/api/v1/directives/parse', { text: LETTER })).json()
  const { warnings: _w, source: _s, ocr: _o, ...fields } = parsed
  const requirements = parsed.requirements.map((r) => ({ label: r.label, text: r.text, ...(r.deadline ? { deadline: r.deadline } : {}) }))
  const save = (changes: object) => t.call(board, 'POST', '/api/v1/directives', { ...fields, requirements, sourceText: LETTER, parseSource: 'text', ...changes })
  expect((await save({ subject: SUBJECT })).statusCode).toBe(201)
  expect((await save({})).statusCode).toBe(201)
})
afterAll(() => t.close())

describe('exporting corrected letters as parser fixtures', () => {
  it('should write the letter text and an expected file stating every field, the corrected one as confirmed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bvct-corrections-'))
    const written = await exportCorrections(t.db, dir)
    expect(written).toEqual([{ name: expect.stringMatching(/^corrected-2026-05-13-88-cv-du-r\d+-text$/), corrected: ['subject'] }])
    const name = written[0].name
    expect(readdirSync(dir).sort()).toEqual([`${name}.expected.json`, `${name}.txt`])
    expect(readFileSync(join(dir, `${name}.txt`), 'utf8')).toBe(LETTER + '\n')
    const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8'))
    expect(Object.keys(expected).sort()).toEqual([...FIELDS].sort())
    expect(expected.subject).toBe(SUBJECT)
    // Every other field is what the parser read; the fixture fails on the subject until the parser reads it.
    const now = parseDirectiveText(LETTER)
    for (const f of FIELDS.filter((x) => x !== 'subject' && x !== 'warnings')) expect(expected[f], f).toEqual(now[f as keyof ParsedDirective])
    expect(expected.warnings).toEqual(now.warnings.map((w) => w.split(':')[0]))
    expect(now.subject).not.toBe(SUBJECT)
  })

  it('should export unchanged letters too with --all, and only those since a day', async () => {
    expect(await exportCorrections(t.db, mkdtempSync(join(tmpdir(), 'bvct-corrections-')), { all: true })).toHaveLength(2)
    expect(await exportCorrections(t.db, mkdtempSync(join(tmpdir(), 'bvct-corrections-')), { since: '2026-05-14' })).toHaveLength(0)
    expect(await exportCorrections(t.db, mkdtempSync(join(tmpdir(), 'bvct-corrections-')), { kind: 'ocr' })).toHaveLength(0)
  })
})

describe('npm run parse:corrections', () => {
  const cli = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/parse-corrections.ts', ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, ...env } })

  it('should say how to use it without --out (exit 2)', () => {
    const run = cli([])
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('npm run parse:corrections -- --out DIR')
  })

  it('should open the database and say how many letters it wrote', () => {
    const data = mkdtempSync(join(tmpdir(), 'bvct-corrections-db-'))
    const out = join(data, 'out')
    try {
      const run = cli(['--out', out], { BVCT_DATA_DIR: join(data, 'db'), DATABASE_URL: '' })
      expect(run.status, run.stderr).toBe(0)
      expect(run.stdout).toContain(`exported 0 letters to ${out}`)
      expect(readdirSync(out)).toEqual([])
    } finally {
      // The embedded database the CLI created is tens of MB.
      rmSync(data, { recursive: true, force: true })
    }
  }, 120_000)
})
