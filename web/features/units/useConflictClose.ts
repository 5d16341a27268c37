import { App } from 'antd'
import { useCallback } from 'react'
import type { ApiError } from '../../api/client.ts'

/**
 * Someone changed the unit since it was loaded: say so, and close the form. The mutation has
 * already refetched the tree, so the user sees the fresh record and can try again.
 */
export function useConflictClose(onClose: () => void) {
  const { message } = App.useApp()
  return useCallback(
    (e: ApiError) => {
      message.warning(e.message)
      onClose()
    },
    [message, onClose],
  )
}
