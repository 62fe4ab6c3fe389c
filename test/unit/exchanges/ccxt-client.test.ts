import { kucoin, mexc } from 'ccxt'
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

  it('builds an independent instance per test, rate limiter off, timeout applied', () => {
    const a = createCcxtClient(mexc, { timeoutMs: 1234, credentials: { apiKey: 'a', secret: 's1' } })
    const b = createCcxtClient(mexc, { timeoutMs: 1234, credentials: { apiKey: 'b', secret: 's2' } })
    expect(a.ex).not.toBe(b.ex)
    expect([a.ex.apiKey, b.ex.apiKey]).toEqual(['a', 'b'])
    expect(a.ex.enableRateLimit).toBe(false)
    expect(a.ex.timeout).toBe(1234)
  })
})
