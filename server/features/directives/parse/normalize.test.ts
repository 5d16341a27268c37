import { describe, it, expect } from 'vitest'
import { withoutMarkdown } from './normalize.ts'

describe('withoutMarkdown', () => {
  it('takes bold, underline, italics and heading marks off a Markdown copy of a web page', () => {
    const text = '**ĐẢNG CỘNG\nSẢN VIỆT NAM**\n*****\n*Hà Nội, ngày\n26 tháng 11 năm 2025*\n## Văn bản liên quan\n*4.1. *Giao Đảng uỷ\n__Nơi nhận__:'
    expect(withoutMarkdown(text)).toBe('ĐẢNG CỘNG\nSẢN VIỆT NAM\n*\nHà Nội, ngày\n26 tháng 11 năm 2025\nVăn bản liên quan\n4.1. Giao Đảng uỷ\nNơi nhận:')
  })

  it('keeps a "* " bullet, "(*)" and a rule of underscores', () => {
    expect(withoutMarkdown('**Ghi chú**\n* Khoản 11\nSố liệu (*)\n**___________**')).toBe('Ghi chú\n* Khoản 11\nSố liệu (*)\n___________')
  })

  it('leaves text with no bold marks alone', () => {
    const plain = 'TỈNH ỦY\n*\nSố 445-KL/TƯ\n* Khoản 11\n*Ghi chú*'
    expect(withoutMarkdown(plain)).toBe(plain)
  })
})
