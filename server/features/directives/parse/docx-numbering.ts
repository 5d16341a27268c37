import { xmlTokens } from './xml.ts'

// Word numbering: a paragraph's "1." or "a)" is not in its text but generated from
// numbering.xml (abstract list definitions, list instances, level overrides) and counters that
// run through the document. This recreates the labels Word would show.

interface Level {
  start: number
  format: string
  text: string
  legal: boolean
}

interface Instance {
  abstractId: string
  overrides: Map<number, { start?: number; level?: Partial<Level> }>
}

export interface StyleNumbering {
  numId: string | null
  ilvl: number | null
  basedOn: string | null
}

export class DocxNumbering {
  private readonly abstracts = new Map<string, Map<number, Level>>()
  private readonly instances = new Map<string, Instance>()
  private readonly styleLinks = new Map<string, string>()
  private readonly counters = new Map<string, (number | undefined)[]>()

  constructor(numberingXml: string | null, private readonly styles: Map<string, StyleNumbering>) {
    if (numberingXml) this.read(numberingXml)
  }

  /** The label Word shows for the next paragraph of list numId at level ilvl, or null. */
  next(numId: string, ilvl: number): string | null {
    const instance = this.resolve(numId)
    if (!instance) return null
    const levels = this.levelsOf(instance.inst)
    const level = levels.get(ilvl)
    if (!level) return null
    // Instances of one abstract list share counters (Word continues them) unless one restarts.
    const key = instance.inst.overrides.size ? `num:${instance.id}` : `abs:${instance.inst.abstractId}`
    const counts = this.counters.get(key) ?? []
    counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl]! + 1
    for (let d = ilvl + 1; d < 9; d++) counts[d] = undefined
    this.counters.set(key, counts)
    if (level.format === 'none') return null
    if (level.format === 'bullet') return bulletChar(level.text)
    const label = level.text.replace(/%([1-9])/g, (_, n: string) => {
      const d = Number(n) - 1
      const at = levels.get(d)
      const value = counts[d] ?? at?.start ?? 1
      return formatNumber(value, level.legal && d < ilvl ? 'decimal' : (at?.format ?? 'decimal'))
    })
    return label.trim() || null
  }

  /** Numbering that a paragraph style carries (List Number, Heading styles), following basedOn. */
  fromStyle(styleId: string): { numId: string; ilvl: number } | null {
    let id: string | null = styleId
    let ilvl: number | null = null
    for (let depth = 0; id && depth < 10; depth++) {
      const style = this.styles.get(id)
      if (!style) return null
      ilvl ??= style.ilvl
      if (style.numId) return style.numId === '0' ? null : { numId: style.numId, ilvl: ilvl ?? 0 }
      id = style.basedOn
    }
    return null
  }

  private resolve(numId: string): { id: string; inst: Instance } | null {
    const inst = this.instances.get(numId)
    if (!inst) return null
    const link = this.styleLinks.get(inst.abstractId)
    if (link && !this.abstracts.get(inst.abstractId)?.size) {
      const linked = this.fromStyle(link)
      if (linked && linked.numId !== numId) return this.resolve(linked.numId)
    }
    return { id: numId, inst }
  }

  private levelsOf(inst: Instance): Map<number, Level> {
    const base = this.abstracts.get(inst.abstractId) ?? new Map<number, Level>()
    if (!inst.overrides.size) return base
    const merged = new Map(base)
    for (const [ilvl, o] of inst.overrides) {
      const level = { ...(base.get(ilvl) ?? { start: 1, format: 'decimal', text: `%${ilvl + 1}.`, legal: false }), ...o.level }
      if (o.start !== undefined) level.start = o.start
      merged.set(ilvl, level)
    }
    return merged
  }

  private read(xml: string): void {
    const abstracts = this.abstracts
    const instances = this.instances
    let abstractId: string | null = null
    let numId: string | null = null
    let level: (Level & { ilvl: number }) | null = null
    let override: { ilvl: number; start?: number; level?: Partial<Level> } | null = null
    for (const t of xmlTokens(xml)) {
      if (t.type === 'open') {
        const val = t.attrs['w:val']
        switch (t.name) {
          case 'w:abstractNum':
            abstractId = t.attrs['w:abstractNumId'] ?? null
            if (abstractId !== null) this.abstracts.set(abstractId, new Map())
            break
          case 'w:num':
            numId = t.attrs['w:numId'] ?? null
            break
          case 'w:abstractNumId':
            if (numId !== null && val !== undefined) this.instances.set(numId, { abstractId: val, overrides: new Map() })
            break
          case 'w:lvlOverride':
            override = { ilvl: Number(t.attrs['w:ilvl'] ?? 0) }
            break
          case 'w:startOverride':
            if (override && val !== undefined) override.start = Number(val)
            break
          case 'w:lvl':
            level = { ilvl: Number(t.attrs['w:ilvl'] ?? 0), start: 1, format: 'decimal', text: '', legal: false }
            break
          case 'w:start':
            if (level && val !== undefined) level.start = Number(val)
            break
          case 'w:numFmt':
            if (level && val !== undefined) level.format = val
            break
          case 'w:lvlText':
            if (level) level.text = val ?? ''
            break
          case 'w:isLgl':
            if (level) level.legal = val !== '0' && val !== 'false'
            break
          case 'w:numStyleLink':
          case 'w:styleLink':
            if (abstractId !== null && val !== undefined && t.name === 'w:numStyleLink') this.styleLinks.set(abstractId, val)
            break
        }
        if (t.selfClosing) closeTag(t.name)
      } else if (t.type === 'close') closeTag(t.name)
    }

    function closeTag(name: string): void {
      if (name === 'w:lvl' && level) {
        const { ilvl, ...rest } = level
        if (override) override.level = rest
        else if (abstractId !== null) abstracts.get(abstractId)?.set(ilvl, rest)
        level = null
      } else if (name === 'w:lvlOverride' && override && numId !== null) {
        const { ilvl, ...rest } = override
        instances.get(numId)?.overrides.set(ilvl, rest)
        override = null
      } else if (name === 'w:abstractNum') abstractId = null
      else if (name === 'w:num') numId = null
    }
  }
}

export function readStyleNumbering(stylesXml: string | null): Map<string, StyleNumbering> {
  const styles = new Map<string, StyleNumbering>()
  if (!stylesXml) return styles
  let current: (StyleNumbering & { id: string }) | null = null
  for (const t of xmlTokens(stylesXml)) {
    if (t.type === 'open') {
      const val = t.attrs['w:val']
      if (t.name === 'w:style') current = t.attrs['w:type'] === 'paragraph' ? { id: t.attrs['w:styleId'] ?? '', numId: null, ilvl: null, basedOn: null } : null
      else if (current && t.name === 'w:basedOn' && val) current.basedOn = val
      else if (current && t.name === 'w:numId' && val !== undefined) current.numId = val
      else if (current && t.name === 'w:ilvl' && val !== undefined) current.ilvl = Number(val)
    } else if (t.type === 'close' && t.name === 'w:style' && current) {
      const { id, ...rest } = current
      styles.set(id, rest)
      current = null
    }
  }
  return styles
}

function bulletChar(text: string): string {
  const ch = [...text.trim()][0] ?? '•'
  if (ch === '-' || ch === '–' || ch === '—' || ch === '\uF02D') return '-'
  if (ch === '+') return '+'
  return '•'
}

function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(value)
    case 'upperLetter':
      return letters(value).toUpperCase()
    case 'lowerRoman':
      return roman(value).toLowerCase()
    case 'upperRoman':
      return roman(value)
    case 'decimalZero':
      return String(value).padStart(2, '0')
    default:
      return String(value)
  }
}

// Word's letter sequence: a … z, then aa … zz.
function letters(value: number): string {
  const n = Math.max(1, value)
  const ch = String.fromCharCode(97 + ((n - 1) % 26))
  return ch.repeat(Math.floor((n - 1) / 26) + 1)
}

function roman(value: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']]
  let n = Math.max(1, Math.min(3999, value))
  let out = ''
  for (const [v, s] of table) while (n >= v) {
    out += s
    n -= v
  }
  return out
}
