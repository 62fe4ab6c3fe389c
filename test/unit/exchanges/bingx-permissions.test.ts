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

  it('refuses permissions it cannot read', () => {
    expect(() => parseBingxKeyInfo({ permissions: '1,2' })).toThrow(BadShapeError)
    expect(() => parseBingxKeyInfo({ permissions: ['spot'] })).toThrow(BadShapeError)
    expect(() => parseBingxKeyInfo({ permissions: [1], ipAddresses: '1.2.3.4' })).toThrow(BadShapeError)
  })
})
