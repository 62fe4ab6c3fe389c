/**
 * Bitget v2 as ccxt sees it: one host, `/api/v2/...`. Signed requests carry ACCESS-KEY,
 * ACCESS-TIMESTAMP (ms), ACCESS-PASSPHRASE (plain text) and ACCESS-SIGN = base64 HMAC-SHA256(secret,
 * ts + METHOD + path + ('?' + query for GET | body)). ccxt's X-CHANNEL-API-CODE header is ignored.
 *
 * Error bodies `{"code":"40037","msg":"Apikey does not exist","requestTime":...,"data":null}` on
 * HTTP 400 (the status and body Bitget sent to a made-up key); the other codes and texts follow
 * ccxt's exception table. Order of checks and the 30 s timestamp window are [unsure] upstream.
 */
import type { FakeAccount } from './accounts.js'
import { header, hmac, ipAllowed, json, type FakeResponse, type RouteContext } from './http.js'

const ok = (data: unknown) => json(200, { code: '00000', msg: 'success', requestTime: Date.now(), data })
const fail = (code: string, msg: string, status = 400) => json(status, { code, msg, requestTime: Date.now(), data: null })

const SPOT_READ = ['stor', 'stow']
const FUTURES_READ = ['coor', 'coow', 'cpor', 'cpow']

/** Answers one Bitget request. */
export function bitgetRoute(ctx: RouteContext): FakeResponse {
  const { method, path } = ctx
  if (method === 'GET' && path === '/api/v2/public/time') return ok({ serverTime: String(ctx.now) })
  if (method === 'GET' && path === '/api/v2/spot/account/info') return signed(ctx, SPOT_READ, accountInfo)
  if (method === 'GET' && path === '/api/v2/spot/account/assets') return signed(ctx, SPOT_READ, assets)
  if (method === 'GET' && path === '/api/v2/mix/account/accounts') return signed(ctx, FUTURES_READ, mixAccounts)
  return fail('40404', 'Request URL NOT FOUND', 404)
}

function signed(ctx: RouteContext, anyOf: readonly string[], answer: (a: FakeAccount, ctx: RouteContext) => FakeResponse): FakeResponse {
  const key = header(ctx.headers, 'access-key')
  const sign = header(ctx.headers, 'access-sign')
  const ts = header(ctx.headers, 'access-timestamp')
  const pass = header(ctx.headers, 'access-passphrase')
  if (!key) return fail('40001', 'ACCESS_KEY cannot be empty')
  if (!sign) return fail('40003', 'Signature cannot be empty')
  if (!pass) return fail('40011', 'ACCESS_PASSPHRASE cannot be empty')
  const account = ctx.accounts.find('bitget', key)
  if (!account) return fail('40037', 'Apikey does not exist')
  if (!ts || !(Math.abs(Number(ts) - ctx.now) <= 30_000)) return fail('40008', 'Request timestamp expired')
  if (!ipAllowed(account.ipWhitelist, ctx.callerIp)) return fail('40018', 'Invalid IP')
  const target = ctx.method === 'GET' ? (ctx.query ? `${ctx.path}?${decodeURIComponent(ctx.query)}` : ctx.path) : ctx.path + ctx.body
  if (sign !== hmac(account.secret, ts + ctx.method + target, 'base64')) return fail('40009', 'sign signature error')
  if (pass !== account.passphrase) return fail('40012', 'apikey/password is incorrect')
  if (account.frozen) return fail('40013', 'User status is abnormal')
  if (account.unified) return fail('40085', 'You are in Unified Account mode, and the Classic Account API is not supported')
  if (!account.permissions.some((p) => anyOf.includes(p))) return fail('40014', 'Incorrect permissions')
  return answer(account, ctx)
}

function accountInfo(a: FakeAccount): FakeResponse {
  return ok({
    userId: '1234567890',
    inviterId: '0',
    ips: a.ipWhitelist.join(','),
    authorities: a.permissions,
    parentId: 1234567890,
    traderType: 'not_trader',
    channelCode: '',
    channel: '',
    regisTime: '1700000000000',
  })
}

function assets(a: FakeAccount): FakeResponse {
  return ok(
    Object.entries(a.balances).map(([coin, amount]) => ({ coin, available: String(amount), frozen: '0', locked: '0', limitAvailable: '0', uTime: '1700000000000' })),
  )
}

function mixAccounts(a: FakeAccount, ctx: RouteContext): FakeResponse {
  if (new URLSearchParams(ctx.query).get('productType') !== 'USDT-FUTURES') return fail('40017', 'Parameter verification failed')
  const b = String(a.futuresBalance)
  return ok([{ marginCoin: 'USDT', locked: '0', available: b, crossedMaxAvailable: b, isolatedMaxAvailable: b, maxTransferOut: b, accountEquity: b, usdtEquity: b, unrealizedPL: '0' }])
}
