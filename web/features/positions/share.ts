/** 0.873 → "87%"; no holder needing a conclusion → "—". */
export const formatShare = (share: number | null, lang: 'vi' | 'en' = 'vi') =>
  share === null ? '—' : new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(share)
