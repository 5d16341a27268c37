import { describe, expect, it } from 'vitest'
import { en } from './en.ts'
import { MESSAGES } from './messages.ts'
import { translate } from './translate.ts'
import { vi } from './vi.ts'

const features = Object.entries(MESSAGES)

describe('messages split by feature', () => {
  it.each(features)('%s has the same keys in Vietnamese and English, none empty', (_, m) => {
    expect(Object.keys(m.en).sort()).toEqual(Object.keys(m.vi).sort())
    for (const [key, text] of [...Object.entries(m.vi), ...Object.entries(m.en)]) expect(text.trim(), key).not.toBe('')
  })

  it.each(features)('%s uses the same {placeholders} in both languages', (_, m) => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort()
    for (const [key, text] of Object.entries(m.vi)) expect(names((m.en as Record<string, string>)[key]), key).toEqual(names(text))
  })

  it('defines no key in two features', () => {
    const owners = new Map<string, string[]>()
    for (const [feature, m] of features) for (const key of Object.keys(m.vi)) owners.set(key, [...(owners.get(key) ?? []), feature])
    expect([...owners].filter(([, list]) => list.length > 1)).toEqual([])
  })

  it('merges every feature, whole, into vi and en', () => {
    const all = features.flatMap(([, m]) => Object.keys(m.vi))
    expect(Object.keys(vi).sort()).toEqual([...all].sort())
    expect(Object.keys(en).sort()).toEqual([...all].sort())
    for (const [, m] of features) {
      for (const [key, text] of Object.entries(m.vi)) expect((vi as Record<string, string>)[key]).toBe(text)
      for (const [key, text] of Object.entries(m.en)) expect((en as Record<string, string>)[key]).toBe(text)
    }
  })

  it('keeps a feature\'s keys under its own prefixes', () => {
    const prefixes: Record<string, string[]> = {
      common: ['app', 'lang', 'common', 'error', 'form', 'nav', 'user'],
      auth: ['signIn', 'password', 'totp'],
      audit: ['audit', 'field'],
      dissemination: ['dissemination', 'myDirectives'],
      accounts: ['accounts', 'roleRequests'],
      correctiveActions: ['corrective'],
      officers: ['officers', 'training'],
    }
    for (const [feature, m] of features) {
      const allowed = prefixes[feature] ?? [feature]
      for (const key of Object.keys(m.vi)) expect(allowed, `${feature}: ${key}`).toContain(key.split('.')[0])
    }
  })
})

describe('translate', () => {
  it('looks a key up in the language asked for and fills its placeholders', () => {
    expect(translate('vi', 'common.rangeOfTotal', { from: 1, to: 20, total: 45 })).toBe('1–20 trong tổng số 45')
    expect(translate('en', 'units.title')).toBe(MESSAGES.units.en['units.title'])
  })

  it('leaves a placeholder without a value as written', () => {
    expect(translate('vi', 'common.rangeOfTotal', { from: 1 })).toBe('1–{to} trong tổng số {total}')
  })
})
