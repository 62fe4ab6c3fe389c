/**
 * MEXC as ccxt sees it: spot v3 (`/api/v3/...`, signed with a hex HMAC of the query string and
 * the key in X-MEXC-APIKEY) and the contract API (`/api/v1/private/...`, signed over
 * apiKey + Request-Time + params with the key in `ApiKey`). Error bodies and codes follow
 * MEXC's docs and ccxt's exception table; HTTP 400 for spot errors is [unsure] upstream.
 */
import type { FakeAccount } from './accounts.js'
import { header, hmac, ipAllowed, json, type FakeResponse, type RouteContext } from './http.js'

const SYMBOLS = new Set(['BTCUSDT', 'ETHUSDT', 'MXUSDT'])
const spotError = (code: number, msg: string) => json(400, { code, msg })
const contractError = (code: number, message: string) => json(200, { success: false, code, message })

/** Answers one MEXC request. */
export function mexcRoute(ctx: RouteContext): FakeResponse {
  const { method, path } = ctx
  if (method === 'GET' && path === '/api/v3/time') return json(200, { serverTime: ctx.now })
  if (method === 'GET' && path === '/api/v3/ping') return json(200, {})
  if (method === 'GET' && path === '/api/v3/account') return spotSigned(ctx, 'SPOT_ACCOUNT_READ', accountBody)
  if (method === 'POST' && path === '/api/v3/order/test') return spotSigned(ctx, 'SPOT_DEAL_WRITE', orderTest)
  if (method === 'GET' && path === '/api/v1/contract/ping') return json(200, { success: true, code: 0, data: ctx.now })
  if (method === 'GET' && path === '/api/v1/private/account/assets') return contractSigned(ctx, 'CONTRACT_ACCOUNT_READ', contractAssets)
  return json(404, { code: 404, msg: 'Not Found' })
}

function spotSigned(ctx: RouteContext, permission: string, answer: (a: FakeAccount, params: URLSearchParams) => FakeResponse): FakeResponse {
  const account = ctx.accounts.find('mexc', header(ctx.headers, 'x-mexc-apikey'))
  if (!account) return spotError(10072, 'Api key info invalid')
  if (!ipAllowed(account.ipWhitelist, ctx.callerIp)) return spotError(700006, `IP [${ctx.callerIp}] not in the ip white list`)
  // The signature is the last parameter; it signs the exact text before it (plus any body).
  const at = ctx.query.lastIndexOf('&signature=')
  const signed = at === -1 ? ctx.query : ctx.query.slice(0, at)
  const signature = at === -1 ? '' : ctx.query.slice(at + '&signature='.length)
  const params = new URLSearchParams(signed)
  const ts = Number(params.get('timestamp'))
  const recvWindow = Math.min(Number(params.get('recvWindow') ?? 5000), 60_000)
  if (!Number.isFinite(ts) || ts - ctx.now > 1000 + ctx.timestampSlackMs || ctx.now - ts > recvWindow + ctx.timestampSlackMs) return spotError(700003, 'Timestamp for this request is outside of the recvWindow.')
  if (signature !== hmac(account.secret, signed + ctx.body, 'hex')) return spotError(700002, 'Signature for this request is not valid.')
  if (account.frozen) return spotError(730100, 'Unusual user status')
  if (!account.permissions.includes(permission)) return spotError(700007, 'No permission to access the endpoint.')
  return answer(account, params)
}

function accountBody(a: FakeAccount): FakeResponse {
  return json(200, {
    makerCommission: null,
    takerCommission: null,
    buyerCommission: null,
    sellerCommission: null,
    canTrade: a.permissions.includes('SPOT_DEAL_WRITE'),
    canWithdraw: true, // account-level, as on MEXC: says nothing about the key
    canDeposit: true,
    updateTime: null,
    accountType: 'SPOT',
    balances: Object.entries(a.balances).map(([asset, free]) => ({ asset, free: String(free), locked: '0' })),
    permissions: ['SPOT'],
  })
}

function orderTest(a: FakeAccount, p: URLSearchParams): FakeResponse {
  if (!SYMBOLS.has(p.get('symbol') ?? '')) return spotError(-1121, 'Invalid symbol.')
  // MEXC keys may carry a list of pairs; any other pair is refused for this key only.
  if (a.symbols.length > 0 && !a.symbols.includes(p.get('symbol') ?? '')) return spotError(30020, 'no permission for the symbol')
  if (!p.get('side') || !p.get('type') || !(Number(p.get('quantity')) > 0)) return spotError(700004, 'Mandatory parameter missing')
  return json(200, {})
}

function contractSigned(ctx: RouteContext, permission: string, answer: (a: FakeAccount) => FakeResponse): FakeResponse {
  const account = ctx.accounts.find('mexc', header(ctx.headers, 'apikey'))
  if (!account) return contractError(401, 'Not logged in or login has expired')
  if (!ipAllowed(account.ipWhitelist, ctx.callerIp)) return contractError(406, 'Accessing IP is not in the whitelist')
  const time = header(ctx.headers, 'request-time') ?? ''
  if (Math.abs(Number(time) - ctx.now) > 10_000 + ctx.timestampSlackMs) return contractError(10073, 'Invalid Request-Time')
  const sorted = [...new URLSearchParams(ctx.query)].sort(([a], [b]) => (a < b ? -1 : 1))
  const paramString = ctx.method === 'POST' ? ctx.body : new URLSearchParams(sorted).toString()
  if (header(ctx.headers, 'signature') !== hmac(account.secret, account.apiKey + time + paramString, 'hex')) return contractError(602, 'Signature verification failed!')
  if (account.frozen) return contractError(1000, 'Account does not exist')
  if (!account.permissions.includes(permission)) return contractError(701, 'Please enable API Key read access')
  return answer(account)
}

function contractAssets(a: FakeAccount): FakeResponse {
  const b = a.futuresBalance
  return json(200, {
    success: true,
    code: 0,
    data: [{ currency: 'USDT', positionMargin: 0, availableBalance: b, cashBalance: b, frozenBalance: 0, equity: b, unrealized: 0, bonus: 0 }],
  })
}
