import { createHash, createHmac, createPrivateKey, sign } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { coinbaseEcKey, coinbaseEd25519Key, FakeExchangeServer } from '../../fakes/exchange-server.js'

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

describe('HTX: base64 HMAC-SHA256 of METHOD, host, path and the sorted query; the host is signed', () => {
  const htxTs = (ms: number) => new Date(ms).toISOString().slice(0, 19)
  async function get(base: string, path: string, acc: { apiKey: string; secret: string }, opts: { host?: string; ts?: number; extra?: Record<string, string> } = {}) {
    const params = new URLSearchParams({ AccessKeyId: acc.apiKey, SignatureMethod: 'HmacSHA256', SignatureVersion: '2', Timestamp: htxTs(opts.ts ?? Date.now()), ...opts.extra })
    const sorted = [...params].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')
    const host = opts.host ?? new URL(base).host
    const sig = hmac('sha256', acc.secret, `GET\n${host}\n${path}\n${sorted}`, 'base64')
    const res = await fetch(`${base}${path}?${sorted}&Signature=${encodeURIComponent(sig)}`)
    return (await res.json()) as Record<string, unknown>
  }

  it('accepts a request signed for the host it reaches, and reads the key record by uid', async () => {
    const acc = fake.addAccount({ exchange: 'htx', permissions: ['readOnly', 'trade'], ipWhitelist: ['127.0.0.1'] })
    const uid = (await get(fake.exchangeUrls.htx, '/v2/user/uid', acc))['data'] as number
    const info = await get(fake.exchangeUrls.htx, '/v2/user/api-key', acc, { extra: { uid: String(uid), accessKey: acc.apiKey } })
    expect(info).toMatchObject({ code: 200, data: [{ accessKey: acc.apiKey, permission: 'readOnly,trade', ipAddresses: '127.0.0.1', validDays: -1, status: 'normal' }] })
  })

  it('refuses a request signed for api.huobi.pro as a wrong secret, and tells key, clock and IP apart only in err-msg', async () => {
    const acc = fake.addAccount({ exchange: 'htx', ipWhitelist: ['192.0.2.1'] })
    const other = fake.addAccount({ exchange: 'htx' })
    const wrongHost = await get(fake.exchangeUrls.htx, '/v2/user/uid', other, { host: 'api.huobi.pro' })
    expect(wrongHost).toMatchObject({ status: 'error', 'err-code': 'api-signature-not-valid', 'err-msg': 'Signature not valid: Verification failure [校验失败]' })
    expect(await get(fake.exchangeUrls.htx, '/v2/user/uid', { ...other, apiKey: 'nope-nope-nope-nope-nope' })).toMatchObject({ 'err-code': 'api-signature-not-valid', 'err-msg': expect.stringContaining('Incorrect Access key') })
    expect(await get(fake.exchangeUrls.htx, '/v2/user/uid', other, { ts: Date.now() - 120_000 })).toMatchObject({ 'err-code': 'api-signature-not-valid', 'err-msg': expect.stringContaining('submission time') })
    expect(await get(fake.exchangeUrls.htx, '/v2/user/uid', acc)).toMatchObject({ 'err-code': 'api-signature-not-valid', 'err-msg': expect.stringContaining('Incorrect IP address') })
  })

  it('signs the contract host with its own host name', async () => {
    const acc = fake.addAccount({ exchange: 'htx', permissions: ['readOnly', 'trade', 'contracts'], unified: true })
    expect(await get(fake.exchangeUrls.htxFutures, '/v5/account/balance', acc)).toMatchObject({ code: 200 })
    expect(fake.requests.at(-1)).toMatchObject({ exchange: 'htx', role: 'futures', path: '/v5/account/balance' })
  })
})

describe('Gate: hex HMAC-SHA512 of METHOD, path, query, SHA-512 of the body and the timestamp in seconds', () => {
  async function get(path: string, acc: { apiKey: string; secret: string }, opts: { ts?: number; tamper?: boolean } = {}) {
    const ts = String(Math.floor((opts.ts ?? Date.now()) / 1000))
    const bodyHash = createHash('sha512').update('').digest('hex')
    const sign = hmac('sha512', acc.secret, ['GET', path, '', bodyHash, ts].join('\n') + (opts.tamper ? 'x' : ''), 'hex')
    const res = await fetch(`${fake.exchangeUrls.gate}${path}`, { headers: { KEY: acc.apiKey, Timestamp: ts, SIGN: sign } })
    return { status: res.status, body: (await res.json()) as unknown }
  }

  it('lists the account keys masked, ours among them, to a hand-signed request', async () => {
    const acc = fake.addAccount({ exchange: 'gate', permissions: ['spot:write', 'account:read'], otherKeys: ['ffffffffffffffffffffffffffffffff'] })
    const r = await get('/api/v4/account/main_keys', acc)
    expect(r.status).toBe(200)
    expect(r.body).toEqual([
      expect.objectContaining({ key: 'ffffffffffff*****' }),
      expect.objectContaining({ key: `${acc.apiKey.slice(0, 12)}*****`, perms: [{ name: 'spot', read_only: false }, { name: 'account', read_only: true }] }),
    ])
  })

  it('answers its labels: INVALID_SIGNATURE, REQUEST_EXPIRED, INVALID_KEY, and FORBIDDEN without Account read', async () => {
    const acc = fake.addAccount({ exchange: 'gate', permissions: ['spot:write'] })
    expect(await get('/api/v4/spot/accounts', acc, { tamper: true })).toMatchObject({ status: 401, body: { label: 'INVALID_SIGNATURE' } })
    expect(await get('/api/v4/spot/accounts', acc, { ts: Date.now() - 120_000 })).toMatchObject({ status: 401, body: { label: 'REQUEST_EXPIRED' } })
    expect(await get('/api/v4/spot/accounts', { ...acc, apiKey: '0'.repeat(32) })).toMatchObject({ status: 401, body: { label: 'INVALID_KEY' } })
    expect(await get('/api/v4/account/main_keys', acc)).toMatchObject({ status: 403, body: { label: 'FORBIDDEN' } })
  })
})

describe('Coinbase: a JWT signed with the key (ES256 or EdDSA) naming the request it covers', () => {
  const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
  function jwt(acc: { apiKey: string; secret: string }, uriPath: string, opts: { nbf?: number; alg?: 'ES256' | 'EdDSA' } = {}) {
    const alg = opts.alg ?? 'ES256'
    const nbf = opts.nbf ?? Math.floor(Date.now() / 1000)
    const uri = `GET ${new URL(fake.url).host}/coinbase${uriPath}`
    const claims = alg === 'ES256' ? { iss: 'coinbase-cloud', aud: ['retail_rest_api_proxy'], uri } : { iss: 'cdp', aud: ['cdp_service'], uris: [uri] }
    const input = `${b64url({ alg, typ: 'JWT', kid: acc.apiKey, nonce: 'n' })}.${b64url({ sub: acc.apiKey, nbf, exp: nbf + 120, iat: nbf, ...claims })}`
    const key = alg === 'ES256' ? createPrivateKey(acc.secret) : createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(acc.secret, 'base64').subarray(0, 32)]), format: 'der', type: 'pkcs8' })
    const sig = alg === 'ES256' ? sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }) : sign(null, Buffer.from(input), key)
    return `${input}.${sig.toString('base64url')}`
  }
  const get = async (path: string, token: string) => {
    const res = await fetch(`${fake.exchangeUrls.coinbase}${path}`, { headers: { Authorization: `Bearer ${token}` } })
    return { status: res.status, text: await res.text() }
  }

  it('accepts JWTs signed by hand with an ECDSA and an Ed25519 key, and reports the key permissions', async () => {
    const ec = fake.addAccount({ exchange: 'coinbase', permissions: ['view', 'trade'] })
    const r = await get('/api/v3/brokerage/key_permissions', jwt(ec, '/api/v3/brokerage/key_permissions'))
    expect(r.status).toBe(200)
    expect(JSON.parse(r.text)).toMatchObject({ can_view: true, can_trade: true, can_transfer: false })
    const ed = fake.addAccount({ exchange: 'coinbase', ...coinbaseEd25519Key() })
    expect((await get('/api/v3/brokerage/accounts', jwt(ed, '/api/v3/brokerage/accounts', { alg: 'EdDSA' }))).status).toBe(200)
  })

  it('answers a bare 401 for another key, another request, an expired or future token and an unknown key name', async () => {
    const acc = fake.addAccount({ exchange: 'coinbase' })
    const other = coinbaseEcKey()
    const unauthorized = { status: 401, text: 'Unauthorized\n' }
    expect(await get('/api/v3/brokerage/accounts', jwt({ apiKey: acc.apiKey, secret: other.secret }, '/api/v3/brokerage/accounts'))).toEqual(unauthorized)
    expect(await get('/api/v3/brokerage/accounts', jwt(acc, '/api/v3/brokerage/key_permissions'))).toEqual(unauthorized)
    expect(await get('/api/v3/brokerage/accounts', jwt(acc, '/api/v3/brokerage/accounts', { nbf: Math.floor(Date.now() / 1000) - 300 }))).toEqual(unauthorized)
    expect(await get('/api/v3/brokerage/accounts', jwt(acc, '/api/v3/brokerage/accounts', { nbf: Math.floor(Date.now() / 1000) + 60 }))).toEqual(unauthorized)
    expect(await get('/api/v3/brokerage/accounts', jwt(other, '/api/v3/brokerage/accounts'))).toEqual(unauthorized)
  })
})
