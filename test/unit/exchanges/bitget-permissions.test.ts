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

  it('a key holding every documented code has no unknown word: withdrawal is read from wwow alone', () => {
    const documented = ['coor', 'cpor', 'stor', 'smor', 'ttor', 'wtor', 'taxr', 'chor', 'p2pr', 'pllr', 'coow', 'cpow', 'stow', 'smow', 'ttow', 'wtow', 'chow', 'p2p', 'p2pw', 'pllw', 'taxw']
    expect(parseBitgetKeyInfo({ authorities: documented })).toMatchObject({ unknownWords: [], withdraw: false })
    expect(parseBitgetKeyInfo({ authorities: [...documented, 'wwow'] })).toMatchObject({ unknownWords: [], withdraw: true })
  })

  it.each(['coor', 'coow', 'cpor', 'cpow'])('%s alone lets the key read futures', (code) => {
    expect(parseBitgetKeyInfo({ authorities: [code] }).futuresRead).toBe(true)
  })

  it('reads codes whatever their case or surrounding spaces: " WWOW " is withdrawal', () => {
    expect(parseBitgetKeyInfo({ authorities: [' STOW ', 'WWOW ', ' ', 'Coow'] })).toMatchObject({ spotTrade: true, futuresTrade: true, withdraw: true, unknownWords: [] })
  })

  it('no IP field, or null, is no whitelist', () => {
    expect(parseBitgetKeyInfo({ authorities: ['stor'] }).ips).toEqual([])
    expect(parseBitgetKeyInfo({ authorities: ['stor'], ips: null }).ips).toEqual([])
  })

  it('refuses a list with one entry that is not a string, and names the field it could not read', () => {
    expect(() => parseBitgetKeyInfo({ authorities: ['stor', 7] })).toThrow(new BadShapeError('authorities'))
    expect(() => parseBitgetKeyInfo({ authorities: ['stor'], ips: 7 })).toThrow(new BadShapeError('ips'))
  })

  it('refuses a body whose authorities or ips have the wrong type', () => {
    expect(() => parseBitgetKeyInfo({ authorities: 'stor,stow', ips: '' })).toThrow(BadShapeError)
    expect(() => parseBitgetKeyInfo({ ips: '' })).toThrow(BadShapeError)
    expect(() => parseBitgetKeyInfo({ authorities: ['stow'], ips: ['1.2.3.4'] })).toThrow(BadShapeError)
  })
})
