/**
 * The ccxt instance pool (src/exchanges/ccxt-client.ts) through the real adapters, real ccxt and
 * real HTTP to the fake exchange, which checks every request's signature against the secret of
 * the key named in its header. What must hold: a reused instance never signs with another
 * connection's secret, never reports another test's account, never carries credentials while
 * idle, is never reused while a request of an abandoned test is still in flight, and keeps its
 * connections alive between tests.
 */
import type { mexc } from 'ccxt'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Credentials, ExchangeId } from '../../../src/domain/types.js'
import { ccxtPoolStats, createCcxtClient } from '../../../src/exchanges/ccxt-client.js'
import { loadCcxtClass } from '../../../src/exchanges/ccxt-load.js'
import { MEXC_CODES } from '../../../src/exchanges/mexc.js'
import { createExchangeRegistry, type ExchangeRegistry } from '../../../src/exchanges/registry.js'
import { createSession, requireNumber, requireObject } from '../../../src/exchanges/session.js'
import { FakeExchangeServer } from '../../fakes/exchange-server.js'
import { OUR_IP } from './cases.js'

const fake = new FakeExchangeServer()
let registry: ExchangeRegistry
const spot = { market: 'spot', egressIps: [OUR_IP], requestTimeoutMs: 5000, totalTimeoutMs: 20_000 } as const

beforeAll(async () => {
  await fake.start()
  registry = createExchangeRegistry({ urls: fake.exchangeUrls })
})
afterAll(() => fake.stop())
beforeEach(() => {
  fake.reset()
  fake.callerIp = OUR_IP
})

/** A healthy key holding `assets` distinct currencies, so its report names its own account. */
function account(exchange: ExchangeId, assets: number): Credentials & { exchange: ExchangeId; assets: number } {
  const balances = Object.fromEntries(Array.from({ length: assets }, (_, j) => [`C${j}X`, 1 + j]))
  const a = fake.addAccount({ exchange, balances, ...(exchange === 'kucoin' ? { ipWhitelist: [OUR_IP] } : {}) })
  return { exchange, assets, apiKey: a.apiKey, secret: a.secret, ...(exchange === 'kucoin' ? { passphrase: a.passphrase } : {}) }
}

function assetsOf(report: { checks: ReadonlyArray<{ id: string; detail?: Record<string, unknown> }> }): unknown {
  return report.checks.find((c) => c.id === 'balance')?.detail?.['assets']
}

describe('ccxt instance pool', () => {
  it('many distinct keys in flight at once, over reused instances: every request signed with its own secret, every report its own account', async () => {
    const accounts = Array.from({ length: 48 }, (_, i) => account(i % 2 ? 'kucoin' : 'mexc', 1 + (i % 24)))
    const before = ccxtPoolStats()
    const results: Array<{ a: (typeof accounts)[number]; verdict: string; assets: unknown; checks: string }> = []
    for (let round = 0; round < 3; round++) {
      // A different order each round, so an instance meets a different key every time; 12 in flight.
      const order = accounts.map((a, i) => ({ a, k: (i * (round * 7 + 5)) % 97 })).sort((x, y) => x.k - y.k).map((x) => x.a)
      let next = 0
      await Promise.all(
        Array.from({ length: 12 }, async () => {
          for (let i = next++; i < order.length; i = next++) {
            const a = order[i]!
            const r = await registry.getAdapter(a.exchange).testConnection(a, spot)
            results.push({ a, verdict: r.verdict, assets: assetsOf(r), checks: JSON.stringify(r.checks) })
          }
        }),
      )
    }
    expect(results).toHaveLength(3 * 48)
    for (const r of results) {
      // A request signed with another connection's secret fails the fake's signature check.
      expect(r.verdict, `${r.a.exchange} ${r.checks}`).toBe('online')
      expect(r.assets).toBe(r.a.assets)
    }
    const after = ccxtPoolStats()
    expect(after.leased - before.leased).toBe(3 * 48)
    // Instances were reused (the pool is exercised): at most one per test in flight, per exchange.
    expect(after.built - before.built).toBeLessThanOrEqual(2 * 12)
  })

  it('an idle instance holds no credential and nothing a request left behind', async () => {
    const Mexc = await loadCcxtClass<mexc>('mexc')
    const a = account('mexc', 3)
    const client = createCcxtClient(Mexc, { credentials: a, timeoutMs: 5000, origin: () => fake.exchangeUrls.mexc })
    const s = createSession({ exchange: 'mexc', checks: ['reachable', 'key', 'secret', 'balance'], client, table: MEXC_CODES, options: spot })
    expect(await s.measureReachable((ex) => ex.spotPublicGetTime(), (raw) => requireNumber(requireObject(raw)['serverTime']))).toBe(true)
    expect(await s.call({ check: 'balance', permission: { code: 'NO_READ_PERMISSION', check: 'balance' } }, (ex) => ex.spotPrivateGetAccount(), () => true)).toBe(true)
    const ex = client.ex as unknown as Record<string, unknown>
    expect(ex['last_request_headers']).toBeDefined()
    expect('timeDifference' in (client.ex.options as object)).toBe(true)
    s.finish()

    expect([ex['apiKey'], ex['secret'], ex['password']]).toEqual([undefined, undefined, undefined])
    expect(ex['last_request_headers']).toBeUndefined()
    expect(ex['last_request_url']).toBeUndefined()
    expect(ex['last_http_response']).toBeUndefined()
    expect(client.ex.options['timeDifference']).toBe(new Mexc({}).options['timeDifference'])
    // Nothing reachable from the instance's own fields spells the key or the secret.
    const seen = new Set<unknown>()
    const strings: string[] = []
    const walk = (v: unknown, depth: number) => {
      if (typeof v === 'string') strings.push(v)
      else if (v && typeof v === 'object' && depth < 4 && !seen.has(v)) {
        seen.add(v)
        for (const x of Object.values(v)) walk(x, depth + 1)
      }
    }
    walk(ex, 0)
    expect(strings.some((x) => x.includes(a.apiKey) || x.includes(a.secret))).toBe(false)

    // The next lease gets this instance back (pooled), with the next connection's key only.
    const b = account('mexc', 2)
    const next = createCcxtClient(Mexc, { credentials: b, timeoutMs: 5000, origin: () => fake.exchangeUrls.mexc })
    expect(next.ex).toBe(client.ex)
    expect([next.ex.apiKey, next.ex.secret]).toEqual([b.apiKey, b.secret])
    next.release()
  })

  it('an instance whose request is still in flight at the deadline is dropped, never leased again', async () => {
    const Mexc = await loadCcxtClass<mexc>('mexc')
    const a = account('mexc', 1)
    const origin = () => fake.exchangeUrls.mexc
    // Control: a finished lease hands its instance to the next one.
    const warm = createCcxtClient(Mexc, { credentials: a, timeoutMs: 5000, origin })
    warm.release()
    fake.setScenario('slow', { exchange: 'mexc', path: '/api/v3/time', delayMs: 600 })
    const client = createCcxtClient(Mexc, { credentials: a, timeoutMs: 5000, origin })
    expect(client.ex).toBe(warm.ex)
    const s = createSession({ exchange: 'mexc', checks: ['reachable', 'key'], client, table: MEXC_CODES, options: { ...spot, totalTimeoutMs: 100 } })
    expect(await s.measureReachable((ex) => ex.spotPublicGetTime(), (raw) => requireNumber(requireObject(raw)['serverTime']))).toBe(false)
    const dropsBefore = ccxtPoolStats().dropped
    s.finish() // the time request is still waiting at the fake
    expect(ccxtPoolStats().dropped).toBe(dropsBefore + 1)

    const b = account('mexc', 2)
    const next = createCcxtClient(Mexc, { credentials: b, timeoutMs: 5000, origin })
    expect(next.ex).not.toBe(client.ex)
    fake.clearScenarios()
    // The abandoned answer arrives and lands nowhere: the new lease's trace stays its own.
    await new Promise((r) => setTimeout(r, 800))
    expect(next.lastResponse()).toEqual({})
    expect(next.requestCount()).toBe(0)
    next.release()
    const again = createCcxtClient(Mexc, { credentials: b, timeoutMs: 5000, origin })
    expect(again.ex).not.toBe(client.ex)
    again.release()
  })

  it('keeps connections alive: sequential tests reuse their sockets instead of opening two per test', async () => {
    const a = account('mexc', 2)
    await registry.getAdapter('mexc').testConnection(a, spot)
    const opened = fake.connectionCount()
    for (let i = 0; i < 20; i++) expect((await registry.getAdapter('mexc').testConnection(a, spot)).verdict).toBe('online')
    // 60 requests; a fresh instance per test opened 2 connections per test (40).
    expect(fake.connectionCount() - opened).toBeLessThanOrEqual(2)
  })
})
