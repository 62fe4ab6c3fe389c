import { AccountNotEnabled, AuthenticationError, BadRequest, DDoSProtection, ExchangeError, ExchangeNotAvailable, InvalidNonce, NetworkError, OnMaintenance, PermissionDenied, RateLimitExceeded, RequestTimeout, AccountSuspended } from 'ccxt'
import { describe, expect, it } from 'vitest'
import { BadShapeError, ccxtClassesOf, DeadlineError, fromStatusOrClass, toFailure } from '../../../src/exchanges/diagnose.js'
import { BINANCE_CODES } from '../../../src/exchanges/binance.js'
import { BYBIT_CODES } from '../../../src/exchanges/bybit.js'
import { KUCOIN_CODES } from '../../../src/exchanges/kucoin.js'
import { MEXC_CODES } from '../../../src/exchanges/mexc.js'
import { OKX_CODES } from '../../../src/exchanges/okx.js'

describe('exchange codes win over ccxt classes', () => {
  it.each([
    // ccxt calls 10072 and 700006 BadRequest: only the code tells them apart.
    [MEXC_CODES, '10072', new BadRequest('x'), 'INVALID_KEY'],
    [MEXC_CODES, '700006', new BadRequest('x'), 'IP_NOT_ALLOWED'],
    [MEXC_CODES, '700002', new AuthenticationError('x'), 'INVALID_SECRET'],
    [MEXC_CODES, '700007', new AuthenticationError('x'), 'PERMISSION'],
    [MEXC_CODES, '700003', new InvalidNonce('x'), 'CLOCK_SKEW'],
    [MEXC_CODES, '801', new OnMaintenance('x'), 'EXCHANGE_UNAVAILABLE'],
    [MEXC_CODES, '730100', new ExchangeError('x'), 'ACCOUNT_RESTRICTED'],
    // ccxt calls every KuCoin auth failure AuthenticationError.
    [KUCOIN_CODES, '400003', new AuthenticationError('x'), 'INVALID_KEY'],
    [KUCOIN_CODES, '400004', new AuthenticationError('x'), 'INVALID_PASSPHRASE'],
    [KUCOIN_CODES, '400005', new AuthenticationError('x'), 'INVALID_SECRET'],
    [KUCOIN_CODES, '400006', new AuthenticationError('x'), 'IP_NOT_ALLOWED'],
    [KUCOIN_CODES, '400007', new AuthenticationError('x'), 'PERMISSION'],
    [KUCOIN_CODES, '400002', new InvalidNonce('x'), 'CLOCK_SKEW'],
    [KUCOIN_CODES, '411100', new AccountSuspended('x'), 'ACCOUNT_RESTRICTED'],
    [KUCOIN_CODES, '429000', new ExchangeError('x'), 'RATE_LIMITED'],
    // ccxt calls KuCoin's retired-key code NotSupported and leaves its 4003xx family unmapped.
    [KUCOIN_CODES, '400008', new ExchangeError('x'), 'KEY_OUTDATED'],
    [KUCOIN_CODES, '400302', new ExchangeError('x'), 'ACCOUNT_RESTRICTED'],
    [KUCOIN_CODES, '400299', new ExchangeError('x'), 'UNKNOWN'],
    // ccxt calls MEXC's symbol-level refusal an AuthenticationError and its firewall limit PermissionDenied.
    [MEXC_CODES, '403', new PermissionDenied('x'), 'RATE_LIMITED'],
    [MEXC_CODES, '700001', new AuthenticationError('x'), 'INVALID_KEY'],
    // Binance -2015 becomes DDoSProtection once a private call succeeded: the code decides.
    [BINANCE_CODES, '-2015', new RateLimitExceeded('x'), 'KEY_REJECTED'],
    [BINANCE_CODES, '-1022', new AuthenticationError('x'), 'INVALID_SECRET'],
    [BINANCE_CODES, '-1016', new BadRequest('x'), 'EXCHANGE_UNAVAILABLE'],
    // ccxt calls Bybit's IP refusal PermissionDenied and its region ban AuthenticationError.
    [BYBIT_CODES, '10010', new PermissionDenied('x'), 'IP_NOT_ALLOWED'],
    [BYBIT_CODES, '10009', new AuthenticationError('x'), 'ACCOUNT_RESTRICTED'],
    [BYBIT_CODES, '10004', new AuthenticationError('x'), 'INVALID_SECRET'],
    // ccxt leaves OKX 50119/50120 unmapped and calls its IP refusal PermissionDenied.
    [OKX_CODES, '50119', new ExchangeError('x'), 'KEY_WRONG_ENVIRONMENT'],
    [OKX_CODES, '50120', new ExchangeError('x'), 'PERMISSION'],
    [OKX_CODES, '50110', new PermissionDenied('x'), 'IP_NOT_ALLOWED'],
    [OKX_CODES, '50105', new AuthenticationError('x'), 'INVALID_PASSPHRASE'],
  ] as const)('%#: code %s', (table, code, err, expected) => {
    expect(toFailure(err, { exchangeCode: code, status: 400 }, table).code).toBe(expected)
  })

  it('keeps the status and Retry-After, never the message', () => {
    const f = toFailure(new RateLimitExceeded('kucoin GET https://api.kucoin.com/... KC-API-KEY: abc'), { status: 429, retryAfterS: 3 }, KUCOIN_CODES)
    expect(f).toEqual({ status: 429, retryAfterS: 3, code: 'RATE_LIMITED' })
  })
})

describe('fallback when the code is unknown', () => {
  it.each([
    ['InvalidNonce before NetworkError (it extends it)', new InvalidNonce('x'), undefined, 'CLOCK_SKEW'],
    ['PermissionDenied before AuthenticationError', new PermissionDenied('x'), undefined, 'PERMISSION'],
    ['429 status', new ExchangeError('x'), 429, 'RATE_LIMITED'],
    ['RateLimitExceeded', new RateLimitExceeded('x'), undefined, 'RATE_LIMITED'],
    ['DDoSProtection before NetworkError (it extends it): throttled, not down', new DDoSProtection('x'), undefined, 'RATE_LIMITED'],
    ['5xx status with an unknown body', new ExchangeError('x'), 502, 'EXCHANGE_UNAVAILABLE'],
    ['exactly 500', new ExchangeError('x'), 500, 'EXCHANGE_UNAVAILABLE'],
    ['499 is not the exchange failing', new ExchangeError('x'), 499, 'UNKNOWN'],
    ['ExchangeNotAvailable', new ExchangeNotAvailable('x'), undefined, 'EXCHANGE_UNAVAILABLE'],
    ['RequestTimeout', new RequestTimeout('x'), undefined, 'EXCHANGE_UNAVAILABLE'],
    ['NetworkError (reset)', new NetworkError('x'), undefined, 'EXCHANGE_UNAVAILABLE'],
    ['our total deadline', new DeadlineError('x'), undefined, 'EXCHANGE_UNAVAILABLE'],
    ['a body we cannot read', new BadShapeError('x'), 200, 'EXCHANGE_UNAVAILABLE'],
    ['AccountSuspended', new AccountSuspended('x'), undefined, 'ACCOUNT_RESTRICTED'],
    ['AccountNotEnabled before PermissionDenied (it extends it): the account, not the key', new AccountNotEnabled('x'), undefined, 'ACCOUNT_RESTRICTED'],
    ['AuthenticationError with no code', new AuthenticationError('x'), 401, 'INVALID_KEY'],
    ['anything else', new ExchangeError('x'), 400, 'UNKNOWN'],
    ['not even an Error', 'boom', undefined, 'UNKNOWN'],
  ] as const)('%s', (_name, err, status, expected) => {
    expect(fromStatusOrClass(err, status)).toBe(expected)
  })

  it('never reads a timeout, 5xx or 429 as a bad key', () => {
    for (const [err, status] of [[new RequestTimeout('x'), undefined], [new ExchangeError('x'), 503], [new ExchangeError('x'), 429], [new OnMaintenance('x'), 503]] as const) {
      expect(['RATE_LIMITED', 'EXCHANGE_UNAVAILABLE']).toContain(fromStatusOrClass(err, status))
    }
  })
})

describe('ccxt errors recognised by class name (diagnose.ts imports nothing from ccxt)', () => {
  it('reads the whole chain of a ccxt error, subclasses first', () => {
    expect([...ccxtClassesOf(new InvalidNonce('x'))]).toEqual(['InvalidNonce', 'NetworkError', 'OperationFailed', 'BaseError'])
    expect(ccxtClassesOf(new PermissionDenied('x')).has('AuthenticationError')).toBe(true)
  })

  it('a foreign error that merely shares a name is not taken for ccxt\'s', () => {
    class NetworkError extends Error {}
    class RateLimitExceeded extends TypeError {}
    expect(ccxtClassesOf(new NetworkError('x')).size).toBe(0)
    expect(fromStatusOrClass(new NetworkError('x'))).toBe('UNKNOWN')
    expect(fromStatusOrClass(new RateLimitExceeded('x'))).toBe('UNKNOWN')
    expect(ccxtClassesOf({ name: 'NetworkError' }).size).toBe(0)
  })
})

describe('our own errors', () => {
  it('name themselves in logs (the scrubbed log keeps only the type and message)', () => {
    expect(new DeadlineError('total timeout').name).toBe('DeadlineError')
    expect(new BadShapeError('not a number').name).toBe('BadShapeError')
  })

  it('an exchange code nobody mapped falls back to the status and class', () => {
    expect(toFailure(new ExchangeError('x'), { status: 503, exchangeCode: '123' }, MEXC_CODES)).toEqual({ status: 503, exchangeCode: '123', code: 'EXCHANGE_UNAVAILABLE' })
    expect(toFailure(new AuthenticationError('x'), {}, MEXC_CODES)).toEqual({ code: 'INVALID_KEY' })
  })
})
