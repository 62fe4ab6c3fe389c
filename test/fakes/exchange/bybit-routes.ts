/**
 * Bybit v5 as ccxt sees it (one host). Signed requests carry X-BAPI-API-KEY, X-BAPI-TIMESTAMP,
 * X-BAPI-RECV-WINDOW and X-BAPI-SIGN over `timestamp + apiKey + recvWindow + query` (GET) or
 * `+ body` (POST): lowercase hex HMAC-SHA256, or base64 RSA-SHA256 for self-generated keys
 * (Bybit's guide.mdx). The time window is `server - recvWindow <= ts < server + 1000`.
 *
 * Bodies are `{retCode, retMsg, result, retExtInfo, time}` (docs/v5/error.mdx codes). 10004
 * echoes the signed text, API key included, as Bybit does: the adapter must never keep a
 * message. HTTP 401 for the key, signature, clock and IP refusals is [unsure] upstream.
 */
import type { FakeAccount } from './accounts.js'
import { header, hmac, json, omit, verifyKeySignature, type FakeResponse, type RouteContext } from './http.js'

/** A Bybit body, success (`retCode` 0) or error. */
export function bybitBody(now: number, retCode: number, retMsg: string, result: unknown = {}): Record<string, unknown> {
  return { retCode, retMsg, result, retExtInfo: {}, time: now }
}

const DAY_MS = 86_400_000
/** Bybit: "No ip bound api key will be invalid after 90 days" (modify-sub-apikey.mdx). */
export const BYBIT_UNBOUND_DAYS = 90

/** Answers one Bybit request. */
export function bybitRoute(ctx: RouteContext): FakeResponse {
  const { method, path, now } = ctx
  const ok = (result: unknown) => json(200, bybitBody(now, 0, 'OK', result))
  if (method === 'GET' && path === '/v5/market/time') return ok({ timeSecond: String(Math.floor(now / 1000)), timeNano: `${now}000000` })
  if (method === 'GET' && path === '/v5/user/query-api') return signed(ctx, (a) => ok(apiKeyInfo(a, now)))
  if (method === 'GET' && path === '/v5/account/wallet-balance') return signed(ctx, (a) => walletBalance(ctx, a))
  return json(404, bybitBody(now, 10017, 'Route not found'))
}

function signed(ctx: RouteContext, answer: (a: FakeAccount) => FakeResponse): FakeResponse {
  const err = (status: number, code: number, msg: string) => json(status, bybitBody(ctx.now, code, msg))
  const key = header(ctx.headers, 'x-bapi-api-key') ?? ''
  const ts = header(ctx.headers, 'x-bapi-timestamp') ?? ''
  const recv = header(ctx.headers, 'x-bapi-recv-window') ?? '5000'
  const sign = header(ctx.headers, 'x-bapi-sign') ?? ''
  const a = ctx.accounts.find('bybit', key)
  if (!a) return err(401, 10003, 'API key is invalid.')
  if (a.expiresAt !== undefined && a.expiresAt <= ctx.now) return err(401, 33004, 'Your api key has expired.')
  const t = Number(ts)
  if (!Number.isFinite(t) || t >= ctx.now + 1000 || ctx.now - Number(recv) > t) {
    return err(401, 10002, `invalid request, please check your server timestamp or recv_window param. req_timestamp[${ts}],server_timestamp[${ctx.now}],recv_window[${recv}]`)
  }
  if (a.ipWhitelist.length > 0 && !a.ipWhitelist.includes(ctx.callerIp)) return err(401, 10010, "Unmatched IP, please check your API key's bound IP addresses.")
  const payload = ts + key + recv + (ctx.method === 'GET' ? ctx.query : ctx.body)
  const valid = a.keyType === 'rsa' ? verifyKeySignature(a.secret, 'rsa', payload, sign) : sign === hmac(a.secret, payload, 'hex')
  if (!valid) return err(401, 10004, `error sign! origin_string[${payload}]`)
  if (a.frozen) return err(200, 10008, 'Common banned, please check your account mode')
  return answer(a)
}

function groups(a: FakeAccount): Record<string, string[]> {
  const out: Record<string, string[]> = { ContractTrade: [], Spot: [], Wallet: [], Options: [], Derivatives: [], CopyTrading: [], BlockTrade: [], Exchange: [], NFT: [], Affiliate: [], Earn: [] }
  for (const p of a.permissions) {
    const [group, name] = p.split(':') as [string, string]
    ;(out[group] ??= []).push(name)
  }
  return out
}

function apiKeyInfo(a: FakeAccount, now: number): Record<string, unknown> {
  const unbound = a.ipWhitelist.length === 0
  // Bybit states a date only for keys with no IP bound (90 days from creation), or when set.
  const expiresAt = a.expiresAt ?? (unbound ? a.createdAt + BYBIT_UNBOUND_DAYS * DAY_MS : undefined)
  return omit({
    id: '16651472',
    note: 'backfuture',
    apiKey: a.apiKey,
    readOnly: a.readOnly ? 1 : 0,
    secret: '',
    permissions: omit(groups(a), a.omitFields),
    ips: unbound ? ['*'] : [...a.ipWhitelist],
    type: 1,
    deadlineDay: expiresAt === undefined ? 0 : Math.max(0, Math.ceil((expiresAt - now) / DAY_MS)),
    expiredAt: expiresAt === undefined ? '' : new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    createdAt: new Date(a.createdAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    unified: 0,
    uta: a.uta ? 1 : 0,
    userID: 53_888_001,
    inviterID: 0,
    vipLevel: 'No VIP',
    mktMakerLevel: '0',
    affiliateID: 0,
    rsaPublicKey: '',
    isMaster: true,
    parentUid: '0',
    kycLevel: 'LEVEL_DEFAULT',
    kycRegion: '',
  }, a.omitFields)
}

function walletBalance(ctx: RouteContext, a: FakeAccount): FakeResponse {
  const type = new URLSearchParams(ctx.query).get('accountType') ?? ''
  const allowed = a.uta ? ['UNIFIED'] : ['SPOT', 'CONTRACT']
  if (!allowed.includes(type)) return json(200, bybitBody(ctx.now, 10001, `accountType only support ${allowed.join(', ')}.`))
  const coins = type === 'CONTRACT' ? { USDT: a.futuresBalance } : a.balances
  const coin = Object.entries(coins).map(([name, amount]) => ({ coin: name, equity: String(amount), walletBalance: String(amount), usdValue: String(amount), locked: '0', unrealisedPnl: '0' }))
  return json(200, bybitBody(ctx.now, 0, 'OK', { list: [{ accountType: type, totalEquity: '0', totalWalletBalance: '0', coin }] }))
}
