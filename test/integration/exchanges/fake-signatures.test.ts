import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { FakeExchangeServer } from '../../fakes/exchange-server.js'

// Requests signed by hand, independently of ccxt, following each exchange's documented scheme:
// they prove the fake checks signatures the exchange's way (and so that ccxt's pass for a reason).
const fake = new FakeExchangeServer()
beforeAll(() => fake.start())
afterAll(() => fake.stop())
beforeEach(() => fake.reset())

const hmac = (alg: 'sha256' | 'sha512', secret: string, s: string, enc: 'hex' | 'base64') => createHmac(alg, secret).update(s).digest(enc)

describe('Bitget: base64 HMAC-SHA256 of timestamp + METHOD + path?query, passphrase in plain text', () => {
  async function get(path: string, query: string, acc: { apiKey: string; secret: string; passphrase: string }, opts: { tamper?: boolean; ts?: number; pass?: string } = {}) {
    const ts = String(opts.ts ?? Date.now())
    const target = query ? `${path}?${query}` : path
    const res = await fetch(`${fake.exchangeUrls.bitget}${target}`, {
      headers: {
        'ACCESS-KEY': acc.apiKey,
        'ACCESS-SIGN': hmac('sha256', acc.secret, ts + 'GET' + target + (opts.tamper ? 'x' : ''), 'base64'),
        'ACCESS-TIMESTAMP': ts,
        'ACCESS-PASSPHRASE': opts.pass ?? acc.passphrase,
      },
    })
    return { status: res.status, body: (await res.json()) as { code: string; data?: unknown } }
  }

  it('accepts a hand-signed request, query included, and answers the key info', async () => {
    const acc = fake.addAccount({ exchange: 'bitget', permissions: ['stor', 'stow', 'coow'], ipWhitelist: ['127.0.0.1'] })
    expect(await get('/api/v2/spot/account/info', '', acc)).toMatchObject({ status: 200, body: { code: '00000', data: { authorities: ['stor', 'stow', 'coow'], ips: '127.0.0.1' } } })
    expect((await get('/api/v2/mix/account/accounts', 'productType=USDT-FUTURES', acc)).body.code).toBe('00000')
  })

  it('answers its own codes for a tampered signature, a stale timestamp, a wrong passphrase and an unknown key', async () => {
    const acc = fake.addAccount({ exchange: 'bitget' })
    expect(await get('/api/v2/spot/account/assets', '', acc, { tamper: true })).toMatchObject({ status: 400, body: { code: '40009' } })
    expect(await get('/api/v2/spot/account/assets', '', acc, { ts: Date.now() - 60_000 })).toMatchObject({ status: 400, body: { code: '40008' } })
    expect(await get('/api/v2/spot/account/assets', '', acc, { pass: 'wrong' })).toMatchObject({ status: 400, body: { code: '40012' } })
    expect(await get('/api/v2/spot/account/assets', '', { ...acc, apiKey: 'bg_0000000000000000' })).toMatchObject({ status: 400, body: { code: '40037' } })
  })
})

describe('BingX: hex HMAC-SHA256 of the sorted query, timestamp included; errors on HTTP 200', () => {
  async function get(path: string, acc: { apiKey: string; secret: string }, opts: { ts?: number; tamper?: boolean } = {}) {
    const query = `recvWindow=5000&timestamp=${opts.ts ?? Date.now()}`
    const sig = hmac('sha256', acc.secret, query + (opts.tamper ? 'x' : ''), 'hex')
    const res = await fetch(`${fake.exchangeUrls.bingx}${path}?${query}&signature=${sig}`, { headers: { 'X-BX-APIKEY': acc.apiKey } })
    return { status: res.status, body: (await res.json()) as { code: number; data?: unknown } }
  }

  it('accepts a hand-signed request and reports the permission numbers and IP list', async () => {
    const acc = fake.addAccount({ exchange: 'bingx', permissions: ['1', '2', '5'], ipWhitelist: ['127.0.0.1'] })
    expect(await get('/openApi/v1/account/apiPermissions', acc)).toMatchObject({ status: 200, body: { code: 0, data: { permissions: [1, 2, 5], ipAddresses: ['127.0.0.1'] } } })
  })

  it('answers 100001 for a tampered signature, 100421 past 5 s and 100413 for an unknown key, all on HTTP 200', async () => {
    const acc = fake.addAccount({ exchange: 'bingx' })
    expect(await get('/openApi/spot/v1/account/balance', acc, { tamper: true })).toMatchObject({ status: 200, body: { code: 100001 } })
    expect(await get('/openApi/spot/v1/account/balance', acc, { ts: Date.now() - 6000 })).toMatchObject({ status: 200, body: { code: 100421 } })
    expect(await get('/openApi/spot/v1/account/balance', { ...acc, apiKey: 'x'.repeat(64) })).toMatchObject({ status: 200, body: { code: 100413 } })
  })
})
