import { describe, expect, it } from 'vitest'
import { evaluateWhitelist, ipMatches } from '../../../src/exchanges/key-checks.js'
import { parseKucoinPermissions, withdrawWords } from '../../../src/exchanges/kucoin-permissions.js'

describe('KuCoin permission words', () => {
  it('parses the comma list KuCoin returns (its SDK fixture)', () => {
    expect(parseKucoinPermissions('General,Futures,Spot,Earn,InnerTransfer,Transfer,Margin')).toHaveLength(7)
    expect(parseKucoinPermissions('General, Spot')).toEqual(['General', 'Spot'])
    expect(parseKucoinPermissions(undefined)).toBeNull() // unreadable, never an empty "safe" list (F12)
  })
  it('flags any transfer or withdraw word, any case', () => {
    expect(withdrawWords(['General', 'Spot'])).toEqual([])
    expect(withdrawWords(['General', 'TRANSFER', 'Withdrawal', 'withdraw', 'InnerTransfer'])).toEqual(['TRANSFER', 'Withdrawal', 'withdraw', 'InnerTransfer'])
  })
})

describe('KuCoin whitelist, including masked entries', () => {
  it.each([
    ['203.**.7', '203.0.113.7', true],
    ['203.**.154', '203.0.113.7', false],
    ['203.**.7', '2030.0.1.7', false],
    ['203.0.113.7', '203.0.113.7', true],
    ['203.0.113.70', '203.0.113.7', false],
  ])('%s vs %s', (entry, ip, match) => {
    expect(ipMatches(entry, ip)).toBe(match)
  })
  it('empty = missing; all ours = pass; otherwise names the missing ones', () => {
    expect(evaluateWhitelist([], ['203.0.113.7'])).toEqual({ state: 'missing' })
    expect(evaluateWhitelist(['203.**.7', '198.**.9'], ['203.0.113.7', '198.51.100.9'])).toEqual({ state: 'pass' })
    expect(evaluateWhitelist(['203.**.7'], ['203.0.113.7', '198.51.100.9'])).toEqual({ state: 'fail', missing: ['198.51.100.9'] })
    expect(evaluateWhitelist(['192.0.2.1'], [])).toEqual({ state: 'pass' })
  })
})
