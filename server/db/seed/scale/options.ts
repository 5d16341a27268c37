import { vnDay } from '../../../lib/dates.ts'
export interface ScaleOptions {
  units: number
  peoplePerUnit: number
  directives: number
  seed: number
  requirementsMin: number
  requirementsMax: number
  auditEntries: number
  /** 'all': every directive goes to every unit below the ministry; 'mixed': some to a few branches only. */
  addressees: 'all' | 'mixed'
  /** The day the data is generated "as of" (yyyy-mm-dd): due dates, completions and the audit log lead up to it. */
  asOf: string
  /** The generated accounts' password; a random one when not given. */
  password?: string
}

/** What identifies a generated data set: the same scale gives the same data. Recorded in app_state. */
export type ScaleKey = Omit<ScaleOptions, 'password' | 'asOf'>

export const SCALE_STATE_KEY = 'seed.scale'

export const scaleKey = (o: ScaleOptions): ScaleKey => ({
  units: o.units, peoplePerUnit: o.peoplePerUnit, directives: o.directives, seed: o.seed,
  requirementsMin: o.requirementsMin, requirementsMax: o.requirementsMax, auditEntries: o.auditEntries, addressees: o.addressees,
})

export const sameScale = (a: ScaleKey, b: ScaleKey) =>
  (Object.keys(a) as (keyof ScaleKey)[]).every((k) => a[k] === b[k]) && Object.keys(a).length === Object.keys(b).length

export function defaultScale(over: Partial<ScaleOptions> = {}): ScaleOptions {
  const units = over.units ?? 50
  return {
    units,
    peoplePerUnit: 30,
    directives: 2,
    seed: 1946,
    requirementsMin: 5,
    requirementsMax: 15,
    auditEntries: units * 20,
    addressees: 'mixed',
    asOf: vnDay(new Date()),
    ...over,
  }
}

/**
 * Parses `--units N --people-per-unit M …` into options over `base` (unknown flags are an error,
 * so a typo never silently generates the default scale). `extraFlags` are the caller's own: a flag
 * followed by a value lands in `rest`, a bare one in `flags`.
 */
export function parseScaleArgs(argv: string[], extraFlags: string[] = [], base: Partial<ScaleOptions> = {}): { options: ScaleOptions; flags: Set<string>; rest: Map<string, string> } {
  const over: Partial<ScaleOptions> = {}
  const flags = new Set<string>()
  const rest = new Map<string, string>()
  const num = (name: string, v: string | undefined) => {
    const n = Number(v)
    if (!v || !Number.isInteger(n) || n < 0) throw new Error(`${name} needs a whole number, got ${v ?? 'nothing'}`)
    return n
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const v = () => argv[++i]
    switch (a) {
      case '--units': over.units = num(a, v()); break
      case '--people-per-unit': over.peoplePerUnit = num(a, v()); break
      case '--directives': over.directives = num(a, v()); break
      case '--seed': over.seed = num(a, v()); break
      case '--requirements-min': over.requirementsMin = num(a, v()); break
      case '--requirements-max': over.requirementsMax = num(a, v()); break
      case '--audit-entries': over.auditEntries = num(a, v()); break
      case '--addressees': {
        const x = v()
        if (x !== 'all' && x !== 'mixed') throw new Error('--addressees is all or mixed')
        over.addressees = x
        break
      }
      case '--as-of': {
        const x = v()
        if (!/^\d{4}-\d{2}-\d{2}$/.test(x ?? '')) throw new Error('--as-of needs yyyy-mm-dd')
        over.asOf = x
        break
      }
      case '--password': over.password = v(); break
      default:
        if (a.startsWith('--') && extraFlags.includes(a)) {
          if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) rest.set(a, v())
          else flags.add(a)
        } else throw new Error(`unknown argument ${a}`)
    }
  }
  const options = defaultScale({ ...base, ...over })
  if (options.requirementsMin < 1 || options.requirementsMax < options.requirementsMin) throw new Error('need 1 ≤ --requirements-min ≤ --requirements-max')
  if (options.directives < 1) throw new Error('--directives must be at least 1')
  if (options.peoplePerUnit < 1) throw new Error('--people-per-unit must be at least 1')
  return { options, flags, rest }
}
