/**
 * Gate API v4 as ccxt sees it: one host, `/api/v4/...`. Signed requests carry KEY, Timestamp
 * (seconds) and SIGN = hex HMAC-SHA512(secret, `METHOD\n/api/v4/path\nquery\nhex(SHA512(body))\nts`).
 * ccxt's X-Gate-Channel-Id header is ignored.
 *
 * Errors are `{"label": ..., "message": ...}`; INVALID_KEY on HTTP 401 with "Invalid key provided"
 * is what Gate sent to a made-up key. The other statuses (401 for signature and time, 403 for IP
 * and permissions) and the 60 s window are [unsure] upstream. The fake's permissions are
 * `<name>:read` or `<name>:write` (Gate's `perms[].name` and `read_only`).
 */
import { createHash, createHmac } from 'node:crypto'
import type { FakeAccount } from './accounts.js'
import { header, ipAllowed, json, type FakeResponse, type RouteContext } from './http.js'

const fail = (status: number, label: string, message: string) => json(status, { label, message })

/** Answers one Gate request. */
export function gateRoute(ctx: RouteContext): FakeResponse {
  const { method, path } = ctx
  if (method === 'GET' && path === '/api/v4/spot/time') return json(200, { server_time: ctx.now })
  if (method === 'GET' && path === '/api/v4/account/main_keys') return signed(ctx, 'account', mainKeys)
  if (method === 'GET' && path === '/api/v4/spot/accounts') return signed(ctx, 'spot', spotAccounts)
  if (method === 'GET' && path === '/api/v4/futures/usdt/accounts') return signed(ctx, 'futures', futuresAccount)
  return fail(404, 'NOT_FOUND', 'Not found')
}

/** `spot:write` → { name: 'spot', read_only: false }. */
function perms(a: FakeAccount): Array<{ name: string; read_only: boolean }> {
  return a.permissions.map((p) => {
    const [name, level] = p.split(':') as [string, string | undefined]
    return { name, read_only: level !== 'write' }
  })
}

function signed(ctx: RouteContext, permission: string, answer: (a: FakeAccount) => FakeResponse): FakeResponse {
  const key = header(ctx.headers, 'key')
  const ts = header(ctx.headers, 'timestamp')
  const sign = header(ctx.headers, 'sign')
  if (!key || !ts || !sign) return fail(401, 'MISSING_REQUIRED_HEADER', 'Missing required header: KEY, Timestamp or SIGN')
  const account = ctx.accounts.find('gate', key)
  if (!account) return fail(401, 'INVALID_KEY', 'Invalid key provided')
  if (!(Math.abs(Number(ts) * 1000 - ctx.now) <= 60_000)) return fail(401, 'REQUEST_EXPIRED', 'Request timestamp is far from the server time')
  if (!ipAllowed(account.ipWhitelist, ctx.callerIp)) return fail(403, 'IP_FORBIDDEN', 'Request IP not in whitelist')
  const bodyHash = createHash('sha512').update(ctx.body).digest('hex')
  const text = [ctx.method, ctx.path, decodeURIComponent(ctx.query), bodyHash, ts].join('\n')
  if (sign !== createHmac('sha512', account.secret).update(text).digest('hex')) return fail(401, 'INVALID_SIGNATURE', 'Signature mismatch')
  if (account.frozen) return fail(403, 'ACCOUNT_LOCKED', 'Account is locked')
  if (!perms(account).some((p) => p.name === permission)) return fail(403, 'FORBIDDEN', `Request API key does not have ${permission} permission`)
  return answer(account)
}

const mask = (key: string) => `${key.slice(0, 12)}*****`

function mainKeys(a: FakeAccount): FakeResponse {
  const entry = (key: string) => ({
    state: 1,
    mode: 1,
    name: 'backfuture',
    user_id: a.uid,
    perms: perms(a),
    ip_whitelist: a.ipWhitelist,
    currency_pairs: [],
    key: mask(key),
    created_at: Math.floor(a.createdAt / 1000),
    updated_at: Math.floor(a.createdAt / 1000),
    last_access: Math.floor(Date.now() / 1000),
  })
  return json(200, [...a.otherKeys.map((k) => ({ ...entry(k), perms: [{ name: 'wallet', read_only: false }], ip_whitelist: [] })), entry(a.apiKey)])
}

function spotAccounts(a: FakeAccount): FakeResponse {
  return json(200, Object.entries(a.balances).map(([currency, amount], i) => ({ currency, available: String(amount), locked: '0', update_id: i + 1 })))
}

function futuresAccount(a: FakeAccount): FakeResponse {
  const b = String(a.futuresBalance)
  return json(200, { total: b, unrealised_pnl: '0', position_margin: '0', order_margin: '0', available: b, point: '0', currency: 'USDT', in_dual_mode: false, enable_credit: false })
}
