/**
 * Binance as ccxt sees it, every host under one prefix with its paths kept: spot `/api/v3`,
 * wallet `/sapi/v1`, USDⓈ-M futures `/fapi/v*`. Signed requests carry `X-MBX-APIKEY` and end
 * with `signature=`, computed over the query text before it plus the body: hex HMAC-SHA256
 * with the secret, or base64 Ed25519 / RSA-SHA256 with the user's private key (URL-encoded).
 *
 * Error bodies and statuses follow Binance's errors.md and public bug reports: `-2015`
 * (HTTP 401) for an unknown key, a refused IP and a missing permission alike; `-2014` (401)
 * for a malformed key; `-1022` (400) for a bad signature; `-1021` (400) for a timestamp
 * outside recvWindow. The order of checks upstream, and `-3022` for a frozen account, are
 * [unsure].
 */
import type { FakeAccount } from './accounts.js'
import { header, hmac, ipAllowed, json, omit, verifyKeySignature, type FakeResponse, type RouteContext } from './http.js'

const error = (status: number, code: number, msg: string) => json(status, { code, msg })
const REJECTED = () => error(401, -2015, 'Invalid API-key, IP, or permissions for action.')

/** Answers one Binance request; `ctx.role` is the host family (`spot`, `sapi`, `fapi`). */
export function binanceRoute(ctx: RouteContext): FakeResponse {
  const { method, path } = ctx
  if (method === 'GET' && path === '/api/v3/time') return json(200, { serverTime: ctx.now })
  if (method === 'GET' && path === '/api/v3/ping') return json(200, {})
  if (method === 'GET' && path === '/fapi/v1/time') return json(200, { serverTime: ctx.now })
  if (method === 'GET' && path === '/sapi/v1/account/apiRestrictions') return signed(ctx, undefined, restrictions)
  if (method === 'GET' && path === '/api/v3/account') return signed(ctx, 'enableReading', account)
  if (method === 'GET' && (path === '/fapi/v3/balance' || path === '/fapi/v2/balance')) return signed(ctx, 'enableFutures', futuresBalance)
  return error(404, -1000, 'Not found')
}

function signed(ctx: RouteContext, permission: string | undefined, answer: (a: FakeAccount, ctx: RouteContext) => FakeResponse): FakeResponse {
  const key = header(ctx.headers, 'x-mbx-apikey') ?? ''
  if (!/^[A-Za-z0-9]{64}$/.test(key)) return error(401, -2014, 'API-key format invalid.')
  const a = ctx.accounts.find('binance', key)
  if (!a || !ipAllowed(a.ipWhitelist, ctx.callerIp)) return REJECTED()
  const at = ctx.query.lastIndexOf('&signature=')
  const payload = (at === -1 ? ctx.query : ctx.query.slice(0, at)) + ctx.body
  const signature = at === -1 ? '' : decodeURIComponent(ctx.query.slice(at + '&signature='.length))
  const params = new URLSearchParams(at === -1 ? ctx.query : ctx.query.slice(0, at))
  const ts = Number(params.get('timestamp'))
  const recvWindow = Math.min(Number(params.get('recvWindow') ?? 5000), 60_000)
  if (!Number.isFinite(ts) || ts >= ctx.now + 1000) return error(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.")
  if (ctx.now - ts > recvWindow) return error(400, -1021, 'Timestamp for this request is outside of the recvWindow.')
  const valid = a.keyType === 'hmac' ? signature === hmac(a.secret, payload, 'hex') : verifyKeySignature(a.secret, a.keyType, payload, signature)
  if (!valid) return error(400, -1022, 'Signature for this request is not valid.')
  if (a.frozen) return error(400, -3022, "You account's trading is banned.")
  if (permission && !a.permissions.includes(permission)) return REJECTED()
  return answer(a, ctx)
}

function restrictions(a: FakeAccount): FakeResponse {
  const on = (p: string) => a.permissions.includes(p)
  return json(200, omit({
    ipRestrict: a.ipWhitelist.length > 0,
    createTime: a.createdAt,
    enableReading: on('enableReading'),
    enableWithdrawals: on('enableWithdrawals'),
    enableInternalTransfer: on('enableInternalTransfer'),
    enableMargin: on('enableMargin'),
    enableFutures: on('enableFutures'),
    permitsUniversalTransfer: on('permitsUniversalTransfer'),
    enableVanillaOptions: on('enableVanillaOptions'),
    enableFixApiTrade: false,
    enableFixReadOnly: false,
    enableSpotAndMarginTrading: on('enableSpotAndMarginTrading'),
    enablePortfolioMarginTrading: false,
    ...(a.expiresAt !== undefined ? { tradingAuthorityExpirationTime: a.expiresAt } : {}),
  }, a.omitFields))
}

function account(a: FakeAccount, ctx: RouteContext): FakeResponse {
  const omitZero = new URLSearchParams(ctx.query).get('omitZeroBalances') === 'true'
  const balances = Object.entries(a.balances)
    .filter(([, free]) => !omitZero || free > 0)
    .map(([asset, free]) => ({ asset, free: free.toFixed(8), locked: '0.00000000' }))
  return json(200, {
    makerCommission: 10,
    takerCommission: 10,
    buyerCommission: 0,
    sellerCommission: 0,
    canTrade: true, // account-level, as on Binance: says nothing about the key
    canWithdraw: true,
    canDeposit: true,
    brokered: false,
    requireSelfTradePrevention: false,
    updateTime: ctx.now,
    accountType: 'SPOT',
    balances,
    permissions: ['SPOT'],
    uid: 354_937_868,
  })
}

function futuresBalance(a: FakeAccount, ctx: RouteContext): FakeResponse {
  const b = a.futuresBalance.toFixed(8)
  return json(200, [{ accountAlias: 'SgsR', asset: 'USDT', balance: b, crossWalletBalance: b, crossUnPnl: '0.00000000', availableBalance: b, maxWithdrawAmount: b, marginAvailable: true, updateTime: ctx.now }])
}
