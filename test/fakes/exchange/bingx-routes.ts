/**
 * BingX as ccxt sees it: `https://open-api.bingx.com/openApi/...`, one host. Signed requests put
 * every parameter, `timestamp` (ms) included, in the query, sorted by key, and append
 * `&signature=` + hex HMAC-SHA256(secret, that query); the key goes in X-BX-APIKEY. ccxt's
 * X-SOURCE-KEY header is ignored.
 *
 * BingX answers errors with HTTP 200 and its own code. Codes and texts are those of its
 * apiPermissions error table (100413 Incorrect apiKey, 100419 IP, 100421 timestamp, 100410 rate)
 * and its common table (100001 signature, 100004 permission); the timestamp must be within
 * 5 seconds of the server's ("otherwise the request will be considered expired and rejected").
 */
import type { FakeAccount } from './accounts.js'
import { header, hmac, ipAllowed, json, type FakeResponse, type RouteContext } from './http.js'

const ok = (data: unknown) => json(200, { code: 0, msg: '', debugMsg: '', data })
const fail = (code: number, msg: string) => json(200, { code, msg, debugMsg: '', success: false, timestamp: Date.now() })

const READ = '2'

/** Answers one BingX request. */
export function bingxRoute(ctx: RouteContext): FakeResponse {
  const { method, path } = ctx
  if (method === 'GET' && (path === '/openApi/spot/v1/server/time' || path === '/openApi/swap/v2/server/time')) return ok({ serverTime: ctx.now })
  if (method === 'GET' && path === '/openApi/v1/account/apiPermissions') return signed(ctx, READ, permissions)
  if (method === 'GET' && path === '/openApi/spot/v1/account/balance') return signed(ctx, READ, spotBalance)
  if (method === 'GET' && path === '/openApi/swap/v3/user/balance') return signed(ctx, READ, swapBalance)
  return json(404, { code: 100404, msg: 'api not found' })
}

function signed(ctx: RouteContext, permission: string, answer: (a: FakeAccount) => FakeResponse): FakeResponse {
  const account = ctx.accounts.find('bingx', header(ctx.headers, 'x-bx-apikey'))
  if (!account) return fail(100413, 'Incorrect apiKey')
  const at = ctx.query.lastIndexOf('&signature=')
  if (at === -1) return fail(100412, 'Null signature')
  const signedText = decodeURIComponent(ctx.query.slice(0, at))
  const params = new URLSearchParams(ctx.query.slice(0, at))
  const ts = Number(params.get('timestamp'))
  if (!Number.isFinite(ts) || Math.abs(ts - ctx.now) > 5000) {
    return fail(100421, 'Null timestamp or timestamp mismatch, try to run our sample code from the link https://bingx-api.github.io/docs/#/en-us/spot/account-api.html#Query%20Assets')
  }
  if (!ipAllowed(account.ipWhitelist, ctx.callerIp)) return fail(100419, 'IP does not match IP whitelist , please go to https://bingx.com/en/account/api/ to verify the ip you have set')
  const sorted = [...params.keys()].every((k, i, ks) => i === 0 || (ks[i - 1] as string) <= k)
  if (!sorted || ctx.query.slice(at + '&signature='.length) !== hmac(account.secret, signedText, 'hex')) return fail(100001, 'Signature verification failed')
  if (account.frozen) return fail(100414, 'Code: 100414, Msg: risk control check fail,code(1)')
  if (!account.permissions.includes(permission)) return fail(100004, 'Permission denied as the API key was created without the permission')
  return answer(account)
}

function permissions(a: FakeAccount): FakeResponse {
  return ok({ apiKey: a.apiKey, permissions: a.permissions.map(Number), ipAddresses: a.ipWhitelist, note: 'backfuture' })
}

function spotBalance(a: FakeAccount): FakeResponse {
  return ok({ balances: Object.entries(a.balances).map(([asset, free]) => ({ asset, free: String(free), locked: '0' })) })
}

function swapBalance(a: FakeAccount): FakeResponse {
  if (!a.permissions.includes('3')) return ok([])
  const b = String(a.futuresBalance)
  return ok([{ userId: '1', asset: 'USDT', balance: b, equity: b, unrealizedProfit: '0', realisedProfit: '0', availableMargin: b, usedMargin: '0', freezedMargin: '0', shortUid: '1' }])
}
