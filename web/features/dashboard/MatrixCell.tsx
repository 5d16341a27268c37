import { memo } from 'react'
import type { CellCounts } from '../../../contract/dashboard.ts'
import { CELL_STATUS_LABELS, CELL_STATUSES, type CellStatus } from '../../../contract/timeliness.ts'
import type { Lang } from '../../i18n/lang.ts'

const SYMBOLS: Record<CellStatus, string> = { none: '–', planned: '○', in_progress_on_time: '…', done_on_time: '✓', done_late: '✓', overdue: '!' }

/** "Hoàn thành đúng hạn: 5 · Chưa hoàn thành, quá hạn: 1 …", the counts a cell stands for. */
export function countsText(counts: CellCounts, lang: Lang): string {
  return CELL_STATUSES.filter((s) => counts[s])
    .map((s) => `${CELL_STATUS_LABELS[s][lang]}: ${counts[s]}`)
    .join(' · ')
}

interface Props {
  status: CellStatus
  counts: CellCounts
  /** More than one addressee unit behind the cell: show how many are in the cell's status. */
  isAggregate: boolean
  lang: Lang
  onOpen: () => void
}

/**
 * One units × requirements cell: a plain coloured button (hundreds are on screen, so no tooltip
 * component); the browser's title shows the counts on hover, a tap opens them.
 */
export const MatrixCell = memo(function MatrixCell({ status, counts, isAggregate, lang, onOpen }: Props) {
  const label = CELL_STATUS_LABELS[status][lang]
  const detail = countsText(counts, lang)
  return (
    <button type="button" className={`bvct-cell bvct-cell-${status}`} data-status={status} title={isAggregate ? `${label}\n${detail}` : label} aria-label={isAggregate ? `${label}. ${detail}` : label} onClick={onOpen}>
      {isAggregate ? counts[status] ?? 0 : SYMBOLS[status]}
    </button>
  )
})

/** The totals row: every status present in the column, as small coloured counts. */
export function TotalsCell({ counts, lang }: { counts: CellCounts; lang: Lang }) {
  const present = CELL_STATUSES.filter((s) => counts[s])
  return (
    <div className="bvct-total-cell" title={countsText(counts, lang)}>
      {present.map((s) => (
        <span key={s} className={`bvct-total-chip bvct-cell-${s}`} aria-label={`${CELL_STATUS_LABELS[s][lang]}: ${counts[s]}`}>
          {counts[s]}
        </span>
      ))}
    </div>
  )
}
