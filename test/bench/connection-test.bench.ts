/**
 * Benchmark (not a test): connection tests per second against the fake exchange on loopback,
 * and our time per test against the bare ccxt calls it makes (same endpoints, a fresh ccxt
 * instance each time, no report logic), measured in the same run, interleaved in rounds so
 * machine noise hits both sides alike. Run: npm run bench:test
 */
import { availableParallelism } from 'node:os'
import { binance, bingx, bitget, bybit, coinbase, gate, htx, kucoin, mexc, okx, type Exchange } from 'ccxt'
import { EXCHANGE_IDS, type Credentials, type ExchangeId } from '../../src/domain/types.js'
import { createExchangeRegistry } from '../../src/exchanges/registry.js'
import { FakeExchangeServer } from '../fakes/exchange-server.js'

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 6)
const PER_ROUND = Number(process.env['BENCH_PER_ROUND'] ?? 100)
const CONCURRENCY = 8
const IP = '203.0.113.7'

const fake = await new FakeExchangeServer().start()
fake.callerIp = IP
const urls = fake.exchangeUrls
const registry = createExchangeRegistry({ urls })
const accounts: Record<ExchangeId, Credentials> = {
  mexc: fake.addAccount({ exchange: 'mexc', permissions: ['SPOT_ACCOUNT_READ', 'SPOT_DEAL_WRITE', 'CONTRACT_ACCOUNT_READ'] }),
  kucoin: fake.addAccount({ exchange: 'kucoin', permissions: ['General', 'Spot', 'Futures'], ipWhitelist: [IP] }),
  binance: fake.addAccount({ exchange: 'binance', permissions: ['enableReading', 'enableSpotAndMarginTrading', 'enableFutures'], ipWhitelist: [IP] }),
  bybit: fake.addAccount({ exchange: 'bybit', ipWhitelist: [IP] }),
  okx: fake.addAccount({ exchange: 'okx', ipWhitelist: [IP] }),
  bitget: fake.addAccount({ exchange: 'bitget', permissions: ['stor', 'stow', 'coor', 'coow'], ipWhitelist: [IP] }),
  bingx: fake.addAccount({ exchange: 'bingx', permissions: ['1', '2', '3'], ipWhitelist: [IP] }),
  htx: fake.addAccount({ exchange: 'htx', permissions: ['readOnly', 'trade', 'contracts'], unified: true, ipWhitelist: [IP] }),
  gate: fake.addAccount({ exchange: 'gate', permissions: ['spot:write', 'futures:write', 'account:read'], ipWhitelist: [IP] }),
  coinbase: fake.addAccount({ exchange: 'coinbase', permissions: ['view', 'trade', 'futures'] }),
}
const options = { market: 'both', egressIps: [IP], requestTimeoutMs: 5000, totalTimeoutMs: 20000 } as const
// Requests of a healthy "both" test: Bybit (unified account) and OKX read spot and futures in one call.
const REQUESTS: Record<ExchangeId, number> = { mexc: 4, kucoin: 4, binance: 4, bybit: 3, okx: 3, bitget: 4, bingx: 4, htx: 4, gate: 4, coinbase: 4 }

async function ours(id: ExchangeId): Promise<void> {
  const r = await registry.getAdapter(id).testConnection(accounts[id], options)
  if (r.verdict !== 'online' || r.requestCount !== REQUESTS[id]) throw new Error(`unexpected report: ${id} ${r.verdict} ${r.requestCount}`)
}

// The baseline: what any caller of ccxt must do at least (instance, host override, 4 calls).
function pointAt(node: unknown, base: (path: string[]) => string, path: string[] = []): unknown {
  if (typeof node === 'string') {
    const u = new URL(node)
    return base(path) + (u.pathname === '/' ? '' : u.pathname)
  }
  return Object.fromEntries(Object.entries(node as object).map(([k, v]) => [k, pointAt(v, base, [...path, k])]))
}
const CLASSES = { mexc, kucoin, binance, bybit, okx, bitget, bingx, htx, gate, coinbase } as const
function host(id: ExchangeId, p: string[]): string {
  if (id === 'kucoin') return p[0]?.startsWith('futures') ? urls.kucoinFutures : urls.kucoin
  if (id === 'htx') return p[0] === 'contract' ? urls.htxFutures : urls.htx
  return urls[id]
}
function bareInstance(id: ExchangeId, enableRateLimit = false): Exchange {
  const c = accounts[id]
  const ex: Exchange = new CLASSES[id]({ apiKey: c.apiKey, secret: c.secret, password: c.passphrase, enableRateLimit })
  ex.urls['api'] = pointAt(ex.urls['api'], (p) => host(id, p)) as typeof ex.urls['api']
  // HTX signs the host: any caller pointing ccxt elsewhere must sign with that host too.
  if (id === 'htx') Object.assign(ex.urls['hostnames'] as object, { spot: new URL(urls.htx).host, contract: new URL(urls.htxFutures).host })
  return ex
}
async function bare(id: ExchangeId, enableRateLimit = false): Promise<void> {
  if (id === 'binance') {
    const ex = bareInstance(id, enableRateLimit) as binance
    await ex.publicGetTime()
    await ex.sapiGetAccountApiRestrictions()
    await ex.privateGetAccount({ omitZeroBalances: true })
    await ex.fapiPrivateV3GetBalance()
  } else if (id === 'bybit') {
    const ex = bareInstance(id, enableRateLimit) as bybit
    await ex.publicGetV5MarketTime()
    await ex.privateGetV5UserQueryApi()
    await ex.privateGetV5AccountWalletBalance({ accountType: 'UNIFIED' })
  } else if (id === 'okx') {
    const ex = bareInstance(id, enableRateLimit) as okx
    await ex.publicGetPublicTime()
    await ex.privateGetAccountConfig()
    await ex.privateGetAccountBalance()
  } else if (id === 'bitget') {
    const ex = bareInstance(id, enableRateLimit) as bitget
    await ex.publicCommonGetV2PublicTime()
    await ex.privateSpotGetV2SpotAccountInfo()
    await ex.privateSpotGetV2SpotAccountAssets()
    await ex.privateMixGetV2MixAccountAccounts({ productType: 'USDT-FUTURES' })
  } else if (id === 'bingx') {
    const ex = bareInstance(id, enableRateLimit) as bingx
    await ex.spotV1PublicGetServerTime()
    await ex.accountV1PrivateGetAccountApiPermissions()
    await ex.spotV1PrivateGetAccountBalance()
    await ex.swapV3PrivateGetUserBalance()
  } else if (id === 'htx') {
    const ex = bareInstance(id, enableRateLimit) as htx
    await ex.spotPublicGetV1CommonTimestamp()
    const uid = ((await ex.spotPrivateGetV2UserUid()) as { data: number }).data
    await ex.spotPrivateGetV2UserApiKey({ uid, accessKey: accounts.htx.apiKey })
    await ex.contractPrivateGetV5AccountBalance()
  } else if (id === 'gate') {
    const ex = bareInstance(id, enableRateLimit) as gate
    await ex.publicSpotGetTime()
    await ex.privateAccountGetMainKeys()
    await ex.privateSpotGetAccounts()
    await ex.privateFuturesGetSettleAccounts({ settle: 'usdt' })
  } else if (id === 'coinbase') {
    const ex = bareInstance(id, enableRateLimit) as coinbase
    await ex.v3PublicGetBrokerageTime()
    await ex.v3PrivateGetBrokerageKeyPermissions()
    await ex.v3PrivateGetBrokerageAccounts()
    await ex.v3PrivateGetBrokerageCfmBalanceSummary()
  } else if (id === 'mexc') {
    const ex = bareInstance(id, enableRateLimit) as mexc
    await ex.spotPublicGetTime()
    await ex.spotPrivateGetAccount()
    await ex.spotPrivatePostOrderTest({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: '0.001', price: '10000' })
    await ex.contractPrivateGetAccountAssets()
  } else {
    const ex = bareInstance(id, enableRateLimit) as kucoin
    await ex.publicGetTimestamp()
    await ex.privateGetUserApiKey()
    await ex.privateGetAccounts()
    await ex.futuresPrivateGetAccountOverview({ currency: 'USDT' })
  }
}

async function timeSequential(fn: () => Promise<void>, n: number): Promise<number> {
  const t0 = performance.now()
  for (let i = 0; i < n; i++) await fn()
  return (performance.now() - t0) / n
}
/** Alternates one of ours and one bare test, so load changes on the machine hit both sides alike. */
async function timeInterleaved(a: () => Promise<void>, b: () => Promise<void>, n: number): Promise<[number, number]> {
  let ta = 0
  let tb = 0
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    await a()
    const t1 = performance.now()
    await b()
    ta += t1 - t0
    tb += performance.now() - t1
  }
  return [ta / n, tb / n]
}
async function throughput(fn: () => Promise<void>, n: number, concurrency: number): Promise<number> {
  let next = 0
  const t0 = performance.now()
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next++ < n) await fn()
  }))
  return n / ((performance.now() - t0) / 1000)
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

const ONLY = process.env['BENCH_EXCHANGES']?.split(',') as ExchangeId[] | undefined
console.log(`# connection-test bench: node ${process.version}, ${availableParallelism()} CPUs, ${ROUNDS} rounds x ${PER_ROUND} tests, market both (3 or 4 requests per test)`)
for (const id of ONLY ?? EXCHANGE_IDS) {
  await timeSequential(() => ours(id), 50) // warm-up: JIT, sockets
  await timeSequential(() => bare(id), 50)
  const oursMs: number[] = []
  const bareMs: number[] = []
  const ratios: number[] = []
  for (let r = 0; r < ROUNDS; r++) {
    const [o, b] = await timeInterleaved(() => ours(id), () => bare(id), PER_ROUND)
    oursMs.push(o)
    bareMs.push(b)
    ratios.push(o / b)
  }
  const tpsSeq = 1000 / median(oursMs)
  const tpsConc = await throughput(() => ours(id), PER_ROUND * 2, CONCURRENCY)
  const bareConc = await throughput(() => bare(id), PER_ROUND * 2, CONCURRENCY)
  const t0 = performance.now()
  for (let i = 0; i < 200; i++) bareInstance(id)
  const constructMs = (performance.now() - t0) / 200
  const throttledMs = await timeSequential(() => bare(id, true), 5)
  console.log(
    `${id}: ours ${median(oursMs).toFixed(2)} ms/test, bare ccxt ${median(bareMs).toFixed(2)} ms/test, ratio ${median(ratios).toFixed(3)} ` +
      `(rounds ${ratios.map((x) => x.toFixed(2)).join(' ')}); tests/s sequential ${tpsSeq.toFixed(0)}, ` +
      `${CONCURRENCY} in flight ${tpsConc.toFixed(0)} (bare ${bareConc.toFixed(0)}, ratio ${(bareConc / tpsConc).toFixed(3)}); ccxt instance ${constructMs.toFixed(2)} ms; ` +
      `bare with ccxt's rate limiter on ${throttledMs.toFixed(0)} ms/test`,
  )
}
console.log(`fake exchange served ${fake.requestCount()} requests`)
await fake.stop()
