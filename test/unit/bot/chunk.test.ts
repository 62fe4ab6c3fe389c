import { describe, expect, it } from 'vitest'
import { packMessages } from '../../../src/bot/render/chunk.js'

describe('packMessages', () => {
  it('keeps short blocks in one message', () => {
    expect(packMessages(['a', 'b'])).toEqual(['a\n\nb'])
  })

  it('starts a new message before the limit and never splits inside a line', () => {
    const card = (n: number) => Array.from({ length: 10 }, (_, i) => `<b>card ${n}</b> line ${i} ${'x'.repeat(80)}`).join('\n')
    const parts = packMessages(Array.from({ length: 12 }, (_, i) => card(i)))
    expect(parts.length).toBeGreaterThan(2)
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(4000)
      for (const line of p.split('\n').filter(Boolean)) expect(line).toMatch(/^<b>card \d+<\/b> line \d /)
    }
    expect(parts.join('\n\n').split('\n').filter(Boolean)).toHaveLength(120)
  })

  it('splits one oversized block between lines', () => {
    const big = Array.from({ length: 100 }, (_, i) => `line ${i} ${'y'.repeat(90)}`).join('\n')
    const parts = packMessages([big])
    expect(parts.length).toBeGreaterThan(1)
    expect(parts.every((p) => p.length <= 4000)).toBe(true)
    expect(parts.join('\n')).toBe(big)
  })
})
