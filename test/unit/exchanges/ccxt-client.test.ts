import { binance, bybit, kucoin, mexc, okx } from 'ccxt'
import { describe, expect, it } from 'vitest'
import { createCcxtClient } from '../../../src/exchanges/ccxt-client.js'
import { kucoinOrigin } from '../../../src/exchanges/kucoin.js'

function leaves(node: unknown, path: string[] = []): Array<[string, string]> {
  if (typeof node === 'string') return [[path.join('.'), node]]
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, [...path, k]))
}

describe('URL overrides', () => {
  it('MEXC: every nested host moves, paths stay', () => {
    const c = createCcxtClient(mexc, { timeoutMs: 1000, origin: () => 'http://127.0.0.1:9/mexc' })
    const urls = Object.fromEntries(leaves(c.ex.urls['api']))
    expect(Object.values(urls).every((u) => u.startsWith('http://127.0.0.1:9/mexc'))).toBe(true)
    expect(urls['spot.private']).toBe('http://127.0.0.1:9/mexc')
    expect(urls['contract.private']).toBe('http://127.0.0.1:9/mexc/api/v1/private')
    expect(urls['spot2.public']).toBe('http://127.0.0.1:9/mexc/open/api/v2')
  })

  it('KuCoin: futures hosts get their own base, every other host the spot base', () => {
    const origin = kucoinOrigin({ kucoin: 'http://h/kucoin', kucoinFutures: 'http://h/kucoin-futures' })!
    const c = createCcxtClient(kucoin, { timeoutMs: 1000, origin })
    const urls = Object.fromEntries(leaves(c.ex.urls['api']))
    expect(urls['futuresPrivate']).toBe('http://h/kucoin-futures')
    expect(urls['futuresPublic']).toBe('http://h/kucoin-futures')
    expect(urls['private']).toBe('http://h/kucoin')
    expect(urls['webExchange']).toBe('http://h/kucoin/_api')
    expect(Object.values(urls).every((u) => u.startsWith('http://h/'))).toBe(true)
  })

  it('Binance: one base replaces api, sapi, fapi, dapi and every other host, keeping each path', () => {
    const c = createCcxtClient(binance, { timeoutMs: 1000, origin: () => 'http://h/binance' })
    const urls = Object.fromEntries(leaves(c.ex.urls['api']))
    expect(Object.values(urls).every((u) => u.startsWith('http://h/binance/'))).toBe(true)
    expect([urls['public'], urls['sapi'], urls['fapiPrivateV3'], urls['dapiPrivate']]).toEqual(['http://h/binance/api/v3', 'http://h/binance/sapi/v1', 'http://h/binance/fapi/v3', 'http://h/binance/dapi/v1'])
  })

  it('Bybit and OKX: templated hosts (api.{hostname}, {hostname}) are replaced whole', () => {
    for (const c of [createCcxtClient(bybit, { timeoutMs: 1000, origin: () => 'http://h/x' }), createCcxtClient(okx, { timeoutMs: 1000, origin: () => 'http://h/x' })]) {
      expect(leaves(c.ex.urls['api']).every(([, u]) => u === 'http://h/x')).toBe(true)
    }
  })

  it('builds an independent instance per test, rate limiter off, timeout applied', () => {
    const a = createCcxtClient(mexc, { timeoutMs: 1234, credentials: { apiKey: 'a', secret: 's1' } })
    const b = createCcxtClient(mexc, { timeoutMs: 1234, credentials: { apiKey: 'b', secret: 's2' } })
    expect(a.ex).not.toBe(b.ex)
    expect([a.ex.apiKey, b.ex.apiKey]).toEqual(['a', 'b'])
    expect(a.ex.enableRateLimit).toBe(false)
    expect(a.ex.timeout).toBe(1234)
  })
})
