import { Grid } from 'antd'

/** Narrower than antd's `md` breakpoint (768 px): drawers go full width, the side menu becomes a drawer. */
export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint()
  // Before the first measurement `md` is undefined: assume a wide screen rather than flash the phone layout.
  return screens.md === false
}
