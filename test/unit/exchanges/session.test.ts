/**
 * The session's rules, one call at a time: where a failure lands, what it implies, what it
 * skips, which facts the fix text gets, and the time budget. The client is scripted (the
 * session only reads the instance's timeout/options and the last response trace); the same
 * rules run against real ccxt and the fake exchange in test/integration/exchanges/contract.test.ts.
 */
import { ExchangeError, NetworkError, RequestTimeout, type Exchange } from 'ccxt'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CheckId, CheckResult, Market } from '../../../src/domain/types.js'
import type { TestOptions } from '../../../src/exchanges/adapter.js'
import type { CcxtClient, ResponseTrace } from '../../../src/exchanges/ccxt-client.js'
import type { CodeTable, Failure } from '../../../src/exchanges/diagnose.js'
import { createSession, requireNumber, requireObject, SKEW_WARN_MS, type Session, type StepSpec } from '../../../src/exchanges/session.js'

const T0 = 1_700_000_000_000
const TABLE: CodeTable = { '10072': 'INVALID_KEY', '700007': 'PERMISSION', '429': 'RATE_LIMITED' }
const ALL: CheckId[] = ['reachable', 'key', 'secret', 'passphrase', 'balance', 'trade', 'futures', 'withdraw', 'ip']
const NO_PASSPHRASE: CheckId[] = ['reachable', 'key', 'secret', 'balance', 'trade', 'withdraw', 'ip']

const ACCOUNT: StepSpec = { check: 'balance', permission: { code: 'NO_READ_PERMISSION', check: 'balance' } }
const ORDER: StepSpec = { check: 'trade', permission: { code: 'NO_TRADE_PERMISSION', check: 'trade' } }
const KEY_INFO: StepSpec = { check: 'key', permission: { code: 'NO_READ_PERMISSION', check: 'balance' } }
const CONTRACT: StepSpec = { check: 'futures', permission: { code: 'NO_FUTURES_PERMISSION', check: 'futures' }, table: { '1000': 'PERMISSION', '10073': 'CLOCK_SKEW' } }

/** A client whose responses the test writes, as ccxt's response hook would. */
interface ScriptedClient extends CcxtClient<Exchange> {
  respond(trace: ResponseTrace): void
  calls: number
}

function scriptedClient(): ScriptedClient {
  const ex = { timeout: 10_000, options: {} as Record<string, unknown> } as unknown as Exchange
  let trace: ResponseTrace = {}
  const c: ScriptedClient = {
    ex,
    calls: 0,
    requestCount: () => c.calls,
    lastResponse: () => trace,
    resetTrace: () => {
      trace = {}
    },
    respond: (t) => {
      c.calls++
      trace = t
    },
    ready: async () => {},
    track: (p) => p,
    release: () => {},
  }
  return c
}

function start(o: { checks?: CheckId[]; market?: Market; options?: Partial<TestOptions> } = {}): { s: Session<Exchange>; client: ScriptedClient } {
  const client = scriptedClient()
  const options: TestOptions = { market: o.market ?? 'spot', egressIps: ['203.0.113.7'], requestTimeoutMs: 2000, totalTimeoutMs: 5000, ...o.options }
  const s = createSession({ exchange: 'mexc', checks: o.checks ?? ALL, client, table: TABLE, options })
  return { s, client }
}

const checks = (s: Session<Exchange>): CheckResult[] => s.finish().checks
const failure = (code: Failure['code'], extra: Partial<Failure> = {}): Failure => ({ code, ...extra })
const skipped = (ids: CheckId[], by: CheckId): CheckResult[] => ids.map((id) => ({ id, state: 'unknown', detail: { skipped: by } }))

beforeEach(() => {
  vi.useFakeTimers({ now: T0 })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('record: where a failure lands and what it implies', () => {
  it('a bad key fails the key, skips everything after it and blocks the test', () => {
    const { s } = start()
    s.record(failure('INVALID_KEY', { status: 400, exchangeCode: '10072' }), ACCOUNT)
    expect(s.blocked).toBe(true)
    expect(checks(s)).toStrictEqual([
      ...skipped(['reachable'], 'key'),
      { id: 'key', state: 'fail', code: 'INVALID_KEY' },
      ...skipped(['secret', 'passphrase', 'balance', 'trade', 'futures', 'withdraw', 'ip'], 'key'),
    ])
  })

  it('a bad secret proves the key was accepted', () => {
    const { s } = start()
    s.record(failure('INVALID_SECRET'), ACCOUNT)
    expect(checks(s)).toStrictEqual([
      ...skipped(['reachable'], 'secret'),
      { id: 'key', state: 'pass' },
      { id: 'secret', state: 'fail', code: 'INVALID_SECRET' },
      ...skipped(['passphrase', 'balance', 'trade', 'futures', 'withdraw', 'ip'], 'secret'),
    ])
  })

  it('a bad passphrase lands on the passphrase, or on the secret where the exchange has none', () => {
    const withPassphrase = start()
    withPassphrase.s.record(failure('INVALID_PASSPHRASE'), KEY_INFO)
    expect(checks(withPassphrase.s).filter((c) => c.state !== 'unknown')).toStrictEqual([
      { id: 'key', state: 'pass' },
      { id: 'passphrase', state: 'fail', code: 'INVALID_PASSPHRASE' },
    ])
    const without = start({ checks: NO_PASSPHRASE })
    without.s.record(failure('INVALID_PASSPHRASE'), KEY_INFO)
    expect(checks(without.s).filter((c) => c.state !== 'unknown')).toStrictEqual([
      { id: 'key', state: 'pass' },
      { id: 'secret', state: 'fail', code: 'INVALID_PASSPHRASE' },
    ])
  })

  it('an IP refusal lands on the IP check with our egress IPs for the fix, and proves the key', () => {
    const { s } = start({ options: { egressIps: ['203.0.113.7', '198.51.100.9'] } })
    s.record(failure('IP_NOT_ALLOWED'), ACCOUNT)
    expect(checks(s)).toStrictEqual([
      ...skipped(['reachable'], 'ip'),
      { id: 'key', state: 'pass' },
      ...skipped(['secret', 'passphrase', 'balance', 'trade', 'futures', 'withdraw'], 'ip'),
      { id: 'ip', state: 'fail', code: 'IP_NOT_ALLOWED', detail: { ips: '203.0.113.7, 198.51.100.9' } },
    ])
  })

  it('a restricted account lands on the key and proves nothing else: exchanges may say so before checking the signature', () => {
    const { s } = start()
    s.record(failure('ACCOUNT_RESTRICTED'), ORDER)
    expect(checks(s).filter((c) => c.state !== 'unknown')).toStrictEqual([{ id: 'key', state: 'fail', code: 'ACCOUNT_RESTRICTED' }])
    expect(s.blocked).toBe(true)
  })

  it.each([
    ['NO_READ_PERMISSION', 'balance'],
    ['NO_TRADE_PERMISSION', 'trade'],
    ['NO_FUTURES_PERMISSION', 'futures'],
  ] as const)('%s fails %s, proves key, secret and passphrase, and lets the other checks run', (code, check) => {
    const { s } = start()
    s.record(failure(code), KEY_INFO)
    expect(s.blocked).toBe(false)
    const out = checks(s)
    expect(out.filter((c) => c.code !== 'UNKNOWN')).toEqual([
      { id: 'key', state: 'pass' },
      { id: 'secret', state: 'pass' },
      { id: 'passphrase', state: 'pass' },
      { id: check, state: 'fail', code },
    ])
    // Nothing was skipped: the checks nobody decided are reported as such, not as "skipped".
    expect(out.filter((c) => c.detail?.['skipped'] !== undefined)).toEqual([])
  })

  it('"permission denied" means the permission this call needs', () => {
    const order = start()
    order.s.record(failure('PERMISSION', { exchangeCode: '700007' }), ORDER)
    expect(order.s.blocked).toBe(false)
    expect(checks(order.s).find((c) => c.id === 'trade')).toStrictEqual({ id: 'trade', state: 'fail', code: 'NO_TRADE_PERMISSION' })
    const keyInfo = start()
    keyInfo.s.record(failure('PERMISSION'), KEY_INFO)
    expect(checks(keyInfo.s).find((c) => c.id === 'balance')).toStrictEqual({ id: 'balance', state: 'fail', code: 'NO_READ_PERMISSION' })
  })

  it("the step's own permission check wins over where the code lands by default", () => {
    // e.g. an order endpoint of the futures API: "no trade permission" there is futures' failure.
    const { s } = start()
    s.record(failure('PERMISSION'), { check: 'trade', permission: { code: 'NO_TRADE_PERMISSION', check: 'futures' } })
    expect(checks(s).filter((c) => c.state === 'fail')).toStrictEqual([{ id: 'futures', state: 'fail', code: 'NO_TRADE_PERMISSION' }])
  })

  it('a permission check this test does not run falls back to the step: futures refused on a spot test', () => {
    const { s } = start({ checks: NO_PASSPHRASE })
    s.record(failure('NO_FUTURES_PERMISSION'), ORDER)
    expect(checks(s).find((c) => c.id === 'trade')).toStrictEqual({ id: 'trade', state: 'fail', code: 'NO_FUTURES_PERMISSION' })
    expect(checks(s).map((c) => c.id)).not.toContain('futures')
  })

  it('an unexplained failure lands on the step that failed and blocks', () => {
    const { s } = start()
    s.record(failure('UNKNOWN', { status: 400, exchangeCode: '99999' }), ORDER)
    expect(s.blocked).toBe(true)
    expect(checks(s)).toStrictEqual([
      ...skipped(['reachable', 'key', 'secret', 'passphrase', 'balance'], 'trade'),
      { id: 'trade', state: 'fail', code: 'UNKNOWN' },
      ...skipped(['futures', 'withdraw', 'ip'], 'trade'),
    ])
  })

  it.each([
    ['RATE_LIMITED', { retryAfterS: 7 }, { retryAfterS: 7, during: 'balance' }],
    ['RATE_LIMITED', {}, { during: 'balance' }],
    ['EXCHANGE_UNAVAILABLE', { retryAfterS: 7, status: 503 }, { during: 'balance' }],
    ['CLOCK_SKEW', { retryAfterS: 7 }, { during: 'balance' }],
  ] as const)('an exchange fault (%s) lands on reachable, never on the key, naming the step it happened during', (code, extra, detail) => {
    const { s } = start()
    s.record(failure(code, extra), ACCOUNT)
    expect(s.blocked).toBe(true)
    expect(checks(s)).toStrictEqual([{ id: 'reachable', state: 'fail', code, detail }, ...skipped(ALL.slice(1), 'reachable')])
  })

  it('implied passes never overwrite a check already decided', () => {
    const { s } = start()
    s.report.set('key', 'warn', 'IP_WHITELIST_MISSING')
    s.report.set('passphrase', 'fail', 'INVALID_PASSPHRASE')
    s.record(failure('NO_TRADE_PERMISSION'), ORDER)
    expect(checks(s).slice(1, 4)).toStrictEqual([
      { id: 'key', state: 'warn', code: 'IP_WHITELIST_MISSING' },
      { id: 'secret', state: 'pass' },
      { id: 'passphrase', state: 'fail', code: 'INVALID_PASSPHRASE' },
    ])
  })

  it('a blocking failure skips only what is still undecided', () => {
    const { s } = start()
    s.report.set('reachable', 'pass')
    s.report.set('key', 'pass')
    s.record(failure('EXCHANGE_UNAVAILABLE'), ORDER)
    expect(checks(s).slice(0, 3)).toStrictEqual([
      { id: 'reachable', state: 'fail', code: 'EXCHANGE_UNAVAILABLE', detail: { during: 'trade' } },
      { id: 'key', state: 'pass' },
      { id: 'secret', state: 'unknown', detail: { skipped: 'reachable' } },
    ])
  })
})

describe('tryCall and call', () => {
  it('returns the parsed value and leaves the report alone', async () => {
    const { s, client } = start()
    const r = await s.tryCall(ACCOUNT, async () => {
      client.respond({ status: 200 })
      return { balances: [1, 2] }
    }, (raw) => (requireObject(raw)['balances'] as unknown[]).length)
    expect(r).toEqual({ ok: true, value: 2 })
    expect(checks(s).every((c) => c.code === 'UNKNOWN')).toBe(true)
  })

  it('reduces a thrown error to a failure from the exchange code, without recording it', async () => {
    const { s, client } = start()
    const r = await s.tryCall(ACCOUNT, async () => {
      client.respond({ status: 400, exchangeCode: '10072' })
      throw new ExchangeError('mexc GET https://api.mexc.com/api/v3/account?signature=abc 400')
    }, () => 0)
    expect(r).toEqual({ ok: false, failure: { status: 400, exchangeCode: '10072', code: 'INVALID_KEY' } })
    expect(s.blocked).toBe(false)
    expect(checks(s).find((c) => c.id === 'key')).toStrictEqual({ id: 'key', state: 'unknown', code: 'UNKNOWN' })
  })

  it('call records the failure and returns undefined; on success it returns the value', async () => {
    const { s, client } = start()
    expect(await s.call(ACCOUNT, async () => 5, (raw) => requireNumber(raw) * 2)).toBe(10)
    const out = await s.call(ACCOUNT, async () => {
      client.respond({ status: 400, exchangeCode: '10072' })
      throw new ExchangeError('x')
    }, () => 1)
    expect(out).toBeUndefined()
    expect(s.blocked).toBe(true)
    expect(checks(s).find((c) => c.id === 'key')).toStrictEqual({ id: 'key', state: 'fail', code: 'INVALID_KEY' })
  })

  it("a step's own code table overrides the exchange's (MEXC's contract API reuses numbers)", async () => {
    const refused = start({ market: 'both' })
    const r = await refused.s.tryCall(CONTRACT, async () => {
      refused.client.respond({ status: 200, exchangeCode: '1000' })
      throw new ExchangeError('x')
    }, () => 0)
    expect(r).toEqual({ ok: false, failure: { status: 200, exchangeCode: '1000', code: 'PERMISSION' } })
    if (!r.ok) refused.s.record(r.failure, CONTRACT)
    expect(checks(refused.s).find((c) => c.id === 'futures')).toStrictEqual({ id: 'futures', state: 'fail', code: 'NO_FUTURES_PERMISSION' })

    const skew = start({ market: 'both' })
    const k = await skew.s.tryCall(CONTRACT, async () => {
      skew.client.respond({ status: 200, exchangeCode: '10073' })
      throw new ExchangeError('x')
    }, () => 0)
    expect(k).toEqual({ ok: false, failure: { status: 200, exchangeCode: '10073', code: 'CLOCK_SKEW' } })
    // The exchange's table still applies on that step.
    const key = await skew.s.tryCall(CONTRACT, async () => {
      skew.client.respond({ status: 400, exchangeCode: '10072' })
      throw new ExchangeError('x')
    }, () => 0)
    expect(key).toEqual({ ok: false, failure: { status: 400, exchangeCode: '10072', code: 'INVALID_KEY' } })
    // And the step's table does not leak into other steps.
    const other = await skew.s.tryCall(ACCOUNT, async () => {
      skew.client.respond({ status: 200, exchangeCode: '1000' })
      throw new ExchangeError('x')
    }, () => 0)
    expect(other).toEqual({ ok: false, failure: { status: 200, exchangeCode: '1000', code: 'UNKNOWN' } })
  })

  it('never reads a network failure with the previous response', async () => {
    const { s, client } = start()
    await s.tryCall(ACCOUNT, async () => {
      client.respond({ status: 400, exchangeCode: '10072' })
      throw new ExchangeError('x')
    }, () => 0)
    const r = await s.tryCall(ACCOUNT, async () => {
      throw new NetworkError('socket hang up')
    }, () => 0)
    expect(r).toEqual({ ok: false, failure: { code: 'EXCHANGE_UNAVAILABLE' } })
  })

  it('a 2xx body of the wrong shape is an exchange fault, not a bad key', async () => {
    const { s, client } = start()
    for (const body of [null, [], 'OK', 42, '<html>503</html>']) {
      const r = await s.tryCall(ACCOUNT, async () => {
        client.respond({ status: 200 })
        return body
      }, requireObject)
      expect(r).toEqual({ ok: false, failure: { status: 200, code: 'EXCHANGE_UNAVAILABLE' } })
    }
  })
})

describe('the time budget', () => {
  const settled = <T>(p: Promise<T>) => {
    const state = { done: false }
    void p.then(() => (state.done = true))
    return state
  }

  it('bounds each request by the request timeout, or by what is left of the whole test', async () => {
    const { s } = start({ options: { requestTimeoutMs: 2000, totalTimeoutMs: 5000 } })
    const seen: number[] = []
    const grab = async (ex: Exchange) => seen.push(ex.timeout)
    await s.tryCall(ACCOUNT, grab, () => 0)
    vi.setSystemTime(T0 + 4000)
    await s.tryCall(ACCOUNT, grab, () => 0)
    vi.setSystemTime(T0 + 4999)
    await s.tryCall(ACCOUNT, grab, () => 0)
    expect(seen).toEqual([2000, 1000, 1])
  })

  it('never hands ccxt a zero timeout (ccxt reads 0 as no timeout)', async () => {
    const { s } = start({ options: { requestTimeoutMs: 0 } })
    let timeout = -1
    await s.tryCall(ACCOUNT, async (ex) => (timeout = ex.timeout), () => 0)
    expect(timeout).toBe(1)
  })

  it('gives up when the whole-test deadline passes, even while ccxt is still waiting', async () => {
    const { s } = start({ options: { requestTimeoutMs: 60_000, totalTimeoutMs: 3000 } })
    vi.setSystemTime(T0 + 1000)
    const p = s.call(ACCOUNT, () => new Promise(() => {}), () => 0)
    const state = settled(p)
    await vi.advanceTimersByTimeAsync(1999)
    expect(state.done).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(state.done).toBe(true)
    expect(await p).toBeUndefined()
    expect(checks(s)[0]).toStrictEqual({ id: 'reachable', state: 'fail', code: 'EXCHANGE_UNAVAILABLE', detail: { during: 'balance' } })
  })

  it('makes no call at all once the deadline has passed', async () => {
    const { s } = start({ options: { totalTimeoutMs: 3000 } })
    vi.setSystemTime(T0 + 3000)
    const fn = vi.fn(async () => 1)
    expect(await s.tryCall(ACCOUNT, fn, () => 1)).toEqual({ ok: false, failure: { code: 'EXCHANGE_UNAVAILABLE' } })
    expect(fn).not.toHaveBeenCalled()
  })

  it('a call that finishes in time leaves no timer behind, and a late rejection is swallowed', async () => {
    const { s } = start()
    await s.tryCall(ACCOUNT, async () => 1, () => 1)
    expect(vi.getTimerCount()).toBe(0)

    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      const late = start({ options: { totalTimeoutMs: 100 } })
      const p = late.s.tryCall(ACCOUNT, () => new Promise((_, reject) => setTimeout(() => reject(new RequestTimeout('late')), 500)), () => 1)
      await vi.advanceTimersByTimeAsync(100)
      expect(await p).toEqual({ ok: false, failure: { code: 'EXCHANGE_UNAVAILABLE' } })
      await vi.advanceTimersByTimeAsync(400)
      vi.useRealTimers()
      await new Promise((resolve) => setTimeout(resolve, 20))
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
    expect(unhandled).toEqual([])
  })
})

describe('measureReachable', () => {
  /** A time endpoint that answers `serverTime` after `latencyMs` of our clock. */
  const timeCall = (client: ScriptedClient, latencyMs: number, body: unknown) => async () => {
    vi.setSystemTime(Date.now() + latencyMs)
    client.respond({ status: 200 })
    return body
  }
  const parseTime = (raw: unknown) => requireNumber(requireObject(raw)['serverTime'])

  it('records latency and the offset to the midpoint of the call, and signs later calls with it', async () => {
    const { s, client } = start()
    expect(await s.measureReachable(timeCall(client, 100, { serverTime: T0 + 50 + 400 }), parseTime)).toBe(true)
    expect(checks(s)[0]).toStrictEqual({ id: 'reachable', state: 'pass', detail: { latencyMs: 100, skewMs: 400 } })
    expect(client.ex.options['timeDifference']).toBe(-400)
  })

  it('rounds the offset to whole milliseconds', async () => {
    const { s, client } = start()
    await s.measureReachable(timeCall(client, 3, { serverTime: String(T0 + 1000) }), parseTime)
    expect(checks(s)[0]).toStrictEqual({ id: 'reachable', state: 'pass', detail: { latencyMs: 3, skewMs: 999 } })
    expect(client.ex.options['timeDifference']).toBe(-999)
  })

  it.each([
    [SKEW_WARN_MS, 'pass'],
    [-SKEW_WARN_MS, 'pass'],
    [SKEW_WARN_MS + 1, 'warn'],
    [-SKEW_WARN_MS - 1, 'warn'],
  ] as const)('an offset of %i ms is a %s', async (skewMs, state) => {
    const { s, client } = start()
    expect(await s.measureReachable(timeCall(client, 0, { serverTime: T0 + skewMs }), parseTime)).toBe(true)
    expect(checks(s)[0]).toStrictEqual({ id: 'reachable', state, ...(state === 'warn' ? { code: 'CLOCK_SKEW' } : {}), detail: { latencyMs: 0, skewMs } })
    expect(s.blocked).toBe(false)
  })

  it('a later clock-skew refusal carries the measured offset for the fix text', async () => {
    const { s, client } = start()
    await s.measureReachable(timeCall(client, 0, { serverTime: T0 - 4000 }), parseTime)
    s.record(failure('CLOCK_SKEW'), ACCOUNT)
    expect(checks(s)[0]).toStrictEqual({ id: 'reachable', state: 'fail', code: 'CLOCK_SKEW', detail: { skewMs: -4000, during: 'balance' } })
  })

  it('only a clock-skew failure carries the measured offset', async () => {
    const { s, client } = start()
    await s.measureReachable(timeCall(client, 0, { serverTime: T0 - 4000 }), parseTime)
    s.record(failure('EXCHANGE_UNAVAILABLE'), ACCOUNT)
    expect(checks(s)[0]).toStrictEqual({ id: 'reachable', state: 'fail', code: 'EXCHANGE_UNAVAILABLE', detail: { during: 'balance' } })
  })

  it.each([
    ['no serverTime', {}],
    ['a serverTime that is not a number', { serverTime: 'soon' }],
    ['an empty serverTime', { serverTime: '' }],
    ['an infinite serverTime', { serverTime: Infinity }],
    ['an array', [1]],
    ['no body', null],
  ])('a 2xx time answer with %s is the exchange unavailable; nothing is signed with it', async (_name, body) => {
    const { s, client } = start()
    expect(await s.measureReachable(timeCall(client, 10, body), parseTime)).toBe(false)
    expect(s.blocked).toBe(true)
    expect(checks(s)).toStrictEqual([{ id: 'reachable', state: 'fail', code: 'EXCHANGE_UNAVAILABLE' }, ...skipped(ALL.slice(1), 'reachable')])
    expect(client.ex.options['timeDifference']).toBeUndefined()
  })

  it('a public call cannot fail for the key: any refusal is the exchange, a 429 stays a 429', async () => {
    const refused = start()
    await refused.s.measureReachable(async () => {
      refused.client.respond({ status: 401, exchangeCode: '10072' })
      throw new ExchangeError('x')
    }, parseTime)
    expect(checks(refused.s)[0]).toStrictEqual({ id: 'reachable', state: 'fail', code: 'EXCHANGE_UNAVAILABLE' })

    const limited = start()
    await limited.s.measureReachable(async () => {
      limited.client.respond({ status: 429, exchangeCode: '429', retryAfterS: 3 })
      throw new ExchangeError('x')
    }, parseTime)
    expect(checks(limited.s)[0]).toStrictEqual({ id: 'reachable', state: 'fail', code: 'RATE_LIMITED', detail: { retryAfterS: 3 } })
  })
})

describe('finish', () => {
  it('reports when the test started, how long it took and how many requests it made', async () => {
    const { s, client } = start({ market: 'both' })
    client.respond({ status: 200 })
    client.respond({ status: 200 })
    vi.setSystemTime(T0 + 250)
    const r = s.finish()
    expect(r).toEqual({ exchange: 'mexc', market: 'both', verdict: 'online', transient: false, checks: r.checks, startedAt: T0, durationMs: 250, requestCount: 2 })
  })
})

describe('requireNumber and requireObject', () => {
  it.each([
    [5, 5],
    [0, 0],
    [-1.5, -1.5],
    ['1700000000000', 1_700_000_000_000],
    [' 42 ', 42],
    ['1e3', 1000],
  ])('reads %j as %d', (value, n) => {
    expect(requireNumber(value)).toBe(n)
  })

  it.each([[''], ['   '], ['abc'], [NaN], [Infinity], [-Infinity], [null], [undefined], [true], [{}], [[]], [[1]]])('refuses %j', (value) => {
    expect(() => requireNumber(value)).toThrow(expect.objectContaining({ name: 'BadShapeError' }))
  })

  it('passes a plain object through and refuses anything else', () => {
    const o = { a: 1 }
    expect(requireObject(o)).toBe(o)
    for (const v of [null, undefined, [], [o], 'x', 1, true]) expect(() => requireObject(v)).toThrow(expect.objectContaining({ name: 'BadShapeError' }))
  })
})
