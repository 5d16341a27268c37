import { useCallback, useState } from 'react'

/**
 * The width of an element, kept current as it resizes (window, sidebar collapsed or not): a callback
 * ref to put on it, and its content width in px (0 until it is measured).
 */
export function useElementWidth<T extends HTMLElement>(): [(el: T | null) => void, number] {
  const [width, setWidth] = useState(0)
  const ref = useCallback((el: T | null) => {
    if (!el) return
    setWidth(el.clientWidth)
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)))
    observer.observe(el)
    // React 19 calls a callback ref's returned function when the element goes away.
    return () => observer.disconnect()
  }, [])
  return [ref, width]
}
