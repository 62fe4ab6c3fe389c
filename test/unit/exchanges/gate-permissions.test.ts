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
    expect(gateKeyMatches('c5dc*****', KEY)).toBe(true)
    expect(gateKeyMatches('c5*****f6', KEY)).toBe(true)
  })

  it('an unmasked entry matches only that exact key', () => {
    expect(gateKeyMatches('0123456789abcdef0123456789abcdef', KEY)).toBe(false)
    expect(gateKeyMatches(KEY.slice(0, -1), KEY)).toBe(false)
  })

  it('never matches a key shorter than what the entry shows, even when both ends fit', () => {
    expect(gateKeyMatches('abcab*****abcab', 'abcab')).toBe(false)
    expect(gateKeyMatches('c5dc*****', 'c5d')).toBe(false)
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

  it('reads futures trading from a write futures permission, whatever the case of its name', () => {
    const info = (perms: unknown[]) => parseGateKeyInfo([entry('c5dcfbf1f3a7*****', { perms })], KEY)
    expect(info([{ name: 'Futures', read_only: false }])).toMatchObject({ futuresTrade: true, spotTrade: false, names: ['futures'] })
    expect(info([{ name: 'futures', read_only: true }])).toMatchObject({ futuresTrade: false })
    expect(info([{ name: 'spot', read_only: false }, { name: 'futures', read_only: false }])).toMatchObject({ spotTrade: true, futuresTrade: true })
    expect(info([{ name: 'SPOT', read_only: false }])).toMatchObject({ spotTrade: true, futuresTrade: false, names: ['spot'] })
  })

  it('skips entries that are not keys, trims the whitelist, and reads no IP list as none', () => {
    const list = [null, 'x', { key: 5 }, entry('c5dcfbf1f3a7*****', { ip_whitelist: [' 203.0.113.7 ', '', ' '] })]
    expect(parseGateKeyInfo(list, KEY)?.ips).toEqual(['203.0.113.7'])
    expect(parseGateKeyInfo([entry('c5dcfbf1f3a7*****', { ip_whitelist: null })], KEY)?.ips).toEqual([])
    expect(parseGateKeyInfo([entry('c5dcfbf1f3a7*****', { ip_whitelist: undefined })], KEY)?.ips).toEqual([])
  })

  it.each([
    ['a string', '1790000000'],
    ['zero', 0],
    ['negative', -5],
    ['not a number', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
  ])('a creation time that is %s is no date', (_n, created_at) => {
    expect(parseGateKeyInfo([entry('c5dcfbf1f3a7*****', { created_at })], KEY)?.createdAt).toBeUndefined()
  })

  it('names the part of the body it could not read', () => {
    expect(() => parseGateKeyInfo(null, KEY)).toThrow(new BadShapeError('main_keys'))
    expect(() => parseGateKeyInfo([entry('c5dcfbf1f3a7*****', { perms: 'spot' })], KEY)).toThrow(new BadShapeError('perms'))
    expect(() => parseGateKeyInfo([entry('c5dcfbf1f3a7*****', { perms: [null] })], KEY)).toThrow(new BadShapeError('perm'))
    expect(() => parseGateKeyInfo([entry('c5dcfbf1f3a7*****', { perms: [{ name: 'spot', read_only: 'false' }] })], KEY)).toThrow(new BadShapeError('perm'))
    expect(() => parseGateKeyInfo([entry('c5dcfbf1f3a7*****', { perms: [{ name: 5, read_only: false }] })], KEY)).toThrow(new BadShapeError('perm'))
    expect(() => parseGateKeyInfo([entry('c5dcfbf1f3a7*****', { ip_whitelist: ['203.0.113.7', 7] })], KEY)).toThrow(new BadShapeError('ip_whitelist'))
  })

  it('a read-only spot permission does not trade; a body it cannot read is refused', () => {
    expect(parseGateKeyInfo([entry('c5dcfbf1f3a7*****', { perms: [{ name: 'spot', read_only: true }] })], KEY)?.spotTrade).toBe(false)
    expect(() => parseGateKeyInfo({ key: KEY }, KEY)).toThrow(BadShapeError)
    expect(() => parseGateKeyInfo([entry('c5dcfbf1f3a7*****', { perms: [{ name: 'spot' }] })], KEY)).toThrow(BadShapeError)
    expect(() => parseGateKeyInfo([entry('c5dcfbf1f3a7*****', { ip_whitelist: '1.2.3.4' })], KEY)).toThrow(BadShapeError)
  })
})
