/**
 * OKX v5 as ccxt sees it (one host for spot and derivatives). Signed requests carry
 * OK-ACCESS-KEY, OK-ACCESS-TIMESTAMP (ISO 8601 with ms), OK-ACCESS-PASSPHRASE (plain text) and
 * OK-ACCESS-SIGN = base64 HMAC-SHA256(secret, timestamp + METHOD + /api/v5/path?query + body)
 * (docs-v5 "REST Authentication"). Requests older or newer than 30 s are refused.
 *
 * Error bodies `{code, msg}` with the statuses of OKX's error table: 50111/50113/50105/50110/
 * 50101/50102 with HTTP 401; 50119 and 50120 with HTTP 200. A demo-trading key is refused on
 * live requests (no `x-simulated-trading: 1`) with 50101.
 */
import type { FakeAccount } from './accounts.js'
import { header, hmac, json, omit, type FakeResponse, type RouteContext } from './http.js'

const ok = (data: unknown[]) => json(200, { code: '0', msg: '', data })
const error = (status: number, code: string, msg: string) => json(status, { msg, code })
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Answers one OKX request. */
export function okxRoute(ctx: RouteContext): FakeResponse {
  const { method, path } = ctx
  if (method === 'GET' && path === '/api/v5/public/time') return ok([{ ts: String(ctx.now) }])
  if (method === 'GET' && path === '/api/v5/account/config') return signed(ctx, undefined, (a) => ok([config(a)]))
  if (method === 'GET' && path === '/api/v5/account/balance') return signed(ctx, 'read_only', balance)
  return error(404, '50000', 'Not found')
}

function signed(ctx: RouteContext, permission: string | undefined, answer: (a: FakeAccount) => FakeResponse): FakeResponse {
  const key = header(ctx.headers, 'ok-access-key')
  const ts = header(ctx.headers, 'ok-access-timestamp') ?? ''
  const sign = header(ctx.headers, 'ok-access-sign')
  const pass = header(ctx.headers, 'ok-access-passphrase')
  if (!key) return error(401, '50103', 'Request header "OK-ACCESS-KEY" cannot be empty.')
  if (!pass) return error(401, '50104', 'Request header "OK-ACCESS-PASSPHRASE" cannot be empty.')
  if (!sign) return error(401, '50106', 'Request header "OK-ACCESS-SIGN" cannot be empty.')
  if (!UUID.test(key)) return error(401, '50111', 'Invalid OK-ACCESS-KEY')
  const a = ctx.accounts.find('okx', key)
  if (!a) return error(200, '50119', "API key doesn't exist")
  if (a.demo !== (header(ctx.headers, 'x-simulated-trading') === '1')) return error(401, '50101', 'APIKey does not match current environment.')
  const t = Date.parse(ts)
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(ts) || !Number.isFinite(t)) return error(401, '50112', 'Invalid OK-ACCESS-TIMESTAMP')
  if (Math.abs(t - ctx.now) > 30_000) return error(401, '50102', 'Timestamp request expired')
  if (a.ipWhitelist.length > 0 && !a.ipWhitelist.includes(ctx.callerIp)) return error(401, '50110', `Your IP ${ctx.callerIp} is not included in your API key's IP whitelist.`)
  const requestPath = ctx.query ? `${ctx.path}?${ctx.query}` : ctx.path
  if (sign !== hmac(a.secret, ts + ctx.method + requestPath + ctx.body, 'base64')) return error(401, '50113', 'Invalid Sign')
  if (pass !== a.passphrase) return error(401, '50105', 'Request header "OK-ACCESS-PASSPHRASE" incorrect.')
  if (a.frozen) return error(200, '50100', 'API frozen, please contact customer service.')
  if (permission && !a.permissions.includes(permission)) return error(200, '50120', "This API key doesn't have permission to use this function")
  return answer(a)
}

function config(a: FakeAccount): Record<string, unknown> {
  return omit({
    acctLv: a.acctLv,
    autoLoan: false,
    ctIsoMode: 'automatic',
    greeksType: 'PA',
    ip: a.ipWhitelist.join(','),
    kycLv: '3',
    label: 'backfuture',
    level: 'Lv1',
    levelTmp: '',
    mainUid: '44705892343619584',
    mgnIsoMode: 'automatic',
    opAuth: '0',
    perm: a.permissions.join(','),
    posMode: 'long_short_mode',
    roleType: '0',
    spotOffsetType: '',
    spotRoleType: '0',
    spotTraderInsts: [],
    traderInsts: [],
    type: '0',
    uid: '44705892343619584',
  }, a.omitFields)
}

function balance(a: FakeAccount): FakeResponse {
  const details = Object.entries(a.balances).map(([ccy, amount]) => ({ ccy, eq: String(amount), cashBal: String(amount), availBal: String(amount), frozenBal: '0', eqUsd: String(amount) }))
  return ok([{ totalEq: '0', adjEq: '', details, uTime: String(Date.now()) }])
}
