// The chosen language lives outside React so the API client can send it with every request.
import type { Lang } from '../../contract/errors.ts'

export type { Lang }

const STORAGE_KEY = 'bvct.lang'
const listeners = new Set<() => void>()

function readStored(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi'
  } catch {
    // Storage can be unavailable (private mode, blocked cookies): Vietnamese is the default anyway.
    return 'vi'
  }
}

let current: Lang = typeof window === 'undefined' ? 'vi' : readStored()

export function getLang(): Lang {
  return current
}

export function setLang(lang: Lang) {
  if (lang === current) return
  current = lang
  try {
    localStorage.setItem(STORAGE_KEY, lang)
  } catch {
    /* not persisted; still switched for this page */
  }
  listeners.forEach((l) => l())
}

export function subscribeLang(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
