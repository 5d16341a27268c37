// The reports pages' own line icons, drawn like web/components/icons.tsx (the `anticon` class lets
// antd space them like its own).
import type { CSSProperties, ReactNode } from 'react'

interface IconProps {
  className?: string
  style?: CSSProperties
}

function Icon({ children, className, style }: IconProps & { children: ReactNode }) {
  return (
    <span className={className ? `anticon ${className}` : 'anticon'} style={style} role="img" aria-hidden>
      <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" focusable="false">
        {children}
      </svg>
    </span>
  )
}

export const ReportsIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z" />
    <path d="M14 2v6h6M8 18v-3M12 18v-6M16 18v-4" />
  </Icon>
)
export const FileDownloadIcon = (p: IconProps) => <Icon {...p}><path d="M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4M7 10l5 5 5-5M12 15V3" /></Icon>
export const CopyIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="9" y="9" width="13" height="13" rx="2" />
    <path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1" />
  </Icon>
)
