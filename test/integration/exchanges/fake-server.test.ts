import { createHmac, sign } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { FakeExchangeServer } from '../../fakes/exchange-server.js'

// Hand-signed requests, independent of ccxt, prove the fake checks signatures the exchanges' way.
const fake = new FakeExchangeServer()
beforeAll(() => fake.start())
afterAll(() => fake.stop())
beforeEach(() => fake.reset())

const b64 = (secret: string, s: string) => createHmac('sha256', secret).update(s).digest('base64')
const hex = (secret: string, s: string) => createHmac('sha256', secret).update(s).digest('hex')

async function kucoinGet(path: string, acc: { apiKey: string; secret: string; passphrase: string }, opts: { version?: string; tamper?: boolean; ts?: number } = {}) {
  const ts = String(opts.ts ?? Date.now())
  const res = await fetch(`${fake.exchangeUrls.kucoin}${path}`, {
    headers: {
      'KC-API-KEY': acc.apiKey,
      'KC-API-TIMESTAMP': ts,
      'KC-API-SIGN': b64(acc.secret, ts + 'GET' + path + (opts.tamper ? 'x' : '')),
      'KC-API-PASSPHRASE': b64(acc.secret, acc.passphrase),
      'KC-API-KEY-VERSION': opts.version ?? '3',
      'KC-API-PARTNER': 'someone',
      'KC-API-PARTNER-SIGN': 'ignored',
    },
  })
  return { status: res.status, body: (await res.json()) as { code: string; data?: unknown } }
}

describe('fake exchange', () => {
  it('accepts a KuCoin v3 request signed by hand, with partner headers present', async () => {
    const acc = fake.addAccount({ exchange: 'kucoin', permissions: ['General', 'Spot', 'InnerTransfer'], ipWhitelist: ['127.0.0.1'] })
    const r = await kucoinGet('/api/v1/user/api-key', acc)
    expect(r.status).toBe(200)
    expect(r.body.data).toMatchObject({ apiKey: acc.apiKey, permission: 'General,Spot,InnerTransfer', ipWhitelist: '127.**.1' })
  })

  it('rejects a tampered KuCoin signature, a stale timestamp and a revoked key with the real codes', async () => {
    const acc = fake.addAccount({ exchange: 'kucoin' })
    expect(await kucoinGet('/api/v1/accounts', acc, { tamper: true })).toMatchObject({ status: 401, body: { code: '400005' } })
    expect(await kucoinGet('/api/v1/accounts', acc, { ts: Date.now() - 10_000 })).toMatchObject({ status: 401, body: { code: '400002' } })
    fake.revokeAccount(acc.apiKey)
    expect(await kucoinGet('/api/v1/accounts', acc)).toMatchObject({ status: 401, body: { code: '400003' } })
  })

  it('checks MEXC signatures over the exact query text', async () => {
    const acc = fake.addAccount({ exchange: 'mexc' })
    const query = `recvWindow=5000&timestamp=${Date.now()}`
    const call = (sig: string) => fetch(`${fake.exchangeUrls.mexc}/api/v3/account?${query}&signature=${sig}`, { headers: { 'X-MEXC-APIKEY': acc.apiKey } })
    expect((await call(hex(acc.secret, query))).status).toBe(200)
    const bad = await call(hex(acc.secret, `${query}&x=1`))
    expect([bad.status, ((await bad.json()) as { code: number }).code]).toEqual([400, 700002])
  })

  it('applies scenarios per exchange and logs host roles', async () => {
    fake.setScenario('outage', { exchange: 'kucoin' })
    expect((await fetch(`${fake.exchangeUrls.kucoin}/api/v1/timestamp`)).status).toBe(503)
    expect((await fetch(`${fake.exchangeUrls.mexc}/api/v3/time`)).status).toBe(200)
    const rl = await fetch(`${fake.exchangeUrls.kucoinFutures}/api/v1/timestamp`)
    expect(rl.status).toBe(503)
    fake.clearScenarios()
    fake.setScenario('rate-limit', { retryAfterS: 9 })
    const limited = await fetch(`${fake.exchangeUrls.mexc}/api/v3/time`)
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '9'])
    expect(fake.requests.map((r) => `${r.exchange}:${r.role}`)).toEqual(['kucoin:spot', 'mexc:spot', 'kucoin:futures', 'mexc:spot'])
  })

  it('checks Binance signatures: hex HMAC over query + body, base64 Ed25519 with the user key, and answers -2015/-1022/-1021 with their statuses', async () => {
    const hmacAcc = fake.addAccount({ exchange: 'binance' })
    const edAcc = fake.addAccount({ exchange: 'binance', keyType: 'ed25519' })
    const call = async (apiKey: string, query: string, sig: string) => {
      const res = await fetch(`${fake.exchangeUrls.binance}/sapi/v1/account/apiRestrictions?${query}&signature=${encodeURIComponent(sig)}`, { headers: { 'X-MBX-APIKEY': apiKey } })
      return [res.status, ((await res.json()) as { code?: number }).code]
    }
    const q = `timestamp=${Date.now()}`
    expect(await call(hmacAcc.apiKey, q, hex(hmacAcc.secret, q))).toEqual([200, undefined])
    expect(await call(hmacAcc.apiKey, q, hex(hmacAcc.secret, `${q}0`))).toEqual([400, -1022])
    expect(await call(edAcc.apiKey, q, sign(null, Buffer.from(q), edAcc.secret).toString('base64'))).toEqual([200, undefined])
    expect(await call(edAcc.apiKey, q, sign(null, Buffer.from(`${q}0`), edAcc.secret).toString('base64'))).toEqual([400, -1022])
    const stale = `timestamp=${Date.now() - 10_000}`
    expect(await call(hmacAcc.apiKey, stale, hex(hmacAcc.secret, stale))).toEqual([400, -1021])
    expect(await call('x'.repeat(64), q, hex(hmacAcc.secret, q))).toEqual([401, -2015])
  })

  it('checks Bybit signatures over timestamp + key + recvWindow + query, and its 10004 echoes the signed text', async () => {
    const acc = fake.addAccount({ exchange: 'bybit' })
    const get = async (secret: string) => {
      const ts = String(Date.now())
      const query = 'accountType=UNIFIED'
      const res = await fetch(`${fake.exchangeUrls.bybit}/v5/account/wallet-balance?${query}`, {
        headers: { 'X-BAPI-API-KEY': acc.apiKey, 'X-BAPI-TIMESTAMP': ts, 'X-BAPI-RECV-WINDOW': '5000', 'X-BAPI-SIGN': hex(secret, ts + acc.apiKey + '5000' + query) },
      })
      return { status: res.status, body: (await res.json()) as { retCode: number; retMsg: string } }
    }
    expect((await get(acc.secret)).body.retCode).toBe(0)
    const bad = await get('wrong-secret')
    expect([bad.status, bad.body.retCode]).toEqual([401, 10004])
    expect(bad.body.retMsg).toContain(acc.apiKey)
  })

  it('checks OKX signatures (base64 over ts + METHOD + path?query + body) before the passphrase, and refuses a demo key live', async () => {
    const acc = fake.addAccount({ exchange: 'okx' })
    const demo = fake.addAccount({ exchange: 'okx', demo: true })
    const get = async (a: { apiKey: string; secret: string }, passphrase: string, tamper = '') => {
      const ts = new Date().toISOString()
      const res = await fetch(`${fake.exchangeUrls.okx}/api/v5/account/config`, {
        headers: { 'OK-ACCESS-KEY': a.apiKey, 'OK-ACCESS-TIMESTAMP': ts, 'OK-ACCESS-PASSPHRASE': passphrase, 'OK-ACCESS-SIGN': b64(a.secret, `${ts}GET/api/v5/account/config${tamper}`) },
      })
      return [res.status, ((await res.json()) as { code: string }).code]
    }
    expect(await get(acc, acc.passphrase)).toEqual([200, '0'])
    expect(await get(acc, 'nope')).toEqual([401, '50105'])
    expect(await get(acc, 'nope', 'x')).toEqual([401, '50113'])
    expect(await get(demo, demo.passphrase)).toEqual([401, '50101'])
  })

  it('moves its clock with the skew switch', async () => {
    fake.setClockSkew(60_000, 'mexc')
    const { serverTime } = (await (await fetch(`${fake.exchangeUrls.mexc}/api/v3/time`)).json()) as { serverTime: number }
    expect(serverTime - Date.now()).toBeGreaterThan(55_000)
  })
})
