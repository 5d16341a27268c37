import type { Queryable } from './types.ts'

/**
 * The matrix epoch (migration 0005): a number every writing transaction that changes what a
 * dashboard view or the unit list reads moves. What is kept under it is current while it holds.
 */
export async function matrixEpoch(db: Queryable): Promise<number> {
  const [{ n }] = await db.query<{ n: number }>('SELECT n FROM matrix_epoch WHERE id = 1')
  return n
}
