import { describe, expect, it } from 'vitest'
import { BadShapeError } from '../../../src/exchanges/diagnose.js'
import { gateKeyMatches, parseGateKeyInfo } from '../../../src/exchanges/gate-permissions.js'

const KEY = 'c5dcfbf1f3a7d3b2e9f0a1b2c3d4e5f6'
const entry = (key: string, extra: Record<string, unknown> = {}) => ({ key, state: 1, mode: 1, perms: [{ name: 'spot', read_only: false }, { name: 'account', read_only: true }], ip_whitelist: ['203.0.113.7'], created_at: 1_790_000_000, ...extra })

describe('gateKeyMatches', () => {
  it('matches the visible head (and tail) of a masked key, or the whole key', () => {
    expect(gateKeyMatches('c5dcfbf1f3a7*****', KEY)).toBe(true)
    expect(gateKeyMatches('c5dc****e5f6', KEY)).toBe(true)
    expect(gateKeyMatches(KEY, KEY)).toBe(true)
    expect(gateKeyMatches('c5dcfbf1f3a8*****', KEY)).toBe(false)
    expect(gateKeyMatches('c5dc****e5f7', KEY)).toBe(false)
  })

  it('never matches an entry that shows too little to tell keys apart', () => {
    expect(gateKeyMatches('*****', KEY)).toBe(false)
    expect(gateKeyMatches('c5d*****', KEY)).toBe(false)
  })
})

describe('parseGateKeyInfo', () => {
  it('finds our key among the account keys and reads trade, IPs and creation time', () => {
    const list = [entry('0123456789ab*****', { perms: [{ name: 'wallet', read_only: false }] }), entry('c5dcfbf1f3a7*****')]
    expect(parseGateKeyInfo(list, KEY)).toEqual({ spotTrade: true, futuresTrade: false, names: ['spot', 'account'], ips: ['203.0.113.7'], createdAt: 1_790_000_000 })
  })

  it('reads nothing when no entry, or two entries, could be ours', () => {
    expect(parseGateKeyInfo([entry('0123456789ab*****')], KEY)).toBeNull()
    expect(parseGateKeyInfo([entry('c5dcfbf1f3a7*****'), entry('c5dcfbf1f3a7*****')], KEY)).toBeNull()
  })

  it('a read-only spot permission does not trade; a body it cannot read is refused', () => {
    expect(parseGateKeyInfo([entry('c5dcfbf1f3a7*****', { perms: [{ name: 'spot', read_only: true }] })], KEY)?.spotTrade).toBe(false)
    expect(() => parseGateKeyInfo({ key: KEY }, KEY)).toThrow(BadShapeError)
    expect(() => parseGateKeyInfo([entry('c5dcfbf1f3a7*****', { perms: [{ name: 'spot' }] })], KEY)).toThrow(BadShapeError)
    expect(() => parseGateKeyInfo([entry('c5dcfbf1f3a7*****', { ip_whitelist: '1.2.3.4' })], KEY)).toThrow(BadShapeError)
  })
})
