import { describe, expect, it } from 'vitest'
import { parseBitgetKeyInfo } from '../../../src/exchanges/bitget-permissions.js'
import { BadShapeError } from '../../../src/exchanges/diagnose.js'

describe('parseBitgetKeyInfo', () => {
  it('reads spot and futures trading, withdrawal and the comma-separated IP list', () => {
    const info = parseBitgetKeyInfo({ authorities: ['stor', 'stow', 'coor', 'coow', 'wwow'], ips: '203.0.113.7, 198.51.100.9' })
    expect(info).toEqual({ spotTrade: true, futuresTrade: true, futuresRead: true, withdraw: true, unknownWords: [], ips: ['203.0.113.7', '198.51.100.9'] })
  })

  it('a read-only spot key trades nothing and has no whitelist', () => {
    expect(parseBitgetKeyInfo({ authorities: ['stor'], ips: '' })).toMatchObject({ spotTrade: false, futuresTrade: false, futuresRead: false, withdraw: false, ips: [] })
  })

  it('keeps words Bitget does not document, so withdrawal is never proven off past them', () => {
    // Bitget's own doc example answers "trade" and "readonly", which are not in its code list.
    expect(parseBitgetKeyInfo({ authorities: ['trade', 'readonly'], ips: '127.0.0.1' }).unknownWords).toEqual(['trade', 'readonly'])
  })

  it('refuses a body whose authorities or ips have the wrong type', () => {
    expect(() => parseBitgetKeyInfo({ authorities: 'stor,stow', ips: '' })).toThrow(BadShapeError)
    expect(() => parseBitgetKeyInfo({ ips: '' })).toThrow(BadShapeError)
    expect(() => parseBitgetKeyInfo({ authorities: ['stow'], ips: ['1.2.3.4'] })).toThrow(BadShapeError)
  })
})
