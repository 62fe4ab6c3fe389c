import { describe, expect, it } from 'vitest'
import { evaluateWhitelist, ipMatches } from '../../../src/exchanges/key-checks.js'
import { parseKucoinPermissions, withdrawWords } from '../../../src/exchanges/kucoin-permissions.js'

describe('KuCoin permission words', () => {
  it('parses the comma list KuCoin returns (its SDK fixture)', () => {
    expect(parseKucoinPermissions('General,Futures,Spot,Earn,InnerTransfer,Transfer,Margin')).toEqual(['General', 'Futures', 'Spot', 'Earn', 'InnerTransfer', 'Transfer', 'Margin'])
    expect(parseKucoinPermissions('General, Spot')).toEqual(['General', 'Spot'])
    expect(parseKucoinPermissions(undefined)).toBeNull() // unreadable, never an empty "safe" list (F12)
  })
  it('drops empty words and reads an array of words too', () => {
    expect(parseKucoinPermissions(' General,,Spot , ')).toEqual(['General', 'Spot'])
    expect(parseKucoinPermissions(['General', ' Spot ', ''])).toEqual(['General', 'Spot'])
  })
  it('anything else is unreadable (null), never an empty "safe" list: no words, non-string items, other types', () => {
    for (const v of ['', ' , ,', [], ['', ' '], ['General', 7], [null], 42, null, { permission: 'General' }]) expect(parseKucoinPermissions(v)).toBeNull()
  })
  it('flags any transfer or withdraw word, any case', () => {
    expect(withdrawWords(['General', 'Spot'])).toEqual([])
    expect(withdrawWords(['General', 'TRANSFER', 'Withdrawal', 'withdraw', 'InnerTransfer'])).toEqual(['TRANSFER', 'Withdrawal', 'withdraw', 'InnerTransfer'])
    expect(withdrawWords(['Spot', 'Futures', 'Margin', 'Earn', 'Trade'])).toEqual([])
  })
})

describe('KuCoin whitelist, including masked entries', () => {
  it.each([
    ['203.**.7', '203.0.113.7', true],
    ['203.**.154', '203.0.113.7', false],
    ['203.**.7', '2030.0.1.7', false],
    ['203.0.113.7', '203.0.113.7', true],
    ['203.0.113.70', '203.0.113.7', false],
    // The masked middle stands for at least one character.
    ['203.**.7', '203.7', false],
    ['203.**.7', '203..7', false],
    ['203.**.7', '203.1.7', true],
    ['203.***.7', '203.0.113.7', true],
    // A mask must show both ends (F12): an open end proves nothing about which IP is listed.
    ['203.0.**', '203.0.113.7', false],
    ['**.113.7', '203.0.113.7', false],
    ['**', '203.0.113.7', false],
    ['*', '203.0.113.7', false],
    // Spaces and case do not matter (IPv6 is written in either case).
    [' 203.0.113.7 ', '203.0.113.7', true],
    ['203.0.113.7', ' 203.0.113.7', true],
    ['2001:DB8::1', '2001:db8::1', true],
    ['2001:db8::1', '2001:DB8::1', true],
    ['2001:DB8:**:1', '2001:db8:0:0:1', true],
    ['2001:db8:**:1', '2001:DB8:0:0:1', true],
    [' 203.**.7 ', '203.0.113.7', true],
  ])('%s vs %s', (entry, ip, match) => {
    expect(ipMatches(entry, ip)).toBe(match)
  })
  it('empty = missing; all ours = pass; otherwise names the missing ones', () => {
    expect(evaluateWhitelist([], ['203.0.113.7'])).toEqual({ state: 'missing' })
    expect(evaluateWhitelist(['203.**.7', '198.**.9'], ['203.0.113.7', '198.51.100.9'])).toEqual({ state: 'pass' })
    expect(evaluateWhitelist(['203.**.7'], ['203.0.113.7', '198.51.100.9'])).toEqual({ state: 'fail', missing: ['198.51.100.9'] })
    expect(evaluateWhitelist(['192.0.2.1'], [])).toEqual({ state: 'pass' })
    expect(evaluateWhitelist(['192.0.2.1'], ['203.0.113.7', '192.0.2.1', '198.51.100.9'])).toEqual({ state: 'fail', missing: ['203.0.113.7', '198.51.100.9'] })
  })
})
