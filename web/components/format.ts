import dayjs from 'dayjs'

// Vietnamese (and this app's) convention for dates: dd/MM/yyyy, 24-hour time.
export const DATE_FORMAT = 'DD/MM/YYYY'
export const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm'
export const DATE_TIME_SECONDS_FORMAT = 'DD/MM/YYYY HH:mm:ss'
/** What the API takes for date filters. */
export const API_DATE_FORMAT = 'YYYY-MM-DD'

export const formatDate = (iso: string | null | undefined) => (iso ? dayjs(iso).format(DATE_FORMAT) : '')
export const formatDateTime = (iso: string | null | undefined, withSeconds = false) =>
  iso ? dayjs(iso).format(withSeconds ? DATE_TIME_SECONDS_FORMAT : DATE_TIME_FORMAT) : ''
