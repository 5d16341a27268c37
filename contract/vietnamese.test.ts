import { describe, expect, it } from 'vitest'
import { foldVietnamese, vnNameSortKey, vnSortKey } from './vietnamese.ts'

describe('Vietnamese ordering', () => {
  it('orders letters as the Vietnamese alphabet does (đ after d, ă â after a, ư after u)', () => {
    const words = ['Đức', 'Dung', 'Ân', 'An', 'Ăn', 'Uyên', 'Ưng', 'Vy', 'Bình', 'Ơn', 'Ông', 'Oanh']
    const sorted = [...words].sort((a, b) => (vnSortKey(a) < vnSortKey(b) ? -1 : 1))
    expect(sorted).toEqual(['An', 'Ăn', 'Ân', 'Bình', 'Dung', 'Đức', 'Oanh', 'Ông', 'Ơn', 'Uyên', 'Ưng', 'Vy'])
  })

  it('breaks ties on tone marks in dictionary order (ngang, huyền, hỏi, ngã, sắc, nặng)', () => {
    const words = ['má', 'mạ', 'mà', 'ma', 'mã', 'mả']
    const sorted = [...words].sort((a, b) => (vnSortKey(a) < vnSortKey(b) ? -1 : 1))
    expect(sorted).toEqual(['ma', 'mà', 'mả', 'mã', 'má', 'mạ'])
  })

  it('sorts people by given name first, then by full name', () => {
    const names = ['Trần Văn Bình', 'Nguyễn Thị An', 'Lê Đức Anh', 'Phạm Minh Đức', 'Hoàng Văn Dũng', 'Bùi Thị An']
    const sorted = [...names].sort((a, b) => (vnNameSortKey(a) < vnNameSortKey(b) ? -1 : 1))
    expect(sorted).toEqual(['Bùi Thị An', 'Nguyễn Thị An', 'Lê Đức Anh', 'Trần Văn Bình', 'Hoàng Văn Dũng', 'Phạm Minh Đức'])
  })

  it('folds diacritics and đ for search', () => {
    expect(foldVietnamese('Bảo vệ chính trị nội bộ Đảng ủy')).toBe('bao ve chinh tri noi bo dang uy')
  })
})
