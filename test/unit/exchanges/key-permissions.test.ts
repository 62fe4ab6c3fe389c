import { describe, expect, it } from 'vitest'
import { parseBinanceRestrictions } from '../../../src/exchanges/binance-permissions.js'
import { parseBybitKeyInfo } from '../../../src/exchanges/bybit-permissions.js'
import { BadShapeError } from '../../../src/exchanges/diagnose.js'
import { parseOkxConfig } from '../../../src/exchanges/okx-permissions.js'

// The fail-safe rule: a permission field we cannot read is never read as "off" where "off"
// would mean safe (withdrawal), and never as "on" where "on" would mean a pass (trade).

const binance = (o: Record<string, unknown>) => parseBinanceRestrictions({ ipRestrict: true, enableReading: true, enableSpotAndMarginTrading: true, enableFutures: false, enableWithdrawals: false, enableInternalTransfer: false, ...o })

describe('Binance apiRestrictions', () => {
  it('reads the documented switches', () => {
    expect(binance({})).toMatchObject({ ipRestrict: true, enableReading: true, enableSpotAndMarginTrading: true, enableFutures: false, withdrawOn: [], withdrawKnown: true, tradingExpiresAt: undefined })
    expect(binance({ enableWithdrawals: true, enableInternalTransfer: true }).withdrawOn).toEqual(['Enable Withdrawals', 'Enable Internal Transfer'])
    expect(binance({ tradingAuthorityExpirationTime: 1_800_000_000_000 }).tradingExpiresAt).toBe(1_800_000_000_000)
  })
  it.each([
    ['missing', undefined],
    ['a string', 'false'],
    ['null', null],
    ['a number', 0],
  ])('withdrawal switch %s: unknown, never off', (_n, value) => {
    const r = binance({ enableWithdrawals: value })
    expect(r.withdrawKnown).toBe(false)
    expect(r.withdrawOn).toEqual([])
  })
  it('a switch that is on wins even when another cannot be read', () => {
    expect(binance({ enableWithdrawals: 'yes', enableInternalTransfer: true }).withdrawOn).toEqual(['Enable Internal Transfer'])
  })
  it('unreadable IP and futures switches stay undefined; unreadable reading or trading is a body we cannot read', () => {
    expect(binance({ ipRestrict: 'true', enableFutures: null })).toMatchObject({ ipRestrict: undefined, enableFutures: undefined })
    expect(() => binance({ enableReading: undefined })).toThrow(BadShapeError)
    expect(() => binance({ enableSpotAndMarginTrading: 1 })).toThrow(BadShapeError)
    expect(() => parseBinanceRestrictions([])).toThrow(BadShapeError)
    expect(binance({ tradingAuthorityExpirationTime: 0 }).tradingExpiresAt).toBeUndefined()
  })
  it('the error names the body it could not read, for the log', () => {
    expect(() => binance({ enableReading: 'yes' })).toThrow(new BadShapeError('apiRestrictions'))
  })
  it.each([
    ['a string of digits', '1800000000000'],
    ['negative', -1_800_000_000_000],
    ['not a number', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
  ])('a trading expiry that is %s is no date', (_n, value) => {
    expect(binance({ tradingAuthorityExpirationTime: value }).tradingExpiresAt).toBeUndefined()
  })
})

const bybitBody = (r: Record<string, unknown>, perms: Record<string, unknown> = {}) => ({
  retCode: 0,
  result: { readOnly: 0, permissions: { ContractTrade: [], Spot: ['SpotTrade'], Wallet: ['AccountTransfer'], Options: [], Derivatives: [], ...perms }, ips: ['*'], uta: 1, expiredAt: '2023-05-15T03:13:24Z', deadlineDay: 88, ...r },
})

describe('Bybit query-api', () => {
  it('reads the docs example: no IP bound, an expiry date, no withdrawal', () => {
    expect(parseBybitKeyInfo(bybitBody({}))).toEqual({ readOnly: false, spotTrade: true, futuresTrade: false, withdraw: [], ips: [], expiresAt: Date.UTC(2023, 4, 15, 3, 13, 24), uta: true })
  })
  it('a Read-Only key cannot trade, whatever groups it lists', () => {
    expect(parseBybitKeyInfo(bybitBody({ readOnly: 1 }, { ContractTrade: ['Order', 'Position'] }))).toMatchObject({ readOnly: true, spotTrade: false, futuresTrade: false })
  })
  it('flags Wallet Withdraw; an unreadable Wallet group is unknown, never off', () => {
    expect(parseBybitKeyInfo(bybitBody({}, { Wallet: ['AccountTransfer', 'Withdraw'] })).withdraw).toEqual(['Wallet: Withdraw'])
    expect(parseBybitKeyInfo(bybitBody({}, { Wallet: undefined })).withdraw).toBeUndefined()
    expect(parseBybitKeyInfo(bybitBody({}, { Wallet: 'Withdraw' })).withdraw).toBeUndefined()
  })
  it('reads bound IPs, an empty or absent date, and marks an unreadable date as NaN', () => {
    expect(parseBybitKeyInfo(bybitBody({ ips: ['203.0.113.7', '198.51.100.9'], expiredAt: '' }))).toMatchObject({ ips: ['203.0.113.7', '198.51.100.9'], expiresAt: undefined })
    expect(parseBybitKeyInfo(bybitBody({ ips: 'x' })).ips).toBeUndefined()
    expect(parseBybitKeyInfo(bybitBody({ expiredAt: 'soon' })).expiresAt).toBeNaN()
    expect(parseBybitKeyInfo(bybitBody({ expiredAt: '0001-01-01T00:00:00Z' })).expiresAt).toBeUndefined()
  })
  it('an unreadable readOnly or permissions object is a body we cannot read', () => {
    expect(() => parseBybitKeyInfo(bybitBody({ readOnly: '0' }))).toThrow(BadShapeError)
    expect(() => parseBybitKeyInfo(bybitBody({ permissions: null }))).toThrow(BadShapeError)
    expect(() => parseBybitKeyInfo(bybitBody({ readOnly: 2 }))).toThrow(new BadShapeError('readOnly'))
  })
  it.each([
    ['ContractTrade: Order', { ContractTrade: ['Order'] }],
    ['ContractTrade: Position', { ContractTrade: ['Position'] }],
    ['Derivatives: DerivativesTrade', { Derivatives: ['DerivativesTrade'] }],
  ])('any one futures permission (%s) lets a read-write key trade futures', (_n, perms) => {
    expect(parseBybitKeyInfo(bybitBody({}, perms)).futuresTrade).toBe(true)
    expect(parseBybitKeyInfo(bybitBody({}, { ContractTrade: ['Other'], Derivatives: ['Other'] })).futuresTrade).toBe(false)
  })
  it('a Wallet or IP list with one entry that is not a string is unreadable: withdrawal unknown, never off', () => {
    expect(parseBybitKeyInfo(bybitBody({}, { Wallet: ['AccountTransfer', 7] })).withdraw).toBeUndefined()
    expect(parseBybitKeyInfo(bybitBody({}, { Wallet: [null] })).withdraw).toBeUndefined()
    expect(parseBybitKeyInfo(bybitBody({ ips: ['203.0.113.7', null] })).ips).toBeUndefined()
  })
  it('bound IPs are trimmed, and blanks and the "*" (no IP) dropped', () => {
    expect(parseBybitKeyInfo(bybitBody({ ips: [' 203.0.113.7 ', '', '*', ' '] })).ips).toEqual(['203.0.113.7'])
  })
  it('an absent date or the epoch is no expiry; a date that is not a string is stated but unreadable', () => {
    expect(parseBybitKeyInfo(bybitBody({ expiredAt: undefined })).expiresAt).toBeUndefined()
    expect(parseBybitKeyInfo(bybitBody({ expiredAt: null })).expiresAt).toBeUndefined()
    expect(parseBybitKeyInfo(bybitBody({ expiredAt: '1970-01-01T00:00:00Z' })).expiresAt).toBeUndefined()
    expect(parseBybitKeyInfo(bybitBody({ expiredAt: 5 })).expiresAt).toBeNaN()
  })
  it('a unified account is read from uta or unified; neither is a classic account', () => {
    expect(parseBybitKeyInfo(bybitBody({ uta: 0 })).uta).toBe(false)
    expect(parseBybitKeyInfo(bybitBody({ uta: 0, unified: 1 })).uta).toBe(true)
    expect(parseBybitKeyInfo(bybitBody({ uta: 0, unified: 0 })).uta).toBe(false)
  })
})

const okxBody = (c: Record<string, unknown>) => ({ code: '0', data: [{ perm: 'read_only,trade', ip: '', acctLv: '2', ...c }] })

describe('OKX account config', () => {
  it('reads perm, ip and acctLv', () => {
    expect(parseOkxConfig(okxBody({}))).toEqual({ trade: true, withdraw: [], ips: [], acctLv: '2' })
    expect(parseOkxConfig(okxBody({ perm: 'read_only,withdraw,trade', ip: '203.0.113.7,198.51.100.9' }))).toEqual({ trade: true, withdraw: ['Withdraw'], ips: ['203.0.113.7', '198.51.100.9'], acctLv: '2' })
  })
  it('an empty permission list is unknown for withdrawal and no trade; an absent one is unreadable', () => {
    expect(parseOkxConfig(okxBody({ perm: '' }))).toMatchObject({ trade: false, withdraw: undefined })
    expect(() => parseOkxConfig(okxBody({ perm: undefined }))).toThrow(BadShapeError)
    expect(() => parseOkxConfig({ code: '0', data: [] })).toThrow(BadShapeError)
  })
  it('an unreadable IP field or account mode stays undefined', () => {
    expect(parseOkxConfig(okxBody({ ip: null, acctLv: undefined }))).toMatchObject({ ips: undefined, acctLv: undefined })
  })
  it('reads permission words and IPs with spaces around them: a spaced " withdraw " is still withdrawal', () => {
    expect(parseOkxConfig(okxBody({ perm: 'read_only, Withdraw , trade', ip: '203.0.113.7, 198.51.100.9 ,' }))).toEqual({ trade: true, withdraw: ['Withdraw'], ips: ['203.0.113.7', '198.51.100.9'], acctLv: '2' })
  })
  it('a numeric account mode is read as its string', () => {
    expect(parseOkxConfig(okxBody({ acctLv: 3 })).acctLv).toBe('3')
  })
  it('a body without a list of configs is unreadable, and the error names what was missing, for the log', () => {
    expect(() => parseOkxConfig({ code: '0' })).toThrow(new BadShapeError('config data'))
    expect(() => parseOkxConfig({ code: '0', data: 'x' })).toThrow(new BadShapeError('config data'))
    expect(() => parseOkxConfig({ code: '0', data: [] })).toThrow(new BadShapeError('config data'))
    expect(() => parseOkxConfig(okxBody({ perm: 1 }))).toThrow(new BadShapeError('perm'))
  })
})
