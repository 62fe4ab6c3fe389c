/**
 * HTX as ccxt sees it: the spot host (`/v1/...`, `/v2/...`) and the contract host (role
 * `futures`). Signed requests carry AccessKeyId, SignatureMethod=HmacSHA256, SignatureVersion=2,
 * Timestamp (UTC, `YYYY-MM-DDThh:mm:ss`) and the GET parameters in the query, and `Signature` =
 * base64 HMAC-SHA256(secret, `GET\n<host>\n<path>\n<params sorted by name, URL-encoded>`).
 *
 * The host in that text is the one the request reached (its Host header), as on HTX: a request
 * signed for another host fails like a wrong secret ("Verification failure"), which is how a
 * forgotten host override would show.
 *
 * Auth errors are the v1 gateway body on HTTP 200, one code for many causes told apart by
 * `err-msg` (texts from HTX's SDK issues and ccxt's comments; that the v2 paths answer auth
 * errors in this v1 shape is [unsure]); the contract host answers `err_code` 403 / 1220. The
 * timestamp window (60 s here) is [unsure] upstream.
 */
import type { FakeAccount } from './accounts.js'
import { header, hmac, ipAllowed, json, type FakeResponse, type RouteContext } from './http.js'

const v2 = (data: unknown) => json(200, { code: 200, data, success: true })
const authError = (msg: string) => json(200, { status: 'error', 'err-code': 'api-signature-not-valid', 'err-msg': `Signature not valid: ${msg}`, data: null })
const contractError = (code: number, msg: string) => json(200, { status: 'error', err_code: code, err_msg: msg, ts: Date.now() })

/** Fake-only permission word: the account has opened contracts trading (never shown in `permission`). */
export const HTX_CONTRACTS_OPENED = 'contracts'

/** Answers one HTX request; `ctx.role` is `spot` or `futures` (the contract host). */
export function htxRoute(ctx: RouteContext): FakeResponse {
  const { method, path, role } = ctx
  if (role === 'spot' && method === 'GET' && path === '/v1/common/timestamp') return json(200, { status: 'ok', data: ctx.now })
  if (role === 'spot' && method === 'GET' && path === '/v2/user/uid') return signed(ctx, (a) => v2(a.uid))
  if (role === 'spot' && method === 'GET' && path === '/v2/user/api-key') return signed(ctx, apiKey)
  if (role === 'spot' && method === 'GET' && path === '/v2/account/asset-valuation') return signed(ctx, valuation)
  if (role === 'futures' && method === 'GET' && path === '/v5/account/balance') return signed(ctx, contractBalance)
  return json(404, { status: 'error', 'err-code': 'invalid-parameter', 'err-msg': 'invalid url path', data: null })
}

/** `2026-11-30T10:00:00` (UTC, seconds) → ms, or NaN. */
function parseTimestamp(ts: string): number {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(ts) ? Date.parse(`${ts}Z`) : NaN
}

function signed(ctx: RouteContext, answer: (a: FakeAccount, params: URLSearchParams) => FakeResponse): FakeResponse {
  const futures = ctx.role === 'futures'
  const deny = (kind: 'key' | 'ip' | 'time' | 'signature' | 'permission', extra = '') => {
    const text = {
      key: 'Incorrect Access key [Access key错误]',
      ip: `Incorrect IP address [IP地址错误]:${extra}`,
      time: 'Invalid submission time or incorrect time format [无效的提交时间，或时间格式错误]',
      signature: 'Verification failure [校验失败]',
      permission: 'API key has no permission [API Key没有权限]',
    }[kind]
    return futures ? contractError(403, text) : authError(text)
  }
  const pairs = ctx.query.split('&').filter(Boolean).map((p) => {
    const i = p.indexOf('=')
    return i === -1 ? [p, ''] : [p.slice(0, i), p.slice(i + 1)]
  }) as Array<[string, string]>
  const params = new URLSearchParams(ctx.query)
  const account = ctx.accounts.find('htx', params.get('AccessKeyId') ?? undefined)
  if (!account) return deny('key')
  if (!(Math.abs(parseTimestamp(params.get('Timestamp') ?? '') - ctx.now) <= 60_000)) return deny('time')
  if (!ipAllowed(account.ipWhitelist, ctx.callerIp)) return deny('ip', ctx.callerIp)
  if (params.get('SignatureMethod') !== 'HmacSHA256' || params.get('SignatureVersion') !== '2') return deny('signature')
  const sent = pairs.find(([k]) => k === 'Signature')?.[1]
  const signedQuery = pairs
    .filter(([k]) => k !== 'Signature')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
  const host = (header(ctx.headers, 'host') ?? '').toLowerCase()
  const expected = hmac(account.secret, `${ctx.method}\n${host}\n${ctx.path}\n${signedQuery}`, 'base64')
  if (sent === undefined || decodeURIComponent(sent) !== expected) return deny('signature')
  if (account.keyStatus === 'expired') return authError('API key has expired [API Key已过期]')
  if (!account.permissions.includes('readOnly')) return deny('permission')
  return answer(account, params)
}

function apiKey(a: FakeAccount, params: URLSearchParams): FakeResponse {
  if (params.get('uid') !== String(a.uid)) return json(200, { code: 2002, message: 'invalid field value in `uid`', data: null })
  const asked = params.get('accessKey')
  const trades = a.permissions.includes('trade') || a.permissions.includes('withdraw')
  const validDays = a.validDays ?? (a.ipWhitelist.length === 0 && trades ? 90 : -1)
  const entry = {
    accessKey: a.apiKey,
    note: 'backfuture',
    permission: a.permissions.filter((p) => p !== HTX_CONTRACTS_OPENED).join(','),
    ipAddresses: a.ipWhitelist.join(','),
    validDays,
    status: a.keyStatus,
    createTime: 1_700_000_000_000,
    updateTime: 1_700_000_000_000,
  }
  // `otherKeys` set: HTX lists keys, but not this one (as for a key it does not show its owner).
  if (a.otherKeys.length > 0) return v2(a.otherKeys.map((k) => ({ ...entry, accessKey: k })))
  return v2(asked && asked !== a.apiKey ? [] : [entry])
}

function valuation(a: FakeAccount): FakeResponse {
  const total = Object.values(a.balances).reduce((x, y) => x + y, 0)
  return v2({ balance: String(total), timestamp: Date.now() })
}

function contractBalance(a: FakeAccount): FakeResponse {
  if (!a.permissions.includes(HTX_CONTRACTS_OPENED)) return contractError(1220, "You don’t have access permission as you have not opened contracts trading.")
  if (!a.unified) return json(200, { code: 4007, msg: 'Unified account special interface, non - one account is not available', data: null, ts: String(Date.now()) })
  const b = String(a.futuresBalance)
  return json(200, { code: 200, message: 'Success', success: true, data: { equity: b, available_margin: b, details: [{ currency: 'USDT', equity: b, available: b }] } })
}
