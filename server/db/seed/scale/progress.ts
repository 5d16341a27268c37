// A one-line progress bar on stderr. Redrawn at most every 100 ms; plain lines when stderr is not
// a terminal (CI logs), so a log shows each stage once instead of thousands of carriage returns.

export interface Progress {
  /** Starts a stage of `total` steps. */
  stage(name: string, total: number): void
  tick(n?: number): void
  done(): void
}

export const silentProgress: Progress = { stage() {}, tick() {}, done() {} }

export function stderrProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const isTty = !!stream.isTTY
  const started = Date.now()
  let name = ''
  let total = 1
  let count = 0
  let stageStarted = 0
  let lastDraw = 0
  const elapsed = () => ((Date.now() - started) / 1000).toFixed(1) + ' s'
  const draw = (force = false) => {
    const now = Date.now()
    if (!isTty || (!force && now - lastDraw < 100)) return
    lastDraw = now
    const frac = Math.min(1, count / total)
    const width = 30
    const bar = '#'.repeat(Math.round(frac * width)).padEnd(width, '.')
    stream.write(`\r[${bar}] ${(frac * 100).toFixed(0).padStart(3)}% ${name} ${count.toLocaleString('en')}/${total.toLocaleString('en')}  ${elapsed()}\x1b[K`)
  }
  const finish = () => {
    if (!name) return
    if (isTty) {
      draw(true)
      stream.write('\n')
    } else {
      stream.write(`${name}: ${count.toLocaleString('en')} in ${((Date.now() - stageStarted) / 1000).toFixed(1)} s (${elapsed()} total)\n`)
    }
    name = ''
  }
  return {
    stage(n, t) {
      finish()
      name = n
      total = Math.max(1, t)
      count = 0
      stageStarted = Date.now()
      draw(true)
    },
    tick(n = 1) {
      count += n
      draw()
    },
    done: finish,
  }
}
