/**
 * The bare ccxt baseline for the monitor benchmark: what any caller of ccxt must do at least
 * to run the same spot checks as our adapters (a fresh instance per check, hosts pointed at
 * the fake, the same implicit-method calls), with no report, storage or sealing around it.
 * Mirrors the baseline in connection-test.bench.ts, for the spot market's three requests.
 */
import { kucoin, mexc, type Exchange } from 'ccxt'
import type { Credentials, ExchangeId } from '../../src/domain/types.js'

/** Where the fake exchange listens (the shape of `FakeExchangeServer.exchangeUrls`). */
export interface FakeUrls {
  mexc: string
  kucoin: string
  kucoinFutures: string
}

function pointAt(node: unknown, base: (path: string[]) => string, path: string[] = []): unknown {
  if (typeof node === 'string') {
    const u = new URL(node)
    return base(path) + (u.pathname === '/' ? '' : u.pathname)
  }
  return Object.fromEntries(Object.entries(node as object).map(([k, v]) => [k, pointAt(v, base, [...path, k])]))
}

/** A fresh credentialed ccxt instance with every REST host replaced by the fake's. */
export function bareInstance(id: ExchangeId, c: Credentials, urls: FakeUrls): Exchange {
  const ex = id === 'mexc' ? new mexc({ apiKey: c.apiKey, secret: c.secret, enableRateLimit: false }) : new kucoin({ apiKey: c.apiKey, secret: c.secret, password: c.passphrase, enableRateLimit: false })
  ex.urls['api'] = pointAt(ex.urls['api'], (p) => (id === 'mexc' ? urls.mexc : p[0]?.startsWith('futures') ? urls.kucoinFutures : urls.kucoin)) as (typeof ex.urls)['api']
  return ex
}

/** The spot check's requests, bare: MEXC time, account, order test; KuCoin timestamp, api-key, accounts. */
export async function bareSpotCheck(id: ExchangeId, c: Credentials, urls: FakeUrls): Promise<void> {
  if (id === 'mexc') {
    const ex = bareInstance(id, c, urls) as mexc
    await ex.spotPublicGetTime()
    await ex.spotPrivateGetAccount()
    await ex.spotPrivatePostOrderTest({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: '0.001', price: '10000' })
  } else {
    const ex = bareInstance(id, c, urls) as kucoin
    await ex.publicGetTimestamp()
    await ex.privateGetUserApiKey()
    await ex.privateGetAccounts()
  }
}
