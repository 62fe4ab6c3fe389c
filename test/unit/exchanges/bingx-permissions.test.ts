import { describe, expect, it } from 'vitest'
import { parseBingxKeyInfo } from '../../../src/exchanges/bingx-permissions.js'
import { BadShapeError } from '../../../src/exchanges/diagnose.js'

describe('parseBingxKeyInfo', () => {
  it('reads spot (1) and futures (3) trading, withdrawal (5) and the IP list', () => {
    expect(parseBingxKeyInfo({ permissions: [1, 2, 3, 5], ipAddresses: ['203.0.113.7'] })).toEqual({ spotTrade: true, futuresTrade: true, withdraw: true, unknown: [], ips: ['203.0.113.7'] })
  })

  it('accepts numbers sent as strings and a missing or null IP list', () => {
    expect(parseBingxKeyInfo({ permissions: ['2'], ipAddresses: null })).toMatchObject({ spotTrade: false, withdraw: false, ips: [] })
    expect(parseBingxKeyInfo({ permissions: [2] }).ips).toEqual([])
  })

  it('keeps numbers BingX does not document, so withdrawal is never proven off past them', () => {
    expect(parseBingxKeyInfo({ permissions: [1, 2, 6], ipAddresses: [] }).unknown).toEqual([6])
  })

  it('every documented number is known: transfers (4, 7) and reading (2) leave withdrawal provably off', () => {
    expect(parseBingxKeyInfo({ permissions: [1, 2, 3, 4, 7] })).toMatchObject({ withdraw: false, unknown: [] })
  })

  it('an undocumented number of several digits, sent as a string, is read and kept as unknown', () => {
    expect(parseBingxKeyInfo({ permissions: ['2', '12'] }).unknown).toEqual([12])
  })

  it('reads a number sent as a string with spaces: " 5 " is withdrawal', () => {
    expect(parseBingxKeyInfo({ permissions: [' 5 ', '1'] })).toMatchObject({ spotTrade: true, withdraw: true, unknown: [] })
  })

  it('trims IPs and drops blanks', () => {
    expect(parseBingxKeyInfo({ permissions: [2], ipAddresses: [' 203.0.113.7 ', '', ' '] }).ips).toEqual(['203.0.113.7'])
  })

  it('refuses a fraction, a signed or decimal string, or an IP entry that is not a string, naming the field', () => {
    expect(() => parseBingxKeyInfo({ permissions: [1.5] })).toThrow(new BadShapeError('permissions'))
    expect(() => parseBingxKeyInfo({ permissions: ['-5'] })).toThrow(new BadShapeError('permissions'))
    expect(() => parseBingxKeyInfo({ permissions: ['5.0'] })).toThrow(new BadShapeError('permissions'))
    expect(() => parseBingxKeyInfo({ permissions: null })).toThrow(new BadShapeError('permissions'))
    expect(() => parseBingxKeyInfo({ permissions: [null] })).toThrow(new BadShapeError('permissions'))
    expect(() => parseBingxKeyInfo({ permissions: [2, 'spot'] })).toThrow(new BadShapeError('permissions'))
    expect(() => parseBingxKeyInfo({ permissions: [1], ipAddresses: ['203.0.113.7', 7] })).toThrow(new BadShapeError('ipAddresses'))
  })

  it('refuses permissions it cannot read', () => {
    expect(() => parseBingxKeyInfo({ permissions: '1,2' })).toThrow(BadShapeError)
    expect(() => parseBingxKeyInfo({ permissions: ['spot'] })).toThrow(BadShapeError)
    expect(() => parseBingxKeyInfo({ permissions: [1], ipAddresses: '1.2.3.4' })).toThrow(BadShapeError)
  })
})
