/**
 * KuCoin as ccxt sees it: spot host and futures host, both `/api/v1/...`. Signed requests carry
 * KC-API-KEY, KC-API-TIMESTAMP, KC-API-SIGN = base64 HMAC(secret, ts + METHOD + path?query +
 * body) and KC-API-PASSPHRASE = base64 HMAC(secret, passphrase) for key versions 2 and 3.
 * Partner headers (KC-API-PARTNER*) are ignored, as KuCoin does for non-partners.
 *
 * Order of checks is [unsure] upstream: headers, timestamp, key, IP, signature, passphrase,
 * frozen, permission. Checking the signature before the passphrase lets a wrong secret read as
 * 400005; on real KuCoin a wrong secret may surface as 400004 (the passphrase header is HMAC'd
 * with the secret), which the adapter's fix text covers.
 */
import type { FakeAccount } from './accounts.js'
import { header, hmac, ipAllowed, json, type FakeResponse, type RouteContext } from './http.js'

const ok = (data: unknown) => json(200, { code: '200000', data })
const authError = (code: string, msg: string, status = 401) => json(status, { code, msg })

/** Answers one KuCoin request; `ctx.role` is `spot` or `futures` (the host it came to). */
export function kucoinRoute(ctx: RouteContext): FakeResponse {
  const { method, path, role } = ctx
  if (method === 'GET' && path === '/api/v1/timestamp') return ok(ctx.now)
  if (role === 'spot' && method === 'GET' && path === '/api/v1/user/api-key') return signed(ctx, undefined, apiKeyInfo)
  if (role === 'spot' && method === 'GET' && path === '/api/v1/accounts') return signed(ctx, 'General', accounts)
  if (role === 'futures' && method === 'GET' && path === '/api/v1/account-overview') return signed(ctx, 'Futures', overview)
  return json(404, { code: '404000', msg: 'Not Found' })
}

function signed(ctx: RouteContext, permission: string | undefined, answer: (a: FakeAccount) => FakeResponse): FakeResponse {
  const key = header(ctx.headers, 'kc-api-key')
  const sign = header(ctx.headers, 'kc-api-sign')
  const ts = header(ctx.headers, 'kc-api-timestamp')
  const pass = header(ctx.headers, 'kc-api-passphrase')
  const version = header(ctx.headers, 'kc-api-key-version') ?? '1'
  if (!key || !sign || !ts || !pass) return authError('400001', 'Please check the header of your request for KC-API-KEY, KC-API-SIGN, KC-API-TIMESTAMP, KC-API-PASSPHRASE')
  if (!(Math.abs(Number(ts) - ctx.now) <= 5000 + ctx.timestampSlackMs)) return authError('400002', 'KC-API-TIMESTAMP Invalid -- Time differs from server time by more than 5 seconds')
  const account = ctx.accounts.find('kucoin', key)
  if (!account) return authError('400003', 'KC-API-KEY not exists')
  if (!ipAllowed(account.ipWhitelist, ctx.callerIp)) return authError('400006', `Invalid request ip, the current clientIp is:${ctx.callerIp}`)
  const endpoint = ctx.query ? `${ctx.path}?${ctx.query}` : ctx.path
  if (sign !== hmac(account.secret, ts + ctx.method + endpoint + ctx.body, 'base64')) return authError('400005', 'Signature error - Please check your signature')
  const expectedPass = version === '2' || version === '3' ? hmac(account.secret, account.passphrase, 'base64') : account.passphrase
  if (pass !== expectedPass) return authError('400004', 'Invalid KC-API-PASSPHRASE')
  if (account.frozen) return authError('411100', 'User is frozen', 403)
  if (permission && !account.permissions.includes(permission)) return authError('400007', 'Access denied, require more permission.', 403)
  return answer(account)
}

function maskIp(ip: string): string {
  const parts = ip.split('.')
  return parts.length === 4 ? `${parts[0]}.**.${parts[3]}` : ip
}

const PERMISSION_FIELD: Record<NonNullable<FakeAccount['permissionField']>, unknown> = {
  missing: undefined,
  null: null,
  object: { General: true, Spot: true, Transfer: true },
  'empty-string': '',
  'empty-array': [],
  'array-of-objects': [{ name: 'Transfer' }],
}

function apiKeyInfo(a: FakeAccount): FakeResponse {
  return ok({
    remark: 'backfuture',
    apiKey: a.apiKey,
    apiVersion: a.keyVersion,
    permission: a.permissionField ? PERMISSION_FIELD[a.permissionField] : a.permissions.join(','),
    ipWhitelist: a.ipWhitelist.map((ip) => (a.maskWhitelist ? maskIp(ip) : ip)).join(','),
    createdAt: 1_728_443_843_000,
    uid: 165_111_215,
    isMaster: true,
  })
}

function accounts(a: FakeAccount): FakeResponse {
  return ok(
    Object.entries(a.balances).map(([currency, amount], i) => ({
      id: `6${String(i).padStart(23, '0')}`,
      currency,
      type: 'trade',
      balance: String(amount),
      available: String(amount),
      holds: '0',
    })),
  )
}

function overview(a: FakeAccount): FakeResponse {
  const b = a.futuresBalance
  return ok({ accountEquity: b, unrealisedPNL: 0, marginBalance: b, positionMargin: 0, orderMargin: 0, frozenFunds: 0, availableBalance: b, currency: 'USDT' })
}
