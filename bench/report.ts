// The results: a table on stdout, bench/results.json, and (with --record) a section of bench/RESULTS.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { round } from './stats.ts'

export interface ResultRow {
  name: string
  p50_ms: number | null
  p95_ms: number | null
  rps: number | null
  sql_ms: number | null
  overhead_ratio: number | null
  serial_ms?: number | null
  serial_p95_ms?: number | null
  requests?: number
  errors?: number
  rss_peak_mb?: number | null
  note?: string
}

export interface BenchReport {
  database: 'postgres' | 'pglite'
  scale: Record<string, unknown>
  reused: boolean
  generation_ms: number | null
  concurrency: number
  duration_s: number
  machine: { cpus: number; loadavg: number[] }
  memory: { idle_mb: number | null; peak_mb: number | null }
  results: ResultRow[]
  skipped: string[]
  started_at: string
}

const fmt = (x: number | null | undefined, d = 1) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(d))

export function tableLines(r: BenchReport): string[] {
  const head = ['endpoint', 'p50 ms', 'p95 ms', 'req/s', 'serial p50', 'serial p95', 'sql ms', 'ratio', 'peak RSS MB', 'errors']
  const rows = r.results.map((x) => [x.name, fmt(x.p50_ms), fmt(x.p95_ms), fmt(x.rps, 0), fmt(x.serial_ms), fmt(x.serial_p95_ms), fmt(x.sql_ms, 2), fmt(x.overhead_ratio, 2), fmt(x.rss_peak_mb, 0), String(x.errors ?? 0)])
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)))
  const line = (cells: string[]) => '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |'
  return [line(head), '|' + widths.map((w, i) => (i === 0 ? ':' : '') + '-'.repeat(w + 1) + (i === 0 ? '' : ':')).join('|') + '|', ...rows.map(line)]
}

export function describeScale(r: BenchReport): string {
  const s = r.scale as any
  return `${Number(s.units).toLocaleString('en')} units × ${s.peoplePerUnit} people, ${s.directives} directives × ${s.requirementsMin === s.requirementsMax ? s.requirementsMin : `${s.requirementsMin}–${s.requirementsMax}`} requirements (${s.addressees}), ${Number(s.auditEntries).toLocaleString('en')} audit entries, seed ${s.seed}`
}

export function writeJson(file: string, r: BenchReport) {
  const clean = { ...r, results: r.results.map((x) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, typeof v === 'number' ? round(v, 3) : v]))) }
  writeFileSync(file, JSON.stringify(clean, null, 2) + '\n')
}

/** Replaces (or appends) this database-and-scale's section of RESULTS.md, keeping everything else. */
export function recordMarkdown(file: string, r: BenchReport) {
  const s = r.scale as any
  const key = `${r.database}-${s.units}u-${s.peoplePerUnit}p-${s.directives}d`
  const section = [
    `<!-- bench:${key} -->`,
    `### ${r.database === 'postgres' ? 'PostgreSQL' : 'PGlite'}: ${describeScale(r)}`,
    '',
    `Run ${r.started_at.slice(0, 16).replace('T', ' ')} UTC on ${r.machine.cpus} cores (load average at start ${r.machine.loadavg.map((x) => x.toFixed(1)).join(' / ')}); ` +
      `${r.concurrency} concurrent clients for ${r.duration_s} s per endpoint; generation ${r.generation_ms === null ? 'reused an earlier fill' : `${(r.generation_ms / 1000).toFixed(1)} s`}; ` +
      `server RSS idle ${fmt(r.memory.idle_mb, 0)} MB, peak ${fmt(r.memory.peak_mb, 0)} MB.`,
    '',
    ...tableLines(r),
    ...(r.skipped.length ? ['', `Skipped (not in this server yet): ${r.skipped.join(', ')}.`] : []),
    `<!-- /bench:${key} -->`,
  ].join('\n')
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n\nWritten by `npm run bench -- --record`; see bench/README.md for what each column means.\n'
  const re = new RegExp(`<!-- bench:${key} -->[\\s\\S]*?<!-- /bench:${key} -->`)
  writeFileSync(file, re.test(text) ? text.replace(re, section) : text.trimEnd() + '\n\n' + section + '\n')
}
