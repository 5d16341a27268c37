import { useCallback, useSyncExternalStore } from 'react'
import { getLang, subscribeLang, type Lang } from './lang.ts'
import { translate, type MessageKey, type MessageParams } from './translate.ts'

export function useLang(): Lang {
  return useSyncExternalStore(subscribeLang, getLang, () => 'vi' as const)
}

export type TFunction = (key: MessageKey, params?: MessageParams) => string

/** `t(key, params)` in the current language; components re-render when the language changes. */
export function useT(): TFunction {
  const lang = useLang()
  return useCallback((key, params) => translate(lang, key, params), [lang])
}

/** Picks the current language from the `{vi, en}` label records the contract exports. */
export function useLabel(): (label: { vi: string; en: string } | undefined, fallback?: string) => string {
  const lang = useLang()
  return useCallback((label, fallback = '') => label?.[lang] ?? fallback, [lang])
}
