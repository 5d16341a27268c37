import { useEffect } from 'react'

/** Sets the browser tab title to "<page> · BVCT". */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · BVCT` : 'BVCT'
  }, [title])
}
