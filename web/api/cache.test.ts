import { describe, expect, it } from 'vitest'
import { replaceInList } from './cache.ts'

const row = (id: number, name: string) => ({ id, name })

describe('replaceInList', () => {
  it('puts the saved record in place of the one with its id, in an array or a page', () => {
    expect(replaceInList([row(1, 'a'), row(2, 'b')], row(2, 'B'))).toEqual([row(1, 'a'), row(2, 'B')])
    expect(replaceInList({ items: [row(1, 'a'), row(2, 'b')], total: 9 }, row(1, 'A'))).toEqual({ items: [row(1, 'A'), row(2, 'b')], total: 9 })
  })

  it('leaves a list that does not hold the record as it is, unless asked to append it', () => {
    const page = { items: [row(1, 'a')], total: 1 }
    expect(replaceInList(page, row(3, 'c'))).toBe(page)
    expect(replaceInList([row(1, 'a')], row(3, 'c'), true)).toEqual([row(1, 'a'), row(3, 'c')])
  })
})
