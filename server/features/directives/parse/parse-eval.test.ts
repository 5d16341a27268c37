import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { repoRoot } from './test-helpers.ts'

// `npm run parse:eval -- DIR` on a tiny folder: one letter read right, one whose expected file
// states a different subject, so the printed rates and the exit code can be checked exactly.
const dir = mkdtempSync(join(tmpdir(), 'bvct-parse-eval-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const letter = ['BỘ Y TẾ', 'Số: 12/BYT-KCB', 'V/v báo cáo số liệu', 'Hà Nội, ngày 02 tháng 01 năm 2025', 'Kính gửi: Sở Y tế các tỉnh', '1. Gửi báo cáo trước ngày 10/01/2025.', 'Nơi nhận:', '- Như trên;', '- Lưu: VT.'].join('\n')
writeFileSync(join(dir, 'a.txt'), letter)
writeFileSync(join(dir, 'a.expected.json'), JSON.stringify({ number: '12/BYT-KCB', subject: 'báo cáo số liệu', date: '2025-01-02', warnings: [] }))
writeFileSync(join(dir, 'b.txt'), letter)
writeFileSync(join(dir, 'b.expected.json'), JSON.stringify({ number: '12/BYT-KCB', subject: 'báo cáo khác', date: '2025-01-02', warnings: [] }))

const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/parse-eval.ts', ...args], { cwd: repoRoot, encoding: 'utf8' })

describe('npm run parse:eval', { timeout: 60_000 }, () => {
  it('prints per-field and total exact rates and fails below the default 100 %', () => {
    const out = run(dir)
    expect(out.stdout).toContain('2 văn bản / documents')
    expect(out.stdout).toMatch(/number\s+2\/2\s+100\.0 %/)
    expect(out.stdout).toMatch(/subject\s+1\/2\s+50\.0 %/)
    expect(out.stdout).toMatch(/warnings\s+2\/2\s+100\.0 %/)
    expect(out.stdout).toMatch(/TOTAL\s+7\/8\s+87\.5 %/)
    expect(out.stdout).toContain('sai / wrong: b.txt subject')
    expect(out.status).toBe(1)
    expect(out.stderr).toContain('87.5 % < 100 %')
  })

  it('passes when the total reaches --min', () => {
    expect(run(dir, '--min', '87.5').status).toBe(0)
    expect(run('--min', '90', dir).status).toBe(1)
  })

  it('exits 2 with the usage for a missing folder', () => {
    const out = run(join(dir, 'nope'))
    expect(out.status).toBe(2)
    expect(out.stderr).toContain('parse:eval -- DIR')
  })
})
