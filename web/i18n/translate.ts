import { en } from './en.ts'
import type { Lang } from './lang.ts'
import { vi, type MessageKey } from './vi.ts'

export type { MessageKey }
export type MessageParams = Record<string, string | number>

const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { vi, en }

/** Looks a key up and fills `{name}` placeholders. Usable outside React (API client, validators). */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const text = DICTIONARIES[lang][key] ?? vi[key] ?? key
  return params ? text.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m)) : text
}
