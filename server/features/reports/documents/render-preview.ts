// Renders the report documents made from the fixtures to PNG pages, to look at them beside
// Guidance 36-HD/VPTW after changing the layout. Not used by the app or the tests.
//
//   npx tsx server/features/reports/documents/render-preview.ts [outDir]
//
// Needs LibreOffice and poppler (Debian: apt-get install --no-install-recommends
// libreoffice-writer-nogui fonts-liberation2 poppler-utils). Without fonts-liberation2 the
// Vietnamese letters fall back to DejaVu and the page looks wrong for reasons that are not ours.

import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { consolidatedReportDocx } from './consolidated.docx.ts'
import { consolidatedFiguresXlsx } from './consolidated.xlsx.ts'
import { consolidatedFixture, unitReportFixture } from '../../../../test/fixtures/reports/documents.ts'
import { unitReportDocx } from './unit-report.docx.ts'

const out = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'bvct-report-preview-'))
const files = {
  'bao-cao-tong-hop.docx': await consolidatedReportDocx(consolidatedFixture()),
  'bao-cao-don-vi.docx': await unitReportDocx(unitReportFixture()),
  'so-lieu.xlsx': await consolidatedFiguresXlsx(consolidatedFixture()),
}
for (const [name, bytes] of Object.entries(files)) writeFileSync(join(out, name), bytes)

for (const name of ['bao-cao-tong-hop', 'bao-cao-don-vi']) {
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, join(out, `${name}.docx`)], { stdio: 'ignore' })
  execFileSync('pdftoppm', ['-png', '-r', '70', join(out, `${name}.pdf`), join(out, name)])
}
console.log(out)
for (const f of readdirSync(out).sort()) console.log('  ' + f)
