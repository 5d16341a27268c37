import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, it, expect } from 'vitest'
import { fixturesDir, repoRoot, sharedSeedPath } from './test-helpers.ts'

// The command a board officer or a script runs is `npm run --silent parse -- FILE`; the seed
// goes through npm itself, the other cases call the same script directly to spare npm's start-up.
const viaNpm = (file: string) => spawnSync('npm', ['run', '--silent', 'parse', '--', file], { cwd: repoRoot, encoding: 'utf8' })
const parseCli = (file: string) => spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/parse.ts', file], { cwd: repoRoot, encoding: 'utf8' })

describe('npm run parse', { timeout: 60_000 }, () => {
  it('prints the parsed seed letter as pretty UTF-8 JSON', () => {
    const run = viaNpm(sharedSeedPath)
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('\n  "number": "1946-CV/BCSD",\n')
    expect(run.stdout).toContain('"issuer": "BAN CÁN SỰ ĐẢNG BỘ Y TẾ"')
    const parsed = JSON.parse(run.stdout)
    expect(parsed.requirements).toHaveLength(9)
    expect(parsed.date).toBe('2024-03-15')
  })

  it('parses .docx and .pdf files', () => {
    for (const file of ['seed-numbered.docx', 'seed-layout.pdf']) {
      const run = parseCli(join(fixturesDir, file))
      expect(run.status).toBe(0)
      expect(JSON.parse(run.stdout).subject).toBe('Tăng cường công tác bảo vệ chính trị nội bộ')
    }
  })

  it('exits 1 with a clear message for a scanned PDF', () => {
    const run = parseCli(join(fixturesDir, 'scanned-no-text.pdf'))
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain('NO_TEXT_LAYER')
    expect(run.stderr).toContain('không có lớp chữ')
    expect(run.stderr).toContain('no text layer')
  })

  it('exits 1 for a file that cannot be read', () => {
    const run = parseCli(join(fixturesDir, 'does-not-exist.pdf'))
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/Không đọc được tệp/)
  })
})
