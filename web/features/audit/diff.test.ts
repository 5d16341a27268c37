import { describe, expect, it } from 'vitest'
import { diffSnapshots } from './diff.ts'

describe('diffSnapshots', () => {
  it('has no rows when there is neither a before nor an after', () => {
    expect(diffSnapshots(null, null)).toEqual([])
    expect(diffSnapshots(undefined, undefined)).toEqual([])
  })

  it('shows every field of a created record as added, in the order of the record', () => {
    expect(diffSnapshots(null, { name: 'Khoa Nội', code: 'BVBM-NOI' })).toEqual([
      { key: 'name', before: undefined, after: 'Khoa Nội', status: 'added' },
      { key: 'code', before: undefined, after: 'BVBM-NOI', status: 'added' },
    ])
  })

  it('shows every field of a deleted record as removed', () => {
    expect(diffSnapshots({ name: 'Khoa Nội' }, null)).toEqual([{ key: 'name', before: 'Khoa Nội', after: undefined, status: 'removed' }])
  })

  it('puts changed fields first, then unchanged ones, each group in field order', () => {
    const rows = diffSnapshots(
      { name: 'Bệnh viện Bạch Mai', code: 'BVBM', isActive: true, version: 1 },
      { name: 'Bệnh viện Bạch Mai', code: 'BVBM', isActive: false, version: 2, parentId: 1 },
    )
    expect(rows.map((r) => [r.key, r.status])).toEqual([
      ['isActive', 'changed'],
      ['version', 'changed'],
      ['parentId', 'added'],
      ['name', 'same'],
      ['code', 'same'],
    ])
  })

  it('compares nested values by content, not by reference', () => {
    const roles = [{ role: 'admin', unitId: 1 }]
    const rows = diffSnapshots({ roles }, { roles: [{ role: 'admin', unitId: 1 }] })
    expect(rows).toEqual([{ key: 'roles', before: roles, after: roles, status: 'same' }])
    expect(diffSnapshots({ roles }, { roles: [{ role: 'admin', unitId: 2 }] })[0].status).toBe('changed')
  })

  it('compares a snapshot that is not an object as one value', () => {
    expect(diffSnapshots('cũ', 'mới')).toEqual([{ key: '', before: 'cũ', after: 'mới', status: 'changed' }])
    expect(diffSnapshots([1, 2], [1, 2])).toEqual([{ key: '', before: [1, 2], after: [1, 2], status: 'same' }])
    expect(diffSnapshots(null, 5)).toEqual([{ key: '', before: null, after: 5, status: 'added' }])
  })
})
